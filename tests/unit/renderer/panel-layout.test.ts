/** Panel sizes fitted to the window: within range, and the centre always keeps its minimum. */
import { describe, expect, it } from 'vitest';
import { defaultPanels, fitPanels, loadPanels, MIN_CENTRE, PANEL_RANGE, SIDEBAR_RAIL } from '../../../renderer/src/shell/panel-layout';

describe('panel layout', () => {
  it('leaves the centre at least its minimum at every width from 1024 to 2560, asking for the widest panels', () => {
    for (let width = 1024; width <= 2560; width += 16) {
      const window = { width, height: 700 };
      const fitted = fitPanels({ sidebar: 9999, inspector: 9999, analysis: 9999, sidebarOpen: true }, window, { inspector: true, analysis: true });
      expect(fitted.sidebar + fitted.inspector + MIN_CENTRE.width, `at ${width}`).toBeLessThanOrEqual(width);
      expect(fitted.inspector).toBeGreaterThanOrEqual(PANEL_RANGE.inspector.min);
      expect(fitted.sidebar).toBeGreaterThanOrEqual(PANEL_RANGE.sidebar.min);
      expect(fitted.analysis).toBeLessThanOrEqual(700 - 80 - MIN_CENTRE.height);
    }
  });

  it('starts narrower on small windows and folds nothing by itself', () => {
    expect(defaultPanels({ width: 1024, height: 700 })).toMatchObject({ sidebar: 200, inspector: 290, sidebarOpen: true });
    expect(defaultPanels({ width: 1920, height: 1080 })).toMatchObject({ sidebar: 260, inspector: 360 });
    expect(SIDEBAR_RAIL).toBeLessThan(PANEL_RANGE.sidebar.min);
    // The analysis panel opens at under a third of the room below the title bar, at every height.
    for (const height of [700, 900, 1080, 1440]) expect(defaultPanels({ width: 1920, height }).analysis, `at ${height}`).toBeLessThan((height - 80) / 3);
  });

  it('reads saved sizes, ignoring anything malformed', () => {
    const window = { width: 1440, height: 900 };
    expect(loadPanels(window, { getItem: () => '{"sidebar":300,"inspector":"wide","sidebarOpen":false}' })).toMatchObject({ sidebar: 300, inspector: 320, sidebarOpen: false });
    expect(loadPanels(window, { getItem: () => 'not json' })).toEqual(defaultPanels(window));
    expect(loadPanels(window, null)).toEqual(defaultPanels(window));
  });
});
