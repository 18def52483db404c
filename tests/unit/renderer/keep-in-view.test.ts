import { describe, expect, it } from 'vitest';
import { boundingBox, type Box } from '../../../core/bounds';
import { READABLE_ZOOM } from '../../../core/layout';
import { keepInView, type Transform } from '../../../renderer/src/canvas/keep-in-view';

const NO_INSETS = { top: 0, right: 0, bottom: 0, left: 0 };
const INSETS = { top: 64, right: 20, bottom: 20, left: 56 };
let ids = 0;
const box = (x: number, y: number, width = 200, height = 80): Box & { id: string } => ({ id: `n${ids++}`, x, y, width, height });

/** Where a flow box lands on the pane under a transform. */
const onPane = (b: Box, t: Transform) => ({ x: b.x * t.zoom + t.x, y: b.y * t.zoom + t.y, width: b.width * t.zoom, height: b.height * t.zoom });
const seen = (b: Box, t: Transform, pane: { width: number; height: number }, i = INSETS) => {
  const p = onPane(b, t);
  const e = 1e-6;
  return p.x >= i.left - e && p.y >= i.top - e && p.x + p.width <= pane.width - i.right + e && p.y + p.height <= pane.height - i.bottom + e;
};

describe('keepInView', () => {
  it('keeps the pane centre at its centre when the pane grows', () => {
    const t = { x: 10, y: 20, zoom: 1 };
    const after = keepInView({ width: 800, height: 600 }, { width: 1000, height: 600 }, t, [box(100, 100)], NO_INSETS);
    expect(after).toEqual({ x: 110, y: 20, zoom: 1 });
  });

  it('keeps at the same zoom the nodes that were wholly in view, when they still fit (the analysis panel opens)', () => {
    const t = { x: 0, y: 0, zoom: 1 };
    const nodes = [box(100, 100), box(400, 100), box(400, 300)];
    const before = { width: 900, height: 700 };
    const pane = { width: 900, height: 450 };
    const after = keepInView(before, pane, t, nodes, INSETS);
    expect(after.zoom).toBe(1);
    for (const n of nodes) expect(seen(n, after, pane)).toBe(true);
  });

  it('zooms out as far as needed, not below a readable zoom; what cannot fit then goes farthest from the centre first', () => {
    const t = { x: 0, y: 0, zoom: 1 };
    // Three in a row across 900 px, the middle one at the old centre.
    const [left, middle, right] = [box(80, 300), box(450, 300), box(820, 300)];
    const pane = { width: 420, height: 700 };
    const after = keepInView({ width: 1100, height: 700 }, pane, t, [left, middle, right], INSETS);
    expect(after.zoom).toBeCloseTo(READABLE_ZOOM);
    expect(seen(middle, after, pane)).toBe(true);
    expect([left, right].filter((n) => seen(n, after, pane)).length).toBeLessThan(2);
  });

  it('keeps the selection in view before nodes nearer the centre', () => {
    const t = { x: 0, y: 0, zoom: 1 };
    const [left, middle, right] = [box(80, 300), box(450, 300), box(820, 300)];
    const pane = { width: 420, height: 700 };
    const after = keepInView({ width: 1100, height: 700 }, pane, t, [left, middle, right], INSETS, new Set([right.id]));
    expect(seen(right, after, pane)).toBe(true);
    expect(seen(middle, after, pane)).toBe(true);
    expect(seen(left, after, pane)).toBe(false);
  });

  it('fits them wholly when a readable zoom allows it', () => {
    const t = { x: 0, y: 0, zoom: 1.2 };
    const nodes = [box(50, 100), box(450, 100)];
    const pane = { width: 520, height: 700 };
    const after = keepInView({ width: 1000, height: 700 }, pane, t, nodes, INSETS);
    expect(after.zoom).toBeLessThan(1.2);
    expect(after.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    for (const n of nodes) expect(seen(n, after, pane)).toBe(true);
  });

  it('never zooms a planner further out than a readable zoom, nor than where they already were', () => {
    const t = { x: 0, y: 0, zoom: 0.3 };
    const nodes = [box(0, 100), box(3000, 100)];
    const after = keepInView({ width: 2000, height: 700 }, { width: 500, height: 700 }, t, nodes, NO_INSETS);
    expect(after.zoom).toBe(0.3);
  });

  it('counts only the nodes wholly in view: one cut by the edge does not pull the view', () => {
    const t = { x: 0, y: 0, zoom: 1 };
    const after = keepInView({ width: 800, height: 600 }, { width: 800, height: 400 }, t, [box(300, 250), box(700, 250)], NO_INSETS);
    expect(after.zoom).toBe(1);
    expect(after.x).toBe(0);
    expect(seen(box(300, 250), after, { width: 800, height: 400 }, NO_INSETS)).toBe(true);
  });

  it('keeps the centre when nothing was wholly in view', () => {
    const after = keepInView({ width: 800, height: 600 }, { width: 600, height: 300 }, { x: 5, y: 5, zoom: 2 }, [box(5000, 5000)], NO_INSETS);
    expect(after).toEqual({ x: -95, y: -145, zoom: 2 });
  });

  it('for any shrink, keeps every shown node in view when a readable zoom can hold them, and some of them always', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let run = 0; run < 300; run++) {
      const before = { width: 500 + rand() * 1500, height: 400 + rand() * 700 };
      const pane = { width: 300 + rand() * (before.width - 300), height: 250 + rand() * (before.height - 250) };
      const t = { x: -rand() * 500, y: -rand() * 300, zoom: 0.6 + rand() * 1.4 };
      const nodes = Array.from({ length: 12 }, () => box(rand() * 1500, rand() * 900, 120 + rand() * 100, 60 + rand() * 40));
      const after = keepInView(before, pane, t, nodes, INSETS);
      const shown = nodes.filter((n) => seen(n, t, before));
      expect(after.zoom).toBeLessThanOrEqual(t.zoom);
      if (!shown.length) continue;
      const all = boundingBox(shown)!;
      const room = { width: pane.width - INSETS.left - INSETS.right, height: pane.height - INSETS.top - INSETS.bottom };
      const fitsReadable = Math.min(room.width / all.width, room.height / all.height) >= Math.min(t.zoom, READABLE_ZOOM);
      if (fitsReadable) for (const n of shown) expect(seen(n, after, pane)).toBe(true);
      else expect(shown.some((n) => seen(n, after, pane))).toBe(true);
      expect(after.zoom).toBeGreaterThanOrEqual(Math.min(t.zoom, READABLE_ZOOM) - 1e-9);
    }
  });
});
