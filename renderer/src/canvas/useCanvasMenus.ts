/** Context menus on the pane, a node or an edge (right-click; double-click on the pane adds). */
import { useReactFlow, type Edge } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { maxOf } from '../../../core/arrays';
import { NODE_DEFAULT_SIZE, NODE_KINDS } from '../../../core/model';
import { useWorkbench } from '../workspace-context';
import type { MenuRequest } from './ContextMenu';
import type { FlowNode } from './flow-model';
import { edgeMenu, nodeMenu, paneMenu } from './menus';
import { useStable } from './use-stable';

type PointerEvent = React.MouseEvent | MouseEvent;

// The largest new box any kind makes, and the room kept from the pane's right and bottom edges.
const NEW_BOX = { width: maxOf(NODE_KINDS.map((k) => NODE_DEFAULT_SIZE[k].width)), height: maxOf(NODE_KINDS.map((k) => NODE_DEFAULT_SIZE[k].height)) };
const EDGE_ROOM = 12;

export function useCanvasMenus(crisisId: string, readOnly: boolean) {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const [menu, setMenu] = useState<MenuRequest | null>(null);

  const openMenu = (event: PointerEvent, request: Omit<MenuRequest, 'x' | 'y'>) => {
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, ...request });
  };
  const flowPoint = (event: PointerEvent) => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
  /**
   * Where "Add … here" puts a new box: at the click, moved in just enough that the box lies inside
   * the pane (a click by the right edge put it under the inspector, by the bottom under the panel).
   */
  const newBoxPoint = (event: PointerEvent) => {
    const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
    if (!pane) return flowPoint(event);
    const zoom = flow.getZoom();
    const x = Math.max(pane.left, Math.min(event.clientX, pane.right - EDGE_ROOM - NEW_BOX.width * zoom));
    const y = Math.max(pane.top, Math.min(event.clientY, pane.bottom - EDGE_ROOM - NEW_BOX.height * zoom));
    return flow.screenToFlowPosition({ x, y });
  };

  const onPaneContextMenu = useStable((event: PointerEvent) => openMenu(event, { items: paneMenu(workbench, crisisId, newBoxPoint(event), readOnly) }));
  const onNodeContextMenu = useStable((event: React.MouseEvent, node: FlowNode) => {
    if (!workbench.selection.get().nodeIds.has(node.id)) workbench.selection.selectNodes([node.id]);
    openMenu(event, { items: nodeMenu(workbench, node.data.node, readOnly) });
  });
  const onEdgeContextMenu = useStable((event: React.MouseEvent, edge: Edge) => {
    workbench.selection.selectEdges([edge.id]);
    openMenu(event, { items: edgeMenu(workbench, edge.id, readOnly) });
  });
  const onPaneClick = useStable(() => setMenu(null));
  const onDoubleClick = useStable((event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
    if (!readOnly && target.classList.contains('react-flow__pane')) openMenu(event, { items: paneMenu(workbench, crisisId, newBoxPoint(event), readOnly) });
  });
  const close = useStable(() => setMenu(null));
  // Shift+F10 or the Menu key: the menu of the selected node (or edge), else of the pane's middle.
  const onKeyDown = useStable((event: KeyboardEvent) => {
    if (!(event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) return;
    event.preventDefault();
    const { nodeIds, edgeIds } = workbench.selection.get();
    const doc = workbench.current();
    const [nodeId] = nodeIds;
    const node = nodeId ? doc?.nodes.find((n) => n.id === nodeId) : undefined;
    const pane = document.querySelector('[data-testid="canvas"] .react-flow')?.getBoundingClientRect();
    const middle = { x: (pane?.left ?? 0) + (pane?.width ?? 0) / 2, y: (pane?.top ?? 0) + (pane?.height ?? 0) / 2 };
    if (node) {
      const box = document.querySelector(`[data-testid="graph-node"][data-node-id="${node.id}"]`)?.getBoundingClientRect();
      setMenu({ x: box?.left ?? middle.x, y: box?.bottom ?? middle.y, items: nodeMenu(workbench, node, readOnly) });
    } else if (edgeIds.size > 0) {
      setMenu({ ...middle, items: edgeMenu(workbench, [...edgeIds][0]!, readOnly) });
    } else {
      setMenu({ ...middle, items: paneMenu(workbench, crisisId, flow.screenToFlowPosition(middle), readOnly) });
    }
  });
  // On the window, so it works with focus on the canvas or nowhere (after an in-place rename).
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      const active = document.activeElement;
      if (active && active !== document.body && !active.closest('[data-testid="canvas"]')) return;
      if (active?.closest('input, textarea')) return;
      onKeyDown(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [onKeyDown]);
  return { menu, close, onPaneContextMenu, onNodeContextMenu, onEdgeContextMenu, onPaneClick, onDoubleClick };
}
