// The "Kopiera personnummer" button beside the patient's ID and its feedback line (R-ID-1). Plain
// DOM, no UI library in the content script (issue 14): the elements are made once per inline
// container, a redraw (every page change) writes only what changed.
import { element, setAttr, setText } from './dom-patch';
import { t } from './i18n';

export type CopyFeedback = { ok: boolean; text: string } | null;

interface CopyParts {
  container: HTMLElement;
  button: HTMLButtonElement;
  feedback: HTMLElement;
}

/**
 * The button: pressable even when refused (aria-disabled, not disabled), so a press says why
 * (`onCopy` decides); `refusal` is its title then.
 */
export function createCopyButton(onCopy: () => void) {
  let parts: CopyParts | null = null;

  const make = (container: HTMLElement): CopyParts => {
    const root = element(container, 'span', { class: 'inline' });
    const button = element(container, 'button', { type: 'button', class: 'copy' });
    button.addEventListener('click', onCopy);
    root.append(button);
    container.replaceChildren(root);
    return { container, button, feedback: element(container, 'span') };
  };

  return {
    draw(container: HTMLElement, refusal: string | null, feedback: CopyFeedback): void {
      if (parts?.container !== container) parts = make(container);
      const { button, feedback: line } = parts;
      setAttr(button, 'aria-disabled', refusal ? 'true' : 'false');
      setAttr(button, 'title', refusal ?? t('page_copyTitle'));
      setText(button, t(feedback?.ok ? 'page_copied' : 'page_copyButton'));
      if (!feedback) {
        line.remove();
        return;
      }
      // Worded before it is shown: a new role="alert" is read out as it appears.
      setAttr(line, 'class', `feedback ${feedback.ok ? 'ok' : 'error'}`);
      setAttr(line, 'role', feedback.ok ? 'status' : 'alert');
      setText(line, feedback.text);
      if (!line.isConnected) button.after(line);
    },
  };
}
