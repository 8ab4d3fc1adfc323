import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { describe, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../shared/extension-identity';
import { sidePanelFor, sidePanelText } from './side-panel';

export const CHROMIUM = '/usr/bin/chromium';
/** CC_TEST_EXTENSION_DIR: a private copy of the test build, safe from a rebuild during the run. */
export const TEST_EXTENSION_DIR = path.resolve(process.env.CC_TEST_EXTENSION_DIR ?? '.output/chrome-mv3-test');

/**
 * Browser tests need Debian's Chromium and the test build. In CI (CI=true) a missing one is a
 * failure; locally the suite is skipped with a loud message.
 */
export function browserTestsUnavailable(): string | null {
  const missing = [
    existsSync(CHROMIUM) ? null : `${CHROMIUM} (run: npm run setup)`,
    existsSync(path.join(TEST_EXTENSION_DIR, 'manifest.json'))
      ? null
      : `${TEST_EXTENSION_DIR} (run: npm run build:test)`,
  ].filter(Boolean);
  if (missing.length === 0) return null;
  const message = `Browser tests cannot run: missing ${missing.join(', ')}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n${'!'.repeat(72)}\n!! SKIPPING BROWSER TESTS: ${message}\n${'!'.repeat(72)}\n`);
  return message;
}

/**
 * `describe` for a browser suite that, when the browser tests cannot run, still reports itself:
 * a skipped suite always says so loudly, in the run's summary ("todo" with the reason) as well as
 * on stderr, never as a silent 0 tests.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  const unavailable = browserTestsUnavailable();
  if (unavailable === null) {
    describe(name, suite);
    return;
  }
  describe(name, () => {
    it.todo(`HOPPADES ÖVER – ${unavailable}`);
  });
}

export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  /** The extension's service worker (waits for it to be running). */
  worker(): Promise<WebWorker>;
  /** Stops the service worker, as Chrome does at will, and waits until it is gone. */
  killWorker(): Promise<void>;
  newConsolePage(url: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  userDataDir?: string;
  headless?: boolean;
  /** Another build than the Chrome test build (the Edge one, issue 12); default TEST_EXTENSION_DIR. */
  extensionDir?: string;
  /** The ID that build gets; default the pinned one (a build without `key` gets one from its path). */
  extensionId?: string;
  /**
   * The browser's language (issue 14): the extension's words follow it. Swedish, as on a clinician's
   * PC, unless a test asks for another. Chromium on Linux takes it from LANGUAGE (needs
   * chromium-l10n; `--lang` is Windows-only).
   */
  language?: 'sv' | 'en';
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'cc-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    pipe: true,
    enableExtensions: [options.extensionDir ?? TEST_EXTENSION_DIR],
    userDataDir,
    // A clinician's laptop screen, not puppeteer's 800×600.
    defaultViewport: { width: 1440, height: 900 },
    args: QUIET_FLAGS,
    env: { ...process.env, LANGUAGE: options.language ?? 'sv' },
  });
  const extensionId = options.extensionId ?? CHROME_EXTENSION_ID;

  const workerTarget = async () => {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 20_000 },
    );
    const w = await target.worker();
    if (!w) throw new Error('service worker target without a worker');
    return w;
  };
  // A worker target can be attached before its extension APIs exist ("chrome is not defined"
  // right after launch or a restart): hand it out only once chrome.storage is there.
  const worker = async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const w = await workerTarget();
      const ready = await w.evaluate(() => typeof chrome === 'object' && !!chrome.storage?.local).catch(() => false);
      if (ready) return w;
      if (Date.now() > deadline) throw new Error('the service worker never got its extension APIs');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // Handed out once the extension is loaded: its page opened right after launch can be refused
  // (ERR_BLOCKED_BY_CLIENT) while Chromium is still loading it.
  await worker();
  return {
    browser,
    extensionId,
    userDataDir,
    worker,
    async killWorker() {
      const w = await worker();
      const running = browser.targets().filter((t) => t.type() === 'service_worker' && t.url().includes(extensionId));
      await w.close();
      // The killed worker's target is gone. A page's message may start a new one right away (a
      // new target): waiting for none at all failed on a loaded machine while a console tab reported.
      await waitFor(async () => !browser.targets().some((t) => running.includes(t)), 10_000);
    },
    async newConsolePage(url: string) {
      const page = await browser.newPage();
      const origin = new URL(url).origin;
      await browser
        .defaultBrowserContext()
        .overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => {});
      // Chromium's helpers may still be writing the profile right after close: retry, and never
      // fail a test over a temp folder.
      if (!keepProfile) {
        try {
          rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        } catch (error) {
          console.warn(`could not remove ${userDataDir}: ${String(error)}`);
        }
      }
    },
  };
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  intervalMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** The content script has started on a console page (its live regions are in the page). */
export const COMPANION_STARTED = '[data-clinic-companion="live-polite"]';

/** What the clinician reads of the companion for this console page: the side panel's cards for its tab (issue 14). */
export async function panelText(page: Page): Promise<string> {
  return sidePanelText(page);
}

/**
 * The bridge indicator's state as the page last received it (`data-bridge`: not-paired,
 * card-present, no-card, unreachable …), shown or not (issue 14: only problems are shown), read
 * from its card in the side panel for this console page's tab.
 */
export async function bridgeState(page: Page): Promise<string | null> {
  const panel = await sidePanelFor(page);
  return panel.evaluate(
    () =>
      document
        .getElementById('feature-views')
        ?.shadowRoot?.querySelector<HTMLElement>('[data-feature="bridge-status"] [data-bridge]')?.dataset.bridge ??
      null,
  );
}

export async function readClipboard(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The simulator's class-name seed: random (nothing may depend on class names), printed so a
 * failing run can be replayed with CLINIC_CLASS_SEED. */
export function randomSeed(): string {
  const seed = process.env.CLINIC_CLASS_SEED ?? Math.random().toString(36).slice(2, 10);
  console.info(`simulator class seed: ${seed} (CLINIC_CLASS_SEED=${seed} replays it)`);
  return seed;
}
