/**
 * Where the canvas's nodes sit on the screen, for tests that assert what a planner can see: the
 * pane, the overlays on it (palette, zoom controls, minimap), every mounted node's box and the zoom.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type Box = { x: number; y: number; width: number; height: number };
export const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
export const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

/** The canvas as it is on the screen now. */
export async function canvasState(page: Page) {
  return page.evaluate(() => {
    const rect = (el: Element | null) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      pane: rect(document.querySelector('[data-testid="canvas"] .react-flow'))!,
      overlays: ['.palette', '.react-flow__controls', '.react-flow__minimap'].map((s) => rect(document.querySelector(s))).filter((r) => r !== null),
      nodes: [...document.querySelectorAll('[data-testid="graph-node"]')].map((e) => ({ id: e.getAttribute('data-node-id')!, kind: e.getAttribute('data-kind'), ...rect(e)! })),
      zoom: new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a,
    };
  });
}

/** Each of `ids` wholly inside the canvas and under no overlay. */
export function expectVisible(state: Awaited<ReturnType<typeof canvasState>>, ids: readonly string[], label: string) {
  for (const node of state.nodes.filter((n) => ids.includes(n.id))) {
    expect(inside(node, state.pane), `${label}: ${node.id} inside the canvas`).toBe(true);
    for (const overlay of state.overlays) expect(overlaps(node, overlay), `${label}: ${node.id} under an overlay`).toBe(false);
  }
}
