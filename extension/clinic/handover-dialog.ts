import type { Receiver } from '../../shared/routine/handover';
import { accessibleName, locateAll, normalizeText } from './dom-query';
import type { SelectorRegistry } from './selectors';

/** The console's "Lämna över besök" dialog, when open: who the case goes to (R-HO-1). */
export interface HandoverDialog {
  /** null: the dialog is open but its receiver could not be read. */
  receiver: Receiver | null;
}

const RECEIVER_LABELS = ['Välj resurs', 'Resurs', 'Mottagare', 'Roll'];

/**
 * Reads the dialog by its name and its receiver control by label. A chosen option is a role when
 * its text is one of the vocabulary's roles, else a person ("Lars Läkarsson (Läkare)").
 */
export function readHandoverDialog(doc: Document, registry: SelectorRegistry): HandoverDialog | null {
  const dialog = locateAll(doc, { kind: 'role', role: 'dialog' }).find((d) => accessibleName(d) === 'Lämna över besök');
  if (!dialog) return null;
  for (const label of RECEIVER_LABELS) {
    const selects = locateAll(dialog, { kind: 'label', label, exact: true }).filter((el) => el.tagName === 'SELECT');
    if (selects.length !== 1) continue;
    const option = (selects[0] as HTMLSelectElement).selectedOptions[0];
    const text = normalizeText(option?.textContent);
    if (!text) return { receiver: null };
    const isRole = registry.vocabulary.roles.some((r) => r.toLocaleLowerCase('sv') === text.toLocaleLowerCase('sv'));
    return { receiver: { kind: isRole ? 'role' : 'person', name: text.replace(/\s*\([^)]*\)\s*$/u, '') } };
  }
  return { receiver: null };
}
