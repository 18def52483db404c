/** The handler map: one function per contract channel, all plain Node. */
import { AppError } from '../../core/errors';
import { openChecksInWorker } from '../open/run';
import { RecentFiles } from '../app/recent';
import { AppSettings } from '../app/settings';
import type { AppServices } from '../app/services';
import { documentView, SessionRegistry } from '../app/sessions';
import type { Handlers } from '../ipc/adapter';
import { createUntitledFor, openPathFor, recoverDamagedFor, saveAsFor, saveCopyFor, type DocumentDeps } from './document';
import { applyEdit, redoEdit, saveViewport, undoEdit } from './edit';
import { exchangeHandlers } from './exchange';
import { historyHandlers } from './history';
import { reconcileHandlers } from './reconcile';
import { recoveryHandlers } from './recovery';

export interface HandlerContext extends DocumentDeps {
  handlers: Handlers;
}

export function createHandlers(services: AppServices): HandlerContext {
  const settings = new AppSettings(services.userDataDir);
  const sessions = new SessionRegistry(
    services.userDataDir,
    { nativeBinding: services.nativeBinding },
    () => settings.author(),
    openChecksInWorker({ script: services.openWorker, nativeBinding: services.nativeBinding }),
  );
  const recent = new RecentFiles(services.userDataDir);
  const deps: DocumentDeps = { services, sessions, recent, settings };

  const handlers: Handlers = {
    appInfo: () => ({ name: services.appName, version: services.version, platform: services.platform }),
    newScenario: (ctx, req) => createUntitledFor(deps, ctx.windowId, req.title ?? 'Untitled scenario'),
    openScenario: async (ctx) => {
      const path = await services.dialogs.chooseScenarioToOpen();
      if (!path) throw new AppError('CANCELLED', 'Open was cancelled.');
      return openPathFor(deps, ctx.windowId, path);
    },
    openRecent: (ctx, req) => {
      const path = recent.pathOf(req.id);
      if (!path) throw new AppError('NOT_FOUND', 'That file is no longer in the recent list.');
      return openPathFor(deps, ctx.windowId, path);
    },
    recentFiles: () => recent.list(),
    currentScenario: (ctx) => {
      const session = sessions.get(ctx.windowId);
      return session ? documentView(session) : null;
    },
    saveScenarioAs: (ctx) => saveAsFor(deps, ctx.windowId),
    saveScenarioCopy: (ctx) => saveCopyFor(deps, ctx.windowId),
    recoverDamaged: (ctx) => recoverDamagedFor(deps, ctx.windowId),
    closeScenario: (ctx) => {
      sessions.close(ctx.windowId);
      services.windows.documentChanged(ctx.windowId, null);
      return { done: true };
    },
    applyOps: (ctx, req) => applyEdit(sessions.require(ctx.windowId), req.ops, req.mark),
    saveViewport: (ctx, req) => {
      saveViewport(sessions.require(ctx.windowId), req.crisisId, req.viewport);
      return { done: true };
    },
    sealHistory: (ctx) => {
      sessions.require(ctx.windowId).history.seal();
      return { done: true };
    },
    undo: (ctx) => undoEdit(sessions.require(ctx.windowId)),
    redo: (ctx) => redoEdit(sessions.require(ctx.windowId)),
    ...exchangeHandlers(deps),
    ...recoveryHandlers(deps),
    ...reconcileHandlers(deps),
    ...historyHandlers(deps),
  };
  return { ...deps, handlers };
}
