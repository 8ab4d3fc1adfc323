import { type ComponentChildren, render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RuleSet } from '../../../shared/rules';
import { adoptPanelViews, earlyViews } from '../../lib/panel-port';
import { CARD_CSS } from './card-styles';
import { FEATURE_VIEWS } from './views';

type Views = Record<string, unknown> | null;

/** The models the tab's content script publishes; `undefined` until it first answers. */
function useTabViews(tabId: number | null) {
  // The models the early connection already has are drawn in the first render (issue 14).
  const [state, setState] = useState<{ tabId: number | null; views: Views | undefined }>(() => ({
    tabId,
    views: earlyViews(tabId),
  }));
  const act = useRef<(feature: string, action: string, data?: unknown) => void>(() => {});
  useEffect(() => {
    setState({ tabId, views: earlyViews(tabId) });
    if (tabId === null) return;
    const life = new AbortController();
    act.current = adoptPanelViews(tabId, (views) => setState({ tabId, views }), life.signal);
    return () => life.abort();
  }, [tabId]);
  // Never another tab's models while the new tab's are on their way (issue 14).
  return { views: state.tabId === tabId ? state.views : undefined, act: act.current };
}

/** Our views in a shadow root: the in-page cards' styles (CARD_CSS) without touching the journal's. */
function Shadow({ id, state, children }: { id: string; state: string; children: ComponentChildren }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    render(
      <>
        <style>{CARD_CSS}</style>
        <div class="panel-body">{children}</div>
      </>,
      root,
    );
  });
  return <div ref={host} id={id} data-views={state} />;
}

/** Every feature's card for the tab shown, in the features' registry order (issue 14). */
export function FeatureViews({ tabId, rules }: { tabId: number | null; rules: RuleSet | null }) {
  const { views, act } = useTabViews(tabId);
  const state = views === undefined ? 'loading' : views === null ? 'none' : 'connected';
  return (
    <Shadow id="feature-views" state={state}>
      {views &&
        rules &&
        FEATURE_VIEWS.map(({ id, View }) =>
          views[id] === undefined ? null : (
            <div key={id} data-feature={id}>
              <View model={views[id]} rules={rules} act={(action: string, data?: unknown) => act(id, action, data)} />
            </div>
          ),
        )}
    </Shadow>
  );
}
