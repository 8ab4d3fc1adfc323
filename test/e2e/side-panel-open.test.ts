/**
 * Issue 14: the side panel is the companion's home, so the clinician needs ways to open it: the
 * toolbar popup's button, and the danger bar's "Visa" on the page (both a click, the user gesture
 * `sidePanel.open` needs). The real side panel (the browser's, not a page told its tab) then shows
 * the console tab's visit.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeInBrowser } from './harness';
import { type Stack, startStack } from './stack';

const realSidePanel = async (stack: Stack): Promise<Page> => {
  const url = `chrome-extension://${stack.ext.extensionId}/sidepanel.html`;
  const target = await stack.ext.browser.waitForTarget((t) => t.url() === url, { timeout: 10_000 });
  return (await target.asPage())!;
};

describeInBrowser('opening the side panel (issue 14)', () => {
  let stack: Stack;
  beforeEach(async () => {
    stack = await startStack();
  });
  afterEach(async () => {
    await stack?.stop();
  });

  it('"Visa" on the danger bar opens the real side panel on the warning of this visit', async () => {
    const visit = await stack.openVisit(stack.cases.protected);
    await (await visit.waitForSelector('[data-clinic-companion="alarm"] >>> button.show'))!.click();
    const panel = await realSidePanel(stack);
    await panel.waitForFunction(
      () =>
        document
          .getElementById('feature-views')
          ?.shadowRoot?.querySelector('[data-feature="patient-safety-banner"]')
          ?.textContent?.includes('Skyddade personuppgifter') ?? false,
      { timeout: 10_000 },
    );
    // The warning stays on the page until acknowledged: opening the panel is not acknowledging.
    expect(await visit.$('[data-clinic-companion="alarm"] >>> button.ack')).not.toBeNull();
  });

  it("the toolbar popup's button opens the real side panel", async () => {
    const popup = await stack.ext.browser.newPage();
    await popup.goto(`chrome-extension://${stack.ext.extensionId}/popup.html`);
    await (await popup.waitForSelector('button.open-side-panel'))!.click();
    const panel = await realSidePanel(stack);
    expect(await panel.$('#feature-views')).not.toBeNull();
  });
});
