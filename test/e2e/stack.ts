import type { Page } from 'puppeteer-core';
import type { SkinName } from '../clinic-sim/model';
import { type ClinicSim, startClinicSim } from '../clinic-sim/server';
import { SCENARIO_CLOCK, type ScenarioPatientKey } from '../fixtures/patients';
import {
  COMPANION_STARTED,
  type ExtensionBrowser,
  type LaunchOptions,
  launchWithExtension,
  randomSeed,
} from './harness';

/**
 * What most browser tests need: the simulator with a random class seed (so nothing may depend on
 * class names), the default scenario at the scenario clock, and Chromium with the test build.
 */
export interface Stack {
  sim: ClinicSim;
  cases: Record<ScenarioPatientKey, string>;
  ext: ExtensionBrowser;
  seed: string;
  visitUrl(caseId: string): string;
  openVisit(caseId: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startStack(
  options: { headless?: boolean; skin?: SkinName } & Pick<
    LaunchOptions,
    'extensionDir' | 'extensionId' | 'language'
  > = {},
): Promise<Stack> {
  const seed = randomSeed();
  const sim = await startClinicSim({ seed, clock: SCENARIO_CLOCK, skin: options.skin });
  const { cases } = sim.control.scenario('default');
  const ext = await launchWithExtension({
    headless: options.headless ?? true,
    extensionDir: options.extensionDir,
    extensionId: options.extensionId,
    language: options.language,
  });
  await ext.worker();
  const visitUrl = (caseId: string) => `${sim.url}/besok/${encodeURIComponent(caseId)}`;
  return {
    sim,
    cases,
    ext,
    seed,
    visitUrl,
    async openVisit(caseId) {
      const page = await ext.newConsolePage(visitUrl(caseId));
      await page.waitForSelector(COMPANION_STARTED);
      return page;
    },
    async stop() {
      await ext.close();
      await sim.close();
    },
  };
}

export const COPY_BUTTON = '[data-clinic-companion="copy-patient-id"] >>> button';

/** Clicks our copy button once the console has rendered the visit and the button is placed. */
export async function clickCopy(page: Page): Promise<void> {
  const button = await page.waitForSelector(COPY_BUTTON, { visible: true });
  await button!.click();
}

/** Pairs the extension with a bridge as the options page does: a message from an extension page. */
export async function pairThroughOptions(ext: ExtensionBrowser, token: string, port: number): Promise<void> {
  const options = await ext.browser.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const reply = await options.evaluate((m) => chrome.runtime.sendMessage(m), {
    type: 'bridge-pair',
    token,
    port,
    save: true,
  });
  await options.close();
  if ((reply as { ok?: boolean } | undefined)?.ok !== true)
    throw new Error(`pairing refused: ${JSON.stringify(reply)}`);
}
