/**
 * Crossing reduction: on random proper layered graphs (every edge joins neighbouring
 * columns) the drawing never has more crossings than the input order had.
 */
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../core/layout';
import type { LayoutEdge, LayoutInput, LayoutNode } from '../../../core/layout';
import { countInversions } from '../../../core/layout/crossings';
import { seededRandom } from './generators';

/** A crisis feeding `layers` layers of impacts; every impact has a parent in the layer before. */
function layeredCascade(seed: number, layers: number, width: number): { input: LayoutInput; layerOf: Map<string, number> } {
  const random = seededRandom(seed);
  const nodes: LayoutNode[] = [{ id: 'crisis', kind: 'crisis', width: 220, height: 88 }];
  const edges: LayoutEdge[] = [];
  const layerOf = new Map<string, number>([['crisis', 0]]);
  let previous = ['crisis'];
  for (let layer = 1; layer <= layers; layer++) {
    const current: string[] = [];
    const size = 2 + Math.floor(random() * width);
    for (let i = 0; i < size; i++) {
      const id = `i${layer}_${i}`;
      nodes.push({ id, kind: 'impact', width: 200, height: 40 + Math.floor(random() * 60) });
      layerOf.set(id, layer);
      const parents = 1 + Math.floor(random() * Math.min(3, previous.length));
      for (let k = 0; k < parents; k++) {
        edges.push({ source: previous[Math.floor(random() * previous.length)]!, target: id, kind: 'leads-to' });
      }
      current.push(id);
    }
    previous = current;
  }
  return { input: { nodes, edges }, layerOf };
}

/** Crossings between neighbouring layers when each layer is ordered by `rank` (brute force, every pair). */
function crossings(edges: readonly LayoutEdge[], rank: (id: string) => number): number {
  let total = 0;
  for (let i = 0; i < edges.length; i++) {
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i]!;
      const b = edges[j]!;
      const top = (rank(a.source) - rank(b.source)) * (rank(a.target) - rank(b.target));
      if (top < 0) total++;
    }
  }
  return total;
}

describe('crossing reduction', () => {
  it('counts inversions like the brute-force definition', () => {
    const random = seededRandom(11);
    const tree = new Int32Array(41);
    for (let round = 0; round < 50; round++) {
      const ends = Array.from({ length: Math.floor(random() * 60) }, () => Math.floor(random() * 40));
      let brute = 0;
      for (let i = 0; i < ends.length; i++) for (let j = i + 1; j < ends.length; j++) if (ends[i]! > ends[j]!) brute++;
      expect(countInversions(ends, tree, 40)).toBe(brute);
    }
  });

  it('never has more crossings than the unsorted input order, and usually far fewer', () => {
    let before = 0;
    let after = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { input, layerOf } = layeredCascade(seed, 2 + (seed % 6), 4 + (seed % 9));
      const { positions } = layeredLayout(input);
      // Edges join neighbouring layers only, so comparing by layer keeps pairs within one column pair.
      const pairs = input.edges.map((e) => ({ ...e, layer: layerOf.get(e.source)! }));
      const inputIndex = new Map(input.nodes.map((n, i) => [n.id, i]));
      let original = 0;
      let drawn = 0;
      for (let layer = 0; layer < 8; layer++) {
        const here = pairs.filter((p) => p.layer === layer);
        original += crossings(here, (id) => inputIndex.get(id)!);
        drawn += crossings(here, (id) => positions[id]!.y);
      }
      expect(drawn).toBeLessThanOrEqual(original);
      before += original;
      after += drawn;
      // Each generated layer is its own column.
      for (const [id, layer] of layerOf) expect(positions[id]!.x > positions.crisis!.x || layer === 0).toBe(true);
    }
    expect(after).toBeLessThan(before / 2);
  });

  it('untangles a ladder given in crossed order', () => {
    const nodes: LayoutNode[] = [{ id: 'c', kind: 'crisis', width: 100, height: 50 }];
    const edges: LayoutEdge[] = [];
    const rungs = 6;
    for (let i = 0; i < rungs; i++) {
      nodes.push({ id: `a${i}`, kind: 'impact', width: 100, height: 50 });
      edges.push({ source: 'c', target: `a${i}`, kind: 'leads-to' });
    }
    for (let i = 0; i < rungs; i++) {
      nodes.push({ id: `b${i}`, kind: 'impact', width: 100, height: 50 });
      edges.push({ source: `a${rungs - 1 - i}`, target: `b${i}`, kind: 'leads-to' });
    }
    const { positions } = layeredLayout({ nodes, edges });
    const ladder = edges.filter((e) => e.source !== 'c');
    expect(crossings(ladder, (id) => nodes.findIndex((n) => n.id === id))).toBe(15);
    expect(crossings(ladder, (id) => positions[id]!.y)).toBe(0);
  });
});
