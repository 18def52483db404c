/**
 * Opening, creating and checking scenario files. Every path returns a typed result and closes
 * whatever it opened on failure. A file that fails a check is left byte-for-byte as it was.
 *
 * Policy: a file we can read but must not or cannot write (made by a newer version; read-only
 * file, folder or disk) opens read-only with the reason. Anything we cannot read safely is
 * refused: not ours, damaged, unsafe schema, a newer layout this version cannot read, or
 * already open for writing elsewhere (FILE_LOCKED).
 */
import { copyFileSync, linkSync, lstatSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite, { type Database } from 'better-sqlite3';
import { AppError, oneLine, type AppErrorShape } from '../core/errors';
import type { ScenarioDocument } from '../core/model';
import { starterDocument, validateDocument } from './validate-document';
import { APPLICATION_ID } from './constants';
import { connect, connectNew, verifyFile, verifyNewerFile } from './connection';
import { checkParentFolder, readHeader, refuseSideFilesAtTarget, refuseStrayWal, refuseUnwritableFolder, statScenarioPath, writeBlocker } from './file-checks';
import { damageDetail, loadDocument, readCounts } from './load';
import { MIGRATIONS, SCHEMA_VERSION, newerVersionError, runMigrations, type Migration } from './migrations';
import { fsyncPath } from './save-as';
import { removeTemp, sweepStaleTemps, tempNameBeside } from './temp-files';
import { toAppError } from './sqlite-errors';
import { prepareStatements } from './statements';
import type { ReadOnlyReason } from '../core/contract';
import { SqliteScenarioStore, type FileInfo, type OpenResult } from './store';
import { insertDocument } from './write-document';

export interface OpenOptions {
  readOnly?: boolean;
  nativeBinding?: string;
}

/** `context` says what was being done to which file; an AppError keeps its own message. */
export const failure = (err: unknown, context?: string): { ok: false; error: AppErrorShape } => {
  const e = toAppError(err, context);
  return { ok: false, error: { code: e.code, message: oneLine(e.message) } };
};

export function openScenarioFile(path: string, options: OpenOptions = {}): OpenResult {
  try {
    return { ok: true, store: openStore(resolve(path), options, MIGRATIONS) };
  } catch (err) {
    return failure(err, `Opening ${resolve(path)} failed`);
  }
}

/** Exposed for tests: open with a given migration list (e.g. one whose last step fails). */
export function openStore(path: string, options: OpenOptions, migrations: readonly Migration[]): SqliteScenarioStore {
  statScenarioPath(path);
  refuseStrayWal(path);
  const latest = migrations[migrations.length - 1]!.version;
  if (readHeader(path).userVersion > latest) return openNewer(path, options, migrations);
  if (!options.readOnly) sweepStaleTemps(path);
  const readOnly = readOnlyReason(path, options);
  let db = connect(path, { readOnly: readOnly !== null, nativeBinding: options.nativeBinding });
  try {
    let version = verifyFile(db, migrations, options.nativeBinding);
    if (version < latest) {
      db.close();
      if (readOnly) {
        // Cannot upgrade the file itself: upgrade a private in-memory copy, so it can still be viewed and saved elsewhere.
        db = upgradeInMemory(path, migrations, options.nativeBinding);
        const reason = { code: 'READ_ONLY' as const, message: `${readOnly.message} It was made by an older version; it is upgraded in memory only, and on disk when opened for editing.` };
        return withVerifiedContents(new SqliteScenarioStore(db, path, reason, version, APPLICATION_ID));
      }
      migrateOnCopy(path, migrations, options.nativeBinding);
      db = connect(path, { readOnly: false, nativeBinding: options.nativeBinding });
      version = verifyFile(db, migrations, options.nativeBinding);
    }
    return withVerifiedContents(new SqliteScenarioStore(db, path, readOnly, version, APPLICATION_ID));
  } catch (err) {
    if (db.open) db.close();
    throw err;
  }
}

/**
 * A file from a newer version opens read-only, with the reason: this version can show it but
 * must not write to a schema it does not know. A row it cannot represent (say, a node kind
 * added later) is reported as a version problem, not as damage.
 */
function openNewer(path: string, options: OpenOptions, migrations: readonly Migration[]): SqliteScenarioStore {
  const db = connect(path, { readOnly: true, nativeBinding: options.nativeBinding });
  let version: number;
  try {
    version = verifyNewerFile(db, migrations, options.nativeBinding);
  } catch (err) {
    db.close();
    throw err;
  }
  const reason = newerVersionReason(version, migrations[migrations.length - 1]!.version);
  try {
    return withVerifiedContents(new SqliteScenarioStore(db, path, reason, version, APPLICATION_ID));
  } catch (err) {
    const e = toAppError(err);
    if (e.code !== 'DAMAGED_FILE') throw e;
    const detail = damageDetail(e.message);
    throw new AppError('NEWER_VERSION', `This scenario was made by a newer version of the app (format ${version}) and holds something this version cannot show (${detail}). Update the app to open it.`, { cause: err });
  }
}

/** Why a file of a version this app can write opens read-only, or null when it opens for editing. */
export function readOnlyReason(path: string, options: OpenOptions): ReadOnlyReason | null {
  const blocker = options.readOnly ? 'Opened read-only on request.' : writeBlocker(path);
  return blocker ? { code: 'READ_ONLY', message: blocker } : null;
}

/** Why a file from a newer version opens read-only. */
export function newerVersionReason(version: number, latest: number): ReadOnlyReason {
  return {
    code: 'NEWER_VERSION',
    message: `This scenario was made by a newer version of the app (format ${version}; this version reads up to ${latest}), so it opens read-only. Update the app to edit it.`,
  };
}

/** Every row is read and validated before the store is handed out; a bad one closes it again. */
function withVerifiedContents(store: SqliteScenarioStore): SqliteScenarioStore {
  try {
    store.verifyContents();
    return store;
  } catch (err) {
    store.close();
    throw err;
  }
}

/** A read-only, in-memory copy of an older file, migrated to the latest schema and checked again. */
function upgradeInMemory(path: string, migrations: readonly Migration[], nativeBinding?: string): Database {
  const mem = new BetterSqlite(readFileSync(path), nativeBinding ? { nativeBinding } : {});
  try {
    mem.pragma('trusted_schema = OFF');
    mem.pragma('foreign_keys = ON');
    runMigrations(mem, migrations[migrations.length - 1]!.version, migrations);
    verifyFile(mem, migrations, nativeBinding);
    return mem;
  } catch (err) {
    mem.close();
    throw err;
  }
}

/**
 * Upgrade a file without ever exposing a half-migrated original: copy it, migrate the copy in one
 * transaction, fsync, and rename over the original. If anything fails the original is untouched.
 */
export function migrateOnCopy(path: string, migrations: readonly Migration[], nativeBinding?: string): void {
  const copy = tempNameBeside(path, 'migrating');
  try {
    copyFileSync(path, copy);
    const db = connect(copy, { readOnly: false, nativeBinding });
    try {
      const target = migrations[migrations.length - 1]!.version;
      runMigrations(db, target, migrations);
      verifyFile(db, migrations, nativeBinding);
    } finally {
      db.close();
    }
    fsyncPath(copy);
    renameSync(copy, path);
    fsyncPath(dirname(path));
  } catch (err) {
    removeTemp(copy);
    const e = toAppError(err);
    throw new AppError(e.code === 'INTERNAL' ? 'IO_ERROR' : e.code, `Upgrading the scenario file failed; the original is unchanged. ${e.message}`, { cause: err });
  }
}

/** Read-only inspection for `check` and `info`: never writes, never migrates. */
export function checkScenarioFile(path: string, options: OpenOptions = {}): { ok: true; info: FileInfo } | { ok: false; error: AppErrorShape } {
  const full = resolve(path);
  let db: Database | null = null;
  try {
    statScenarioPath(full);
    refuseStrayWal(full);
    const { userVersion } = readHeader(full);
    if (userVersion > SCHEMA_VERSION) throw newerVersionError(userVersion, SCHEMA_VERSION, 'check it');
    db = connect(full, { readOnly: true, nativeBinding: options.nativeBinding });
    const version = verifyFile(db, MIGRATIONS, options.nativeBinding);
    const statements = prepareStatements(db);
    loadDocument(statements); // every row validated, as open does; names the first bad row
    const fkProblems = db.pragma('foreign_key_check') as unknown[];
    if (fkProblems.length > 0) throw new AppError('DAMAGED_FILE', `The scenario file is damaged: ${fkProblems.length} broken reference(s).`);
    const { title, counts, crises } = readCounts(statements);
    const readOnly = writeBlocker(full);
    return {
      ok: true,
      info: {
        path: full, formatVersion: version, applicationId: APPLICATION_ID, title, counts, crises,
        readOnly: readOnly ? { code: 'READ_ONLY', message: readOnly } : null,
      },
    };
  } catch (err) {
    return failure(err, `Checking ${full} failed`);
  } finally {
    db?.close();
  }
}

/**
 * Create a new scenario file. It is built under a temp name and linked into place only when
 * complete, so a failure writes nothing at `path` and an existing file is never replaced.
 */
export function createScenarioFile(path: string, init: { title: string; document?: ScenarioDocument }, options: OpenOptions = {}): OpenResult {
  const full = resolve(path);
  let temp: string | null = null;
  try {
    checkParentFolder(full);
    if (pathExists(full)) throw new AppError('BAD_PATH', `${full} already exists; choose another name.`);
    refuseUnwritableFolder(full, `Cannot create ${full}`);
    refuseSideFilesAtTarget(full);
    sweepStaleTemps(full);
    const doc = init.document ? validateDocument(init.document) : validateDocument(starterDocument(init.title));
    temp = tempNameBeside(full, 'creating');
    const db = connectNew(temp, options.nativeBinding);
    try {
      const statements = prepareStatements(db);
      // A bulk write is faster into bare tables: drop the secondary indexes, insert, and build
      // them once from their own stored SQL, so the schema text is exactly what migrations made.
      const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
      const bulk = doc.nodes.length + doc.edges.length > 1000;
      db.transaction(() => {
        if (bulk) for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
        insertDocument(statements, doc);
        if (bulk) for (const index of indexes) db.exec(index.sql);
      }).immediate();
    } finally {
      db.close();
    }
    fsyncPath(temp);
    linkSync(temp, full); // fails with EEXIST rather than replacing a file that appeared meanwhile
    unlinkSync(temp);
    temp = null;
    fsyncPath(dirname(full));
    // We wrote and closed this file a moment ago, so the open-time checks (quick_check, schema
    // comparison) would only re-read our own output; take the writer lock and go.
    return { ok: true, store: new SqliteScenarioStore(connect(full, { readOnly: false, nativeBinding: options.nativeBinding }), full, null, SCHEMA_VERSION, APPLICATION_ID) };
  } catch (err) {
    if (temp) removeTemp(temp);
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return failure(new AppError('BAD_PATH', `${full} already exists; choose another name.`));
    return failure(err, `Creating ${full} failed`);
  }
}

function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export { SCHEMA_VERSION };
