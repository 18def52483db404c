/** Context menus on the pane, a node or an edge (right-click; double-click on the pane adds). */
import { useReactFlow, type Edge } from '@xyflow/react';
import { useState } from 'react';
import { useWorkbench } from '../workspace-context';
import type { MenuRequest } from './ContextMenu';
import type { FlowNode } from './flow-model';
import { edgeMenu, nodeMenu, paneMenu } from './menus';
import { useStable } from './use-stable';

type PointerEvent = React.MouseEvent | MouseEvent;

export function useCanvasMenus(crisisId: string, readOnly: boolean) {
  const workbench = useWorkbench();
  const flow = useReactFlow();
  const [menu, setMenu] = useState<MenuRequest | null>(null);

  const openMenu = (event: PointerEvent, request: Omit<MenuRequest, 'x' | 'y'>) => {
    event.preventDefault();
    setMenu({ x: event.clientX, y: event.clientY, ...request });
  };
  const flowPoint = (event: PointerEvent) => flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });

  const onPaneContextMenu = useStable((event: PointerEvent) => openMenu(event, { items: paneMenu(workbench, crisisId, flowPoint(event), readOnly) }));
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
    if (!readOnly && target.classList.contains('react-flow__pane')) openMenu(event, { items: paneMenu(workbench, crisisId, flowPoint(event), readOnly) });
  });
  const close = useStable(() => setMenu(null));
  return { menu, close, onPaneContextMenu, onNodeContextMenu, onEdgeContextMenu, onPaneClick, onDoubleClick };
}
