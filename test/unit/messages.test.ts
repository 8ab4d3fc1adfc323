import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromConsoleTab, handle, send, sendToTab } from '../../extension/lib/messages';

/**
 * The one message protocol: typed senders (a field no message declares does not compile), one
 * handler per type, `{ type, ...data }` on the wire, and no answer at all for a refused sender.
 */
/** Our own content script, in a console tab (as the browser names the sender). */
let TAB: { id: string; tab: Awaited<ReturnType<typeof fakeBrowser.tabs.create>> };
beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('browser', fakeBrowser);
  TAB = { id: fakeBrowser.runtime.id, tab: await fakeBrowser.tabs.create({ url: 'https://clinic.example/v/1' }) };
});
afterEach(() => vi.unstubAllGlobals());

describe('send and handle', () => {
  it('a message travels as { type, ...data } and its handler answers it; other types pass by', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return undefined;
    });
    handle('no-reply-focus', (message) => (message.id === 'abc' ? { ok: true } : undefined));
    expect(await send('no-reply-focus', { id: 'abc' })).toEqual({ ok: true });
    expect(seen).toEqual([{ type: 'no-reply-focus', id: 'abc' }]);
    // No handler for this type: nobody answers.
    expect(await send('bridge-refresh')).toBeUndefined();
  });

  it('R-NR-4: the no-reply close button’s mode reaches the panel handler', async () => {
    const modes: (string | undefined)[] = [];
    handle('journal-panel-mode', (message) => {
      modes.push(message.mode);
      return { ok: true };
    });
    expect(await send('journal-panel-mode', { mode: 'no-reply' })).toEqual({ ok: true });
    expect(modes).toEqual(['no-reply']);
  });

  it('a refused sender gets no answer at all (the handler returns nothing synchronously)', async () => {
    handle('shift-ended', (_m, sender) => (fromConsoleTab(sender) ? { ok: true } : undefined));
    const [fromPage] = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'shift-ended' },
      { id: 'another-extension' },
    );
    expect(fromPage).toBeUndefined();
    const [fromTab] = await fakeBrowser.runtime.onMessage.trigger({ type: 'shift-ended' }, TAB);
    expect(fromTab).toEqual({ ok: true });
  });

  it('a handler stops answering when its feature stops (signal)', async () => {
    const life = new AbortController();
    let copied = 0;
    handle(
      'copy-patient-id',
      () => {
        copied++;
        return undefined;
      },
      life.signal,
    );
    await fakeBrowser.runtime.onMessage.trigger({ type: 'copy-patient-id' }, TAB);
    life.abort();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'copy-patient-id' }, TAB);
    expect(copied).toBe(1);
  });

  it('sendToTab addresses one tab', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await sendToTab(7, 'journal-facts-request');
    expect(sent).toHaveBeenCalledWith(7, { type: 'journal-facts-request' });
  });
});

describe('types: a field no message declares does not compile', () => {
  it('rejects unknown fields, literal or not, and missing ones (checked by tsc --noEmit)', () => {
    const check = (run: boolean) => {
      if (!run) return;
      // @ts-expect-error 'mode' is not a field of no-reply-focus
      void send('no-reply-focus', { id: 'x', mode: 'no-reply' });
      const extra = { mode: 'no-reply' as const, tab: 3 };
      // @ts-expect-error 'tab' is not a field of journal-panel-mode, even through a variable
      void send('journal-panel-mode', extra);
      // @ts-expect-error the mode is required (nothing else to ask of the journal note)
      void send('journal-panel-mode');
      // @ts-expect-error the visit's address is required
      void send('no-reply-action', { action: 'phone-attempt', visitKey: '/v/1' });
      // @ts-expect-error a tab message is not sent to the background
      void send('copy-patient-id');
    };
    check(false);
    expect(true).toBe(true);
  });
});
