// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveRegions, REPEAT_AFTER_MS } from '../../extension/lib/live-regions';

const heard = (urgency: 'polite' | 'assertive') =>
  document.querySelector(`[data-clinic-companion="live-${urgency}"]`)?.textContent;

describe('live regions (announcements for screen readers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '';
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says a new message at once, in the region of its urgency (issue 16: no second frame for it)', () => {
    const live = createLiveRegions(document, 'sv');
    live.announce('2 ärenden har väntat för länge');
    expect(heard('polite')).toBe('2 ärenden har väntat för länge');
    live.announce('Skyddade personuppgifter', 'assertive');
    expect(heard('assertive')).toBe('Skyddade personuppgifter');
    live.announce('3 ärenden har väntat för länge');
    expect(heard('polite')).toBe('3 ärenden har väntat för länge');
    const region = document.querySelector('[data-clinic-companion="live-assertive"]')!;
    expect([region.getAttribute('role'), region.getAttribute('aria-live'), (region as HTMLElement).lang]).toEqual([
      'alert',
      'assertive',
      'sv',
    ]);
  });

  it('clears the same message first and says it again a moment later, so it is announced again', () => {
    const live = createLiveRegions(document, 'sv');
    live.announce('Kopierat');
    live.announce('Kopierat');
    expect(heard('polite')).toBe('');
    vi.advanceTimersByTime(REPEAT_AFTER_MS);
    expect(heard('polite')).toBe('Kopierat');
  });

  it('a newer message wins over a repeat still waiting, and removal leaves nothing behind', () => {
    const live = createLiveRegions(document, 'sv');
    live.announce('Kopierat');
    live.announce('Kopierat');
    live.announce('Personnumret ändrades');
    vi.advanceTimersByTime(REPEAT_AFTER_MS * 2);
    expect(heard('polite')).toBe('Personnumret ändrades');
    const region = document.querySelector('[data-clinic-companion="live-polite"]')!;
    live.announce('Personnumret ändrades');
    expect(region.textContent).toBe('');
    live.remove();
    vi.advanceTimersByTime(REPEAT_AFTER_MS * 2);
    expect(document.querySelector('[data-clinic-companion^="live-"]')).toBeNull();
    // The repeat waiting when it was removed is never written.
    expect(region.textContent).toBe('');
  });
});
