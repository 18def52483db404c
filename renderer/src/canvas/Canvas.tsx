/**
 * The crisis canvas: React Flow over the crisis's nodes and edges. This file only composes;
 * each concern is its own hook: document sync (useFlowNodes, useFlowEdges), the viewport
 * (useViewportMemory, with whether it is still: canvas-motion), connections (useConnections), context menus (useCanvasMenus), drag
 * commits (useDragCommit), the handle others move the canvas by (useCanvasHandle) and the
 * keyboard commands (useCanvasCommands). Zoomed far out on a big crisis, the overview layer
 * draws every node as a box instead of React Flow mounting thousands of DOM nodes.
 */
import { Background, BackgroundVariant, ControlButton, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore } from '@xyflow/react';
import { useMemo } from 'react';
import { ViewLegend } from '../analysis/ViewControls';
import { useDocument } from '../state/document-store';
import { useObservableSelector } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { CanvasMotion } from './canvas-motion';
import { AvertsMarker } from './AvertsMarker';
import { useCompareMarks, useFramedNodes } from './compare-marks';
import { ContextMenu } from './ContextMenu';
import { FindBar } from './FindBar';
import type { FlowNode } from './flow-model';
import { KIND_ICON_VARIABLES } from './KindIcon';
import { KindNode } from './KindNode';
import { NamedEdge, type NamedFlowEdge } from './NamedEdge';
import { OVERVIEW_MIN_NODES, OVERVIEW_ZOOM, OverviewLayer, nodeAt } from './OverviewLayer';
import { OverviewMap } from './OverviewMap';
import { Palette } from './Palette';
import { useCanvasCommands } from './useCanvasCommands';
import { useCanvasHandle } from './useCanvasHandle';
import { useCanvasMenus } from './useCanvasMenus';
import { useConnections } from './useConnections';
import { useDragCommit } from './useDragCommit';
import { useKeepInView } from './keep-in-view';
import { useFlowEdges } from './useFlowEdges';
import { useFlowNodes } from './useFlowNodes';
import { ShownMode } from './ShownMode';
import { useStable } from './use-stable';
import { useViewportMemory } from './useViewportMemory';

const nodeTypes = { kind: KindNode };
const edgeTypes = { named: NamedEdge };
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const NO_NODES: FlowNode[] = [];
const NO_EDGES: NamedFlowEdge[] = [];

export function Canvas({ crisisId }: { crisisId: string }) {
  return (
    <ReactFlowProvider>
      <CrisisFlow crisisId={crisisId} />
    </ReactFlowProvider>
  );
}

function CrisisFlow({ crisisId }: { crisisId: string }) {
  const workbench = useWorkbench();
  const { view, past } = useDocument(workbench.doc);
  const doc = view!.document;
  const readOnly = view!.readOnly !== null;
  const showMinimap = useObservableSelector(workbench.view, (v) => v.showMinimap);
  const findOpen = useObservableSelector(workbench.view, (v) => v.findOpen);

  const flowNodes = useFlowNodes(doc, crisisId);
  const { onNodesChange, nodeById, modelNodes, nodesMode } = flowNodes;
  const flowEdges = useFlowEdges(doc, crisisId, flowNodes);
  const { modelEdges, onEdgesChange } = flowEdges;
  const comparison = past?.compare;
  const compareMoves = useObservableSelector(workbench.view, (v) => v.compareMoves);
  const { nodes, edges } = useCompareMarks(flowNodes.nodes, flowEdges.edges, comparison, crisisId, compareMoves, nodeById);
  const selectedNodes = useObservableSelector(workbench.selection, (s) => s.nodeIds);
  const flow = useReactFlow();
  // Zoomed far out on a big crisis, React Flow holds no nodes: the overview layer draws them all.
  const overview = useStore((s) => s.transform[2] < OVERVIEW_ZOOM) && modelNodes.length > OVERVIEW_MIN_NODES;
  const motion = useMemo(() => new CanvasMotion(), []);
  const { onMoveStart, onMoveEnd } = useViewportMemory(crisisId, readOnly, { count: nodes.length, modelNodes, edges: doc.edges }, motion);
  const { onConnect, isValidConnection, onConnectEnd } = useConnections(crisisId, nodeById, doc.edges);
  const menus = useCanvasMenus(crisisId, readOnly);
  const onNodeDragStop = useDragCommit(nodeById);
  useKeepInView(modelNodes, motion);
  useCanvasHandle(useFramedNodes(nodeById, comparison, crisisId), motion);
  useCanvasCommands(crisisId, readOnly);

  // In the overview a click on a box selects that node and zooms in on it.
  const onPaneClick = useStable((event: React.MouseEvent) => {
    menus.onPaneClick();
    if (!overview) return;
    const zoom = flow.getZoom();
    const hit = nodeAt(modelNodes, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }), 4 / zoom);
    if (!hit) return;
    workbench.selection.selectNodes([hit.id]);
    void flow.setCenter(hit.x + hit.width / 2, hit.y + hit.height / 2, { zoom: 1, duration: 250 });
  });

  // React Flow's own fit frames the nodes it holds, which are none in the overview.
  const fitDocument = useStable(() => workbench.canvas.current?.fit());

  const onNodeDoubleClick = useStable((_event: React.MouseEvent, node: FlowNode) => {
    if (!readOnly) workbench.view.patch({ editingNodeId: node.id });
  });

  return (
    <div className={`canvas${comparison ? ' comparing' : ''}`} style={KIND_ICON_VARIABLES} data-testid="canvas" data-crisis-id={crisisId} ref={motion.attach} onDoubleClick={menus.onDoubleClick}>
      {!readOnly && <Palette crisisId={crisisId} />}
      {findOpen && <FindBar />}
      <AvertsMarker />
      <ReactFlow<FlowNode>
        nodes={overview ? NO_NODES : nodes}
        edges={overview ? NO_EDGES : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeDoubleClick={onNodeDoubleClick}
        isValidConnection={isValidConnection}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onPaneContextMenu={menus.onPaneContextMenu}
        onNodeContextMenu={menus.onNodeContextMenu}
        onEdgeContextMenu={menus.onEdgeContextMenu}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
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
        tabIndex={0}
        aria-label="Crisis canvas. Tab moves from node to node, then on; Shift+F10 opens the menu."
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={nodes.length > 400}
        proOptions={PRO_OPTIONS}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <ShownMode nodes={overview ? NO_NODES : nodes} mode={nodesMode} />
        {overview && <OverviewLayer nodes={modelNodes} nodeById={nodeById} edges={modelEdges} selected={selectedNodes} />}
        {showMinimap && <OverviewMap nodes={modelNodes} />}
        <Controls showInteractive={false} onFitView={fitDocument} aria-label="Zoom controls">
          <ControlButton
            onClick={() => void workbench.commands.run('view.toggleMinimap')}
            aria-label={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
            title={showMinimap ? 'Hide the minimap' : 'Show the minimap'}
            aria-pressed={showMinimap}
            data-testid="toggle-minimap"
          >
            ▦
          </ControlButton>
        </Controls>
      </ReactFlow>
      <ViewLegend />
      {menus.menu && <ContextMenu menu={menus.menu} onClose={menus.close} />}
    </div>
  );
}
