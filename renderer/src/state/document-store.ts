/**
 * The open scenario as the window sees it. Edits go to main through the contract; the ops the
 * store applied (cascades spelled out) patch the local copy (core/patch-document), so the UI
 * never reloads the whole file after an edit, and always shows what the file holds. After every
 * applied change the session state (selection, view, viewports) is pruned before anyone is
 * told, so nothing renders a selection of something that is gone. Undo stopping points travel
 * in the same queue as edits.
 */
import { useSyncExternalStore } from 'react';
import type { CompareBase, DocumentView, EditResult } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import type { Op } from '../../../core/ops';
import { reduceOps } from '../../../core/patch-document';
import { call } from '../api';
import { compareDocuments, type Comparison } from './compare';

export type SaveState = 'saved' | 'saving' | 'failed';

export interface DocumentSnapshot {
  view: DocumentView | null;
  saveState: SaveState;
  lastError: AppError | null;
  /**
   * How many edit requests (edits, undos, redos) main has answered so far, failed ones
   * included. Shown on the save indicator, so a test waits for *its* edit to be answered
   * rather than for "saved", which also holds before the edit starts.
   */
  answered: number;
  /**
   * Set while the window shows a past state (a snapshot, or the state before a history step)
   * instead of the live scenario: the view is then read-only, and `backToLive` returns.
   */
  past: { label: string; compare?: Comparison } | null;
}

type Listener = () => void;

/** What the session needs to hear from the document: see state/session.ts. */
export interface SessionHooks {
  opened(doc: DocumentView['document'] | null): void;
  prune(doc: DocumentView['document']): void;
}

export class DocumentStore {
  private snapshot: DocumentSnapshot = { view: null, saveState: 'saved', lastError: null, answered: 0, past: null };
  /** The live scenario's view while a past state is shown. */
  private live: DocumentView | null = null;
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** The mark of the last edit sent, until a stopping point is sent after it. */
  private openMark: string | null = null;

  constructor(private readonly session: SessionHooks | null = null) {}

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): DocumentSnapshot => this.snapshot;

  setView(view: DocumentView | null): void {
    this.openMark = null;
    this.live = null;
    this.session?.opened(view?.document ?? null);
    this.set({ view, saveState: 'saved', lastError: null, answered: this.snapshot.answered, past: null });
  }

  /**
   * Show `document` (a snapshot, or the scenario before a history step) read-only in place of
   * the live scenario, after every edit already sent is answered. Nothing can be edited until
   * `backToLive`; the file is not touched.
   */
  async viewPast(label: string, document: DocumentView['document']): Promise<void> {
    await this.queue;
    const live = this.live ?? this.snapshot.view;
    if (!live) return;
    this.live = live;
    this.openMark = null;
    this.session?.prune(document);
    this.set({
      ...this.snapshot,
      view: { ...live, document, readOnly: { code: 'READ_ONLY', message: `viewing ${label}. Nothing here can be changed.` }, history: { canUndo: false, canRedo: false } },
      past: { label },
    });
  }

  /**
   * The compare view: the live scenario, read-only, marked with what changed since `base` (a
   * snapshot, or another file). Left like a past state, by `backToLive`; the file is not touched.
   */
  async viewCompare(baseLabel: string, against: CompareBase, base: DocumentView['document']): Promise<void> {
    await this.queue;
    const live = this.live ?? this.snapshot.view;
    if (!live) return;
    const compare = compareDocuments(baseLabel, against, base, live.document);
    await this.viewPast(`the compare view against ${baseLabel}`, live.document);
    if (this.snapshot.past) this.set({ ...this.snapshot, past: { ...this.snapshot.past, compare } });
  }

  /** Back from a past state to the live scenario, as it is now. */
  backToLive(): void {
    const live = this.live;
    if (!live) return;
    this.live = null;
    this.session?.prune(live.document);
    this.set({ ...this.snapshot, view: live, past: null });
  }

  /** A past state is read-only: an edit, undo or redo sent from it is refused here, before main. */
  private refuseInPast(): void {
    if (this.snapshot.past) throw new AppError('READ_ONLY', `This is ${this.snapshot.past.label}, shown read-only. Go back to the live scenario to edit.`);
  }

  /**
   * Apply ops through main, one at a time, in order. Rejects with the AppError main returned.
   * Edits under one mark join one undo step until the next stopping point (see `stop`).
   */
  edit(ops: Op[], mark: string | null = null): Promise<EditResult> {
    try {
      this.refuseInPast();
    } catch (error) {
      return Promise.reject(error);
    }
    this.openMark = mark;
    return this.enqueue(() => call('applyOps', { ops, mark }));
  }

  /**
   * An undo stopping point: where a gesture starts or the user leaves a field. Sent in order with
   * the edits, and only when the last edit left a step open (so a click costs no round trip).
   */
  stop(): void {
    if (this.openMark === null || !this.snapshot.view) return;
    this.openMark = null;
    const seal = this.queue.then(() => call('sealHistory', {}));
    this.queue = seal.catch(() => undefined);
  }

  undo(): Promise<EditResult | null> {
    if (this.snapshot.past) return Promise.resolve(null);
    this.openMark = null;
    return this.enqueue(() => call('undo', {}));
  }

  redo(): Promise<EditResult | null> {
    if (this.snapshot.past) return Promise.resolve(null);
    this.openMark = null;
    return this.enqueue(() => call('redo', {}));
  }

  /**
   * Show "Saving…" while work that ends in an edit runs (e.g. a layout computed in a worker
   * before its positions are written), so the saved state never claims too early.
   */
  async during<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    this.set({ ...this.snapshot, saveState: 'saving' });
    try {
      return await work();
    } finally {
      this.pending--;
      if (this.snapshot.saveState === 'saving' && this.pending === 0) this.set({ ...this.snapshot, saveState: 'saved' });
    }
  }

  /** Reload from the file, e.g. after a failed edit, so the UI shows exactly what it holds. */
  async reload(): Promise<void> {
    const view = await call('currentScenario', {});
    if (view) this.session?.prune(view.document);
    this.live = null;
    this.set({ ...this.snapshot, view, past: null });
  }

  private enqueue<T extends EditResult | null>(run: () => Promise<T>): Promise<T> {
    this.pending++;
    this.set({ ...this.snapshot, saveState: 'saving' });
    const task = this.queue.then(run).then(
      (result) => {
        this.pending--;
        if (result) this.absorb(result);
        else this.set({ ...this.snapshot, saveState: this.pending ? 'saving' : 'saved', answered: this.snapshot.answered + 1 });
        return result;
      },
      async (error: unknown) => {
        this.pending--;
        const appError = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
        this.set({ ...this.snapshot, saveState: 'failed', lastError: appError, answered: this.snapshot.answered + 1 });
        await this.reload().catch(() => undefined);
        throw appError;
      },
    );
    this.queue = task.catch(() => undefined);
    return task;
  }

  private absorb(result: EditResult): void {
    const view = this.snapshot.view;
    const answered = this.snapshot.answered + 1;
    if (!view) return this.set({ ...this.snapshot, saveState: this.pending ? 'saving' : 'saved', answered });
    const document = reduceOps(view.document, result.change.applied);
    this.session?.prune(document);
    this.set({
      view: {
        ...view,
        document: { ...document, scenario: { ...document.scenario, modifiedAt: result.modifiedAt } },
        history: result.history,
      },
      saveState: this.pending ? 'saving' : 'saved',
      lastError: null,
      answered,
      past: this.snapshot.past,
    });
  }

  private set(next: DocumentSnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

export function useDocument(store: DocumentStore): DocumentSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
