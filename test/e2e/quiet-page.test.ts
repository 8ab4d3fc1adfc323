/**
 * We do not control Clinic, and its page is not ours to talk to: the content script sends nothing
 * into it. A window message would reach the console's own message handlers (and any script on the
 * page), with this extension's ID in it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMPANION_STARTED, describeInBrowser } from './harness';
import { COPY_BUTTON, type Stack, startStack } from './stack';

describeInBrowser('nothing of ours is sent into the console page', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('a visit opened with the companion running gets no window message from it', async () => {
    const page = await stack.ext.browser.newPage();
    // The console's side: a message listener from before any script of the page or of ours.
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__messagesSeen', { value: seen });
      addEventListener('message', (event) => seen.push(JSON.stringify(event.data)), true);
    });
    await page.goto(stack.visitUrl(stack.cases.adult), { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(COMPANION_STARTED);
    // The companion has read the page and drawn on it: its start-up is behind us.
    await page.waitForSelector(COPY_BUTTON, { visible: true });
    const seen = await page.evaluate(() => (window as unknown as { __messagesSeen: string[] }).__messagesSeen);
    expect(seen).toEqual([]);
    await page.close();
  });
});
