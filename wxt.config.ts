import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { MINIMUM_CHROME_VERSION } from './scripts/policy/targets';
import { minifyMarkedCss } from './scripts/vite/minify-marked-css';
import { noMessageToTheConsole } from './scripts/vite/no-message-to-the-console';
import { BRIDGE_PORT_RANGE } from './shared/bridge-protocol';
import { CLINIC_ORIGIN, EXTENSION_PUBLIC_KEY } from './shared/extension-identity';

/**
 * The content script uses Chromium's own promise-based `chrome.*` API (WXT's plain `wxt/browser`),
 * not webextension-polyfill: Chrome and Edge (our only targets, both Chromium MV3) need no
 * polyfill there, and it would be 2.8 KB gzip of the 40 KB content-script budget (issue 8/16).
 * Extension pages and the worker keep the polyfill. What the polyfill added that the content
 * script used — listeners answering with a promise — is done with `sendResponse` in
 * lib/messages.ts `handle`, which works either way.
 */
function nativeBrowserInContentScripts(): Plugin {
  let contentScript = false;
  return {
    name: 'clinic-companion:native-browser-in-content-scripts',
    enforce: 'pre',
    options(options) {
      contentScript = JSON.stringify(options.input ?? '').includes('.content');
      return null;
    },
    resolveId(id) {
      if (contentScript && id === '@wxt-dev/webextension-polyfill/browser') return this.resolve('@wxt-dev/browser');
      return null;
    },
  };
}

/** Code for the oldest Chromium the packages declare (scripts/policy/targets.ts says why). */
const CHROMIUM_TARGET = `chrome${MINIMUM_CHROME_VERSION}`;

const BRIDGE_PORTS = Array.from(
  { length: BRIDGE_PORT_RANGE.last - BRIDGE_PORT_RANGE.first + 1 },
  (_, i) => BRIDGE_PORT_RANGE.first + i,
);

/**
 * Build modes: `production` (what clinicians get) runs only on the Clinic console; `test` also
 * matches the console simulator on 127.0.0.1 (any port), for the e2e suite and the demo.
 */
const SIMULATOR_MATCH = 'http://127.0.0.1/*';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // CC_NO_MINIFY=1: readable function names in a CPU profile (bench/page-work.bench.ts).
  vite: () => ({
    plugins: [preact(), nativeBrowserInContentScripts(), minifyMarkedCss(), noMessageToTheConsole()],
    // Code for Chromium from the version every package declares (not Vite's default, which
    // lowered regex literals to a `new RegExp` from a string on each call: issue 16). Minified by
    // terser: the content script 1.5 KB gzip smaller than esbuild's (issue 14's 40 KB budget);
    // no Safari workarounds (Chromium only).
    build: {
      target: CHROMIUM_TARGET,
      minify: process.env.CC_NO_MINIFY ? false : 'terser',
      terserOptions: { ecma: 2020, safari10: false, compress: { passes: 2 } },
    },
  }),
  manifest: ({ mode }) => ({
    // Issue 14: Swedish by default, English as fallback (extension/public/_locales; browser.i18n).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    // What the code is built for (the packages declare it too: scripts/package).
    minimum_chrome_version: MINIMUM_CHROME_VERSION,
    key: EXTENSION_PUBLIC_KEY,
    // No `tabs`: host permissions already give the console tabs' URLs; `tabs` would expose every
    // tab's URL and title. nativeMessaging: the bridge's host tells this user's port and token.
    permissions: ['storage', 'alarms', 'notifications', 'clipboardWrite', 'sidePanel', 'nativeMessaging'],
    // IT's policy (bridgeToken, bridgePort, ruleSet): Chrome delivers managed storage only for keys declared here.
    storage: { managed_schema: 'managed-schema.json' },
    host_permissions: [
      `${CLINIC_ORIGIN}/*`,
      // The bridge's per-user ports (47121, or the next free one on a shared PC): reached with
      // no clinician action. Listed one by one: a match pattern has no port ranges.
      ...BRIDGE_PORTS.map((port) => `http://127.0.0.1:${port}/*`),
      ...(mode === 'production' ? [] : [SIMULATOR_MATCH]),
    ],
    // A bridge on a port outside that range: asked for at pairing (options page). With a policy
    // bridgePort, IT grants it through ExtensionSettings' runtime_allowed_hosts.
    optional_host_permissions: ['http://127.0.0.1/*'],
    commands: {
      'copy-patient-id': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandCopyPatientId__',
      },
      'journal-panel': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandJournalPanel__',
      },
    },
  }),
  hooks: {
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode === 'production') return;
      for (const script of manifest.content_scripts ?? []) {
        script.matches = [...(script.matches ?? []), SIMULATOR_MATCH];
      }
    },
  },
});
