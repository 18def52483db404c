import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../../core/history';
import type { Op } from '../../../core/ops';

const rename = (id: string, title: string): Op => ({ op: 'node.update', id, patch: { title } });

describe('undo grouping', () => {
  it('merges consecutive changes under the same mark into one step, in the right order', () => {
    const history = new UndoHistory();
    history.record({ applied: [rename('a', 'T')], inverse: [rename('a', '')] }, 'title:a');
    history.record({ applied: [rename('a', 'Ty')], inverse: [rename('a', 'T')] }, 'title:a');
    history.record({ applied: [rename('a', 'Typ')], inverse: [rename('a', 'Ty')] }, 'title:a');
    expect(history.depth).toEqual({ undo: 1, redo: 0 });
    // Undo runs the newest inverse first and ends at the value before the first keystroke.
    expect(history.peekUndo()).toEqual([rename('a', 'Ty'), rename('a', 'T'), rename('a', '')]);
    history.undone();
    expect(history.peekRedo()).toEqual([rename('a', 'T'), rename('a', 'Ty'), rename('a', 'Typ')]);
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
