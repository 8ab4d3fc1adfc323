import { defineRecordSet, isObject, isString } from './storage';

/**
 * A mode the visit view asked the side panel to open in, per tab ("Stäng med anteckning om
 * uteblivet svar", R-NR-4): written by the background as it opens the panel, taken (and removed)
 * by the panel once the visit's draft is loaded. Trusted-only session storage.
 */
export interface PanelModeRequest {
  mode: 'no-reply';
  at: string;
}

const PREFIX = 'journalPanelMode:';
export const panelModeKey = (tabId: number) => `${PREFIX}${tabId}`;

export const panelModeRequests = /* @__PURE__ */ defineRecordSet(
  'session',
  (key) => key.startsWith(PREFIX),
  (raw): PanelModeRequest | null =>
    isObject(raw) && raw.mode === 'no-reply' && isString(raw.at) ? { mode: raw.mode, at: raw.at } : null,
);
