/**
 * What a planner sees stays in view when the canvas's pane changes size. Opening the analysis
 * panel, dragging its splitter, folding the sidebar, closing the inspector: every node that was
 * wholly in view before stays wholly in view after, clear of the overlays, at a readable zoom.
 * Before, React Flow kept the top-left corner, so at 1024×700 the bottom of the crisis went
 * under the analysis panel as it opened. Where a smaller pane cannot hold them all at a readable
 * zoom (1024×700 with the analysis panel open), it keeps the zoom readable and the node at the
 * centre, and leaves out those farthest from it.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type AppSession } from './harness/app';
import { canvasState, inside, overlaps } from './harness/canvas-geometry';
import { waitCanvasStill } from './harness/editor';

let app: AppSession;
afterEach(async () => {
  expect(app.errors).toEqual([]);
  await app.close();
});

/** The ids of the nodes wholly in view now: inside the pane and under no overlay. */
async function shownNow(page: Page) {
  const state = await canvasState(page);
  const ids = state.nodes.filter((n) => inside(n, state.pane) && !state.overlays.some((o) => overlaps(n, o))).map((n) => n.id);
  return { ids, state };
}

/** The node whose middle is nearest the pane's middle. */
function nearestCentre(state: Awaited<ReturnType<typeof canvasState>>, ids: readonly string[]) {
  const mid = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
  const c = mid(state.pane);
  const distance = (id: string) => {
    const m = mid(state.nodes.find((n) => n.id === id)!);
    return Math.hypot(m.x - c.x, m.y - c.y);
  };
  return [...ids].sort((a, b) => distance(a) - distance(b))[0]!;
}

/**
 * After `change`, the canvas settles with every node of `before` still wholly in view; or, where
 * they cannot all be read in the smaller pane, at a readable zoom with the one at the centre kept.
 */
async function keepsInView(page: Page, what: string, change: () => Promise<void>) {
  const before = await shownNow(page);
  expect(before.ids.length, `${what}: nodes in view before`).toBeGreaterThanOrEqual(3);
  await change();
  await expect.poll(async () => JSON.stringify((await canvasState(page)).pane), { message: `${what}: the pane changes size` }).not.toBe(JSON.stringify(before.state.pane));
  await waitCanvasStill(page);
  const after = await shownNow(page);
  const left = before.ids.filter((id) => !after.ids.includes(id));
  const readable = Math.min(0.6, before.state.zoom);
  expect(after.state.zoom, `${what}: zoom`).toBeGreaterThanOrEqual(readable - 1e-6);
  if (left.length) {
    // Zoomed out as far as reads before any node is left out (the nodes kept may fit a hair above it).
    expect(after.state.zoom, `${what}: ${left.join(', ')} left the view while the zoom could go lower`).toBeLessThan(readable + 0.05);
    expect(after.ids, `${what}: the node at the centre stays`).toContain(nearestCentre(before.state, before.ids));
    expect(after.ids.length, `${what}: nodes still in view`).toBeGreaterThanOrEqual(3);
  }
  return { state: after.state, left };
}

describe('the canvas keeps what was in view when its pane resizes', () => {
  for (const [width, height] of [[1024, 700], [1440, 900], [1920, 1080]] as const) {
    it(`through the analysis panel, its splitter, the sidebar and the inspector (${width}×${height})`, async () => {
      app = await launchApp({ viewport: { width, height } });
      const { page } = app;
      await page.getByTestId('welcome-library').click();
      await page.locator('[data-testid="graph-node"]').first().waitFor();
      await waitCanvasStill(page);

      const opened = await keepsInView(page, 'analysis panel opened', () => page.getByTestId('tool-view.toggleAnalysis').click());
      // From 1440×900 up the whole crisis still reads with the panel open.
      if (width >= 1440) expect(opened.left).toEqual([]);
      const panel = (await page.locator('[data-region="analysis"]').boundingBox())!;
      expect(overlaps(opened.state.pane, panel), 'the canvas ends where the analysis panel starts').toBe(false);
      await app.screenshot(`pane-resize-analysis-${width}x${height}`);

      // The splitter, dragged up 80 px as a planner drags it.
      await keepsInView(page, 'analysis splitter dragged', async () => {
        const grip = (await page.getByTestId('splitter-analysis').boundingBox())!;
        await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
        await page.mouse.down();
        await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2 - 80, { steps: 8 });
        await page.mouse.up();
      });
      await keepsInView(page, 'sidebar folded', () => page.keyboard.press('Control+B'));
      await keepsInView(page, 'inspector closed', () => page.getByTestId('tool-view.toggleInspector').click());
      await keepsInView(page, 'analysis panel closed', () => page.getByTestId('tool-view.toggleAnalysis').click());
      await app.screenshot(`pane-resize-closed-${width}x${height}`);
    });
  }
});
