/**
 * The undo history kept in the scenario file (the `history` table, migration 006): the
 * HistoryLog that core/history.ts mirrors its stacks to, and the reader that gives a reopened
 * file its steps back. Every row is validated like an import when it is read, because the file
 * is untrusted: a row that is not a list of valid operations refuses the file as damaged.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../core/errors';
import { UndoHistory, type HistoryLog, type HistoryStep } from '../core/history';
import { formatPath } from '../core/model';
import { Op } from '../core/ops';
import type { AppliedChange } from './apply';
import type { ScenarioStore } from './store';

const OpList = z.array(Op).min(1);

interface HistoryRow {
  seq: number;
  state: 'done' | 'undone';
  at: string;
  author: string;
  redo: string;
  undo: string;
}

/** The HistoryLog writing to `db`'s history table. Each call runs inside the edit's transaction. */
export function sqliteHistoryLog(db: Database): HistoryLog {
  const s = {
    dropFuture: db.prepare("DELETE FROM history WHERE state = 'undone'"),
    insert: db.prepare("INSERT INTO history (state, at, author, redo, undo) VALUES ('done', ?, ?, ?, ?)"),
    replaceTop: db.prepare("UPDATE history SET at = ?, author = ?, redo = ?, undo = ? WHERE seq = (SELECT max(seq) FROM history WHERE state = 'done')"),
    undone: db.prepare("UPDATE history SET state = 'undone' WHERE seq = (SELECT max(seq) FROM history WHERE state = 'done')"),
    redone: db.prepare("UPDATE history SET state = 'done' WHERE seq = (SELECT min(seq) FROM history WHERE state = 'undone')"),
    dropOldest: db.prepare("DELETE FROM history WHERE seq IN (SELECT seq FROM history WHERE state = 'done' ORDER BY seq LIMIT ?)"),
  };
  const row = (step: HistoryStep) => [step.at, step.author.slice(0, 120), JSON.stringify(step.redo), JSON.stringify(step.undo)] as const;
  return {
    push(step) {
      s.dropFuture.run();
      s.insert.run(row(step));
    },
    replaceTop(step) {
      s.replaceTop.run(row(step));
    },
    undone() {
      s.undone.run();
    },
    redone() {
      s.redone.run();
    },
    dropOldest(count) {
      s.dropOldest.run(count);
    },
  };
}

function parseOps(text: string, seq: number, column: string): Op[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('DAMAGED_FILE', `The scenario file is damaged: history step ${seq}, ${column}: not JSON.`);
  }
  const parsed = OpList.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue ? formatPath(issue.path as (string | number)[]) : '';
  throw new AppError('DAMAGED_FILE', `The scenario file is damaged: history step ${seq}, ${column}${path ? `[${path}]` : ''}: ${issue?.message ?? 'invalid value'}`);
}

/** The steps kept in the file: `past` oldest first, `future` with the next redo first. */
export function readHistoryLog(db: Database): { past: HistoryStep[]; future: HistoryStep[] } {
  const rows = db.prepare('SELECT seq, state, at, author, redo, undo FROM history ORDER BY seq').all() as HistoryRow[];
  const past: HistoryStep[] = [];
  const future: HistoryStep[] = [];
  for (const r of rows) {
    if (r.state === 'done' && future.length > 0) {
      throw new AppError('DAMAGED_FILE', `The scenario file is damaged: history step ${r.seq} is done after a step that was undone.`);
    }
    const step: HistoryStep = { at: r.at, author: r.author, redo: parseOps(r.redo, r.seq, 'redo'), undo: parseOps(r.undo, r.seq, 'undo') };
    (r.state === 'done' ? past : future).push(step);
  }
  return { past, future };
}

/** A history over `store`'s own log, as the file left it. */
export function historyOfStore(store: ScenarioStore): UndoHistory {
  return new UndoHistory({ restored: store.historySteps(), log: store.historyLog() ?? undefined });
}

/**
 * Apply `ops` and record them as an undo step in ONE transaction, so an edit and its step reach
 * the file together or not at all. The app's edits and the CLI's merge output both come here.
 */
export function applyRecorded(store: ScenarioStore, history: UndoHistory, ops: Op[], mark: string | null, author: string): AppliedChange {
  return store.atomically(() => {
    const applied = store.apply(ops);
    history.record(applied, mark, { at: applied.modifiedAt, author });
    return applied;
  });
}
