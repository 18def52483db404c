/** The seeded report library as the layout draws it: the crises planners see first. */
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../core/layout';
import type { LayoutInput } from '../../../core/layout';
import { reportLibrary } from '../../../core/library';
import { boxesOf, edgesOverBoxes, overlappingPairs } from './generators';

function libraryCrises(): { title: string; input: LayoutInput }[] {
  const doc = reportLibrary();
  return doc.crises.map((crisis) => ({
    title: crisis.title,
    input: {
      nodes: doc.nodes.filter((n) => n.crisisId === crisis.id).map(({ id, kind, width, height }) => ({ id, kind, width, height })),
      edges: doc.edges.filter((e) => e.crisisId === crisis.id).map(({ source, target, kind }) => ({ source, target, kind })),
    },
  }));
}

describe('layout of the seeded library', () => {
  it('draws every crisis without overlap, kinds left to right', () => {
    for (const { title, input } of libraryCrises()) {
      const { positions } = layeredLayout(input);
      expect(overlappingPairs(boxesOf(input, positions), 40), title).toEqual([]);
      const xs = (kind: string) => input.nodes.filter((n) => n.kind === kind).map((n) => positions[n.id]!.x);
      expect(Math.max(...xs('trigger')), title).toBeLessThan(Math.min(...xs('crisis')));
      expect(Math.max(...xs('crisis')), title).toBeLessThan(Math.min(...xs('impact')));
    }
  });

  it('keeps edges off boxes far better than the same columns stacked in input order', () => {
    let hits = 0;
    let stackedHits = 0;
    for (const { input } of libraryCrises()) {
      const { positions } = layeredLayout(input);
      hits += edgesOverBoxes(input, positions).length;
      const stacked: Record<string, { x: number; y: number }> = {};
      const cursor = new Map<number, number>();
      for (const node of input.nodes) {
        const x = positions[node.id]!.x;
        stacked[node.id] = { x, y: cursor.get(x) ?? 0 };
        cursor.set(x, (cursor.get(x) ?? 0) + node.height + 40);
      }
      stackedHits += edgesOverBoxes(input, stacked).length;
    }
    expect(stackedHits).toBeGreaterThan(0);
    expect(hits).toBeLessThanOrEqual(stackedHits / 4);
  });
});
