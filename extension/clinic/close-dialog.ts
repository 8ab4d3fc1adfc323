import { accessibleName, locateAll, normalizeText } from './dom-query';

/**
 * R-A-1: the console's "Avsluta besök" dialog, when open: the asynchronous period shown as
 * chosen (the checked radio's label), or null when none or several read as checked.
 */
export function readCloseDialog(doc: Document): { choice: string | null } | null {
  const dialog = locateAll(doc, { kind: 'role', role: 'dialog' }).find((d) => accessibleName(d) === 'Avsluta besök');
  if (!dialog) return null;
  const checked = Array.from(dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter((r) => r.checked);
  if (checked.length !== 1) return { choice: null };
  const label = checked[0]!.closest('label');
  const text = normalizeText(label?.textContent);
  return { choice: text || null };
}
