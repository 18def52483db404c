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
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_VIEWPORT, newId, type GraphEdge, type GraphNode, type Viewport } from '../../../core/model';
import { call } from '../api';
import { checkConnection } from '../../../core/rules';
import { decorateNodes } from '../analysis/decorate';
import { ViewLegend } from '../analysis/ViewControls';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { reportError, useWorkbench } from '../workspace-context';
import { ContextMenu, type MenuRequest } from './ContextMenu';
import { FindBar } from './FindBar';
import { FlowNodeCache, flowEdge, matchesFilter, stanceChips, type FlowNode } from './flow-model';
import { KindNode } from './KindNode';
import { Palette } from './Palette';
import { edgeMenu, nodeMenu, paneMenu } from './menus';
import { useCanvasCommands } from './useCanvasCommands';
import { useStable } from './use-stable';

const nodeTypes = { kind: KindNode };
// Opening a crisis fits it, but never so far out that titles stop being readable.
const FIT_ON_OPEN = { maxZoom: 1, minZoom: 0.65, padding: 0.1 };
const PAN_BUTTONS = [1, 2];
const FIT_ALL_UP_TO = 80;

const isDefaultViewport = (v: Viewport) => v.x === DEFAULT_VIEWPORT.x && v.y === DEFAULT_VIEWPORT.y && v.zoom === DEFAULT_VIEWPORT.zoom;

/**
 * The nodes to frame when a crisis opens: all of a small one (undefined); for a big one, its
 * best-connected crisis node, which then sits in the middle at a readable zoom.
 */
function openingFocus(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string[] | undefined {
  if (nodes.length <= FIT_ALL_UP_TO) return undefined;
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const candidates = nodes.filter((n) => n.kind === 'crisis');
  const pool = candidates.length ? candidates : nodes;
  const best = pool.reduce((a, b) => ((degree.get(b.id) ?? 0) > (degree.get(a.id) ?? 0) ? b : a));
  return [best.id];
}
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];

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

  // On open, fit the crisis; a big one is opened on its crisis node and what touches it, since
  // fitting thousands of nodes would make every title unreadable.
  // A crisis seen before reopens where it was left (this session, or as saved in the file).
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || nodes.length === 0) return;
    opened.current = true;
    const saved = workbench.viewports.get(crisisId) ?? doc.crises.find((c) => c.id === crisisId)?.viewport;
    if (saved && !isDefaultViewport(saved)) {
      void flow.setViewport(saved);
      return;
    }
    const focus = openingFocus(modelNodes, doc.edges);
    requestAnimationFrame(() => void flow.fitView({ ...FIT_ON_OPEN, nodes: focus?.map((id) => ({ id })) }));
  }, [nodes.length, modelNodes, doc.edges, doc.crises, crisisId, flow, workbench]);

  // Only the user's own panning and zooming is remembered (event is null when the app moved it).
  const viewportTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onMoveEnd = useStable((event: MouseEvent | TouchEvent | null, viewport: { x: number; y: number; zoom: number }) => {
    if (!event) return;
    // Kept exact: rounding would reopen the canvas half a pixel away from where it was left.
    const exact = { x: viewport.x, y: viewport.y, zoom: viewport.zoom };
    workbench.viewports.set(crisisId, exact);
    if (readOnly) return;
    if (viewportTimer.current) clearTimeout(viewportTimer.current);
    viewportTimer.current = setTimeout(() => void call('saveViewport', { crisisId, viewport: exact }).catch(() => undefined), 600);
  });

  // Selection lives in the selection store. React Flow reports the user's clicks and boxes as
  // select changes; the store feeds `selected` back into nodes and edges, and nothing loops.
  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes, ns));
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

  const edit = workbench.doc.edit.bind(workbench.doc);
  const fail = useCallback((e: unknown) => reportError(workbench, e), [workbench]);

  const nodeById = useMemo(() => new Map(modelNodes.map((n) => [n.id, n])), [modelNodes]);

  const refusal = (connection: Connection | { source: string; target: string }) => {
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
    if (doc.edges.some((e) => e.source === from.id && e.target === to.id)) return workbench.notify('These two nodes are already connected.', 'info');
    const edge = { id: newId(), crisisId, source: from.id, target: to.id, kind: check.kind, label: '', confidence: null };
    edit([{ op: 'edge.create', edge }]).catch(fail);
  });

  const openMenu = (event: React.MouseEvent | MouseEvent, request: Omit<MenuRequest, 'x' | 'y'>) => {
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, ...request });
  };

  const flowPoint = (event: React.MouseEvent | MouseEvent) => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });

  const onNodeDragStop = useStable((_event: MouseEvent | TouchEvent | React.MouseEvent, _node: FlowNode, dragged: FlowNode[]) => {
    const ops = dragged
      .map((n) => ({ n, model: nodeById.get(n.id) }))
      .filter(({ n, model }) => model && (Math.round(n.position.x) !== model.x || Math.round(n.position.y) !== model.y))
      .map(({ n }) => ({ op: 'node.update' as const, id: n.id, patch: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
    if (ops.length) edit(ops).catch(fail);
  });
  const onNodeDoubleClick = useStable((_event: React.MouseEvent, node: FlowNode) => {
    if (!readOnly) workbench.view.patch({ editingNodeId: node.id });
  });
  const isValidConnection = useStable((connection: Connection | Edge) => refusal(connection as Connection) === null);
  const onConnectEnd = useStable((_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    if (state.toNode && state.fromNode && state.isValid === false) {
      const reason = refusal({ source: state.fromNode.id, target: state.toNode.id });
      if (reason) workbench.notify(reason, 'error');
    }
  });
  const onPaneContextMenu = useStable((event: React.MouseEvent | MouseEvent) =>
    openMenu(event, { items: paneMenu(workbench, crisisId, flowPoint(event), readOnly) }),
  );
  const onNodeContextMenu = useStable((event: React.MouseEvent, node: FlowNode) => {
    if (!workbench.selection.get().nodeIds.has(node.id)) workbench.selection.selectNodes([node.id]);
    openMenu(event, { items: nodeMenu(workbench, node.data.node, readOnly) });
  });
  const onEdgeContextMenu = useStable((event: React.MouseEvent, edge: Edge) => {
    workbench.selection.selectEdges([edge.id]);
    openMenu(event, { items: edgeMenu(workbench, edge.id, readOnly) });
  });
  const onPaneClick = useStable(() => setMenu(null));

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
        onNodeDragStop={onNodeDragStop}
        onNodeDoubleClick={onNodeDoubleClick}
        isValidConnection={isValidConnection}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onPaneContextMenu={onPaneContextMenu}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneClick={onPaneClick}
        onMoveEnd={onMoveEnd}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        zoomOnDoubleClick={false}
        disableKeyboardA11y
        minZoom={0.05}
        maxZoom={2.5}
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
