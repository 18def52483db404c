/**
 * Which scenario each window shows. A session owns the open store and its undo history;
 * sessions are passed around, never held in module state, so two windows (or two tests)
 * never share a document.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isInsideFolder } from './asset-path';
import type { DocumentView } from '../../core/contract';
import { AppError } from '../../core/errors';
import type { UndoHistory } from '../../core/history';
import { newId } from '../../core/model';
import { createScenarioFile, historyOfStore, openScenarioFileBounded, refuseOutputOnto, type BoundedOptions, type OffThreadChecks, type OpenResult, type ProtectedFile, type ScenarioStore } from '../../db';
import type { ScenarioDocument } from '../../core/model';

export interface Session {
  store: ScenarioStore;
  /** Restored from the file's log when it opens, and mirrored to it on every change. */
  history: UndoHistory;
  /** The name history records as the author of each step (the app's settings). */
  author: () => string;
  /** Lives in the app's data folder until Save As. */
  untitled: boolean;
}

export class SessionRegistry {
  private readonly byWindow = new Map<number, Session>();
  /** The damaged file each window last failed to open, so it can offer to recover it. */
  private readonly damagedByWindow = new Map<number, string>();
  /** The open each window is waiting on (a large file's checks run off this thread, db/open-bounded.ts). */
  private readonly openingByWindow = new Map<number, symbol>();

  constructor(
    private readonly userDataDir: string,
    private readonly openOptions: BoundedOptions,
    private readonly author: () => string = () => '',
    /** Where a large file's checks run: a worker with a time bound (main/open/run.ts). */
    private readonly offThread: OffThreadChecks,
  ) {}

  get untitledDir(): string {
    return join(this.userDataDir, 'untitled');
  }

  get(windowId: number): Session | undefined {
    return this.byWindow.get(windowId);
  }

  require(windowId: number): Session {
    const session = this.byWindow.get(windowId);
    if (!session) throw new AppError('NO_DOCUMENT', 'No scenario is open in this window.');
    return session;
  }

  /** The window already showing this file, if any. */
  windowOf(path: string): number | undefined {
    const wanted = resolve(path);
    for (const [windowId, session] of this.byWindow) if (resolve(session.store.path) === wanted) return windowId;
    return undefined;
  }

  /**
   * Refuse (one line, nothing written) a write of ours (export, Save As, Save a Copy, recovery,
   * merge output) whose target is any scenario open in a window, or one of `inputs`: by file
   * identity, so a link or another spelling of the path is caught too.
   */
  refuseOutputOnto(target: string, inputs: readonly ProtectedFile[] = []): void {
    const open = [...this.byWindow.values()].map((s): ProtectedFile => ({ path: s.store.path, role: 'a scenario open in a window; close it first or choose another name', code: 'ALREADY_OPEN' }));
    refuseOutputOnto(target, [...inputs, ...open]);
  }

  /**
   * Open `path` for a window. While a large file is checked the window may close, or ask for
   * another file: then the file opened here is closed again and the open reports CANCELLED.
   */
  async openFile(windowId: number, path: string): Promise<Session> {
    const untitled = isInsideFolder(this.untitledDir, path);
    const token = Symbol(path);
    this.openingByWindow.set(windowId, token);
    const opened = await openScenarioFileBounded(path, this.openOptions, this.offThread);
    const current = this.openingByWindow.get(windowId) === token;
    if (current) this.openingByWindow.delete(windowId);
    const store = unwrap(opened);
    if (!current) {
      store.close();
      throw new AppError('CANCELLED', `Opening ${path} was cancelled: the window closed or opened another file meanwhile.`);
    }
    return this.bind(windowId, store, untitled);
  }

  /**
   * Read another scenario file, read-only, for a window that compares with it or merges it in:
   * checked with the same time bound as any open (a large file off the main thread), never bound
   * to a window. The caller closes the store.
   */
  async readOther(path: string): Promise<ScenarioStore> {
    return unwrap(await openScenarioFileBounded(path, { ...this.openOptions, readOnly: true }, this.offThread));
  }

  createUntitled(windowId: number, title: string, document?: ScenarioDocument): Session {
    return this.bind(windowId, unwrap(createScenarioFile(this.newUntitledPath(), { title, document }, this.openOptions)), true);
  }

  /** Create an untitled scenario file without opening it in a window; returns its path. */
  createUntitledFile(title: string, document?: ScenarioDocument): string {
    const path = this.newUntitledPath();
    unwrap(createScenarioFile(path, { title, document }, this.openOptions)).close();
    return path;
  }

  newUntitledPath(): string {
    mkdirSync(this.untitledDir, { recursive: true });
    return join(this.untitledDir, `${newId()}.scenario`);
  }

  /** Where a damaged untitled scenario is kept, out of the way, once what it held was recovered. */
  get damagedUntitledDir(): string {
    return join(this.untitledDir, 'damaged');
  }

  /** Untitled scenarios left behind by a crash (or a closed window) that no window shows. */
  orphanedUntitled(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.untitledDir);
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.scenario'))
      .map((name) => join(this.untitledDir, name))
      .filter((path) => this.windowOf(path) === undefined && statSync(path).size > 0);
  }

  /** A store opened elsewhere (e.g. by recovery) becomes this window's scenario, with a fresh history. */
  adopt(windowId: number, store: ScenarioStore, untitled: boolean): Session {
    return this.bind(windowId, store, untitled);
  }

  noteDamaged(windowId: number, path: string): void {
    this.damagedByWindow.set(windowId, resolve(path));
  }

  /** The damaged file this window last failed to open; taken, so it is offered once. */
  takeDamaged(windowId: number): string | undefined {
    const path = this.damagedByWindow.get(windowId);
    this.damagedByWindow.delete(windowId);
    return path;
  }

  /**
   * Replace a window's store by another (after Save As). The copy holds the same history log,
   * so the history is read back from it and mirrored there from now on.
   */
  rebind(windowId: number, store: ScenarioStore, untitled: boolean): Session {
    const session = this.require(windowId);
    const next = { ...session, store, untitled, history: historyOfStore(store) };
    this.byWindow.set(windowId, next);
    return next;
  }

  close(windowId: number): void {
    this.openingByWindow.delete(windowId);
    const session = this.byWindow.get(windowId);
    if (!session) return;
    this.byWindow.delete(windowId);
    const discard = session.untitled && isEmptyScenario(session);
    session.store.close();
    if (discard) rmSync(session.store.path, { force: true });
  }

  closeAll(): void {
    for (const windowId of [...this.byWindow.keys()]) this.close(windowId);
  }

  private bind(windowId: number, store: ScenarioStore, untitled: boolean): Session {
    this.close(windowId);
    let history: UndoHistory;
    try {
      history = historyOfStore(store);
    } catch (err) {
      store.close();
      throw err;
    }
    const session: Session = { store, history, untitled, author: this.author };
    this.byWindow.set(windowId, session);
    return session;
  }
}

function isEmptyScenario(session: Session): boolean {
  try {
    const counts = session.store.info().counts;
    return counts.trigger + counts.crisis + counts.impact + counts.response === 0;
  } catch {
    return false; // unreadable now (closed, gone): keep whatever is on disk
  }
}

export function unwrap(result: OpenResult): ScenarioStore {
  if (!result.ok) throw new AppError(result.error.code, result.error.message);
  return result.store;
}

export function documentView(session: Session): DocumentView {
  const path = session.store.path;
  return {
    fileName: session.untitled ? 'Untitled scenario' : basename(path),
    displayPath: session.untitled ? '' : path,
    untitled: session.untitled,
    readOnly: session.store.readOnly,
    document: session.store.load(),
    history: { canUndo: session.history.canUndo(), canRedo: session.history.canRedo() },
  };
}
