/**
 * The compare view's commands: compare with another scenario file (main's open dialog picks it),
 * show or hide moves, and leave. Comparing with a snapshot goes through the Snapshots dialog,
 * which lists them (see ReconcileDialogs).
 */
import { useEffect } from 'react';
import type { CompareBase } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import { closeBeside } from '../workbench';
import { reportError, useWorkbench, type Workbench } from '../workspace-context';

/** Opens the compare view against `base`, from a clean selection (nothing in it is editable). */
export async function openCompare(workbench: Workbench, baseLabel: string, against: CompareBase, base: Parameters<Workbench['doc']['viewCompare']>[2]): Promise<void> {
  workbench.selection.clear();
  await workbench.doc.viewCompare(baseLabel, against, base);
  // The list narrows the canvas: frame the crisis in what is left.
  requestAnimationFrame(() => requestAnimationFrame(() => workbench.canvas.current?.fit()));
}

/** "What changed since the last meeting", from the compare view's base to now, saved where the planner picks. */
async function saveChangesBrief(workbench: Workbench, format: 'md' | 'html'): Promise<void> {
  const comparison = workbench.doc.getSnapshot().past?.compare;
  if (!comparison) return;
  try {
    const saved = await call('saveChangesBrief', { against: comparison.against, format, moves: workbench.view.get().compareMoves });
    workbench.notify(`Saved the changes brief as ${saved.fileName}.`, 'info');
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'CANCELLED')) reportError(workbench, error);
  }
}

export function useCompareCommands(openSnapshots: () => void): void {
  const workbench = useWorkbench();
  useEffect(() => {
    const { commands, doc } = workbench;
    const hasDocument = () => doc.getSnapshot().view !== null;
    const comparing = () => !!doc.getSnapshot().past?.compare;
    const off = [
      commands.register({ id: 'view.compareSnapshot', enabled: hasDocument, run: openSnapshots }),
      commands.register({ id: 'view.besideSnapshot', enabled: hasDocument, run: openSnapshots }),
      commands.register({ id: 'view.closeBeside', enabled: () => workbench.session.beside.get() !== null, run: () => closeBeside(workbench) }),
      commands.register({
        id: 'view.compareFile',
        enabled: hasDocument,
        run: async () => {
          try {
            const other = await call('compareDocument', {});
            await openCompare(workbench, `the file ${other.fileName}`, { kind: 'file' }, other.document);
          } catch (error) {
            if (!(error instanceof AppError && error.code === 'CANCELLED')) reportError(workbench, error);
          }
        },
      }),
      commands.register({ id: 'view.compareMoves', enabled: comparing, run: () => workbench.view.patch({ compareMoves: !workbench.view.get().compareMoves }) }),
      commands.register({
        id: 'view.leaveCompare',
        enabled: comparing,
        run: () => {
          workbench.selection.clear();
          workbench.doc.backToLive();
        },
      }),
      ...(['md', 'html'] as const).map((format) =>
        commands.register({
          id: format === 'md' ? 'view.changesBriefMarkdown' : 'view.changesBriefHtml',
          enabled: comparing,
          run: () => saveChangesBrief(workbench, format),
        }),
      ),
    ];
    return () => off.forEach((unregister) => unregister());
  }, [workbench, openSnapshots]);
}
