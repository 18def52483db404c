/**
 * Commands that act on the canvas of the shown crisis: selection, clipboard, nudging, Tab
 * cycling, renaming and arranging. Registered while the canvas is mounted.
 */
import { useEffect } from 'react';
import { CLIP_MIME, parseClip } from '../../../core/clipboard';
import type { Command } from '../commands/registry';
import { isTextField } from '../commands/keyboard';
import { useWorkbench } from '../workspace-context';
import { backToSurface, canvasPane, leaveForward, stopElement, walkOrder, walkPosition, type WalkStop } from './tab-walk';
import { arrange, copySelection, deleteSelection, duplicateSelection, nudgeSelection, paste, selectAll } from './actions';

export function useCanvasCommands(crisisId: string, readOnly: boolean): void {
  const workbench = useWorkbench();
  useEffect(() => {
    // Focus on this canvas (or nowhere), and in this workbench's part of the window: keys pressed
    // in the pane beside the live scenario never move or delete the live scenario's selection.
    const onCanvas = () => {
      const active = document.activeElement;
      return workbench.owns(active) && (!active || active === document.body || !!active.closest('.react-flow'));
    };
    const writable = () => !readOnly;
    const hasSelection = () => workbench.selection.get().nodeIds.size + workbench.selection.get().edgeIds.size > 0;
    // Tab walks the nodes and then the edges, then leaves the canvas (see tab-walk.ts); it acts
    // only with focus on the canvas itself or on one of its nodes or edges, not on its buttons.
    const walkStep = (step: 1 | -1): WalkStop | 'leave' | null => {
      const at = walkPosition(document.activeElement, workbench.owns);
      const doc = workbench.current();
      if (at === null || !doc) return null;
      const order = walkOrder(doc, crisisId);
      let index: number;
      if (at === 'after') {
        // Shift+Tab from the control after the walk comes back in at the last edge (or node).
        if (step > 0) return null;
        index = order.length - 1;
        if (index < 0) return 'leave';
      } else if (at === 'surface') {
        // The surface comes before every stop: Shift+Tab leaves for the palette; Tab goes on
        // from the selected node, if any, else from the first.
        if (step < 0) return null;
        const [selected] = workbench.selection.get().nodeIds;
        index = order.findIndex((s) => s.kind === 'node' && s.id === selected) + 1;
      } else {
        index = order.findIndex((s) => s.kind === at.kind && s.id === at.id) + step;
      }
      if (index < 0) return step < 0 && typeof at === 'object' ? 'leave' : null;
      return order[index] ?? (step > 0 ? 'leave' : null);
    };
    const walk = (step: 1 | -1) => () => {
      const next = walkStep(step);
      if (next === null) return;
      if (next === 'leave') {
        if (step > 0) leaveForward(workbench.owns);
        else canvasPane(workbench.owns)?.focus();
        return;
      }
      if (next.kind === 'node') workbench.selection.selectNodes([next.id]);
      else workbench.selection.selectEdges([next.id]);
      const shown = stopElement(next, workbench.owns);
      const pane = canvasPane(workbench.owns)?.getBoundingClientRect();
      const box = shown?.getBoundingClientRect();
      const inView = !!box && !!pane && box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom;
      if (!inView && next.kind === 'node') workbench.canvas.current?.focusNodes([next.id]);
      // Off-screen nodes are mounted once the canvas has moved to them (large crises).
      const focus = () => (stopElement(next, workbench.owns) ?? canvasPane(workbench.owns))?.focus({ preventScroll: true });
      if (shown) focus();
      else requestAnimationFrame(() => requestAnimationFrame(focus));
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
      { id: 'canvas.nextNode', keys: ['Tab'], when: () => walkStep(1) !== null, run: walk(1) },
      { id: 'canvas.previousNode', keys: ['Shift+Tab'], when: () => walkStep(-1) !== null, run: walk(-1) },
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
          backToSurface(workbench.owns);
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
      if (isTextField(document.activeElement) || !workbench.owns(document.activeElement)) return;
      const clip = copySelection(workbench);
      if (!clip || !event.clipboardData) return;
      event.preventDefault();
      const json = JSON.stringify(clip);
      event.clipboardData.setData(CLIP_MIME, json);
      event.clipboardData.setData('text/plain', json);
      if (event.type === 'cut' && !readOnly) deleteSelection(workbench);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextField(document.activeElement) || readOnly || !workbench.owns(document.activeElement)) return;
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
