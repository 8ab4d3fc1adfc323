import type { RuleSet } from '../../shared/rules';
import {
  ambientQueryCache,
  bannerFreeSpan,
  ChatCache,
  type ClinicSnapshot,
  carryOver,
  observeClinic,
  type QueryCache,
  readChatAppended,
  readSnapshot,
  registryFor,
  withQueryCache,
} from '../clinic';
import { warmUpPatterns } from '../clinic/warm-up';
import type { Feature, FeatureContext, SnapshotChange } from '../features/feature';
import { startFeatures } from './feature-loader';
import { markFeature, trackFeatures } from './feature-status';
import { logError } from './log';
import { fromUs, handle, send } from './messages';
import { servePanelViews } from './panel-port';
import { type EffectiveRules, onEffectiveRulesChanged } from './rules-record';
import { createUiHost } from './ui-host';

/** The danger bar needs room for a warning's title and its two buttons. */
const ALARM_MIN_WIDTH = 320;

/**
 * The content script's core: one observer feeds one snapshot to every feature. A listener that
 * throws is attributed to its feature and never stops the others.
 */
export function startCompanion(
  doc: Document,
  features: readonly Feature[],
  enabled: ReadonlySet<string>,
  initialRules: EffectiveRules,
) {
  let rules: RuleSet = initialRules.rules;
  let registry = registryFor(rules);
  const chatCache = new ChatCache();
  const readNow = () => readSnapshot(doc, registry, new Date(), chatCache);
  // The first read's structure index serves the features' first draws too (observeClinic keeps it
  // until the console changes): on a 2,000-message visit, one walk instead of one per reader.
  const firstRead: QueryCache = new Map();
  let snapshot: ClinicSnapshot = withQueryCache(firstRead, readNow);
  /** Each feature's listener, and whether it reads the chat (Feature.readsChat). */
  const listeners = new Map<(s: ClinicSnapshot, change: SnapshotChange) => void, boolean>();
  const ui = createUiHost(doc, {
    freeSpan: () => bannerFreeSpan(doc, registry, ALARM_MIN_WIDTH),
    openSidePanel: () => void send('side-panel-open').catch(() => {}),
  });
  const lifetime = new AbortController();
  const panel = servePanelViews(lifetime.signal);

  const contextFor = (feature: Feature): FeatureContext => ({
    snapshot: () => snapshot,
    onSnapshot(listener, signal) {
      const guarded = (s: ClinicSnapshot, change: SnapshotChange) => {
        try {
          listener(s, change);
        } catch (error) {
          markFeature(feature.id, 'failed');
          logError(`feature ${feature.id} failed`, error);
        }
      };
      listeners.set(guarded, feature.readsChat === true);
      signal.addEventListener('abort', () => listeners.delete(guarded));
    },
    ui,
    panel: panel.channelFor(feature.id),
    now: () => new Date(),
    rules: () => rules,
    registry: () => registry,
  });

  // Each feature's state (running, failed, off) is recorded for the support info (R-SUP-1).
  const running = startFeatures(trackFeatures(features), contextFor, enabled, (feature) => {
    ui.release(feature.id);
    panel.release(feature.id);
  });
  // One read of the page per change: the snapshot and every listener's own adapter reads share
  // one structure index (a 2,000-message chat is walked once, not once per feature).
  let lastRead: QueryCache | undefined = firstRead;
  const refresh = () =>
    withQueryCache(new Map(), () => {
      const read = ambientQueryCache(doc);
      // Issue 16: messages appended to a long chat (a message arriving) change only the chat. The
      // last read's structure index still holds, and only the features that read the chat are
      // told; the others' view of the page is as it was.
      const appended = chatCache.onlyAppended();
      if (appended && lastRead && read) carryOver(lastRead, read);
      lastRead = read;
      const chatRead = appended ? readChatAppended(snapshot, doc, registry, new Date(), chatCache) : null;
      const chatOnly = chatRead !== null;
      snapshot = chatRead ?? readNow();
      const change: SnapshotChange = chatOnly ? 'chat-appended' : 'page';
      for (const [listener, readsChat] of listeners) if (readsChat || !chatOnly) listener(snapshot, change);
      // Features redraw an inline container only when its content changed; the page's own
      // changes (a row inserted above, a panel opened) still move the anchors.
      ui.reposition();
    });
  // Features start in microtasks after this: their first draws read over the first read's index.
  observeClinic(doc, refresh, lifetime.signal, (records) => chatCache.invalidate(records), firstRead);
  // The vocabulary's patterns compiled while idle, not on the clinician's first click (issue 16).
  const idle = doc.defaultView?.requestIdleCallback?.(() => warmUpPatterns(registry), { timeout: 3000 });
  lifetime.signal.addEventListener('abort', () => idle !== undefined && doc.defaultView?.cancelIdleCallback(idle));
  // A superuser's new selectors or markers apply at once, without a release or a reload.
  onEffectiveRulesChanged((next) => {
    rules = next.rules;
    registry = registryFor(rules);
    chatCache.clear();
    refresh();
  }, lifetime.signal);
  // The rule editor's selector health (issue 13): only our own extension pages may ask.
  handle(
    'selector-health',
    (_message, sender) =>
      fromUs(sender) && !sender.tab ? { route: snapshot.route, health: { ...snapshot.health } } : undefined,
    lifetime.signal,
  );
  return {
    snapshot: () => snapshot,
    /** IT's policy or the clinician's switch changed: start and stop features without a reload. */
    setEnabled: (ids: ReadonlySet<string>) => running.set(ids),
    stop() {
      lifetime.abort();
      running.stop();
      ui.destroy();
    },
  };
}
