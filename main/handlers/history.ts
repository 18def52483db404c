/**
 * The history panel and read-only views of the past: the undo steps kept with the open scenario
 * in words, the state before any of them, and a snapshot's document. Nothing here writes.
 */
import type { HistoryStepView } from '../../core/contract';
import { describeSteps } from '../../core/history-describe';
import { stateBeforeStep } from '../../core/history';
import type { Handlers } from '../ipc/adapter';
import type { DocumentDeps } from './document';

type HistoryChannels = 'history' | 'historyState' | 'snapshotDocument';

export function historyHandlers(deps: DocumentDeps): Pick<Handlers, HistoryChannels> {
  return {
    history: (ctx) => {
      const session = deps.sessions.require(ctx.windowId);
      const doc = session.store.load();
      const { past, future } = session.history.steps();
      const summaries = describeSteps([...past, ...future], doc);
      return [...past, ...future].map((step, index): HistoryStepView => ({
        index, state: index < past.length ? 'done' : 'undone', at: step.at, author: step.author, summary: summaries[index]!,
      }));
    },
    historyState: (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      return stateBeforeStep(session.store.load(), session.history.steps(), req.index);
    },
    snapshotDocument: (ctx, req) => deps.sessions.require(ctx.windowId).store.readSnapshot(req.id),
  };
}
