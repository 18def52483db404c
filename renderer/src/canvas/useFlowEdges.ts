/**
 * The crisis's edges as React Flow edges, anchored on the sides that face each other (NamedEdge
 * names each by what it joins), with the session's edge selection fed in and out.
 */
import type { EdgeChange } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../../core/model';
import { useCallback, useMemo, useRef } from 'react';
import type { ScenarioDocument } from '../../../core/model';
import { useObservableSelector } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { FlowEdgeCache } from './flow-model';
import type { NamedFlowEdge } from './NamedEdge';
import { replacedNodes } from './node-patch';

export function useFlowEdges(
  doc: ScenarioDocument,
  crisisId: string,
  { modelNodes, nodeById }: { modelNodes: readonly GraphNode[]; nodeById: ReadonlyMap<string, GraphNode> },
): { edges: NamedFlowEdge[]; modelEdges: readonly GraphEdge[]; onEdgesChange: (changes: EdgeChange[]) => void } {
  const workbench = useWorkbench();
  const selectedEdges = useObservableSelector(workbench.selection, (s) => s.edgeIds);
  const reportOnly = useObservableSelector(workbench.view, (v) => v.reportOnly);
  const cache = useRef(new FlowEdgeCache());
  const modelEdges = useMemo(() => doc.edges.filter((e) => e.crisisId === crisisId), [doc.edges, crisisId]);
  // The nodes an edit replaced, so the cache looks only at their edges.
  const lastNodes = useRef<readonly GraphNode[]>([]);
  const edges = useMemo(() => {
    const replaced = replacedNodes(lastNodes.current, modelNodes);
    lastNodes.current = modelNodes;
    return cache.current.edges(modelEdges, selectedEdges, nodeById, reportOnly, replaced);
  }, [modelEdges, selectedEdges, modelNodes, nodeById, reportOnly]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length === 0) return;
      const current = workbench.selection.get();
      const ids = new Set(current.edgeIds);
      for (const c of picks) {
        if (c.selected) ids.add(c.id);
        else ids.delete(c.id);
      }
      workbench.selection.replace(current.nodeIds, ids);
    },
    [workbench],
  );
  return { edges, modelEdges, onEdgesChange };
}
