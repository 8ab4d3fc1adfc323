import type { NoReplyTimerModel } from '../../../features/no-reply-timer';
import { CHIP_STYLE, Chip } from '../no-reply-card';
import { defineView } from './view';

/** The no-reply chip (R-NR-1..R-NR-5); its presses go to the feature in the tab, by `data-action`. */
export default defineView<NoReplyTimerModel>('no-reply-timer', ({ model, act }) => (
  <>
    <style>{CHIP_STYLE}</style>
    <Chip
      model={model}
      actions={{
        onInsert: () => act('insert-notice'),
        onPhone: () => act('phone-attempt'),
        onUndoPhone: () => act('undo-phone-attempt'),
        onMarkNotice: (at) => act('mark-notice', at),
        onClose: () => act('close-no-reply'),
      }}
    />
  </>
));
