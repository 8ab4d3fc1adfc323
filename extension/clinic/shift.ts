import { accessibleName } from './dom-query';

/** The console's control that ends the shift (R-S-2: the shift ends only by this choice). */
export const END_SHIFT_BUTTON_NAME = 'Avsluta skift';

/**
 * Calls `onEnd` when the clinician chooses "Avsluta skift". Detected at the click (capture
 * phase, before the console logs out and removes the page), since after it no page shows a shift.
 */
export function watchShiftEnd(doc: Document, onEnd: () => void, signal: AbortSignal): void {
  const onClick = (event: Event) => {
    const target = event.target instanceof Element ? event.target.closest('button, [role="button"]') : null;
    if (target && accessibleName(target) === END_SHIFT_BUTTON_NAME) onEnd();
  };
  doc.addEventListener('click', onClick, { capture: true });
  signal.addEventListener('abort', () => doc.removeEventListener('click', onClick, { capture: true }));
}
