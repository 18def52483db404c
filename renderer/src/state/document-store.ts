/**
 * The open scenario as the window sees it. Edits go to main through the contract; the ops the
 * store applied (cascades spelled out) patch the local copy (core/patch-document), so the UI
 * never reloads the whole file after an edit, and always shows what the file holds. After every
 * applied change the session state (selection, view, viewports) is pruned before anyone is
 * told, so nothing renders a selection of something that is gone. Undo stopping points travel
 * in the same queue as edits.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentView, EditResult } from '../../../core/contract';
import { AppError } from '../../../core/errors';
import type { Op } from '../../../core/ops';
import { reduceOps } from '../../../core/patch-document';
import { call } from '../api';

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
}

type Listener = () => void;

/** What the session needs to hear from the document: see state/session.ts. */
export interface SessionHooks {
  opened(doc: DocumentView['document'] | null): void;
  prune(doc: DocumentView['document']): void;
}

export class DocumentStore {
  private snapshot: DocumentSnapshot = { view: null, saveState: 'saved', lastError: null, answered: 0 };
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
    this.session?.opened(view?.document ?? null);
    this.set({ view, saveState: 'saved', lastError: null, answered: this.snapshot.answered });
  }

  /**
   * Apply ops through main, one at a time, in order. Rejects with the AppError main returned.
   * Edits under one mark join one undo step until the next stopping point (see `stop`).
   */
  edit(ops: Op[], mark: string | null = null): Promise<EditResult> {
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
    this.openMark = null;
    return this.enqueue(() => call('undo', {}));
  }

  redo(): Promise<EditResult | null> {
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
    this.set({ ...this.snapshot, view });
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
