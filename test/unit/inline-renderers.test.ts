// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createCopyButton } from '../../extension/lib/copy-button';
import { drawBadge } from '../../extension/lib/queue-badge';
import type { QueueView } from '../../extension/lib/queue-view';
import { INLINE_CSS } from '../../extension/lib/ui-styles';

const T = { amberAfterMinutes: 10, redAfterMinutes: 15 };
const view = (order: number, waited: number, urgency: QueueView['urgency']): QueueView => ({
  item: { index: 0, key: 'k', priority: 2, patientName: 'Test', arrivedAt: '' },
  order,
  waited,
  urgency,
});

/** A container inside a shadow root, as ui.inline gives it. */
function container(): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const span = document.createElement('span');
  root.append(span);
  return span;
}

describe('queue badge, plain DOM in the page (R-Q-1, issue 14)', () => {
  it('draws the turn; names turn, minutes and urgency for screen readers and the tooltip; marks the urgency', () => {
    const c = container();
    drawBadge(c, view(3, 16.7, 'red'), T);
    const badge = c.querySelector<HTMLElement>('.qbadge')!;
    expect(badge.className).toBe('qbadge red');
    expect(badge.getAttribute('role')).toBe('img');
    expect(badge.dataset.urgency).toBe('red');
    expect(badge.dataset.order).toBe('3');
    expect(badge.getAttribute('aria-label')).toBe('3:e i tur, väntat 16 min, över 15 minuter');
    expect(badge.title).toBe(
      '3:e i tur, väntat 16 min, över 15 minuter. I tur: högst prioritet först, sedan ankomsttid. Väntetid sedan ankomst.',
    );
    expect(badge.querySelector('.turn')?.textContent).toBe('3:e');
    // Only the turn is drawn: a wider badge covers the patient's name at laptop widths (issue 14).
    expect(badge.textContent).toBe('3:e');
    // No style per badge: the badge's rules are in the inline hosts' one shared sheet.
    expect((c.getRootNode() as ShadowRoot).querySelectorAll('style')).toHaveLength(0);
    expect(INLINE_CSS).toContain('.qbadge.red');

    drawBadge(c, view(1, Number.NaN, 'amber'), T);
    expect(c.querySelectorAll('.qbadge')).toHaveLength(1);
    expect(badge.className).toBe('qbadge amber');
    expect(badge.getAttribute('aria-label')).toBe('1:a i tur, väntat ? min, över 10 minuter');
    expect(badge.title).toContain('väntat ? min');
    expect(badge.textContent).toBe('1:a');
    expect((c.getRootNode() as ShadowRoot).querySelectorAll('style')).toHaveLength(0);
  });

  it('an unchanged badge is not written again; a changed one is', () => {
    const c = container();
    drawBadge(c, view(2, 4, 'ok'), T);
    const badge = c.querySelector<HTMLElement>('.qbadge')!;
    expect(badge.getAttribute('aria-label')).toBe('2:a i tur, väntat 4 min');
    const writes = vi.spyOn(badge, 'setAttribute');
    drawBadge(c, view(2, 4, 'ok'), T);
    expect(writes).not.toHaveBeenCalled();
    drawBadge(c, view(2, 5, 'ok'), T);
    expect(c.querySelectorAll('.qbadge')).toHaveLength(1);
    expect(c.querySelector('.qbadge')?.getAttribute('aria-label')).toBe('2:a i tur, väntat 5 min');
  });
});

describe('copy button, plain DOM in the page (R-ID-1, issue 14)', () => {
  it('refused: aria-disabled with the reason as title, still pressable; feedback as an alert', () => {
    const c = container();
    const onCopy = vi.fn();
    const button = createCopyButton(onCopy);
    button.draw(c, 'Kan inte kopiera: personnummer okänt.', null);
    const el = c.querySelector<HTMLButtonElement>('span.inline > button.copy')!;
    expect(el.type).toBe('button');
    expect(el.getAttribute('aria-disabled')).toBe('true');
    expect(el.title).toBe('Kan inte kopiera: personnummer okänt.');
    expect(el.textContent).toBe('Kopiera personnummer');
    expect(c.querySelector('.feedback')).toBeNull();
    el.click();
    expect(onCopy).toHaveBeenCalledTimes(1);

    button.draw(c, 'Kan inte kopiera: personnummer okänt.', {
      ok: false,
      text: 'Kan inte kopiera: personnummer okänt.',
    });
    const line = c.querySelector<HTMLElement>('.feedback')!;
    expect(line.className).toBe('feedback error');
    expect(line.getAttribute('role')).toBe('alert');
    expect(line.textContent).toBe('Kan inte kopiera: personnummer okänt.');
    expect(line.previousElementSibling).toBe(el);
  });

  it('copied: the button confirms and the feedback is a status; then it goes', () => {
    const c = container();
    const button = createCopyButton(() => {});
    button.draw(c, null, null);
    const el = c.querySelector<HTMLButtonElement>('button.copy')!;
    expect(el.getAttribute('aria-disabled')).toBe('false');
    expect(el.title).toBe('Kopiera personnumret i den form Cosmic Sök patient tar (Alt+Shift+P)');
    button.draw(c, null, { ok: true, text: 'Kopierat – klistra in i Cosmic Sök patient' });
    expect(el.textContent).toBe('✔ Kopierat');
    const line = c.querySelector<HTMLElement>('.feedback')!;
    expect(line.className).toBe('feedback ok');
    expect(line.getAttribute('role')).toBe('status');
    const writes = vi.spyOn(el, 'setAttribute');
    button.draw(c, null, { ok: true, text: 'Kopierat – klistra in i Cosmic Sök patient' });
    expect(writes).not.toHaveBeenCalled();
    button.draw(c, null, null);
    expect(c.querySelector('.feedback')).toBeNull();
    expect(el.textContent).toBe('Kopiera personnummer');
    expect(c.querySelectorAll('button')).toHaveLength(1);
  });
});
