import { defineRecordSet, isObject, isString } from './storage';

/**
 * A mode asked of the side panel's journal note, per tab ("Stäng med anteckning om uteblivet svar",
 * R-NR-4, pressed in the side panel's no-reply card): written by the background for the tab's
 * content script, taken (and removed) by the panel once the visit's draft is loaded. A request,
 * not a message to the panel: it waits for a draft still loading or a panel reloading.
 * Trusted-only session storage.
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
