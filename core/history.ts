/**
 * Undo and redo over store changes. Each entry is the inverse the store returned, so undoing is
 * exact and costs one batch. Consecutive entries recorded under the same mark merge into one
 * step (a run of keystrokes in one field, a run of arrow-key nudges, a new node and the title
 * typed into it) until a stopping point: `seal()`, which the renderer calls where a gesture
 * starts and when the user leaves a field, or an undo or redo. Time plays no part, so two
 * separate edits of one field are two steps however close together they are.
 * Selection and viewport never come here.
 *
 * History survives closing: every change to the stacks is mirrored, in the same transaction as
 * the edit, to a `HistoryLog` (the file's `history` table, db/history-log.ts), and a reopened
 * file starts with the steps it left with. The log is bounded (HISTORY_BOUND) and each step is
 * compacted (core/history-compact.ts).
 */
import { AppError } from './errors';
import { compactOps } from './history-compact';
import type { ScenarioDocument } from './model';
import type { Op } from './ops';
import { reduceOps } from './patch-document';

/** A change as history needs it: the ops applied (to redo) and their inverse (to undo). */
export interface UndoableChange {
  applied: Op[];
  inverse: Op[];
}

/** Who made a step, and when. */
export interface StepMeta {
  at: string;
  author: string;
}

/** One undo step as it is kept (in memory and in the file). */
export interface HistoryStep extends StepMeta {
  redo: Op[];
  undo: Op[];
}

/**
 * How much history a file keeps: at most `steps` undo steps, and the steps' ops at most `bytes`
 * of JSON (the newest step is kept whatever its size, so the last change, even a merge of a
 * large copy, can always be undone). Older steps are dropped first.
 */
export const HISTORY_BOUND = { steps: 500, bytes: 16 * 1024 * 1024 } as const;

/**
 * Where the stacks are mirrored. `past` is oldest first; `future` has the next redo first.
 * Each method is called before the in-memory stacks change, so a failed write changes nothing.
 */
export interface HistoryLog {
  /** A new step on top of `past`; `future` is emptied. */
  push(step: HistoryStep): void;
  /** The top step of `past` grew (an edit under the same mark). */
  replaceTop(step: HistoryStep): void;
  /** The top of `past` moved to the front of `future`. */
  undone(): void;
  /** The front of `future` moved back on top of `past`. */
  redone(): void;
  /** The `count` oldest steps of `past` were dropped. */
  dropOldest(count: number): void;
}

interface Entry extends HistoryStep {
  mark: string | null;
  bytes: number;
}

export interface HistoryOptions {
  limit?: number;
  maxBytes?: number;
  log?: HistoryLog;
  /** The steps a reopened file left with (all sealed). */
  restored?: { past: readonly HistoryStep[]; future: readonly HistoryStep[] };
}

/** The UTF-8 size of a text without encoding it: CJK titles take 3 bytes a character, not 1. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair: one character outside the BMP
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const sizeOf = (step: HistoryStep): number => utf8Bytes(JSON.stringify(step.redo)) + utf8Bytes(JSON.stringify(step.undo));
const entryOf = (step: HistoryStep, mark: string | null): Entry => ({ ...step, mark, bytes: sizeOf(step) });
const stepOf = ({ at, author, redo, undo }: Entry): HistoryStep => ({ at, author, redo, undo });

export class UndoHistory {
  private past: Entry[];
  private future: Entry[];
  private readonly limit: number;
  private readonly maxBytes: number;
  private readonly log: HistoryLog | null;

  constructor(options: HistoryOptions = {}) {
    this.limit = options.limit ?? HISTORY_BOUND.steps;
    this.maxBytes = options.maxBytes ?? HISTORY_BOUND.bytes;
    this.log = options.log ?? null;
    this.past = (options.restored?.past ?? []).map((s) => entryOf(s, null));
    // Kept as a stack: the next redo last.
    this.future = [...(options.restored?.future ?? [])].reverse().map((s) => entryOf(s, null));
  }

  /** Record an applied change. A new change clears the redo stack. */
  record(change: UndoableChange, mark: string | null = null, meta: StepMeta = { at: new Date().toISOString(), author: '' }): void {
    if (change.applied.length === 0) return;
    const last = this.past.at(-1);
    if (mark !== null && last && last.mark === mark && this.future.length === 0) {
      const grown = entryOf(
        { at: meta.at, author: last.author, redo: compactOps([...last.redo, ...change.applied]), undo: compactOps([...change.inverse, ...last.undo]) },
        mark,
      );
      this.log?.replaceTop(stepOf(grown));
      this.past[this.past.length - 1] = grown;
    } else {
      const entry = entryOf({ ...meta, redo: compactOps(change.applied), undo: compactOps(change.inverse) }, mark);
      this.log?.push(stepOf(entry));
      this.future = [];
      this.past.push(entry);
    }
    this.trim();
  }

  /** Drop the oldest steps beyond the bound (never the newest). */
  private trim(): void {
    let bytes = 0;
    for (const e of this.past) bytes += e.bytes;
    let drop = 0;
    while (this.past.length - drop > 1 && (this.past.length - drop > this.limit || bytes > this.maxBytes)) {
      bytes -= this.past[drop]!.bytes;
      drop++;
    }
    if (drop === 0) return;
    this.log?.dropOldest(drop);
    this.past = this.past.slice(drop);
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
    const entry = this.past.at(-1);
    if (!entry) return;
    this.log?.undone();
    this.past.pop();
    this.future.push({ ...entry, mark: null });
    this.seal();
  }
  redone(): void {
    const entry = this.future.at(-1);
    if (!entry) return;
    this.log?.redone();
    this.future.pop();
    this.past.push({ ...entry, mark: null });
    this.seal();
  }
  get depth(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }

  /** Every step, oldest first: those that can be undone, then those that can be redone (next first). */
  steps(): { past: HistoryStep[]; future: HistoryStep[] } {
    return { past: this.past.map(stepOf), future: [...this.future].reverse().map(stepOf) };
  }
}

/**
 * The document as it was just before step `index` of `steps.past` followed by `steps.future`
 * (oldest first), worked out from `current` without touching the file: the undo ops of the done
 * steps from the newest back to `index`, or the redo ops of the undone steps before it.
 */
export function stateBeforeStep(current: ScenarioDocument, steps: { past: readonly HistoryStep[]; future: readonly HistoryStep[] }, index: number): ScenarioDocument {
  const { past, future } = steps;
  if (index < 0 || index >= past.length + future.length) throw new AppError('NOT_FOUND', 'That step is no longer in the history.');
  let doc = current;
  if (index < past.length) for (let k = past.length - 1; k >= index; k--) doc = reduceOps(doc, past[k]!.undo);
  else for (let k = 0; k < index - past.length; k++) doc = reduceOps(doc, future[k]!.redo);
  return doc;
}
