/**
 * The undo history kept in the file (db/history-log.ts): validated like any row at open, written
 * in the same transaction as its edit, compacted exactly.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compactOps } from '../../../core/history-compact';
import type { Op } from '../../../core/ops';
import { reduceOps } from '../../../core/patch-document';
import { applyRecorded, historyOfStore, openScenarioFile } from '../../../db';
import { createRich, seededRandom, sha256, tempDir, withoutModifiedAt } from './helpers';
import { randomOp, type Pick } from './random-ops';

function withStore<T>(work: (path: string, dir: string) => T): T {
  const { dir, cleanup } = tempDir('swb-log-');
  try {
    const store = createRich(dir);
    const path = store.path;
    store.close();
    return work(path, dir);
  } finally {
    cleanup();
  }
}

function open(path: string) {
  const opened = openScenarioFile(path);
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.store;
}

describe('the history log in the file', () => {
  it('an edit and its step are one transaction: a step the log cannot write leaves the edit out too', () => {
    withStore((path) => {
      const store = open(path);
      const history = historyOfStore(store);
      const before = store.load();
      const title = (t: string): Op => ({ op: 'node.update', id: 'n-trigger', patch: { title: t } });
      applyRecorded(store, history, [title('First')], null, 'Aiko');
      expect(() => store.atomically(() => {
        store.apply([title('Second')]);
        throw new Error('the log write failed'); // as a full disk would fail it
      })).toThrow('the log write failed');
      expect(store.load().nodes.find((n) => n.id === 'n-trigger')!.title).toBe('First');
      expect(history.depth).toEqual({ undo: 1, redo: 0 });
      store.close();
      const reopened = open(path);
      expect(reopened.historySteps().past.map((s) => s.redo)).toEqual([[title('First')]]);
      const again = historyOfStore(reopened);
      applyRecorded(reopened, again, again.peekUndo()!, null, 'Aiko');
      expect(withoutModifiedAt(reopened.load())).toEqual(withoutModifiedAt(before));
      reopened.close();
    });
  });

  it('refuses a file whose log holds something that is not a document operation, and leaves it untouched', () => {
    withStore((path) => {
      const db = new Database(path);
      db.prepare("INSERT INTO history (state, at, author, redo, undo) VALUES ('done', '2026-12-05T12:00:00.000Z', '', ?, ?)").run(
        '[{"op":"node.delete","id":"n-trigger"}]', '[{"op":"node.explode","id":"n-trigger"}]',
      );
      db.close();
      const hash = sha256(path);
      const opened = openScenarioFile(path);
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.error).toMatchObject({ code: 'DAMAGED_FILE', message: expect.stringContaining('history step 1, undo') });
      expect(sha256(path)).toBe(hash);
    });
  });

  it('refuses a log whose done step comes after an undone one', () => {
    withStore((path) => {
      const db = new Database(path);
      const insert = db.prepare("INSERT INTO history (state, at, author, redo, undo) VALUES (?, '2026-12-05T12:00:00.000Z', '', ?, ?)");
      const op = '[{"op":"node.update","id":"n-trigger","patch":{"title":"x"}}]';
      insert.run('undone', op, op);
      insert.run('done', op, op);
      db.close();
      const opened = openScenarioFile(path);
      expect(opened.ok ? null : opened.error.code).toBe('DAMAGED_FILE');
    });
  });

  it('compaction is exact: random batches folded give the same document as applied op by op', () => {
    const SEED = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
    withStore((path) => {
      const store = open(path);
      const r = seededRandom(SEED);
      const pick: Pick = (list) => list[Math.floor(r() * list.length)]!;
      let serial = 0;
      let folded = 0;
      for (let b = 0; b < 30; b++) {
        const before = store.load();
        // Runs of edits to one record, as typing and nudging make them, mixed with random ops.
        const batch: Op[] = [];
        const typed = before.nodes.length ? pick(before.nodes).id : null;
        if (typed) for (const title of ['T', 'Ty', 'Typ']) batch.push({ op: 'node.update', id: typed, patch: { title, x: serial++ } });
        for (let i = 0; i < 3; i++) {
          const op = randomOp(before, r, pick, serial++);
          batch.push(op);
          if (op.op === 'node.update') batch.push({ op: 'node.update', id: op.id, patch: { title: `again ${serial}`, x: serial } });
        }
        let change;
        try {
          change = store.apply(batch);
        } catch {
          continue;
        }
        const compactRedo = compactOps(change.applied);
        const compactUndo = compactOps(change.inverse);
        folded += change.applied.length - compactRedo.length;
        const after = store.load();
        expect(withoutModifiedAt(reduceOps(before, compactRedo)), `seed ${SEED} batch ${b}`).toEqual(withoutModifiedAt(reduceOps(before, change.applied)));
        expect(withoutModifiedAt(reduceOps(after, compactUndo)), `seed ${SEED} batch ${b} undo`).toEqual(withoutModifiedAt(reduceOps(after, change.inverse)));
        store.apply(compactUndo);
        expect(withoutModifiedAt(store.load()), `seed ${SEED} batch ${b}: the store undoes with the compacted step`).toEqual(withoutModifiedAt(before));
        store.apply(compactRedo);
      }
      expect(folded).toBeGreaterThan(0);
      store.close();
    });
  });
});
