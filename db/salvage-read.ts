/**
 * Reading what can still be read from a damaged scenario file, for salvage.ts. The file's bytes
 * are copied into memory and opened there, so the damaged file is never opened by SQLite, never
 * locked, and never written (not even a journal rollback).
 *
 * Each table is read in rowid order. When SQLite hits a damaged page mid-scan, reading resumes
 * after the last good row, skipping ahead 1, 2, 4, … rowids until a seek lands past the damage;
 * the rows on the damaged pages are lost, the rest are kept.
 */
import BetterSqlite, { type Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { AppError } from '../core/errors';
import { APPLICATION_ID, TABLES } from './constants';
import { SCHEMA_VERSION, newerVersionError, runMigrations } from './migrations';
import { SELECT_NODE } from './node-columns';
import { SELECT_ACTOR, SELECT_CRISIS, SELECT_EDGE, SELECT_PROVENANCE, SELECT_SCENARIO, SELECT_SOURCE, SELECT_STANCE } from './rows';
import { readHeader, statScenarioPath } from './file-checks';

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

/** An in-memory copy of the file. Refuses files that are not ours or not SQLite at all. */
export function openCopy(path: string, nativeBinding?: string): Database {
  statScenarioPath(path);
  // Not SQLite or not ours: nothing to salvage. Newer: this version would drop what it does not know.
  const { userVersion } = readHeader(path);
  if (userVersion > SCHEMA_VERSION) throw newerVersionError(userVersion, SCHEMA_VERSION, 'recover it');
  let db: Database;
  try {
    db = new BetterSqlite(readFileSync(path), nativeBinding ? { nativeBinding } : {});
  } catch (err) {
    throw new AppError('DAMAGED_FILE', 'Nothing can be recovered: SQLite cannot read the file at all.', { cause: err });
  }
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  if (userVersion < SCHEMA_VERSION) upgradeCopy(db);
  // A pristine copy is a scenario, but a damaged header page may not say so through SQLite.
  try {
    const appId = db.pragma('application_id', { simple: true });
    if (appId !== APPLICATION_ID) throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it is a database made by another application.');
  } catch (err) {
    db.close();
    throw err instanceof AppError ? err : new AppError('DAMAGED_FILE', 'Nothing can be recovered: the first page of the file is unreadable.', { cause: err });
  }
  return db;
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
