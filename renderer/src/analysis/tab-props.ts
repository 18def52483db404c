/** What each analysis tab is given by the panel. */
import type { ScenarioDocument } from '../../../core/model';
import type { Scope } from './memo';

export interface TabProps {
  doc: ScenarioDocument;
  /** The crisis analysed, or null for the whole file. */
  scope: Scope;
  crisisNames: ReadonlyMap<string, string>;
  /** Select these elements and bring them into view on the canvas. */
  focus(ids: readonly string[]): void;
}

/** Long lists are cut so a 20 000-element file stays responsive; the rest is counted, not hidden silently. */
export const ROW_LIMIT = 300;
