/**
 * Untitled scenarios live in the app's data folder until Save As. One that no window shows
 * (after a crash, or a window closed without saving it elsewhere) is offered back here.
 *
 * These files are the app's own, so listing them opens each one for editing: that replays a
 * rollback journal left by a crash mid-commit, which a read-only check would only complain
 * about. One that is damaged is offered too; opening it recovers what can be read into a fresh
 * untitled scenario, and the damaged file is moved aside (kept, never deleted).
 */
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DocumentView, RecoverableScenario } from '../../core/contract';
import { AppError } from '../../core/errors';
import { openScenarioFile, salvageScenarioFile } from '../../db';
import type { Handlers } from '../ipc/adapter';
import { routeFile, viewForAsker } from '../app/window-router';
import { noticeForSalvage, openPathFor, type DocumentDeps } from './document';

type Entry = RecoverableScenario & { path: string };

export function recoveryHandlers(deps: DocumentDeps): Pick<Handlers, 'recoverableScenarios' | 'openRecoverable'> {
  const describe = (path: string): Entry | null => {
    const base = { id: basename(path, '.scenario'), path, modifiedAt: statSync(path).mtime.toISOString() };
    const opened = openScenarioFile(path, { nativeBinding: deps.services.nativeBinding });
    if (!opened.ok) {
      return opened.error.code === 'DAMAGED_FILE' ? { ...base, title: 'Unsaved scenario (damaged)', nodes: 0, damaged: true } : null;
    }
    try {
      const { counts, title } = opened.store.info();
      return { ...base, title, nodes: counts.trigger + counts.crisis + counts.impact + counts.response, damaged: false };
    } finally {
      opened.store.close();
    }
  };
  const list = (): Entry[] =>
    deps.sessions
      .orphanedUntitled()
      .flatMap((path) => describe(path) ?? [])
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));

  /** Salvage into a new untitled file, move the damaged one aside, and open the new one. */
  const recoverDamaged = async (windowId: number, entry: Entry): Promise<DocumentView | null> => {
    const target = deps.sessions.newUntitledPath();
    const result = salvageScenarioFile(entry.path, target, { nativeBinding: deps.services.nativeBinding });
    if (!result.ok) throw new AppError(result.error.code, result.error.message);
    result.store.close();
    mkdirSync(deps.sessions.damagedUntitledDir, { recursive: true });
    renameSync(entry.path, join(deps.sessions.damagedUntitledDir, basename(entry.path)));
    const routed = await routeFile(deps, windowId, target);
    // The notice goes to the window that shows the recovered scenario.
    deps.services.windows.send(routed.windowId, 'notice', noticeForSalvage(result.report));
    return viewForAsker(routed);
  };

  return {
    recoverableScenarios: () => list().map(({ path: _path, ...entry }) => entry),
    openRecoverable: (ctx, req) => {
      // Only the file asked for is opened and described, not every one waiting.
      const path = deps.sessions.orphanedUntitled().find((p) => basename(p, '.scenario') === req.id);
      const entry = path ? describe(path) : null;
      if (!entry) throw new AppError('NOT_FOUND', 'That untitled scenario is no longer waiting to be recovered.');
      return entry.damaged ? recoverDamaged(ctx.windowId, entry) : openPathFor(deps, ctx.windowId, entry.path);
    },
  };
}
