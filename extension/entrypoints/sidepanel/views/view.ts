import type { ComponentChildren } from 'preact';
import type { RuleSet } from '../../../../shared/rules';

/** A press in a view, sent to the feature in the tab (panel-port). */
export type Act = (action: string, data?: unknown) => void;

/** One feature's card in the side panel, drawn from the model its content-script half publishes. */
export interface FeatureView {
  id: string;
  View: (props: ViewProps<unknown>) => ComponentChildren;
}

/**
 * What a view draws from: the feature's model (what the tab read), the rule set in force (the
 * side panel's: work rules are applied here, so the content script carries only the reading),
 * and `act` for presses.
 */
export interface ViewProps<M> {
  model: M;
  rules: RuleSet;
  act: Act;
}

/** Ties a view to its feature's model type (the model is the feature's own export). */
export function defineView<M>(id: string, View: (props: ViewProps<M>) => ComponentChildren): FeatureView {
  return { id, View: View as FeatureView['View'] };
}
