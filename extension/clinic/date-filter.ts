import { accessibleName, locateAll } from './dom-query';

/**
 * R-D-1: a view filtered by date — a date input labelled as a date — and the console's own
 * "Uppdatera" beside it, when there is one.
 */
const DATE_LABELS = ['Datum', 'Från', 'Till', 'Från datum', 'Till datum', 'Datumfilter'];

export interface DateFilterView {
  refresh: HTMLElement | null;
}

export function readDateFilter(doc: Document): DateFilterView | null {
  const inputs = DATE_LABELS.flatMap((label) => locateAll(doc, { kind: 'label', label, exact: true })).filter(
    (el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'date',
  );
  if (inputs.length === 0) return null;
  const form = inputs[0]!.closest('form');
  const refresh = form
    ? Array.from(form.querySelectorAll<HTMLElement>('button, [role="button"]')).find(
        (b) => accessibleName(b) === 'Uppdatera',
      )
    : undefined;
  return { refresh: refresh ?? null };
}
