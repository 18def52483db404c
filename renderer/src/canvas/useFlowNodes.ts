/**
 * Document sync for the canvas: the crisis's model nodes become React Flow nodes (with their
 * stances, lead actor, view-mode decoration and filter match), and the session's selection is
 * fed back into them. While a node is dragged its position lives only here, one React Flow
 * change at a time; the document hears of it once, when the drag ends (see useDragCommit).
 */
import type { NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphNode, ScenarioDocument } from '../../../core/model';
import { decorateNodes } from '../analysis/decorate';
import { useObservable, useObservableSelector } from '../state/store';
import type { ViewMode } from '../state/view';
import { useWorkbench } from '../workspace-context';
import { FlowNodeCache, flowNode, matchesFilter, sameItems, stanceChips, supportedNodeIds, type FlowNode } from './flow-model';
import { applyLocalChanges, indexOfNodes, patchNodes, patchSelection, replacedNodes } from './node-patch';

export interface FlowNodes {
  nodes: FlowNode[];
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  /** The crisis's model nodes, by id, as the document holds them. */
  nodeById: ReadonlyMap<string, GraphNode>;
  modelNodes: readonly GraphNode[];
  /** The view mode `nodes` are decorated for: it trails the view's own mode until they are rebuilt. */
  nodesMode: ViewMode;
}

export function useFlowNodes(doc: ScenarioDocument, crisisId: string): FlowNodes {
  const workbench = useWorkbench();
  const mode = useObservableSelector(workbench.view, (v) => v.mode);
  const whatIf = useObservableSelector(workbench.view, (v) => v.whatIf);
  const filter = useObservableSelector(workbench.view, (v) => v.filter);
  const reportOnly = useObservableSelector(workbench.view, (v) => v.reportOnly);
  const selection = useObservable(workbench.selection);
  const cache = useRef(new FlowNodeCache());
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [nodesMode, setNodesMode] = useState<ViewMode>(mode);
  /** The selection the nodes' flags show. */
  const shownSelection = useRef<ReadonlySet<string>>(new Set());

  const { actors: actorList, stances } = doc;
  const coreActorIds = doc.scenario.coreActorIds;
  const chips = useMemo(() => stanceChips({ actors: actorList, stances, coreActorIds }), [actorList, stances, coreActorIds]);
  const provenance = doc.provenance;
  const supported = useMemo(() => supportedNodeIds({ provenance }), [provenance]);
  const decorations = useMemo(() => decorateNodes(doc, crisisId, { mode, whatIf }), [doc, crisisId, mode, whatIf]);
  const actors = useMemo(() => new Map(actorList.map((a) => [a.id, a])), [actorList]);
  const modelNodes = useMemo(() => doc.nodes.filter((n) => n.crisisId === crisisId), [doc.nodes, crisisId]);
  const nodeById = useMemo(() => new Map(modelNodes.map((n) => [n.id, n])), [modelNodes]);

  // What the document shows: rebuilt on a document, mode or filter change, reusing every node
  // object whose data, position, size and selection are unchanged. When only some model nodes
  // were replaced (a rename, a move) and nothing else the nodes show changed, only those are
  // rebuilt, found by id: an edit costs what it changed, not a pass over the crisis.
  const built = useRef<{ modelNodes: readonly GraphNode[]; shown: readonly unknown[] } | null>(null);
  useEffect(() => {
    const selected = workbench.selection.get().nodeIds;
    shownSelection.current = selected;
    const shown = [chips, decorations, actors, filter, reportOnly, supported];
    const last = built.current;
    const replaced = last && sameItems(last.shown, shown) ? replacedNodes(last.modelNodes, modelNodes) : null;
    built.current = { modelNodes, shown };
    const rebuild = (n: GraphNode, old: FlowNode | undefined): FlowNode => {
      const data = cache.current.data(
        n,
        n.leadActorId ? (actors.get(n.leadActorId) ?? null) : null,
        chips.get(n.id) ?? [],
        decorations.get(n.id),
        matchesFilter(n, filter),
        reportOnly,
        supported.has(n.id),
      );
      const isSelected = selected.has(n.id);
      if (old && old.data === data && old.position.x === n.x && old.position.y === n.y && !!old.selected === isSelected && old.width === n.width && old.height === n.height) {
        return old;
      }
      return flowNode(n, data, isSelected);
    };
    setNodes((previous) => {
      if (replaced) return patchNodes(previous, replaced, (old) => rebuild(nodeById.get(old.id)!, old));
      const before = indexOfNodes(previous);
      const next = modelNodes.map((n) => {
        const at = before.get(n.id);
        return rebuild(n, at === undefined ? undefined : previous[at]);
      });
      cache.current.prune(nodeById);
      // The same array when no node changed, so React Flow does not re-adopt every node.
      return sameItems(next, previous) ? previous : next;
    });
    setNodesMode(mode);
  }, [modelNodes, nodeById, chips, decorations, mode, actors, filter, reportOnly, supported, workbench]);

  // What the user selected: only the nodes whose flag changes get a new object, found by id among
  // those selected before or now (no other node can carry the flag).
  useEffect(() => {
    const was = shownSelection.current;
    shownSelection.current = selection.nodeIds;
    setNodes((previous) => patchSelection(previous, [...was, ...selection.nodeIds], selection.nodeIds));
  }, [selection]);

  // React Flow reports drags (positions) and the user's clicks and boxes (select changes).
  // Positions stay local; selection goes to the session store, which feeds it back above.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((ns) => applyLocalChanges(changes, ns));
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length === 0) return;
      const current = workbench.selection.get();
      const ids = new Set(current.nodeIds);
      for (const c of picks) {
        if (c.selected) ids.add(c.id);
        else ids.delete(c.id);
      }
      workbench.selection.replace(ids, current.edgeIds);
    },
    [workbench],
  );

  return { nodes, onNodesChange, nodeById, modelNodes, nodesMode };
}
