import type { ShiftEndModel } from '../../../features/shift-end';
import { defineView } from './view';

/** R-S-2: the vårdenhet changed, so the old unit's shift ended and its visit data is purged. */
export default defineView<ShiftEndModel>('shift-end', ({ model }) => (
  <p class="alert info" data-shift-end="unit-changed">
    {model.text}
  </p>
));
