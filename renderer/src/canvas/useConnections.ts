/** Drawing an edge: every connection is checked against core/rules before and after the drop. */
import type { Connection, Edge, FinalConnectionState } from '@xyflow/react';
import { blankEdge, newId, type GraphEdge, type GraphNode } from '../../../core/model';
import { checkConnection } from '../../../core/rules';
import { reportError, useWorkbench } from '../workspace-context';
import { useStable } from './use-stable';

export function useConnections(crisisId: string, nodeById: ReadonlyMap<string, GraphNode>, edges: readonly GraphEdge[]) {
  const workbench = useWorkbench();

  const refusal = (connection: { source: string; target: string }) => {
    const from = nodeById.get(connection.source);
    const to = nodeById.get(connection.target);
    if (!from || !to) return 'Both ends must be nodes of this crisis.';
    const check = checkConnection(from, to);
    return check.ok ? null : check.reason;
  };

  const onConnect = useStable((connection: Connection) => {
    const from = nodeById.get(connection.source);
    const to = nodeById.get(connection.target);
    if (!from || !to) return;
    const check = checkConnection(from, to);
    if (!check.ok) return workbench.notify(check.reason, 'error');
    if (edges.some((e) => e.source === from.id && e.target === to.id)) return workbench.notify('These two nodes are already connected.', 'info');
    const edge = blankEdge(newId(), crisisId, { source: from.id, target: to.id, kind: check.kind });
    workbench.doc.edit([{ op: 'edge.create', edge }]).catch((e: unknown) => reportError(workbench, e));
  });
  const isValidConnection = useStable((connection: Connection | Edge) => refusal(connection) === null);
  const onConnectEnd = useStable((_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.toNode && state.fromNode && state.isValid === false) {
      const reason = refusal({ source: state.fromNode.id, target: state.toNode.id });
      if (reason) workbench.notify(reason, 'error');
    }
  });
  return { onConnect, isValidConnection, onConnectEnd };
}
