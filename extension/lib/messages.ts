/**
 * Every message between the extension's contexts, in one union keyed by `type`: what each one
 * carries and what its receiver answers. `send` / `sendToTab` and `handle` are the only places
 * that call the browser's messaging; a field no message declares is a type error at the sender
 * (literal or not), so a sender can never rely on something no handler reads.
 *
 * On the wire a message is `{ type, ...data }` (what the e2e tests and the bench send too).
 * Replies are data or `{ ok: false, code }`: the receiver never words a failure, the page that
 * shows it does (error-words.ts). `undefined` from `send`: no context answered (refused, or not
 * running yet).
 */
import type { JournalPdfRequest } from '../../shared/bridge-protocol';
import type { NoReplyEvent } from '../../shared/no-reply';
import type { ClinicField } from '../../shared/selector-strategy';
import type { BridgeStatus } from './bridge-status-record';
import type { CosmicPatient } from './cosmic-patient-record';
import type { BridgeFailure, ErrorCode } from './error-words';
import type { JournalVisitFacts } from './journal-facts';
import type { EffectiveRules } from './rules-record';

export type Done = { ok: true };
export type Failed<C extends ErrorCode = ErrorCode> = { ok: false; code: C };
export const REFUSED: Failed<'refused'> = { ok: false, code: 'refused' };

/** The clinician's actions on a visit's no-reply timer (background/no-reply-timers.ts). */
export type NoReplyAction = 'phone-attempt' | 'undo-phone-attempt' | 'mark-notice';

/** A Drop in case past the red mark (R-Q-1), as a console tab reports it. */
export interface OverdueCase {
  visitKey: string;
  priority: number | null;
  /** Whole minutes; -1 when the page's waiting time could not be read. */
  waitedMinutes: number;
}

/**
 * Content scripts and extension pages → the background. `visitKey` is a visit's address
 * (pathname), `visitUrl` the full address to bring it back; neither holds patient data.
 */
export interface ToBackground {
  /** Journal panel (R-J-2..R-J-8): this tab's visit facts, kept per tab in session storage. */
  'journal-facts': { data: { facts: JournalVisitFacts | null }; reply: Done | Failed<'refused'> };
  /**
   * "Stäng med anteckning om uteblivet svar" (R-NR-4), pressed in the side panel: the side panel's
   * journal note for the sender's tab switches to the short no-reply note. Nothing opens (no user
   * gesture reaches the background from a side panel press relayed by the tab).
   */
  'journal-panel-mode': {
    data: { mode: 'no-reply' };
    reply: Done | Failed<'side-panel-mode-failed'>;
  };
  /** A content script found no rule set stored yet (a first start): resolve it now. */
  'rules-resolve': { data: Record<never, never>; reply: EffectiveRules };
  /** The danger bar's "Visa" (issue 14), a click in the console tab: open the side panel there. */
  'side-panel-open': { data: Record<never, never>; reply: Done };
  /** No-reply timer (R-NR-1..5): a visit's chat as events, its priority, whether it is closed. */
  'no-reply-sync': {
    data: { visitKey: string; visitUrl: string; priority: number | null; events: NoReplyEvent[]; closed: boolean };
    reply: Done | Failed<'refused' | 'failed'>;
  };
  /** "Ringt patienten", its undo, or "this message was the notice" (`at`: its time). */
  'no-reply-action': {
    data: { action: NoReplyAction; visitKey: string; visitUrl: string; at?: string };
    reply: Done | Failed<'refused' | 'nothing-to-change' | 'failed'>;
  };
  /** Overview (popup): bring the visit of a timer to the front. */
  'no-reply-focus': { data: { id: string }; reply: Done };
  /** R-Q-1: cases that passed the red mark while on shift; the background notifies once each. */
  'queue-overdue': { data: { cases: OverdueCase[] }; reply: { ok: true; notified: number } | Failed<'failed'> };
  /** The shift ended (R-S-2): the once-per-case memory of R-Q-1 belongs to one shift. */
  'queue-shift-ended': { data: Record<never, never>; reply: { ok: true; notified: number } | Failed<'failed'> };
  /** R-S-2: the card is out while the shift runs (or back): one system notification, shown or cleared. */
  'shift-card-pulled': { data: { pulled: boolean }; reply: Done };
  /** "Avsluta skift" (R-S-2): purge every visit's data and the Cosmic patient. */
  'shift-ended': { data: Record<never, never>; reply: Done };
  /**
   * The unit the console shows the clinician working in: a unit other than the shift's ends
   * that shift (the manual: changing vårdenhet ends it), so the old unit's visit data is purged.
   */
  'shift-unit': { data: { unit: string }; reply: { ok: true; changed: boolean } };
  /** A content script reads one allow-listed session value (null when unset). */
  'session-read': { data: { key: SharedSessionKey }; reply: string | CosmicPatient | BridgeStatus | null };
  /** A content script stores the patient just copied for Cosmic (R-ID-2), checked there. */
  'cosmic-patient-save': { data: { patient: CosmicPatient }; reply: Done | Failed<'refused'> };
  /** Re-check the bridge now (also wakes the worker). */
  'bridge-refresh': { data: Record<never, never>; reply: true };
  /** "Exportera PDF" (side panel only): the saved file's name (no personnummer, no name) or why not. */
  'bridge-export-pdf': { data: { request: JournalPdfRequest }; reply: { ok: true; fileName: string } | BridgeFailure };
  /** Options page: prove a token and port with a fresh challenge; `save` keeps a proven pairing. */
  'bridge-pair': {
    data: { token?: string; port?: number; save: boolean };
    reply: { ok: true; version: string; port: number } | BridgeFailure;
  };
  /** Options page: forget the local pairing. */
  'bridge-unpair': { data: Record<never, never>; reply: true };
}

/** The background or an extension page → one tab's content script. */
export interface ToTab {
  /** R-ID-1 shortcut (Alt+Shift+P). */
  'copy-patient-id': { data: Record<never, never>; reply: undefined };
  /** The side panel found no facts for the tab: publish them again. */
  'journal-facts-request': { data: Record<never, never>; reply: undefined };
  /** An allow-listed session value changed (null: removed). */
  'session-changed': { data: { key: SharedSessionKey; value: unknown }; reply: undefined };
  /** Options page (rule editor): how each selector reads this console page now (names only, no values). */
  'selector-health': {
    data: Record<never, never>;
    reply: {
      route: string;
      health: Partial<Record<ClinicField, 'found' | 'missing' | 'ambiguous' | 'not-applicable'>>;
    };
  };
}

type All = ToBackground & ToTab;
export type MessageType = keyof All;
export type MessageData<K extends MessageType> = All[K]['data'];
export type MessageReply<K extends MessageType> = All[K]['reply'];
/** A message as it travels and as its handler gets it (a union of types gives a union of messages). */
export type Message<K extends MessageType> = K extends MessageType ? { type: K } & MessageData<K> : never;

/** Exactly the declared fields: a field no message declares is an error, even through a variable. */
type Exact<T, D> = D & Record<Exclude<keyof D, keyof T>, never>;
type DataArgs<T, D> = Record<never, never> extends T ? [data?: Exact<T, D>] : [data: Exact<T, D>];

export function send<K extends keyof ToBackground, D extends ToBackground[K]['data'] = ToBackground[K]['data']>(
  type: K,
  ...[data]: DataArgs<ToBackground[K]['data'], D>
): Promise<ToBackground[K]['reply'] | undefined> {
  return browser.runtime.sendMessage({ ...data, type });
}

export function sendToTab<K extends keyof ToTab, D extends ToTab[K]['data'] = ToTab[K]['data']>(
  tabId: number,
  type: K,
  ...[data]: DataArgs<ToTab[K]['data'], D>
): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, { ...data, type });
}

/** What a handler may know of a message's sender: what the browser says, never the payload. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: SenderTab;
}
export interface SenderTab {
  id?: number;
  windowId?: number;
}

function isMessage<K extends MessageType>(value: unknown, type: K): value is Message<K> {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === type;
}

/**
 * Answers one type of message until `signal` aborts. The handler's `undefined` is no answer at
 * all (a refused sender learns nothing). Data from another context is typed, not trusted: a
 * handler that stores or acts on it still checks its shape.
 */
export function handle<K extends MessageType>(
  type: K,
  handler: (
    message: Message<NoInfer<K>>,
    sender: Sender,
  ) => Promise<MessageReply<NoInfer<K>>> | MessageReply<NoInfer<K>> | undefined,
  signal?: AbortSignal,
): void {
  // The reply goes by `sendResponse` (and `true`: "answered later"), which the browser's own API
  // and webextension-polyfill both take: the content script runs on Chromium's native promise API
  // (wxt.config.ts), whose listeners cannot answer with a returned promise.
  const listener = (message: unknown, sender: Sender, sendResponse?: (reply: unknown) => void) => {
    if (!isMessage(message, type)) return undefined;
    const reply = handler(message, sender);
    if (reply === undefined) return undefined;
    // An API that passes no sendResponse takes the returned promise (WXT's fake browser does).
    if (typeof sendResponse !== 'function') return Promise.resolve(reply);
    Promise.resolve(reply).then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}

/** Our own content script or page (the browser names the sender; it cannot be faked). */
export function fromUs(sender: Sender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * One of our own pages (side panel, options, popup), never a content script: a content script
 * runs inside the console's page, and its `url` and `origin` are the page's, which it cannot fake.
 */
export function fromExtensionPage(sender: Sender): boolean {
  return isExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'));
}
export function isExtensionPage(sender: Sender, extensionId: string, baseUrl: string): boolean {
  if (sender.id !== extensionId || !sender.url?.startsWith(baseUrl)) return false;
  return sender.origin === undefined || `${sender.origin}/` === baseUrl;
}

/** Our own content script, in a tab. */
export function fromConsoleTab(sender: Sender): sender is Sender & { tab: SenderTab & { id: number } } {
  return fromUs(sender) && sender.tab?.id !== undefined;
}

/**
 * Session storage is trusted-only (extension pages and the worker): it holds every tab's journal
 * facts (name, personnummer, anamnesis). Content scripts reach only these keys, through the
 * background (background/session-bridge.ts); extension pages read storage directly.
 */
export const SHARED_SESSION_KEYS = ['cosmicPatient', 'cosmicKey', 'bridgeStatus'] as const;
export type SharedSessionKey = (typeof SHARED_SESSION_KEYS)[number];
export function isSharedSessionKey(key: unknown): key is SharedSessionKey {
  return SHARED_SESSION_KEYS.some((k) => k === key);
}
