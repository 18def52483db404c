import { describe, expect, it } from 'vitest';
import { arrangeSelection, layeredLayout } from '../../../core/layout';
import type { PlacedLayoutNode, SelectionLayoutInput } from '../../../core/layout';
import type { NodeKind } from '../../../core/model/graph';
import { overlappingPairs } from './generators';

const at = (id: string, kind: NodeKind, x: number, y: number): PlacedLayoutNode => ({ id, kind, x, y, width: 200, height: 72 });

/** A messy crisis in the middle and a bystander far away. */
function scene(): SelectionLayoutInput {
  return {
    nodes: [
      at('t', 'trigger', 900, 700),
      at('c', 'crisis', 300, 500),
      at('i1', 'impact', 100, 900),
      at('i2', 'impact', 600, 400),
      at('r', 'response', 1000, 300),
      at('far', 'impact', 5000, 5000),
    ],
    edges: [
      { source: 't', target: 'c', kind: 'leads-to' },
      { source: 'c', target: 'i1', kind: 'leads-to' },
      { source: 'i1', target: 'i2', kind: 'leads-to' },
      { source: 'r', target: 'i2', kind: 'contains' },
      { source: 'c', target: 'far', kind: 'leads-to' },
    ],
  };
}

describe('arrangeSelection', () => {
  it('moves only the selected nodes, laid out as the full layout would, from the old top-left', () => {
    const input = scene();
    const selection = ['t', 'c', 'i1', 'i2', 'r'];
    const { positions } = arrangeSelection(input, selection);
    expect(Object.keys(positions).sort()).toEqual([...selection].sort());
    const alone = layeredLayout(
      { nodes: input.nodes.filter((n) => n.id !== 'far'), edges: input.edges.filter((e) => e.target !== 'far') },
      { origin: { x: 100, y: 300 } },
    );
    expect(positions).toEqual(alone.positions);
  });

  it('slides the block clear of unselected nodes, never overlapping them', () => {
    const input = scene();
    // A bystander right where the block will land.
    input.nodes.push(at('blocker', 'impact', 350, 330));
    const selection = ['t', 'c', 'i1', 'i2', 'r'];
    const { positions } = arrangeSelection(input, selection, { nodeGap: 20 });
    const boxes = input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, x: positions[n.id]?.x ?? n.x, y: positions[n.id]?.y ?? n.y }));
    expect(overlappingPairs(boxes, 20)).toEqual([]);
    const moved = Object.values(positions);
    expect(Math.min(...moved.map((p) => p.x)) > 100 || Math.min(...moved.map((p) => p.y)) > 300).toBe(true);
  });

  it('arranges an empty selection as nothing and refuses ids that are not in the input', () => {
    expect(arrangeSelection(scene(), [])).toEqual({ positions: {}, width: 0, height: 0 });
    expect(() => arrangeSelection(scene(), ['ghost'])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('ignores edges that leave the selection', () => {
    const input = scene();
    const { positions } = arrangeSelection(input, ['c', 'i1']);
    expect(positions.i1!.x).toBeGreaterThan(positions.c!.x);
    // Placed at the old top-left (100, 500), i1 would come within 40 px of i2's
    // bottom (472): sliding 12 px down is shorter than sliding right past i2.
    expect(positions.c).toEqual({ x: 100, y: 512 });
    expect(positions.i1).toEqual({ x: 400, y: 512 });
  });
});
