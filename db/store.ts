/**
 * An open scenario file: one connection, its prepared statements, and the document operations.
 * Each apply() is one transaction committed before it returns, so an acknowledged edit is on disk.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database, Transaction } from 'better-sqlite3';
import { AppError, type AppErrorShape } from '../core/errors';
import type { ReadOnlyReason } from '../core/contract';
import type { ScenarioDocument } from '../core/model';
import type { HistoryLog, HistoryStep } from '../core/history';
import type { Op } from '../core/ops';
import { applyOps, type AppliedChange } from './apply';
import { readHistoryLog, sqliteHistoryLog } from './history-log';
import { loadDocument, readCounts, type CrisisSummary, type FileCounts } from './load';
import { saveCopy } from './save-as';
import {
  createSnapshot, deleteSnapshot, findSnapshot, listSnapshots, readLineage, readSnapshot, writeLineage,
  type Lineage, type SnapshotInfo, type SnapshotKind,
} from './snapshots';
import { toAppError } from './sqlite-errors';
import { prepareStatements, type Statements } from './statements';

export interface FileInfo {
  path: string;
  formatVersion: number;
  applicationId: number;
  title: string;
  counts: FileCounts;
  crises: CrisisSummary[];
  readOnly: ReadOnlyReason | null;
}

export interface ScenarioStore {
  readonly path: string;
  readonly readOnly: ReadOnlyReason | null;
  load(): ScenarioDocument;
  info(): FileInfo;
  apply(ops: Op[]): AppliedChange;
  /**
   * Run `work` (an apply and the history's record of it) as ONE transaction: the edit and its
   * undo step reach the file together or not at all.
   */
  atomically<T>(work: () => T): T;
  /** The undo steps kept in the file (db/history-log.ts), read and validated at open. */
  historySteps(): { past: HistoryStep[]; future: HistoryStep[] };
  /** Where the session's undo history mirrors its steps; null for a read-only file. */
  historyLog(): HistoryLog | null;
  saveAs(target: string): void;
  /** Named snapshots kept inside the file (db/snapshots.ts). */
  createSnapshot(name: string, kind: SnapshotKind, author: string): SnapshotInfo;
  listSnapshots(): SnapshotInfo[];
  /** By id, or by name (the newest of that name). */
  findSnapshot(idOrName: string): SnapshotInfo;
  readSnapshot(id: string): ScenarioDocument;
  deleteSnapshot(id: string): void;
  /** Which snapshot this file was copied at, when it is a copy made for review. */
  lineage(): Lineage | null;
  /**
   * Save a Copy for review: a snapshot here, then a copy that records it as its lineage, so the
   * two files share a base to merge against later. Returns the snapshot.
   */
  saveCopyForReview(target: string, author: string): SnapshotInfo;
  close(): void;
}

/**
 * What the open-time checks read and validated, every row of it: the document, the undo steps
 * and the file's format version. A check run off the main thread (db/open-bounded.ts) hands
 * these over, so the store that opens the file need not read it again.
 */
export interface VerifiedContents {
  formatVersion: number;
  document: ScenarioDocument;
  history: { past: HistoryStep[]; future: HistoryStep[] };
}

export type OpenResult = { ok: true; store: ScenarioStore } | { ok: false; error: AppErrorShape };

interface FileIdentity {
  dev: number;
  ino: number;
}

export class SqliteScenarioStore implements ScenarioStore {
  private readonly statements: Statements;
  private readonly identity: FileIdentity;
  private readonly applyInTransaction: Transaction<(ops: readonly unknown[], modifiedAt: string) => AppliedChange>;
  private closed = false;
  /** The document read and validated at open, handed to the first load() unless an edit came first. */
  private opened: ScenarioDocument | null = null;
  /** The undo steps read and validated at open, handed to the first historySteps(). */
  private openedHistory: { past: HistoryStep[]; future: HistoryStep[] } | null = null;

  constructor(
    private readonly db: Database,
    readonly path: string,
    readonly readOnly: ReadOnlyReason | null,
    readonly formatVersion: number,
    private readonly applicationId: number,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.statements = prepareStatements(db);
    this.applyInTransaction = db.transaction((ops: readonly unknown[], modifiedAt: string) => applyOps(this.statements, ops, modifiedAt));
    const stats = statSync(path);
    this.identity = { dev: stats.dev, ino: stats.ino };
  }

  /**
   * Read and validate every row now, so that opening refuses a file with a bad row; the result
   * is kept for the first load(), which the app makes straight after opening.
   */
  verifyContents(): void {
    this.assertOpen();
    this.opened = this.load();
    this.openedHistory = this.historySteps();
  }

  /**
   * Take what a check of this same file read and validated, instead of reading it again. The
   * caller vouches that the file cannot have changed since: it held a lock that keeps every
   * writer out from before that check began (db/open-bounded.ts).
   */
  adoptVerifiedContents(contents: VerifiedContents): void {
    this.assertOpen();
    if (contents.formatVersion !== this.formatVersion) throw new AppError('INTERNAL', `The checked contents are of format ${contents.formatVersion}, the file of ${this.formatVersion}.`);
    this.opened = contents.document;
    this.openedHistory = contents.history;
  }

  /** What verifyContents() read, handed out once (the open check's worker sends it back). */
  takeVerifiedContents(): VerifiedContents {
    return { formatVersion: this.formatVersion, document: this.load(), history: this.historySteps() };
  }

  historySteps(): { past: HistoryStep[]; future: HistoryStep[] } {
    this.assertOpen();
    const opened = this.openedHistory;
    if (opened) {
      this.openedHistory = null;
      return opened;
    }
    try {
      return readHistoryLog(this.db);
    } catch (err) {
      throw toAppError(err, 'Reading the undo history');
    }
  }

  historyLog(): HistoryLog | null {
    this.assertOpen();
    return this.readOnly ? null : sqliteHistoryLog(this.db);
  }

  atomically<T>(work: () => T): T {
    this.assertOpen();
    try {
      return this.db.transaction(work).immediate();
    } catch (err) {
      throw toAppError(err, 'The change was not saved');
    }
  }

  load(): ScenarioDocument {
    this.assertOpen();
    const opened = this.opened;
    if (opened) {
      this.opened = null;
      return opened;
    }
    try {
      return loadDocument(this.statements);
    } catch (err) {
      throw toAppError(err, 'Reading the scenario');
    }
  }

  info(): FileInfo {
    this.assertOpen();
    const { title, counts, crises } = readCounts(this.statements);
    return { path: this.path, formatVersion: this.formatVersion, applicationId: this.applicationId, title, counts, crises, readOnly: this.readOnly };
  }

  apply(ops: Op[]): AppliedChange {
    this.assertOpen();
    if (this.readOnly) throw new AppError('READ_ONLY', `This scenario is open read-only: ${this.readOnly.message}`);
    this.assertFileInPlace();
    const modifiedAt = this.clock().toISOString();
    this.opened = null;
    this.openedHistory = null;
    try {
      return this.applyInTransaction.immediate(ops, modifiedAt);
    } catch (err) {
      throw toAppError(err, 'The change was not saved');
    }
  }

  saveAs(target: string): void {
    this.assertOpen();
    saveCopy(this.db, this.path, this.identity, target);
  }

  createSnapshot(name: string, kind: SnapshotKind, author: string): SnapshotInfo {
    this.assertWritable();
    const doc = this.load();
    try {
      return createSnapshot(this.db, doc, { name, kind, author, at: this.clock().toISOString() });
    } catch (err) {
      throw toAppError(err, 'The snapshot was not saved');
    }
  }

  listSnapshots(): SnapshotInfo[] {
    this.assertOpen();
    return listSnapshots(this.db);
  }

  findSnapshot(idOrName: string): SnapshotInfo {
    this.assertOpen();
    return findSnapshot(this.db, idOrName);
  }

  readSnapshot(id: string): ScenarioDocument {
    this.assertOpen();
    return readSnapshot(this.db, id);
  }

  deleteSnapshot(id: string): void {
    this.assertWritable();
    deleteSnapshot(this.db, id);
  }

  lineage(): Lineage | null {
    this.assertOpen();
    return readLineage(this.db);
  }

  saveCopyForReview(target: string, author: string): SnapshotInfo {
    this.assertWritable();
    const snapshot = this.createSnapshot(`Copy for review: ${basename(target)}`, 'copy', author);
    saveCopy(this.db, this.path, this.identity, target, (db, schema) => {
      writeLineage(db, { snapshotId: snapshot.id, copiedFrom: basename(this.path), copiedAt: snapshot.createdAt }, schema);
    });
    return snapshot;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.opened = null;
    this.openedHistory = null;
    this.db.close();
  }

  private assertWritable(): void {
    this.assertOpen();
    if (this.readOnly) throw new AppError('READ_ONLY', `This scenario is open read-only: ${this.readOnly.message}`);
    this.assertFileInPlace();
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError('NO_DOCUMENT', 'This scenario has been closed.');
  }

  /**
   * SQLite keeps writing to an unlinked or replaced inode without complaint, so every edit first
   * checks that the path still names the file we opened (one stat call: O(1)).
   */
  private assertFileInPlace(): void {
    let stats;
    try {
      stats = statSync(this.path);
    } catch {
      throw new AppError('FILE_GONE', 'The scenario file was moved or deleted while open; use Save As to keep your work.');
    }
    if (stats.ino !== this.identity.ino || stats.dev !== this.identity.dev) {
      throw new AppError('FILE_GONE', 'The scenario file was replaced or moved while open; use Save As to keep your work.');
    }
  }
}
