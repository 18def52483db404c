/**
 * The crisis canvas: React Flow over the crisis's nodes and edges. Positions move locally while
 * dragging and are committed once per drag; connections are checked against core/rules.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newId } from '../../../core/model';
import { checkConnection } from '../../../core/rules';
import { decorateNodes } from '../analysis/decorate';
import { ViewLegend } from '../analysis/CentreViews';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { useWorkbench } from '../workbench';
import { ContextMenu, type MenuRequest } from './ContextMenu';
import { FindBar } from './FindBar';
import { FlowNodeCache, flowEdge, matchesFilter, stanceChips, type FlowNode } from './flow-model';
import { KindNode } from './KindNode';
import { Palette } from './Palette';
import { edgeMenu, nodeMenu, paneMenu } from './menus';
import { useCanvasCommands } from './useCanvasCommands';

const nodeTypes = { kind: KindNode };

export function Canvas({ crisisId }: { crisisId: string }) {
  return (
    <ReactFlowProvider>
      <CrisisFlow crisisId={crisisId} />
    </ReactFlowProvider>
  );
}

function CrisisFlow({ crisisId }: { crisisId: string }) {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const { view } = useDocument(workbench.doc);
  const doc = view!.document;
  const viewState = useObservable(workbench.view);
  const selection = useObservable(workbench.selection);
  const cache = useRef(new FlowNodeCache());
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const readOnly = view!.readOnly !== null;

  const chips = useMemo(() => stanceChips(doc), [doc]);
  const decorations = useMemo(
    () => decorateNodes(doc, crisisId, { mode: viewState.mode, whatIf: viewState.whatIf }),
    [doc, crisisId, viewState.mode, viewState.whatIf],
  );
  const actors = useMemo(() => new Map(doc.actors.map((a) => [a.id, a])), [doc.actors]);
  const modelNodes = useMemo(() => doc.nodes.filter((n) => n.crisisId === crisisId), [doc.nodes, crisisId]);

  useEffect(() => {
    const live = new Set(modelNodes.map((n) => n.id));
    cache.current.prune(live);
    setNodes((previous) => {
      const before = new Map(previous.map((n) => [n.id, n]));
      return modelNodes.map((n) => {
        const data = cache.current.data(
          n,
          n.leadActorId ? (actors.get(n.leadActorId) ?? null) : null,
          chips.get(n.id) ?? [],
          decorations.get(n.id),
          matchesFilter(n, viewState.filter),
        );
        const selected = selection.nodeIds.has(n.id);
        const old = before.get(n.id);
        if (old && old.data === data && old.position.x === n.x && old.position.y === n.y && !!old.selected === selected && old.width === n.width && old.height === n.height) {
          return old;
        }
        return { id: n.id, type: 'kind' as const, position: { x: n.x, y: n.y }, width: n.width, height: n.height, selected, data };
      });
    });
  }, [modelNodes, chips, decorations, actors, viewState.filter, selection]);

  const edges = useMemo(
    () => doc.edges.filter((e) => e.crisisId === crisisId).map((e) => flowEdge(e, selection.edgeIds.has(e.id))),
    [doc.edges, crisisId, selection.edgeIds],
  );

  useEffect(() => {
    workbench.canvas.current = {
      focusNodes: (ids) => {
        const targets = ids.map((id) => ({ id }));
        if (targets.length) void flow.fitView({ nodes: targets, duration: 250, maxZoom: 1.2, padding: 0.4 });
      },
      fit: () => void flow.fitView({ duration: 250, padding: 0.15, maxZoom: 1.2 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      centre: () => {
        const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
        if (!pane) return { x: 0, y: 0 };
        return flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 });
      },
    };
    return () => {
      workbench.canvas.current = null;
    };
  }, [flow, workbench]);

  useCanvasCommands(crisisId, readOnly);

  // Selection lives in the selection store. React Flow reports the user's clicks and boxes as
  // select changes; the store feeds `selected` back into nodes and edges, and nothing loops.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length === 0) return;
      const current = workbench.selection.get();
      const ids = new Set(current.nodeIds);
      for (const c of picks) (c.selected ? ids.add(c.id) : ids.delete(c.id));
      workbench.selection.replace(ids, current.edgeIds);
    },
    [workbench],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length === 0) return;
      const current = workbench.selection.get();
      const ids = new Set(current.edgeIds);
      for (const c of picks) (c.selected ? ids.add(c.id) : ids.delete(c.id));
      workbench.selection.replace(current.nodeIds, ids);
    },
    [workbench],
  );

  const edit = workbench.doc.edit.bind(workbench.doc);
  const fail = useCallback((e: unknown) => workbench.notify(e instanceof Error ? e.message : String(e), 'error', true), [workbench]);

  const refusal = (connection: Connection | { source: string; target: string }) => {
    const from = modelNodes.find((n) => n.id === connection.source);
    const to = modelNodes.find((n) => n.id === connection.target);
    if (!from || !to) return 'Both ends must be nodes of this crisis.';
    const check = checkConnection(from, to);
    return check.ok ? null : check.reason;
  };

  const onConnect = (connection: Connection) => {
    const from = modelNodes.find((n) => n.id === connection.source);
    const to = modelNodes.find((n) => n.id === connection.target);
    if (!from || !to) return;
    const check = checkConnection(from, to);
    if (!check.ok) return workbench.notify(check.reason, 'error');
    if (doc.edges.some((e) => e.source === from.id && e.target === to.id)) return workbench.notify('These two nodes are already connected.', 'info');
    const edge = { id: newId(), crisisId, source: from.id, target: to.id, kind: check.kind, label: '', confidence: null };
    edit([{ op: 'edge.create', edge }]).catch(fail);
  };

  const openMenu = (event: React.MouseEvent | MouseEvent, request: Omit<MenuRequest, 'x' | 'y'>) => {
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, ...request });
  };

  const flowPoint = (event: React.MouseEvent | MouseEvent) => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });

  return (
    <div
      className="canvas"
      data-testid="canvas"
      data-crisis-id={crisisId}
      onDoubleClick={(event) => {
        const target = event.target as HTMLElement;
        if (!readOnly && target.classList.contains('react-flow__pane')) openMenu(event, { items: paneMenu(workbench, crisisId, flowPoint(event), readOnly) });
      }}
    >
      {!readOnly && <Palette crisisId={crisisId} />}
      {viewState.findOpen && <FindBar />}
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={(_event, _node, dragged) => {
          const ops = dragged
            .map((n) => ({ n, model: modelNodes.find((m) => m.id === n.id) }))
            .filter(({ n, model }) => model && (Math.round(n.position.x) !== model.x || Math.round(n.position.y) !== model.y))
            .map(({ n }) => ({ op: 'node.update' as const, id: n.id, patch: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
          if (ops.length) edit(ops).catch(fail);
        }}
        onNodeDoubleClick={(_event, node) => !readOnly && workbench.view.patch({ editingNodeId: node.id })}
        isValidConnection={(connection) => refusal(connection as Connection) === null}
        onConnect={onConnect}
        onConnectEnd={(_event, state) => {
          if (state.toNode && state.fromNode && state.isValid === false) {
            const reason = refusal({ source: state.fromNode.id, target: state.toNode.id });
            if (reason) workbench.notify(reason, 'error');
          }
        }}
        onPaneContextMenu={(event) => openMenu(event, { items: paneMenu(workbench, crisisId, flowPoint(event as MouseEvent), readOnly) })}
        onNodeContextMenu={(event, node) => {
          if (!selection.nodeIds.has(node.id)) workbench.selection.selectNodes([node.id]);
          openMenu(event, { items: nodeMenu(workbench, node.data.node, readOnly) });
        }}
        onEdgeContextMenu={(event, edge) => {
          workbench.selection.selectEdges([edge.id]);
          openMenu(event, { items: edgeMenu(workbench, edge.id, readOnly) });
        }}
        onPaneClick={() => setMenu(null)}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionOnDrag
        panOnDrag={[1, 2]}
        panOnScroll
        zoomOnDoubleClick={false}
        disableKeyboardA11y
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={{ maxZoom: 1, minZoom: 0.65, padding: 0.1 }}
        onlyRenderVisibleElements={nodes.length > 400}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        {viewState.showMinimap && <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={(n) => `var(--${(n as FlowNode).data.node.kind})`} />}
        <Controls showInteractive={false} />
      </ReactFlow>
      <ViewLegend />
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
