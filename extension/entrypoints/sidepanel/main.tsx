import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { copyText } from '../../lib/clipboard';
import { t, uiLanguage } from '../../lib/i18n';
import { buildPanelNote, type JournalDraft, readDraft } from '../../lib/journal-draft';
import { journalFactsKey, journalFactsRecords, type StoredJournalFacts } from '../../lib/journal-facts';
import { logError } from '../../lib/log';
import { sendToTab } from '../../lib/messages';
import { preconnectPanelViews } from '../../lib/panel-port';
import { type EffectiveRules, loadEffectiveRules, onEffectiveRulesChanged } from '../../lib/rules';
import { loadVisit, updateVisit, visitStorageKey } from '../../lib/visit-store';
import { ExportPdf } from './export-pdf';
import { FeatureViews } from './feature-views';
import { type NoteActions, NoteView } from './note-view';
import { RefusedRules } from './refused-rules';
import { RulesProvenance } from './rules-provenance';
import { usePanelModeRequest, usePhoneAttempted } from './visit-signals';
import '../../lib/rule-ref.css';
import './style.css';

/**
 * The journal side panel (R-J-2..R-J-8): the Cosmic note for the visit in the window's active tab
 * (or the tab named by `?tabId=`, for tests and bookmarks; or the active tab of the window named
 * by `?windowId=`, for tests that switch tabs), built from the facts the content script published
 * and the rule set in force. The clinician's edits and choices are the draft, saved per visit as
 * they type (visit store: survives a reload, a killed worker, a restart).
 */

/** Draft writes in order, coalesced: the latest draft always lands, never an older one after it. */
function createDraftSaver() {
  let pending: { key: string; draft: JournalDraft } | null = null;
  let running = false;
  const loop = async () => {
    running = true;
    while (pending) {
      const { key, draft } = pending;
      pending = null;
      try {
        await updateVisit(key, (record) => ({ ...record, journalDraft: draft }));
      } catch (error) {
        logError('journal draft save', error);
      }
    }
    running = false;
  };
  return (key: string, draft: JournalDraft) => {
    pending = { key, draft };
    if (!running) void loop();
  };
}
const saveDraft = createDraftSaver();

type DraftState = { visitKey: string; storageKey: string; draft: JournalDraft };

async function readTabFacts(tabId: number): Promise<StoredJournalFacts | null> {
  const found = await journalFactsRecords.get(journalFactsKey(tabId));
  if (!found) {
    // Nothing kept for this tab (e.g. opened before the extension): ask its content script.
    sendToTab(tabId, 'journal-facts-request').catch(() => {});
  }
  return found;
}

async function readDraftState(visitKey: string): Promise<DraftState> {
  const storageKey = await visitStorageKey(visitKey);
  const record = await loadVisit(storageKey);
  return { visitKey, storageKey, draft: readDraft(record?.journalDraft) };
}

/** The active tab of the window named by `?windowId=`, else of this page's own window. */
async function activeTabId(
  fixedWindowId: number | null,
): Promise<{ windowId: number | undefined; tabId: number | null }> {
  const windowId = fixedWindowId ?? (await browser.windows.getCurrent()).id;
  const [tab] = await browser.tabs.query({ active: true, windowId });
  return { windowId, tabId: tab?.id ?? null };
}

/**
 * Everything the first note needs, read in parallel before the first render ("panel open →
 * filled" ≤ 100 ms): the rules, the tab's facts, then the visit's draft.
 */
interface Initial {
  effective: EffectiveRules;
  windowId: number | undefined;
  tabId: number | null;
  stored: StoredJournalFacts | null;
  draft: DraftState | null;
}
async function loadInitial(fixedTabId: number | null, fixedWindowId: number | null): Promise<Initial> {
  const shown = Promise.resolve(
    fixedTabId !== null ? { windowId: undefined, tabId: fixedTabId } : activeTabId(fixedWindowId),
  );
  // The cards' models are asked for now, while the journal's reads run (issue 14).
  void shown.then((s) => {
    if (s.tabId !== null) preconnectPanelViews(s.tabId);
  });
  const facts = shown.then((s) => (s.tabId === null ? null : readTabFacts(s.tabId)));
  const draft = facts.then((f) => (f?.facts ? readDraftState(f.facts.visitKey) : null));
  const [effective, { windowId, tabId }, stored, draftState] = await Promise.all([
    loadEffectiveRules(),
    shown,
    facts,
    draft,
  ]);
  return { effective, windowId, tabId, stored, draft: draftState };
}

function useEffectiveRules(initial: EffectiveRules): EffectiveRules {
  const [effective, setEffective] = useState(initial);
  useEffect(() => {
    const life = new AbortController();
    onEffectiveRulesChanged(setEffective, life.signal);
    return () => life.abort();
  }, []);
  return effective;
}

/** The tab whose visit is shown: fixed by `?tabId=`, else the active tab of this (or `?windowId=`'s) window. */
function useShownTab(fixedTabId: number | null, initial: Initial): number | null {
  const [tabId, setTabId] = useState<number | null>(initial.tabId);
  useEffect(() => {
    if (fixedTabId !== null) return;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === initial.windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, [fixedTabId, initial]);
  return tabId;
}

/** The facts the background keeps for the tab; undefined while loading. */
function useTabFacts(tabId: number | null, initial: Initial): StoredJournalFacts | null | undefined {
  const [state, setState] = useState<{ tabId: number | null; stored: StoredJournalFacts | null | undefined }>({
    tabId: initial.tabId,
    stored: initial.stored,
  });
  useEffect(() => {
    if (tabId === null) return;
    const key = journalFactsKey(tabId);
    const life = new AbortController();
    let changed = false;
    journalFactsRecords.watch((changedKey, stored) => {
      if (changedKey !== key) return;
      changed = true;
      setState({ tabId, stored });
    }, life.signal);
    // A tab other than the preloaded one (a tab switch): read its facts now.
    if (tabId !== initial.tabId || state.tabId !== tabId)
      void readTabFacts(tabId).then((stored) => !life.signal.aborted && !changed && setState({ tabId, stored }));
    return () => life.abort();
  }, [tabId]);
  return state.tabId === tabId ? state.stored : undefined;
}

/** The saved draft of a visit, loaded before the note is shown (so nothing overwrites it). */
function useDraft(visitKey: string | null, initial: Initial) {
  const [state, setState] = useState<DraftState | null>(initial.draft);
  useEffect(() => {
    if (visitKey === null || state?.visitKey === visitKey) return;
    let alive = true;
    void readDraftState(visitKey).then((next) => alive && setState(next));
    return () => {
      alive = false;
    };
  }, [visitKey]);
  const current = state && state.visitKey === visitKey ? state : null;
  const update = useCallback(
    (change: (draft: JournalDraft) => JournalDraft) => {
      setState((s) => {
        if (!s || s.visitKey !== visitKey) return s;
        const draft = change(s.draft);
        saveDraft(s.storageKey, draft);
        return { ...s, draft };
      });
    },
    [visitKey],
  );
  return { draft: current?.draft ?? null, update };
}

function App({ fixedTabId, initial }: { fixedTabId: number | null; initial: Initial }) {
  const effective = useEffectiveRules(initial.effective);
  const tabId = useShownTab(fixedTabId, initial);
  const stored = useTabFacts(tabId, initial);
  const facts = stored?.facts ?? null;
  const { draft, update } = useDraft(facts?.visitKey ?? null, initial);
  const [status, setStatus] = useState('');
  const filledMarked = useRef(false);
  const phoneAttempted = usePhoneAttempted(facts?.visitKey ?? null);
  const toNoReply = useCallback(() => update((d) => ({ ...d, noReply: true })), [update]);
  usePanelModeRequest(tabId, draft !== null, toNoReply);

  const panel = useMemo(
    () => (facts && draft && effective ? buildPanelNote(facts, draft, effective.rules, { phoneAttempted }) : null),
    [facts, draft, effective, phoneAttempted],
  );

  // Layout effect: runs as soon as the note is in the DOM (before paint), not a frame later.
  useLayoutEffect(() => {
    if (panel && !filledMarked.current) {
      filledMarked.current = true;
      // "Panel open → filled" (bench/journal-panel.bench.ts).
      performance.mark('journal-panel-filled');
    }
    document.documentElement.dataset.state = panel ? 'filled' : 'empty';
  }, [panel]);

  const announce = useCallback((text: string) => {
    // Clearing first makes a repeated message be announced again.
    setStatus('');
    setTimeout(() => setStatus(text), 30);
  }, []);

  /** `done`: what the status says once the text is on the clipboard. */
  const copy = async (text: string, done: string) => {
    announce((await copyText(text)) ? done : t('journal_copyFailed'));
  };

  const actions: NoteActions = {
    chooseKontaktsatt: (kontaktsatt) => update((d) => ({ ...d, kontaktsatt })),
    chooseVardkontakt: (vardkontakt) => update((d) => ({ ...d, vardkontakt })),
    chooseVardtjanst: (v) => update((d) => ({ ...d, vardtjanst: v || undefined })),
    setNoReply: (noReply) => update((d) => ({ ...d, noReply })),
    editSection: (keyword, text) =>
      update((d) => {
        const mode = d.noReply ? 'noReply' : 'full';
        return { ...d, edits: { ...d.edits, [mode]: { ...d.edits[mode], [keyword]: text } } };
      }),
    resetSection: (keyword) =>
      update((d) => {
        const mode = d.noReply ? 'noReply' : 'full';
        const { [keyword]: _removed, ...rest } = d.edits[mode];
        return { ...d, edits: { ...d.edits, [mode]: rest } };
      }),
    copySection: (keyword, text) => void copy(text, t('journal_copied', keyword)),
    copyAll: () => panel && void copy(panel.text, t('journal_copiedAll')),
  };

  let body: preact.ComponentChildren;
  if (!effective || tabId === null || stored === undefined) body = <p>{t('journal_readingVisit')}</p>;
  else if (!facts)
    body = (
      <p class="empty" id="no-visit">
        {t('journal_noVisit')}
      </p>
    );
  else if (!panel || !draft) body = <p>{t('journal_readingDraft')}</p>;
  else
    body = (
      <>
        <p class="visit">
          {t('journal_visitLabel')} <strong>{facts.patient.name ?? t('journal_nameUnknown')}</strong>
        </p>
        <NoteView panel={panel} draft={draft} facts={facts} actions={actions} />
        <ExportPdf panel={panel} facts={facts} announce={announce} />
      </>
    );

  return (
    <main>
      <FeatureViews tabId={tabId} rules={effective?.rules ?? null} />
      <h1>{t('journal_heading')}</h1>
      <p class="sub">
        {/* The fallback is the Cosmic template's own name, the same in every language. */}
        {t('journal_template', effective?.rules.template.name ?? 'Distanskontakt 1177 direkt')} · {t('journal_rules')}{' '}
        <RulesProvenance rules={effective?.rules} />
      </p>
      {effective && <RefusedRules effective={effective} />}
      {body}
      <p class="status" role="status" aria-live="polite" id="status">
        {status}
      </p>
    </main>
  );
}

performance.mark('journal-panel-script');
// The page's title and language follow the browser's (an extension page's HTML cannot use __MSG__).
document.title = t('panel_docTitle');
document.documentElement.lang = uiLanguage();
const search = new URLSearchParams(location.search);
const idParam = (name: string) => {
  const value = search.get(name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
};
const fixedTabId = idParam('tabId');
// `?windowId=` (tests, benches): follow the active tab of that window, as the side panel does its own.
void loadInitial(fixedTabId, idParam('windowId')).then((initial) => {
  render(<App fixedTabId={fixedTabId} initial={initial} />, document.getElementById('app')!);
});
