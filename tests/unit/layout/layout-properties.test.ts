/**
 * Properties that must hold for every graph, checked over many seeded shapes:
 * no two boxes overlap, kinds read left to right, and the output is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../core/layout';
import type { LayoutInput } from '../../../core/layout';
import { NODE_KINDS } from '../../../core/model/graph';
import type { CrisisGraphShape } from './generators';
import { boxesOf, crisisGraph, overlappingPairs, seededRandom } from './generators';

const SHAPES: Record<string, Omit<CrisisGraphShape, 'nodeCount'>> = {
  'one crisis': {},
  'varied sizes': { variedSizes: true },
  cycles: { cycles: true, variedSizes: true },
  'several crises': { crisisSize: 12 },
  'loose nodes': { looseShare: 0.3 },
  'responses without targets': { aimlessShare: 0.5 },
  'everything at once': { crisisSize: 9, cycles: true, variedSizes: true, looseShare: 0.15, aimlessShare: 0.2 },
};

/** Edges the connection rules would never allow, and kinds mixed at random: layout must still cope. */
function unruly(seed: number, count: number): LayoutInput {
  const random = seededRandom(seed);
  const nodes = Array.from({ length: count }, (_, i) => ({
    id: `u${i}`,
    kind: NODE_KINDS[Math.floor(random() * NODE_KINDS.length)]!,
    width: 20 + random() * 300,
    height: 10 + random() * 200,
  }));
  const edges = Array.from({ length: Math.floor(count * 1.5) }, () => ({
    source: `u${Math.floor(random() * count)}`,
    target: `u${Math.floor(random() * count)}`,
    kind: 'leads-to' as const,
  }));
  return { nodes, edges };
}

function expectNoOverlap(input: LayoutInput, gap: number): void {
  const { positions, width, height } = layeredLayout(input, { nodeGap: gap, layerGap: gap });
  const boxes = boxesOf(input, positions);
  expect(boxes.every((b) => Number.isFinite(b.x) && Number.isFinite(b.y))).toBe(true);
  expect(overlappingPairs(boxes)).toEqual([]);
  expect(Math.max(...boxes.map((b) => b.x + b.width))).toBeLessThanOrEqual(width + 1e-9);
  expect(Math.max(...boxes.map((b) => b.y + b.height))).toBeLessThanOrEqual(height + 1e-9);
}

describe('layout properties over generated graphs', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`never overlaps nodes: ${name}`, () => {
      for (let seed = 1; seed <= 25; seed++) {
        const nodeCount = 1 + ((seed * 37) % 160);
        expectNoOverlap(crisisGraph(seed, { nodeCount, ...shape }), seed % 3 === 0 ? 0 : 15);
      }
    });
  }

  it('never overlaps nodes when edges break the connection rules', () => {
    for (let seed = 1; seed <= 25; seed++) expectNoOverlap(unruly(seed, 5 + seed * 6), seed % 2 ? 0 : 30);
  });

  it('never overlaps nodes that have no edges at all', () => {
    const input = crisisGraph(3, { nodeCount: 80, variedSizes: true });
    expectNoOverlap({ nodes: input.nodes, edges: [] }, 0);
  });

  it('keeps kinds in order: every trigger, then every crisis, then every impact', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const input = crisisGraph(seed, { nodeCount: 20 + seed * 5, crisisSize: 15 + seed, cycles: seed % 2 === 0, looseShare: 0.1 });
      const { positions } = layeredLayout(input);
      const xs = (kind: string) => input.nodes.filter((n) => n.kind === kind).map((n) => positions[n.id]!.x);
      expect(Math.max(...xs('trigger'))).toBeLessThan(Math.min(...xs('crisis')));
      expect(Math.max(...xs('crisis'))).toBeLessThan(Math.min(...xs('impact')));
    }
  });

  it('points every edge of an acyclic graph to the right, so deeper cascades sit further right', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const input = crisisGraph(seed, { nodeCount: 30 + seed * 4, variedSizes: seed % 2 === 0 });
      const { positions } = layeredLayout(input);
      const byId = new Map(input.nodes.map((n) => [n.id, n]));
      for (const edge of input.edges) {
        const source = positions[edge.source]!;
        expect(source.x + byId.get(edge.source)!.width).toBeLessThan(positions[edge.target]!.x);
      }
    }
  });

  it('gives identical output for identical input, and does not depend on earlier calls', () => {
    const inputs = [1, 2, 3].map((seed) => crisisGraph(seed, { nodeCount: 120, cycles: true, variedSizes: true }));
    const first = inputs.map((input) => JSON.stringify(layeredLayout(input)));
    const again = [...inputs].reverse().map((input) => JSON.stringify(layeredLayout(input)));
    expect(again.reverse()).toEqual(first);
    expect(new Set(first).size).toBe(3);
  });
});
