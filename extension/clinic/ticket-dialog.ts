import type { TicketFacts } from '../../shared/routine/ticket';
import { accessibleName, locateAll, normalizeText } from './dom-query';

/** R-T-1: the console's "Boka biljett" dialog, when open, read by its visible labels. */
export function readTicketDialog(doc: Document): Omit<TicketFacts, 'chatClosed'> | null {
  const dialog = locateAll(doc, { kind: 'role', role: 'dialog' }).find((d) => accessibleName(d) === 'Boka biljett');
  if (!dialog) return null;
  const control = (label: string, exact = true) => {
    const found = locateAll(dialog, { kind: 'label', label, exact }).filter((el) =>
      ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName),
    );
    return found.length === 1 ? (found[0] as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) : null;
  };
  const text = (label: string, exact = true): string | null | undefined => {
    const el = control(label, exact);
    if (!el) return undefined;
    return el.tagName === 'SELECT'
      ? normalizeText((el as HTMLSelectElement).selectedOptions[0]?.textContent)
      : (el as HTMLInputElement).value;
  };
  const admin = Array.from(dialog.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).filter((b) =>
    /administrativ/iu.test(normalizeText(b.closest('label')?.textContent)),
  );
  return {
    resource: text('Resurs') ?? null,
    administrative: admin.length === 1 ? admin[0]!.checked : admin.length === 0 ? false : null,
    reason: text('Sökorsak'),
    validUntil: text('Giltig till'),
    anamnesis: text('Anamnes', false),
  };
}
