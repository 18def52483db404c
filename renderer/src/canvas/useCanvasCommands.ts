/**
 * Commands that act on the canvas of the shown crisis: selection, clipboard, nudging, Tab
 * cycling, renaming and arranging. Registered while the canvas is mounted.
 */
import { useEffect } from 'react';
import { CLIP_MIME, parseClip } from '../../../core/clipboard';
import type { Command } from '../commands/registry';
import { isTextField } from '../commands/keyboard';
import { useWorkbench } from '../workspace-context';
import { arrange, copySelection, deleteSelection, duplicateSelection, nudgeSelection, paste, selectAll } from './actions';

const onCanvas = () => {
  const active = document.activeElement;
  return !active || active === document.body || !!active.closest('.react-flow');
};

export function useCanvasCommands(crisisId: string, readOnly: boolean): void {
  const workbench = useWorkbench();
  useEffect(() => {
    const writable = () => !readOnly;
    const hasSelection = () => workbench.selection.get().nodeIds.size + workbench.selection.get().edgeIds.size > 0;
    // Tab walks the nodes left to right and then leaves the canvas (no wrap-around, so focus is
    // never trapped); it acts only with focus on the canvas itself, not on its buttons.
    const tabTarget = (step: number) => {
      const active = document.activeElement;
      if (active && active !== document.body && !active.classList.contains('react-flow')) return null;
      const doc = workbench.current();
      if (!doc) return null;
      const nodes = doc.nodes.filter((n) => n.crisisId === crisisId).sort((a, b) => a.x - b.x || a.y - b.y);
      const [current] = workbench.selection.get().nodeIds;
      const at = nodes.findIndex((n) => n.id === current);
      const next = at === -1 ? (step > 0 ? 0 : -1) : at + step;
      return nodes[next] ?? null;
    };
    const cycle = (step: number) => () => {
      const next = tabTarget(step);
      if (!next) return;
      workbench.selection.selectNodes([next.id]);
      workbench.canvas.current?.focusNodes([next.id]);
      document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow')?.focus();
    };
    const nudge = (dx: number, dy: number): Omit<Command, 'id'> => ({ when: onCanvas, enabled: writable, run: () => nudgeSelection(workbench, dx, dy) });
    const commands: Command[] = [
      { id: 'edit.delete', keys: ['Delete', 'Backspace'], when: onCanvas, enabled: () => writable() && hasSelection(), run: () => deleteSelection(workbench) },
      { id: 'edit.selectAll', keys: ['Mod+A'], run: () => selectAll(workbench, crisisId) },
      { id: 'edit.copy', keys: ['Mod+C'], run: () => void copyToSystem(workbench) },
      {
        id: 'edit.cut',
        keys: ['Mod+X'],
        enabled: writable,
        run: () => {
          if (copyToSystem(workbench)) deleteSelection(workbench);
        },
      },
      { id: 'edit.paste', keys: ['Mod+V'], enabled: writable, run: () => paste(workbench, crisisId, null) },
      { id: 'edit.duplicate', keys: ['Mod+D'], enabled: writable, run: () => duplicateSelection(workbench, crisisId) },
      { id: 'canvas.left', keys: ['ArrowLeft'], ...nudge(-10, 0) },
      { id: 'canvas.right', keys: ['ArrowRight'], ...nudge(10, 0) },
      { id: 'canvas.up', keys: ['ArrowUp'], ...nudge(0, -10) },
      { id: 'canvas.down', keys: ['ArrowDown'], ...nudge(0, 10) },
      { id: 'canvas.leftFar', keys: ['Shift+ArrowLeft'], ...nudge(-50, 0) },
      { id: 'canvas.rightFar', keys: ['Shift+ArrowRight'], ...nudge(50, 0) },
      { id: 'canvas.upFar', keys: ['Shift+ArrowUp'], ...nudge(0, -50) },
      { id: 'canvas.downFar', keys: ['Shift+ArrowDown'], ...nudge(0, 50) },
      { id: 'canvas.nextNode', keys: ['Tab'], when: () => tabTarget(1) !== null, run: cycle(1) },
      { id: 'canvas.previousNode', keys: ['Shift+Tab'], when: () => tabTarget(-1) !== null, run: cycle(-1) },
      {
        id: 'canvas.rename',
        keys: ['Enter', 'F2'],
        when: onCanvas,
        enabled: () => writable() && workbench.selection.get().nodeIds.size === 1,
        run: () => workbench.view.patch({ editingNodeId: [...workbench.selection.get().nodeIds][0]! }),
      },
      {
        id: 'canvas.escape',
        keys: ['Escape'],
        run: () => {
          workbench.selection.clear();
          workbench.view.patch({ findOpen: false, editingNodeId: null });
        },
      },
      { id: 'view.arrange', keys: ['Shift+Mod+L'], enabled: writable, run: () => arrange(workbench, crisisId) },
      { id: 'view.zoomIn', keys: ['Mod+='], run: () => workbench.canvas.current?.zoomIn() },
      { id: 'view.zoomOut', keys: ['Mod+-'], run: () => workbench.canvas.current?.zoomOut() },
      { id: 'view.fit', keys: ['Mod+0'], run: () => workbench.canvas.current?.fit() },
    ];
    const unregister = commands.map((c) => workbench.commands.register(c));

    // Cut, copy and paste from the native menu arrive as DOM events carrying the system
    // clipboard, which is how a clip travels between windows and files.
    const onCopy = (event: ClipboardEvent) => {
      if (isTextField(document.activeElement)) return;
      const clip = copySelection(workbench);
      if (!clip || !event.clipboardData) return;
      event.preventDefault();
      const json = JSON.stringify(clip);
      event.clipboardData.setData(CLIP_MIME, json);
      event.clipboardData.setData('text/plain', json);
      if (event.type === 'cut' && !readOnly) deleteSelection(workbench);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(document.activeElement) || readOnly) return;
      const text = event.clipboardData?.getData(CLIP_MIME) || event.clipboardData?.getData('text/plain') || '';
      const clip = parseClip(text);
      if (!clip && !workbench.clipboard.current) return;
      event.preventDefault();
      paste(workbench, crisisId, clip);
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      unregister.forEach((off) => off());
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [workbench, crisisId, readOnly]);
}

/** Copy the selection into the window's clip, and onto the system clipboard where allowed. */
function copyToSystem(workbench: ReturnType<typeof useWorkbench>): boolean {
  const clip = copySelection(workbench);
  if (!clip) return false;
  navigator.clipboard?.writeText(JSON.stringify(clip)).catch(() => undefined);
  return true;
}
