// The canvas changes its React Flow nodes in proportion to what changed: a drag frame or a
// selection replaces only the node objects it touches, and keeps the array's order and index.
import { describe, expect, it } from 'vitest';
import { blankNode } from '../../../core/model';
import { flowNode, type FlowNode, type FlowNodeData } from '../../../renderer/src/canvas/flow-model';
import { applyLocalChanges, indexOfNodes, patchSelection, replacedNodes } from '../../../renderer/src/canvas/node-patch';

function crisisNodes(count: number): FlowNode[] {
  return Array.from({ length: count }, (_, i) => {
    const node = blankNode('impact', 'k', `n${i}`, { x: i * 300, y: 0 });
    const data: FlowNodeData = { node, lead: null, stances: [], decoration: undefined, matches: true, reportOnly: false, supported: false };
    return flowNode(node, data, false);
  });
}

describe('node patches', () => {
  it('a selection renews only the nodes whose flag changes', () => {
    const nodes = crisisNodes(5);
    const picked = patchSelection(nodes, ['n1'], new Set(['n1']));
    expect(picked.map((n) => !!n.selected)).toEqual([false, true, false, false, false]);
    expect(picked.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['n1']);
    // Moving the selection from n1 to n3 renews those two; asking again changes nothing.
    const moved = patchSelection(picked, ['n1', 'n3'], new Set(['n3']));
    expect(moved.filter((n, i) => n !== picked[i]).map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(patchSelection(moved, ['n1', 'n3'], new Set(['n3']))).toBe(moved);
    expect(indexOfNodes(moved)).toBe(indexOfNodes(nodes));
  });

  it('a drag frame moves one node and keeps every other object; select changes are left to the session', () => {
    const nodes = crisisNodes(4);
    const dragged = applyLocalChanges(
      [
        { type: 'position', id: 'n2', position: { x: 10, y: 20 }, dragging: true },
        { type: 'select', id: 'n0', selected: true },
      ],
      nodes,
    );
    expect(dragged[2]).toMatchObject({ id: 'n2', position: { x: 10, y: 20 }, dragging: true });
    expect(dragged.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['n2']);
    expect(dragged[0]!.selected).toBe(false);
    expect(applyLocalChanges([{ type: 'select', id: 'n0', selected: true }], nodes)).toBe(nodes);
  });

  it('a removal goes through the whole array', () => {
    const nodes = crisisNodes(3);
    const fewer = applyLocalChanges([{ type: 'remove', id: 'n1' }], nodes);
    expect(fewer.map((n) => n.id)).toEqual(['n0', 'n2']);
    expect(indexOfNodes(fewer).get('n2')).toBe(1);
  });

  it('a rename or a move is told apart from an addition, a removal or a new order', () => {
    const model = ['a', 'b', 'c'].map((id, i) => blankNode('impact', 'k', id, { x: i * 300, y: 0 }));
    const renamed = [model[0]!, { ...model[1]!, title: 'Ports closed' }, model[2]!];
    expect(replacedNodes(model, renamed)).toEqual(['b']);
    expect(replacedNodes(model, [...model])).toEqual([]);
    expect(replacedNodes(model, model.slice(1))).toBeNull();
    expect(replacedNodes(model, [model[1]!, model[0]!, model[2]!])).toBeNull();
  });
});
