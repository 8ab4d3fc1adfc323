import type { ClinicField } from '../../shared/selector-strategy';
import { locate, normalizeText } from './dom-query';
import { SELECTORS, type SelectorRegistry } from './selectors';

/** A field's element, following the registry's `within` chain; null unless exactly one. */
export function locateField(doc: Document, registry: SelectorRegistry, field: ClinicField): Element | null {
  const entry = registry.fields[field];
  const scope: ParentNode | null = entry.within ? locateField(doc, registry, entry.within) : doc;
  if (!scope) return null;
  const located = locate(scope, entry.strategies);
  return located.status === 'found' ? located.element : null;
}

export type ComposerInsert =
  /** The text is in the chat box, which has focus with the caret at the end. Nothing was sent. */
  | { status: 'inserted' }
  /** The chat box already holds the text (a second click): left as it is, focused. */
  | { status: 'already-there' }
  /** The chat box is disabled (the visit is not ongoing). */
  | { status: 'disabled' }
  /** No single chat box found: the caller shows the text to copy by hand. */
  | { status: 'missing' };

/**
 * Puts `text` into the console's chat composer for the clinician to read and send (R-NR-1). It
 * NEVER sends: no Enter, no submit, no click. What the clinician already typed is kept (the text
 * goes after it, separated by a space, as the console's own phrase buttons do).
 *
 * The console's framework keeps its own copy of the draft and listens for input events, so the
 * value is set through the native setter (a React-style value tracker on the element would
 * otherwise swallow the change) and an `input` event (then `change`) is dispatched.
 */
export function insertIntoComposer(
  doc: Document,
  text: string,
  registry: SelectorRegistry = SELECTORS,
): ComposerInsert {
  const el = locateField(doc, registry, 'chatComposer');
  if (!el) return { status: 'missing' };
  const win = doc.defaultView;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'INPUT') {
    const field = el as HTMLTextAreaElement;
    if (field.disabled || field.readOnly || el.getAttribute('aria-disabled') === 'true') return { status: 'disabled' };
    const current = field.value ?? '';
    if (normalizeText(current).includes(normalizeText(text))) {
      focusAtEnd(field);
      return { status: 'already-there' };
    }
    const next = current.trim() ? `${current.trimEnd()} ${text}` : text;
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
    if (setter) setter.call(field, next);
    else field.value = next;
    const InputEventCtor = (win as (Window & typeof globalThis) | null)?.InputEvent;
    const EventCtor = (win as (Window & typeof globalThis) | null)?.Event ?? Event;
    field.dispatchEvent(
      InputEventCtor
        ? new InputEventCtor('input', { bubbles: true, composed: true, inputType: 'insertText', data: text })
        : new EventCtor('input', { bubbles: true, composed: true }),
    );
    field.dispatchEvent(new EventCtor('change', { bubbles: true }));
    focusAtEnd(field);
    return field.value === next ? { status: 'inserted' } : { status: 'missing' };
  }
  if ((el as HTMLElement).isContentEditable) {
    if (el.getAttribute('aria-disabled') === 'true') return { status: 'disabled' };
    if (normalizeText(el.textContent).includes(normalizeText(text))) return { status: 'already-there' };
    (el as HTMLElement).focus();
    const selection = win?.getSelection();
    selection?.selectAllChildren(el);
    selection?.collapseToEnd();
    const prefix = normalizeText(el.textContent) ? ' ' : '';
    // execCommand goes through the editor's own input pipeline (beforeinput/input events).
    try {
      if (typeof doc.execCommand === 'function') doc.execCommand('insertText', false, `${prefix}${text}`);
    } catch {
      // No editing command here: reported as missing below, never thrown.
    }
    return normalizeText(el.textContent).includes(normalizeText(text)) ? { status: 'inserted' } : { status: 'missing' };
  }
  return { status: 'missing' };
}

function focusAtEnd(field: HTMLTextAreaElement): void {
  field.focus();
  const end = field.value.length;
  try {
    field.setSelectionRange(end, end);
  } catch {
    // Some input types have no selection; focus is enough.
  }
}
