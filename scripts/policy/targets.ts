/** The browsers IT deploys to, and where each reads the extension's policy. */
import { CHROME_EXTENSION_ID, EDGE_EXTENSION_ID } from '../../shared/extension-identity';

export interface PolicyTarget {
  browser: 'chrome' | 'edge';
  name: string;
  extensionId: string;
  /** Registry key (no hive: HKLM for the machine, HKCU for a user) of the extension's policy. */
  registryKey: string;
  admxNamespace: string;
  admxPrefix: string;
  /** File name stem of the ADMX, ADML, .reg and Linux JSON. */
  file: string;
  /** Where the Linux JSON goes (one file per folder; the folders are machine-wide). */
  linuxPolicyDirs: string[];
}

const extensionKey = (vendor: string, id: string) =>
  `Software\\Policies\\${vendor}\\3rdparty\\extensions\\${id}\\policy`;

export const POLICY_TARGETS: readonly PolicyTarget[] = [
  {
    browser: 'chrome',
    name: 'Google Chrome',
    extensionId: CHROME_EXTENSION_ID,
    registryKey: extensionKey('Google\\Chrome', CHROME_EXTENSION_ID),
    admxNamespace: 'ClinicCompanion.Policies.Chrome',
    admxPrefix: 'cliniccompanion_chrome',
    file: 'clinic-companion-chrome',
    linuxPolicyDirs: ['/etc/opt/chrome/policies/managed', '/etc/chromium/policies/managed'],
  },
  {
    browser: 'edge',
    name: 'Microsoft Edge',
    extensionId: EDGE_EXTENSION_ID,
    registryKey: extensionKey('Microsoft\\Edge', EDGE_EXTENSION_ID),
    admxNamespace: 'ClinicCompanion.Policies.Edge',
    admxPrefix: 'cliniccompanion_edge',
    file: 'clinic-companion-edge',
    linuxPolicyDirs: ['/etc/opt/edge/policies/managed'],
  },
];

/**
 * The oldest browser the extension runs in: chrome.sidePanel.open() (the journal panel, opened by
 * the content script's button and Alt+Shift+J) arrived in Chrome 116; every other API it uses is
 * older (storage.session access levels 102, sidePanel 114). Edge follows the same Chromium versions.
 */
export const MINIMUM_CHROME_VERSION = '116';
