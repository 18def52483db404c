/**
 * The history panel and read-only views of the past: the undo steps kept with the open scenario
 * in words, the state before any of them, and a snapshot's document. Nothing here writes.
 */
import type { HistoryStepView } from '../../core/contract';
import { describeStep } from '../../core/history-describe';
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
      const view = (state: HistoryStepView['state']) => (step: (typeof past)[number], i: number): HistoryStepView => ({
        index: state === 'done' ? i : past.length + i, state, at: step.at, author: step.author, summary: describeStep(step, doc),
      });
      return [...past.map(view('done')), ...future.map(view('undone'))];
    },
    historyState: (ctx, req) => {
      const session = deps.sessions.require(ctx.windowId);
      return stateBeforeStep(session.store.load(), session.history.steps(), req.index);
    },
    snapshotDocument: (ctx, req) => deps.sessions.require(ctx.windowId).store.readSnapshot(req.id),
  };
}
