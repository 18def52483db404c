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

  });

  it('are the same array, every object kept, after a rename or a move that turns no edge', () => {
    const cache = new FlowEdgeCache();
    const first = cache.edges(edges, new Set(), nodeById);
    // The edge's name is read from the node by NamedEdge: nothing of the title is in the edge.
    const renamed = new Map(nodeById).set('c', { ...nodeById.get('c')!, title: 'Camps overwhelmed' });
    expect(cache.edges(edges, new Set(), renamed)).toBe(first);
    const moved = new Map(renamed).set('c', { ...renamed.get('c')!, y: 40 });
    expect(cache.edges(edges, new Set(), moved)).toBe(first);
  });

  it('renew only the edges a move turns, anchoring them on the sides that now face each other', () => {
    const cache = new FlowEdgeCache();
    const first = cache.edges(edges, new Set(), nodeById);
    // c moved left of b: b → c now leaves b's left side and enters c's right side.
    const moved = new Map(nodeById).set('c', { ...nodeById.get('c')!, x: -600 });
    const after = cache.edges(edges, new Set(), moved);
    expect(after[0]).toBe(first[0]);
    expect(after[1]).toMatchObject({ id: 'bc', sourceHandle: 'left', targetHandle: 'right' });
    expect(first[1]!.sourceHandle).toBeUndefined();
  });

  it('are a new array when an edge is removed', () => {
    const cache = new FlowEdgeCache();
    const first = cache.edges(edges, new Set(), nodeById);
    const fewer = cache.edges(edges.slice(0, 1), new Set(), nodeById);
    expect(fewer).toEqual([first[0]]);
    expect(fewer).not.toBe(first);
  });

  it('after an edit looks only at the edges of the nodes it replaced, with the same result as a full pass', () => {
    const cache = new FlowEdgeCache();
    // The session's selection object, the same while nothing is selected anew.
    const none = new Set<string>();
    const first = cache.edges(edges, none, nodeById);
    const moved = new Map(nodeById).set('c', { ...nodeById.get('c')!, x: -600 });
    // Told that only a changed, b's edges are not looked at: a's edge keeps its object and route.
    const hinted = cache.edges(edges, none, moved, false, ['a']);
    expect(hinted).toBe(first);
    const told = cache.edges(edges, none, moved, false, ['c']);
    expect(told[0]).toBe(first[0]);
    expect(told[1]).toMatchObject({ id: 'bc', sourceHandle: 'left', targetHandle: 'right' });
    expect(new FlowEdgeCache().edges(edges, new Set(), moved)).toEqual(told);
    expect(cache.edges(edges, none, moved, false, [])).toBe(told);
  });
});
