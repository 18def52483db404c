/**
 * Reading what can still be read from a damaged scenario file, for salvage.ts. The file's bytes
 * are copied, into memory or (for a large file) into a private temp file, and SQLite opens the
 * copy, so the damaged file is never opened by SQLite, never locked, and never written (not
 * even a journal rollback). The copy is read in chunks: Node reads at most 2 GiB in one call,
 * and a file that size must not fail as if SQLite could not read it.
 *
 * Each table is read in rowid order. When SQLite hits a damaged page mid-scan, reading resumes
 * after the last good row, skipping ahead 1, 2, 4, … rowids until a seek lands past the damage;
 * the rows on the damaged pages are lost, the rest are kept.
 */
import BetterSqlite, { type Database } from 'better-sqlite3';
import { closeSync, fstatSync, ftruncateSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AppError } from '../core/errors';
import { APPLICATION_ID, TABLES } from './constants';
import { SCHEMA_VERSION, newerVersionError, runMigrations } from './migrations';
import { SELECT_NODE } from './node-columns';
import { SELECT_ACTOR, SELECT_CRISIS, SELECT_EDGE, SELECT_PROVENANCE, SELECT_SCENARIO, SELECT_SOURCE, SELECT_STANCE } from './rows';
import { readHeader, statScenarioPath } from './file-checks';
import { fileError } from './file-io';

export const SALVAGE_TABLES = TABLES;
export type SalvageTable = (typeof SALVAGE_TABLES)[number];

/** Each table's SELECT (domain column names, in rows.ts order), read as arrays. */
const SELECTS: Record<SalvageTable, string> = {
  scenario: SELECT_SCENARIO.replace(' WHERE singleton = 1', ''),
  actors: SELECT_ACTOR, crises: SELECT_CRISIS, nodes: SELECT_NODE, edges: SELECT_EDGE,
  stances: SELECT_STANCE, sources: SELECT_SOURCE, provenance: SELECT_PROVENANCE,
};

/** Give up on a table after this many failed seeks in a row (the skip has then passed 2^40 rowids). */
const MAX_FAILED_SEEKS = 40;

export interface RawTable {
  rows: unknown[][];
  /** Some rows could not be read: a damaged page, or the table itself is unreadable. */
  lost: boolean;
}

/** Up to this size the copy is held in memory; a larger file is copied to a private temp file. */
export const IN_MEMORY_COPY_BYTES = 256 * 1024 * 1024;
const COPY_CHUNK_BYTES = 4 * 1024 * 1024;

/** A private copy of the file for SQLite to read. `dispose` closes it and removes any temp file. */
export interface SalvageCopy {
  db: Database;
  dispose(): void;
}

/** A copy of the file, opened by SQLite. Refuses files that are not ours or not SQLite at all. */
export function openCopy(path: string, nativeBinding?: string, inMemoryLimit: number = IN_MEMORY_COPY_BYTES): SalvageCopy {
  statScenarioPath(path);
  // Not SQLite or not ours: nothing to salvage. Newer: this version would drop what it does not know.
  const { userVersion } = readHeader(path);
  if (userVersion > SCHEMA_VERSION) throw newerVersionError(userVersion, SCHEMA_VERSION, 'recover it');
  const options = nativeBinding ? { nativeBinding } : {};
  let tempDir: string | null = null;
  let db: Database;
  try {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      if (size <= inMemoryLimit) db = openInMemory(readWhole(fd, size), options);
      else {
        tempDir = mkdtempSync(join(tmpdir(), 'scenario-recovery-'));
        const copy = join(tempDir, 'copy.scenario');
        copySparse(fd, size, copy);
        db = new BetterSqlite(copy, options);
        // A private copy: no journal beside it, nothing to keep if this process dies.
        db.pragma('journal_mode = OFF');
      }
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    if (err instanceof AppError) throw err;
    if (typeof (err as NodeJS.ErrnoException).code === 'string' && !String((err as NodeJS.ErrnoException).code).startsWith('SQLITE')) throw fileError(err, path, 'read');
    throw new AppError('DAMAGED_FILE', 'Nothing can be recovered: SQLite cannot read the file at all.', { cause: err });
  }
  const dispose = (): void => {
    if (db.open) db.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    if (userVersion < SCHEMA_VERSION) upgradeCopy(db);
  } catch (err) {
    dispose();
    throw new AppError('DAMAGED_FILE', 'Nothing can be recovered: SQLite cannot read the file at all.', { cause: err });
  }
  // A pristine copy is a scenario, but a damaged header page may not say so through SQLite.
  try {
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it is a database made by another application.');
  } catch (err) {
    dispose();
    throw err instanceof AppError ? err : new AppError('DAMAGED_FILE', 'Nothing can be recovered: the first page of the file is unreadable.', { cause: err });
  }
  return { db, dispose };
}

function openInMemory(bytes: Buffer, options: { nativeBinding?: string }): Database {
  try {
    return new BetterSqlite(bytes, options);
  } catch (err) {
    throw new AppError('DAMAGED_FILE', 'Nothing can be recovered: SQLite cannot read the file at all.', { cause: err });
  }
}

/** The whole file, read in chunks (one read is limited to 2 GiB). */
function readWhole(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    const read = readSync(fd, bytes, done, Math.min(COPY_CHUNK_BYTES, size - done), done);
    if (read === 0) break; // the file shrank meanwhile: SQLite judges what is there
    done += read;
  }
  return done === size ? bytes : bytes.subarray(0, done);
}

/**
 * Copy in chunks, skipping chunks that are all zero bytes (the copy is then as sparse as the
 * file, and a file padded with gigabytes of zeros costs no disk space to recover).
 */
function copySparse(fd: number, size: number, target: string): void {
  const out = openSync(target, 'wx', 0o600);
  try {
    const chunk = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
    const zeros = Buffer.alloc(COPY_CHUNK_BYTES);
    let done = 0;
    while (done < size) {
      const read = readSync(fd, chunk, 0, Math.min(COPY_CHUNK_BYTES, size - done), done);
      if (read === 0) break;
      const data = chunk.subarray(0, read);
      if (!data.equals(zeros.subarray(0, read))) {
        let written = 0;
        while (written < read) written += writeSync(out, data, written, read - written, done + written);
      }
      done += read;
    }
    ftruncateSync(out, done);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new AppError('DISK_FULL', `Recovery reads a large file through a temporary copy in ${dirname(target)}, and that disk is full. Free some space and try again.`, { cause: err });
    }
    throw fileError(err, target, 'write');
  } finally {
    closeSync(out);
  }
}

/**
 * An older file's tables lack the newer columns the SELECTs name. Migrating the in-memory copy
 * (never the file) adds them with their defaults; if the damage stops that, the tables that can
 * still be read as they are, are read as they are.
 */
function upgradeCopy(db: Database): void {
  try {
    runMigrations(db);
  } catch {
    // The damage is in what a migration touches; readTable then reports those tables as lost.
  }
}

export function readTable(db: Database, table: SalvageTable): RawTable {
  let statement;
  try {
    // Only a real table is read: a view planted under one of our names could compute anything.
    const kind = db.prepare('SELECT type FROM sqlite_schema WHERE name = ?').pluck().get(table);
    if (kind !== 'table') return { rows: [], lost: true };
    statement = db.prepare(`${SELECTS[table].replace(' FROM ', ', rowid FROM ')} WHERE rowid > ? ORDER BY rowid`).raw(true);
  } catch {
    return { rows: [], lost: true };
  }
  const rows: unknown[][] = [];
  let after = Number.MIN_SAFE_INTEGER;
  let skip = 1;
  let failures = 0;
  let lost = false;
  for (;;) {
    try {
      for (const row of statement.iterate(after) as Iterable<unknown[]>) {
        after = row[row.length - 1] as number;
        rows.push(row.slice(0, -1));
        skip = 1;
        failures = 0;
      }
      return { rows, lost };
    } catch {
      lost = true;
      if (++failures > MAX_FAILED_SEEKS || after >= Number.MAX_SAFE_INTEGER - skip) return { rows, lost };
      after = (after === Number.MIN_SAFE_INTEGER ? 0 : after) + skip;
      skip *= 2;
    }
  }
}
