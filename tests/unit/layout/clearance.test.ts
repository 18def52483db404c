/** Boxes stepping off the curves the canvas draws. */
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../core/layout';
import { ClearanceScratch, clearColumn } from '../../../core/layout/clearance';
import { curveBand } from '../../../core/layout/edge-curve';
import { crisisGraph, edgesOverBoxes, seededRandom } from './generators';

describe('clearColumn', () => {
  it('moves boxes off every band, keeping their order and gaps', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 8);
      const gap = Math.floor(random() * 40);
      const top = new Float64Array(count);
      const height = new Float64Array(count);
      let cursor = random() * 100;
      for (let v = 0; v < count; v++) {
        top[v] = cursor;
        height[v] = 20 + random() * 80;
        cursor += height[v]! + gap + random() * 60;
      }
      const bands = Array.from({ length: Math.floor(random() * 6) }, () => {
        const start = random() * cursor;
        return { top: start, bottom: start + random() * 120 };
      });
      const column = new ClearanceScratch();
      for (let v = 0; v < count; v++) column.boxes.push(v);
      for (const band of bands) column.addBand(band.top, band.bottom);
      clearColumn(column, top, height, gap);
      for (let v = 0; v < count; v++) {
        if (v > 0) expect(top[v]!).toBeGreaterThanOrEqual(top[v - 1]! + height[v - 1]! + gap - 1e-9);
        for (const band of bands) {
          const clear = top[v]! + height[v]! <= band.top - gap / 2 + 1e-9 || top[v]! >= band.bottom + gap / 2 - 1e-9;
          expect(clear).toBe(true);
        }
      }
    }
  });

  it('leaves a column alone when no band touches it', () => {
    const top = Float64Array.from([0, 100]);
    const height = Float64Array.from([50, 50]);
    const column = new ClearanceScratch();
    column.boxes.push(0, 1);
    column.addBand(300, 320);
    clearColumn(column, top, height, 20);
    expect([...top]).toEqual([0, 100]);
  });
});

describe('curveBand', () => {
  it('covers the curve between its ends and stays within their heights', () => {
    const whole = curveBand(0, 0, 100, 50, 0, 100);
    expect(whole).toEqual({ min: 0, max: 50 });
    const middle = curveBand(0, 0, 100, 50, 40, 60);
    expect(middle.min).toBeGreaterThan(0);
    expect(middle.max).toBeLessThan(50);
    expect((middle.min + middle.max) / 2).toBeCloseTo(25, 5);
  });
});

describe('edges and boxes in whole layouts', () => {
  it('keeps curves off boxes in a plain crisis: chains of triggers and impacts, one response each', () => {
    const nodes = [
      { id: 'c', kind: 'crisis' as const, width: 220, height: 88 },
      ...['t1', 't2', 't3'].map((id) => ({ id, kind: 'trigger' as const, width: 200, height: 72 })),
      ...['i1', 'i2', 'i3', 'i4'].map((id) => ({ id, kind: 'impact' as const, width: 200, height: 72 })),
      ...['r1', 'r2', 'r3'].map((id) => ({ id, kind: 'response' as const, width: 220, height: 80 })),
    ];
    const leads = (source: string, target: string) => ({ source, target, kind: 'leads-to' as const });
    const edges = [
      leads('t1', 't2'),
      leads('t2', 'c'),
      leads('t3', 'c'),
      leads('c', 'i1'),
      leads('c', 'i2'),
      leads('i1', 'i3'),
      leads('i3', 'i4'),
      leads('c', 'i4'),
      { source: 'r1', target: 'i3', kind: 'contains' as const },
      { source: 'r2', target: 't1', kind: 'averts' as const },
      { source: 'r3', target: 'i4', kind: 'contains' as const },
    ];
    const input = { nodes, edges };
    expect(edgesOverBoxes(input, layeredLayout(input).positions)).toEqual([]);
  });

  it('puts far fewer curves over boxes than the same columns stacked in input order', () => {
    let hits = 0;
    let stackedHits = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const input = crisisGraph(seed, { nodeCount: 10 + (seed % 15) });
      const { positions } = layeredLayout(input);
      hits += edgesOverBoxes(input, positions).length;
      // The peer: same columns, each stacked top-down in input order, blind to edges.
      const stacked: Record<string, { x: number; y: number }> = {};
      const cursor = new Map<number, number>();
      for (const node of input.nodes) {
        const x = positions[node.id]!.x;
        const y = cursor.get(x) ?? 0;
        stacked[node.id] = { x, y };
        cursor.set(x, y + node.height + 40);
      }
      stackedHits += edgesOverBoxes(input, stacked).length;
    }
    expect(hits).toBeLessThan(stackedHits / 2);
  });
});
