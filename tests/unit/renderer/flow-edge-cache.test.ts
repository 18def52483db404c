// React Flow rebuilds its connection lookup over every edge whenever it is handed a new edges
// array, so the canvas hands it the same array until an edge really changes.
import { describe, expect, it } from 'vitest';
import { blankEdge, blankNode } from '../../../core/model';
import { FlowEdgeCache } from '../../../renderer/src/canvas/flow-model';

const nodes = ['a', 'b', 'c'].map((id, i) => blankNode('impact', 'k', id, { x: i * 300, y: 0 }));
const nodeById = new Map(nodes.map((n) => [n.id, n]));
const edges = [blankEdge('ab', 'k', { source: 'a', target: 'b', kind: 'leads-to' }), blankEdge('bc', 'k', { source: 'b', target: 'c', kind: 'leads-to' })];

describe('flow edges', () => {
  it('are the same array after a selection change that touches no edge', () => {
    const cache = new FlowEdgeCache();
    const first = cache.edges(edges, new Set(), nodeById);
    expect(cache.edges(edges, new Set(), nodeById)).toBe(first);
    expect(cache.edges([...edges], new Set(['not-an-edge']), new Map(nodeById))).toBe(first);
  });

  it('are a new array when one edge changes, with every other edge object kept', () => {
    const cache = new FlowEdgeCache();
    const first = cache.edges(edges, new Set(), nodeById);
    const selected = cache.edges(edges, new Set(['bc']), nodeById);
    expect(selected).not.toBe(first);
    expect(selected[0]).toBe(first[0]);
    expect(selected[1]).toMatchObject({ id: 'bc', selected: true });

    // Renaming c renames only the edge that joins it.
    const renamed = new Map(nodeById).set('c', { ...nodeById.get('c')!, title: 'Camps overwhelmed' });
    const afterRename = cache.edges(edges, new Set(['bc']), renamed);
    expect(afterRename[0]).toBe(first[0]);
    expect(afterRename[1]!.ariaLabel).toContain('Camps overwhelmed');
  });

  it('are a new array when an edge is removed', () => {
    const cache = new FlowEdgeCache();
    const first = cache.edges(edges, new Set(), nodeById);
    const fewer = cache.edges(edges.slice(0, 1), new Set(), nodeById);
    expect(fewer).toEqual([first[0]]);
    expect(fewer).not.toBe(first);
  });
});
