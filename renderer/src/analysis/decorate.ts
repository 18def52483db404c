/** How the canvas view modes colour nodes (being built). */
import type { ScenarioDocument } from '../../../core/model';
import type { ViewState } from '../state/view';

export interface NodeDecoration {
  /** A CSS colour for the node's fill or ring in this mode. */
  tone?: string;
  /** Short text shown on the node in this mode (e.g. "uncovered", "risk 12"). */
  badge?: string;
  dimmed?: boolean;
  flagged?: boolean;
}

export function decorateNodes(doc: ScenarioDocument, crisisId: string, view: Pick<ViewState, 'mode' | 'whatIf'>): ReadonlyMap<string, NodeDecoration> {
  void doc;
  void crisisId;
  void view;
  return new Map();
}
