/**
 * The compare view's commands: compare with another scenario file (main's open dialog picks it),
 * show or hide moves, and leave. Comparing with a snapshot goes through the Snapshots dialog,
 * which lists them (see ReconcileDialogs).
 */
import { useEffect } from 'react';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import { reportError, useWorkbench, type Workbench } from '../workspace-context';

/** Opens the compare view against `base`, from a clean selection (nothing in it is editable). */
export async function openCompare(workbench: Workbench, baseLabel: string, base: Parameters<Workbench['doc']['viewCompare']>[1]): Promise<void> {
  workbench.selection.clear();
  await workbench.doc.viewCompare(baseLabel, base);
  // The list narrows the canvas: frame the crisis in what is left.
  requestAnimationFrame(() => requestAnimationFrame(() => workbench.canvas.current?.fit()));
}

export function useCompareCommands(openSnapshots: () => void): void {
  const workbench = useWorkbench();
  useEffect(() => {
    const { commands, doc } = workbench;
    const hasDocument = () => doc.getSnapshot().view !== null;
    const comparing = () => !!doc.getSnapshot().past?.compare;
    const off = [
      commands.register({ id: 'view.compareSnapshot', enabled: hasDocument, run: openSnapshots }),
      commands.register({
        id: 'view.compareFile',
        enabled: hasDocument,
        run: async () => {
          try {
            const other = await call('compareDocument', {});
            await openCompare(workbench, `the file ${other.fileName}`, other.document);
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
    ];
    return () => off.forEach((unregister) => unregister());
  }, [workbench, openSnapshots]);
}
