import type { RuleSet } from '../../shared/rules';
import type { ClinicSnapshot, SelectorRegistry } from '../clinic';
import type { PanelChannel } from '../lib/panel-port';
import type { UiHost } from '../lib/ui-host';

/**
 * One feature, one file: `extension/features/<id>.tsx` exports a `Feature` whose `id` is the
 * file name. Features see the console only through the page adapter's snapshot.
 */
export interface FeatureContext {
  /** The latest snapshot of the console page. */
  snapshot(): ClinicSnapshot;
  /**
   * Called with every new snapshot (after the console changed) until `signal` aborts, and what
   * changed: 'chat-appended' (only messages appended to the chat: only features that read it are
   * told, and what they read elsewhere on the page is as it was) or 'page' (anything).
   */
  onSnapshot(listener: (snapshot: ClinicSnapshot, change: SnapshotChange) => void, signal: AbortSignal): void;
  /** In the page: only what must sit beside what it is about (the copy button, queue badges, danger bar). */
  ui: UiHost;
  /** This feature's view in the side panel (issue 14: the companion's home, never over the console). */
  panel: PanelChannel;
  /** "Now" for age rules: the visit's date where the page shows it (see ageReferenceDate). */
  now(): Date;
  /** The rule set in force (validated by the background). */
  rules(): RuleSet;
  /**
   * The selector registry the snapshot was read with (the rule set's overrides applied): pass it
   * to every other adapter call, so all of them see the page the same way.
   */
  registry(): SelectorRegistry;
}

export type SnapshotChange = 'chat-appended' | 'page';

export interface Feature {
  id: string;
  /** Swedish, for the options page's per-feature switch. */
  title: string;
  /** The work rules (RULES.md IDs) the feature enforces. */
  rules: readonly string[];
  /**
   * Its model depends on the chat's messages (snapshot.chat, channels, imagesSent): it is told of
   * messages appended to the chat. Other features are not (issue 16: a message arriving in a long
   * chat changes nothing else they read). feature-reads-chat.test.ts checks the declaration.
   */
  readsChat?: true;
  /** May return false: not applicable here. A throw stays inside this feature. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a feature's init usually returns nothing.
  init(context: FeatureContext, signal: AbortSignal): void | false | Promise<void | false>;
}
