/**
 * The crisis canvas: React Flow over the crisis's nodes and edges. This file only composes;
 * each concern is its own hook: document sync (useFlowNodes, useFlowEdges), the viewport
 * (useViewportMemory, with whether it is still: canvas-motion), connections (useConnections), context menus (useCanvasMenus), drag
 * commits (useDragCommit), the handle others move the canvas by (useCanvasHandle) and the
 * keyboard commands (useCanvasCommands).
 */
import { Background, BackgroundVariant, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Node } from '@xyflow/react';
import { useMemo } from 'react';
import { ViewLegend } from '../analysis/ViewControls';
import { useDocument } from '../state/document-store';
import { useObservableSelector } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { CanvasMotion } from './canvas-motion';
import { ContextMenu } from './ContextMenu';
import { FindBar } from './FindBar';
import type { FlowNode } from './flow-model';
import { KindNode } from './KindNode';
import { Palette } from './Palette';
import { MINIMAP_STYLE } from './visible-area';
import { useCanvasCommands } from './useCanvasCommands';
import { useCanvasHandle } from './useCanvasHandle';
import { useCanvasMenus } from './useCanvasMenus';
import { useConnections } from './useConnections';
import { useDragCommit } from './useDragCommit';
import { useFlowEdges } from './useFlowEdges';
import { useFlowNodes } from './useFlowNodes';
import { useStable } from './use-stable';
import { useViewportMemory } from './useViewportMemory';

const nodeTypes = { kind: KindNode };
const PAN_BUTTONS = [1, 2];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const minimapColor = (n: Node) => `var(--${(n as FlowNode).data.node.kind})`;

export function Canvas({ crisisId }: { crisisId: string }) {
  return (
    <ReactFlowProvider>
      <CrisisFlow crisisId={crisisId} />
    </ReactFlowProvider>
  );
}

function CrisisFlow({ crisisId }: { crisisId: string }) {
  const workbench = useWorkbench();
  const { view } = useDocument(workbench.doc);
  const doc = view!.document;
  const readOnly = view!.readOnly !== null;
  const showMinimap = useObservableSelector(workbench.view, (v) => v.showMinimap);
  const findOpen = useObservableSelector(workbench.view, (v) => v.findOpen);

  const { nodes, onNodesChange, nodeById, modelNodes } = useFlowNodes(doc, crisisId);
  const { edges, onEdgesChange } = useFlowEdges(doc, crisisId);
  const motion = useMemo(() => new CanvasMotion(), []);
  const { onMoveStart, onMoveEnd } = useViewportMemory(crisisId, readOnly, { count: nodes.length, modelNodes, edges: doc.edges }, motion);
  const { onConnect, isValidConnection, onConnectEnd } = useConnections(crisisId, nodeById, doc.edges);
  const menus = useCanvasMenus(crisisId, readOnly);
  const onNodeDragStop = useDragCommit(nodeById);
  useCanvasHandle(motion);
  useCanvasCommands(crisisId, readOnly);

  const onNodeDoubleClick = useStable((_event: React.MouseEvent, node: FlowNode) => {
    if (!readOnly) workbench.view.patch({ editingNodeId: node.id });
  });

  return (
    <div className="canvas" data-testid="canvas" data-crisis-id={crisisId} ref={motion.attach} onDoubleClick={menus.onDoubleClick}>
      {!readOnly && <Palette crisisId={crisisId} />}
      {findOpen && <FindBar />}
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
        onPaneContextMenu={menus.onPaneContextMenu}
        onNodeContextMenu={menus.onNodeContextMenu}
        onEdgeContextMenu={menus.onEdgeContextMenu}
        onPaneClick={menus.onPaneClick}
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
        {showMinimap && <MiniMap pannable zoomable nodeStrokeWidth={3} nodeColor={minimapColor} style={MINIMAP_STYLE} ariaLabel="Minimap of the crisis" />}
        <Controls showInteractive={false} aria-label="Zoom controls">
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
