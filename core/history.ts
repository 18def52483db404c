/**
 * Undo and redo over store changes. Each entry is the inverse the store returned, so undoing is
 * exact and costs one batch. Consecutive entries recorded under the same mark (within 30 s of
 * each other) merge into one step: a run of keystrokes in one field, a run of arrow-key nudges,
 * or a new node and the title typed into it. Selection and viewport never come here.
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
  at: number;
}

export interface HistoryOptions {
  limit?: number;
  /** Entries with the same mark closer together than this (ms) merge. */
  mergeWindowMs?: number;
  now?: () => number;
}

export class UndoHistory {
  private past: Entry[] = [];
  private future: Entry[] = [];
  private readonly limit: number;
  private readonly mergeWindowMs: number;
  private readonly now: () => number;

  constructor(options: HistoryOptions = {}) {
    this.limit = options.limit ?? 500;
    this.mergeWindowMs = options.mergeWindowMs ?? 30_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** Record an applied change. A new change clears the redo stack. */
  record(change: UndoableChange, mark: string | null = null): void {
    if (change.applied.length === 0) return;
    const at = this.now();
    const last = this.past.at(-1);
    this.future = [];
    if (mark !== null && last && last.mark === mark && at - last.at <= this.mergeWindowMs) {
      last.redo = [...last.redo, ...change.applied];
      last.undo = [...change.inverse, ...last.undo];
      last.at = at;
      return;
    }
    this.past.push({ mark, redo: change.applied, undo: change.inverse, at });
    if (this.past.length > this.limit) this.past.shift();
  }

  /** Close the current group so the next change starts a new step even with the same mark. */
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
  undone(): void {
    const entry = this.past.pop();
    if (entry) this.future.push({ ...entry, mark: null });
  }
  redone(): void {
    const entry = this.future.pop();
    if (entry) this.past.push({ ...entry, mark: null });
  }
  clear(): void {
    this.past = [];
    this.future = [];
  }
  get depth(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }
}
