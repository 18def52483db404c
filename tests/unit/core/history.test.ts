import { describe, expect, it } from 'vitest';
import { UndoHistory, utf8Bytes, type HistoryLog, type HistoryStep } from '../../../core/history';
import type { Op } from '../../../core/ops';

const rename = (id: string, title: string): Op => ({ op: 'node.update', id, patch: { title } });

describe('undo grouping', () => {
  it('merges consecutive changes under the same mark into one step, in the right order', () => {
    const history = new UndoHistory();
    history.record({ applied: [rename('a', 'T')], inverse: [rename('a', '')] }, 'title:a');
    history.record({ applied: [rename('a', 'Ty')], inverse: [rename('a', 'T')] }, 'title:a');
    history.record({ applied: [rename('a', 'Typ')], inverse: [rename('a', 'Ty')] }, 'title:a');
    expect(history.depth).toEqual({ undo: 1, redo: 0 });
    // Undo ends at the value before the first keystroke; the keystrokes are compacted into one patch.
    expect(history.peekUndo()).toEqual([rename('a', '')]);
    history.undone();
    expect(history.peekRedo()).toEqual([rename('a', 'Typ')]);
  });

  it('starts a new step for another mark, no mark, or after a stopping point; never by time', () => {
    const history = new UndoHistory();
    history.record({ applied: [rename('a', '1')], inverse: [rename('a', '0')] }, 'title:a');
    history.record({ applied: [rename('b', '1')], inverse: [rename('b', '0')] }, 'title:b');
    history.record({ applied: [rename('b', '2')], inverse: [rename('b', '1')] }, null);
    history.record({ applied: [rename('b', '3')], inverse: [rename('b', '2')] }, null);
    history.record({ applied: [rename('b', '4')], inverse: [rename('b', '3')] }, 'title:b');
    history.record({ applied: [rename('b', '5')], inverse: [rename('b', '4')] }, 'title:b'); // joins 4
    expect(history.depth.undo).toBe(5);
    history.seal(); // the user left the field
    history.record({ applied: [rename('b', '6')], inverse: [rename('b', '5')] }, 'title:b');
    expect(history.depth.undo).toBe(6);
  });

  it('treats undo and redo as stopping points', () => {
    const history = new UndoHistory();
    history.record({ applied: [rename('a', '1')], inverse: [rename('a', '0')] }, 'title:a');
    history.record({ applied: [rename('b', '1')], inverse: [rename('b', '0')] }, 'title:b');
    history.undone();
    history.record({ applied: [rename('a', '2')], inverse: [rename('a', '1')] }, 'title:a');
    expect(history.depth.undo).toBe(2);
    history.undone();
    history.redone();
    history.record({ applied: [rename('a', '3')], inverse: [rename('a', '2')] }, 'title:a');
    expect(history.depth.undo).toBe(3);
  });

  it('clears redo when a new change is recorded, and never merges into an undone step', () => {
    const history = new UndoHistory();
    history.record({ applied: [rename('a', '1')], inverse: [rename('a', '0')] }, 'm');
    history.undone();
    expect(history.canRedo()).toBe(true);
    history.redone();
    history.record({ applied: [rename('a', '2')], inverse: [rename('a', '1')] }, 'm');
    expect(history.depth).toEqual({ undo: 2, redo: 0 });
    history.undone();
    history.record({ applied: [rename('a', '3')], inverse: [rename('a', '1')] }, null);
    expect(history.canRedo()).toBe(false);
  });

  it('ignores empty changes and keeps at most `limit` steps', () => {
    const history = new UndoHistory({ limit: 3 });
    history.record({ applied: [], inverse: [] });
    expect(history.canUndo()).toBe(false);
    for (let i = 0; i < 5; i++) history.record({ applied: [rename('a', `${i}`)], inverse: [rename('a', `${i - 1}`)] });
    expect(history.depth.undo).toBe(3);
    expect(history.peekUndo()).toEqual([rename('a', '3')]);
  });
});

/** A log that keeps the stacks the way the file's table does: rows in order, each done or undone. */
function tableLog(): HistoryLog & { rows: { state: 'done' | 'undone'; step: HistoryStep }[] } {
  const rows: { state: 'done' | 'undone'; step: HistoryStep }[] = [];
  return {
    rows,
    push(step) {
      for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.state === 'undone') rows.splice(i, 1);
      rows.push({ state: 'done', step });
    },
    replaceTop(step) {
      rows[rows.map((r) => r.state).lastIndexOf('done')]!.step = step;
    },
    undone() {
      rows[rows.map((r) => r.state).lastIndexOf('done')]!.state = 'undone';
    },
    redone() {
      rows[rows.findIndex((r) => r.state === 'undone')]!.state = 'done';
    },
    dropOldest(count) {
      rows.splice(0, count);
    },
  };
}

const meta = (i: number) => ({ at: `2026-12-05T12:00:0${i}.000Z`, author: `planner ${i}` });

describe('history kept in a log', () => {
  it('mirrors every change to the stacks, and a history restored from the log undoes and redoes the same', () => {
    const log = tableLog();
    const history = new UndoHistory({ log });
    history.record({ applied: [rename('a', '1')], inverse: [rename('a', '0')] }, 'title:a', meta(1));
    history.record({ applied: [rename('a', '12')], inverse: [rename('a', '1')] }, 'title:a', meta(2));
    history.record({ applied: [rename('b', '1')], inverse: [rename('b', '0')] }, null, meta(3));
    history.record({ applied: [rename('c', '1')], inverse: [rename('c', '0')] }, null, meta(4));
    history.undone();
    expect(log.rows.map((r) => r.state)).toEqual(['done', 'done', 'undone']);
    // The grown step keeps its first author and takes the time of its last edit.
    expect(log.rows[0]!.step).toMatchObject({ author: 'planner 1', at: meta(2).at, redo: [rename('a', '12')], undo: [rename('a', '0')] });

    const reopened = new UndoHistory({
      restored: { past: log.rows.filter((r) => r.state === 'done').map((r) => r.step), future: log.rows.filter((r) => r.state === 'undone').map((r) => r.step) },
    });
    expect(reopened.steps()).toEqual(history.steps());
    expect(reopened.peekUndo()).toEqual([rename('b', '0')]);
    expect(reopened.peekRedo()).toEqual([rename('c', '1')]);
    // A restored step is sealed: an edit under the old mark starts a new step.
    reopened.record({ applied: [rename('a', '123')], inverse: [rename('a', '12')] }, 'title:a', meta(5));
    expect(reopened.depth).toEqual({ undo: 3, redo: 0 });
  });

  it('keeps the log to the bound: oldest steps go first, the newest stays whatever its size', () => {
    const log = tableLog();
    const history = new UndoHistory({ log, limit: 3, maxBytes: 400 });
    for (let i = 0; i < 4; i++) history.record({ applied: [rename(`n${i}`, 'x')], inverse: [rename(`n${i}`, '')] }, null, meta(i));
    expect(log.rows.map((r) => r.step.redo)).toEqual([[rename('n1', 'x')], [rename('n2', 'x')], [rename('n3', 'x')]]);
    const big = rename('big', 'y'.repeat(500));
    history.record({ applied: [big], inverse: [rename('big', '')] }, null, meta(5));
    expect(log.rows.map((r) => r.step.redo)).toEqual([[big]]);
    expect(history.depth).toEqual({ undo: 1, redo: 0 });
  });

  it('counts the bound in UTF-8 bytes, as the file stores the text, not in UTF-16 units', () => {
    for (const text of ['plain', 'Açaí', '朝鮮半島', '한국어', 'emoji 🌊', '\ud800 lone surrogate']) expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
    // 150 Japanese characters are 150 units but 450 bytes: past a 400-byte bound, the older step goes.
    const log = tableLog();
    const history = new UndoHistory({ log, limit: 10, maxBytes: 400 });
    history.record({ applied: [rename('a', 'x')], inverse: [rename('a', '')] }, null, meta(1));
    history.record({ applied: [rename('b', '津'.repeat(150))], inverse: [rename('b', '')] }, null, meta(2));
    expect(log.rows.map((r) => r.step.redo[0])).toEqual([rename('b', '津'.repeat(150))]);
  });

  it('changes nothing in memory when the log refuses a write (the edit is rolled back with it)', () => {
    const log = tableLog();
    const history = new UndoHistory({ log });
    history.record({ applied: [rename('a', '1')], inverse: [rename('a', '0')] }, null, meta(1));
    log.undone = () => {
      throw new Error('disk full');
    };
    expect(() => history.undone()).toThrow('disk full');
    expect(history.depth).toEqual({ undo: 1, redo: 0 });
  });
});
