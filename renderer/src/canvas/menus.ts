/** The canvas's context menus: pane, node and edge. Items run the same actions as the commands. */
import { NODE_KINDS, type GraphNode } from '../../../core/model';
import type { Workbench } from '../workspace-context';
import { addNode, arrange, copySelection, deleteSelection, duplicateSelection, paste, selectAll } from './actions';
import { connectItems } from './connect-menu';
import type { MenuItem } from './ContextMenu';

type Items = (MenuItem | 'separator')[];

export function paneMenu(workbench: Workbench, crisisId: string, at: { x: number; y: number }, readOnly: boolean): Items {
  return [
    ...NODE_KINDS.map((kind) => ({
      label: `Add ${kind} here`,
      testId: `menu-add-${kind}`,
      disabled: readOnly,
      run: () => addNode(workbench, crisisId, kind, at),
    })),
    'separator',
    { label: 'Paste here', testId: 'menu-paste', disabled: readOnly || !workbench.clipboard.current, run: () => paste(workbench, crisisId, null, at) },
    { label: 'Select all', run: () => selectAll(workbench, crisisId) },
    { label: 'Arrange', disabled: readOnly, run: () => void arrange(workbench, crisisId) },
    { label: 'Zoom to fit', run: () => workbench.canvas.current?.fit() },
  ];
}

export function nodeMenu(workbench: Workbench, node: GraphNode, readOnly: boolean): Items {
  return [
    { label: 'Rename', testId: 'menu-rename', disabled: readOnly, run: () => workbench.view.patch({ editingNodeId: node.id }) },
    { label: 'Duplicate', testId: 'menu-duplicate', disabled: readOnly, run: () => duplicateSelection(workbench, node.crisisId) },
    { label: 'Copy', testId: 'menu-copy', run: () => void copySelection(workbench) },
    {
      label: 'Cut',
      disabled: readOnly,
      run: () => {
        if (copySelection(workbench)) deleteSelection(workbench);
      },
    },
    ...(node.kind === 'trigger'
      ? [{ label: 'What if this happens?', testId: 'menu-whatif', run: () => workbench.view.patch({ mode: 'what-if', whatIf: [node.id] }) } as MenuItem]
      : []),
    ...(connectItems(workbench, node, readOnly).length ? ['separator' as const, ...connectItems(workbench, node, readOnly)] : []),
    'separator',
    { label: 'Delete', testId: 'menu-delete', disabled: readOnly, run: () => deleteSelection(workbench) },
  ];
}

export function edgeMenu(workbench: Workbench, edgeId: string, readOnly: boolean): Items {
  return [
    {
      label: 'Delete connection',
      testId: 'menu-delete-edge',
      disabled: readOnly,
      run: () => workbench.doc.edit([{ op: 'edge.delete', id: edgeId }]).catch((e: Error) => workbench.notify(e.message, 'error')),
    },
  ];
}
