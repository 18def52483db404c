/** View options: which crisis, which panels, which canvas mode. Session state, never saved. */
import { Observable } from './store';

export const VIEW_MODES = ['normal', 'consensus', 'risk', 'coverage', 'what-if'] as const;
export type ViewMode = (typeof VIEW_MODES)[number];

export const CENTRE_VIEWS = ['canvas', 'table', 'matrix'] as const;
export type CentreView = (typeof CENTRE_VIEWS)[number];

export const ANALYSIS_TABS = ['gaps', 'risk', 'consensus', 'responsibilities'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

export interface ViewState {
  crisisId: string | null;
  centre: CentreView;
  mode: ViewMode;
  /** Triggers chosen for what-if mode. */
  whatIf: readonly string[];
  showMinimap: boolean;
  showInspector: boolean;
  showAnalysis: boolean;
  analysisTab: AnalysisTab;
  /** Show only what the report states: values on assumption or from planners hidden, unsourced elements greyed. */
  reportOnly: boolean;
  /** In the compare view: list and mark moves too (off: moves alone are hidden). */
  compareMoves: boolean;
  /** Filter text shared by the canvas and the tables: titles, descriptions and tags. */
  filter: string;
  findOpen: boolean;
  /** The node whose title is being edited in place on the canvas. */
  editingNodeId: string | null;
  /** The undo mark the in-place title edit commits under (a new node's, so both are one step). */
  editingMark: string | null;
}

export const INITIAL_VIEW: ViewState = {
  crisisId: null,
  centre: 'canvas',
  mode: 'normal',
  whatIf: [],
  // Off until asked for (toolbar, the zoom controls, the palette): on a small canvas it hides nodes.
  showMinimap: false,
  showInspector: true,
  showAnalysis: false,
  analysisTab: 'gaps',
  reportOnly: false,
  compareMoves: false,
  filter: '',
  findOpen: false,
  editingNodeId: null,
  editingMark: null,
};

export class ViewStore extends Observable<ViewState> {
  constructor() {
    super(INITIAL_VIEW);
  }
  patch(change: Partial<ViewState>): void {
    this.update((v) => ({ ...v, ...change }));
  }
}
