import type { ComponentChildren } from 'preact';

/** A press in a view, sent to the feature in the tab (panel-port). */
export type Act = (action: string, data?: unknown) => void;

/** One feature's card in the side panel, drawn from the model its content-script half publishes. */
export interface FeatureView {
  id: string;
  View: (props: { model: unknown; act: Act }) => ComponentChildren;
}

/** Ties a view to its feature's model type (the model is the feature's own export). */
export function defineView<M>(id: string, View: (props: { model: M; act: Act }) => ComponentChildren): FeatureView {
  return { id, View: View as FeatureView['View'] };
}
