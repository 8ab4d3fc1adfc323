import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BRIDGE_DEFAULT_PORT, CLINIC_ORIGIN, EXTENSION_PUBLIC_KEY } from './shared/extension-identity';

/**
 * Build modes: `production` (what clinicians get) runs only on the Clinic console; `test` also
 * matches the console simulator on 127.0.0.1 (any port), for the e2e suite and the demo.
 */
const SIMULATOR_MATCH = 'http://127.0.0.1/*';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode }) => ({
    name: 'Clinic Companion',
    description: 'Stöd för kliniker i 1177 direkt: rätt patient, skyddad identitet, journalmall och svarstider.',
    default_locale: undefined,
    key: EXTENSION_PUBLIC_KEY,
    permissions: ['storage', 'alarms', 'notifications', 'clipboardWrite', 'sidePanel', 'tabs'],
    // IT's policy (bridgeToken, bridgePort, ruleSet): Chrome delivers managed storage only for keys declared here.
    storage: { managed_schema: 'managed-schema.json' },
    host_permissions: [
      `${CLINIC_ORIGIN}/*`,
      `http://127.0.0.1:${BRIDGE_DEFAULT_PORT}/*`,
      ...(mode === 'production' ? [] : [SIMULATOR_MATCH]),
    ],
    // A bridge on another port than 47121: asked for at pairing (options page). With a policy
    // bridgePort, IT grants it through ExtensionSettings' runtime_allowed_hosts.
    optional_host_permissions: ['http://127.0.0.1/*'],
    commands: {
      'copy-patient-id': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Kopiera patientens personnummer till Cosmic',
      },
      'journal-panel': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Öppna journalanteckningen (sidopanelen)',
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
