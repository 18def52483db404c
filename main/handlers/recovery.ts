/**
 * Untitled scenarios live in the app's data folder until Save As. One that no window shows
 * (after a crash, or a window closed without saving it elsewhere) is offered back here.
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RecoverableScenario } from '../../core/contract';
import { AppError } from '../../core/errors';
import { checkScenarioFile } from '../../db';
import type { Handlers } from '../ipc/adapter';
import { openPathFor, type DocumentDeps } from './document';

export function recoveryHandlers(deps: DocumentDeps): Pick<Handlers, 'recoverableScenarios' | 'openRecoverable'> {
  const list = (): (RecoverableScenario & { path: string })[] =>
    deps.sessions
      .orphanedUntitled()
      .flatMap((path) => {
        const checked = checkScenarioFile(path, { nativeBinding: deps.services.nativeBinding });
        if (!checked.ok) return [];
        const { counts, title } = checked.info;
        return [
          {
            id: basename(path, '.scenario'),
            path,
            title,
            modifiedAt: statSync(path).mtime.toISOString(),
            nodes: counts.trigger + counts.crisis + counts.impact + counts.response,
          },
        ];
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));

  return {
    recoverableScenarios: () => list().map(({ path: _path, ...entry }) => entry),
    openRecoverable: (ctx, req) => {
      const entry = list().find((e) => e.id === req.id);
      if (!entry) throw new AppError('NOT_FOUND', 'That untitled scenario is no longer waiting to be recovered.');
      return openPathFor(deps, ctx.windowId, join(deps.sessions.untitledDir, `${entry.id}.scenario`));
    },
  };
}
