/**
 * The sizes of the workspace's panels: the sidebar and inspector widths, the analysis panel's
 * height, and whether the sidebar is open. Session state (never in the file), remembered in
 * local storage between runs. Sizes are clamped so the canvas always keeps a usable area, at
 * every window size from 1024×700 up.
 */
export interface PanelSizes {
  sidebar: number;
  inspector: number;
  analysis: number;
  sidebarOpen: boolean;
}

export type PanelName = 'sidebar' | 'inspector' | 'analysis';

export const PANEL_RANGE: Record<PanelName, { min: number; max: number }> = {
  sidebar: { min: 170, max: 440 },
  inspector: { min: 260, max: 620 },
  analysis: { min: 140, max: 640 },
};

/** What the centre (canvas, table or matrix) keeps, whatever the panels ask for. */
export const MIN_CENTRE = { width: 420, height: 260 };
/** Width of the sidebar when folded to its rail. */
export const SIDEBAR_RAIL = 40;
/** Room the title bar takes, for the analysis panel's share of the height. */
const TITLEBAR = 80;

/**
 * The analysis panel opens at under a third of the room below the title bar: the canvas is what a
 * planner came for, and each tab scrolls (36% at 1920×1080 read as a second main view).
 */
const ANALYSIS_DEFAULT = { share: 0.3, min: 170, max: 320 };

export function defaultPanels(window: { width: number; height: number }): PanelSizes {
  const wide = window.width >= 1600;
  const medium = window.width >= 1280;
  return {
    sidebar: wide ? 260 : medium ? 230 : 200,
    inspector: wide ? 360 : medium ? 320 : 290,
    analysis: Math.round(Math.min(ANALYSIS_DEFAULT.max, Math.max(ANALYSIS_DEFAULT.min, (window.height - TITLEBAR) * ANALYSIS_DEFAULT.share))),
    sidebarOpen: true,
  };
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/**
 * The sizes actually used in a window of this size: each within its range, and shrunk (inspector
 * first, then sidebar) so the centre keeps MIN_CENTRE.
 */
export function fitPanels(sizes: PanelSizes, window: { width: number; height: number }, shown: { inspector: boolean; analysis: boolean }): PanelSizes {
  let sidebar = clamp(sizes.sidebar, PANEL_RANGE.sidebar.min, PANEL_RANGE.sidebar.max);
  let inspector = clamp(sizes.inspector, PANEL_RANGE.inspector.min, PANEL_RANGE.inspector.max);
  const side = () => (sizes.sidebarOpen ? sidebar : SIDEBAR_RAIL) + (shown.inspector ? inspector : 0);
  let excess = side() + MIN_CENTRE.width - window.width;
  if (excess > 0 && shown.inspector) {
    const cut = Math.min(excess, inspector - PANEL_RANGE.inspector.min);
    inspector -= cut;
    excess -= cut;
  }
  if (excess > 0 && sizes.sidebarOpen) sidebar -= Math.min(excess, sidebar - PANEL_RANGE.sidebar.min);
  const analysisRoom = window.height - TITLEBAR - MIN_CENTRE.height;
  const analysis = clamp(Math.min(sizes.analysis, analysisRoom), PANEL_RANGE.analysis.min, PANEL_RANGE.analysis.max);
  return { sidebar, inspector, analysis, sidebarOpen: sizes.sidebarOpen };
}

const STORAGE_KEY = 'scenario-workbench.panels';

export function loadPanels(window: { width: number; height: number }, storage: Pick<Storage, 'getItem'> | null): PanelSizes {
  const fallback = defaultPanels(window);
  try {
    const saved: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
    if (!saved || typeof saved !== 'object') return fallback;
    const read = (key: PanelName) => {
      const value = (saved as Record<string, unknown>)[key];
      return typeof value === 'number' && Number.isFinite(value) ? value : fallback[key];
    };
    const open = (saved as Record<string, unknown>).sidebarOpen;
    return { sidebar: read('sidebar'), inspector: read('inspector'), analysis: read('analysis'), sidebarOpen: typeof open === 'boolean' ? open : true };
  } catch {
    return fallback;
  }
}

export function savePanels(sizes: PanelSizes, storage: Pick<Storage, 'setItem'> | null): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(sizes));
  } catch {
    // Storage full or refused: sizes are a convenience, the session keeps them anyway.
  }
}
