/**
 * Undo and redo over store changes. Each entry is the inverse the store returned, so undoing is
 * exact and costs one batch. Consecutive entries recorded under the same mark merge into one
 * step (a run of keystrokes in one field, a run of arrow-key nudges, a new node and the title
 * typed into it) until a stopping point: `seal()`, which the renderer calls where a gesture
 * starts and when the user leaves a field, or an undo or redo. Time plays no part, so two
 * separate edits of one field are two steps however close together they are.
 * Selection and viewport never come here.
 */
import type { Op } from './ops';

/** A change as history needs it: the ops applied (to redo) and their inverse (to undo). */
export interface UndoableChange {
  applied: Op[];
  inverse: Op[];
}

interface Entry {
  mark: string | null;
  redo: Op[];
  undo: Op[];
}

export interface HistoryOptions {
  limit?: number;
}

export class UndoHistory {
  private past: Entry[] = [];
  private future: Entry[] = [];
  private readonly limit: number;

  constructor(options: HistoryOptions = {}) {
    this.limit = options.limit ?? 500;
  }

  /** Record an applied change. A new change clears the redo stack. */
  record(change: UndoableChange, mark: string | null = null): void {
    if (change.applied.length === 0) return;
    const last = this.past.at(-1);
    this.future = [];
    if (mark !== null && last && last.mark === mark) {
      last.redo = [...last.redo, ...change.applied];
      last.undo = [...change.inverse, ...last.undo];
      return;
    }
    this.past.push({ mark, redo: change.applied, undo: change.inverse });
    if (this.past.length > this.limit) this.past.shift();
  }

  /** A stopping point: the next change starts a new step even under the same mark. */
  seal(): void {
    const last = this.past.at(-1);
    if (last) last.mark = null;
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }
  canRedo(): boolean {
    return this.future.length > 0;
  }

  /** The ops that undo the last step; call `undone` once they are applied. */
  peekUndo(): Op[] | null {
    return this.past.at(-1)?.undo ?? null;
  }
  peekRedo(): Op[] | null {
    return this.future.at(-1)?.redo ?? null;
  }
  /** Undo and redo are stopping points too: nothing typed afterwards joins a step from before. */
  undone(): void {
    const entry = this.past.pop();
    if (entry) this.future.push({ ...entry, mark: null });
    this.seal();
  }
  redone(): void {
    const entry = this.future.pop();
    if (entry) this.past.push({ ...entry, mark: null });
    this.seal();
  }
  clear(): void {
    this.past = [];
    this.future = [];
  }
  get depth(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }
}
