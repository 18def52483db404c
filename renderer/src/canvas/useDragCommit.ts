/** A drag is one edit: the moved nodes' final, rounded positions, committed when the drag ends. */
import type { GraphNode } from '../../../core/model';
import { reportError, useWorkbench } from '../workspace-context';
import type { FlowNode } from './flow-model';
import { useStable } from './use-stable';

export function useDragCommit(nodeById: ReadonlyMap<string, GraphNode>) {
  const workbench = useWorkbench();
  return useStable((_event: MouseEvent | TouchEvent | React.MouseEvent, _node: FlowNode, dragged: FlowNode[]) => {
    const ops = dragged
      .map((n) => ({ n, model: nodeById.get(n.id) }))
      .filter(({ n, model }) => model && (Math.round(n.position.x) !== model.x || Math.round(n.position.y) !== model.y))
      .map(({ n }) => ({ op: 'node.update' as const, id: n.id, patch: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
    if (ops.length) workbench.doc.edit(ops).catch((e: unknown) => reportError(workbench, e));
  });
}
