/**
 * Opening one SQLite connection to a scenario file with the safety pragmas, the writer lock,
 * and the checks that must pass before any row is read: identity, quick_check, and a schema
 * that matches, object for object, what our own migrations produce.
 */
import Database, { type Database as Db } from 'better-sqlite3';
import { AppError } from '../core/errors';
import { APPLICATION_ID } from './constants';
import { runMigrations, SCHEMA_VERSION, type Migration, MIGRATIONS } from './migrations';
import { toAppError } from './sqlite-errors';

export interface ConnectOptions {
  readOnly: boolean;
  nativeBinding?: string;
}

/** Pragmas every connection gets: treat the file as untrusted (sqlite.org/security.html). */
function applySafetyPragmas(db: Db): void {
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  db.pragma('foreign_keys = ON');
}

/** Open a connection. A writer takes SQLite's exclusive lock now and keeps it until close. */
export function connect(path: string, options: ConnectOptions): Db {
  const db = connectUnlocked(path, options);
  if (!options.readOnly) takeWriterLock(db);
  return db;
}

/**
 * A connection with every pragma set but, for a writer, without the exclusive lock yet. A
 * writer is in EXCLUSIVE locking mode, so its first read takes a shared lock that it keeps:
 * no other connection can commit to the file from then on, while other readers (the open
 * check's worker, db/open-bounded.ts) still can read it. takeWriterLock() then upgrades.
 */
export function connectUnlocked(path: string, options: ConnectOptions): Db {
  const db = new Database(path, {
    readonly: options.readOnly,
    fileMustExist: true,
    timeout: 0,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    applySafetyPragmas(db);
    if (!options.readOnly) {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
    }
    return db;
  } catch (err) {
    db.close();
    throw lockedOr(err);
  }
}

/**
 * In EXCLUSIVE locking mode the lock taken here is held until close: a second writer, in this
 * process or another, gets SQLITE_BUSY. A killed process releases it. Closes `db` on failure.
 */
export function takeWriterLock(db: Db): void {
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (err) {
    db.close();
    throw lockedOr(err);
  }
}

function lockedOr(err: unknown): AppError {
  const error = toAppError(err);
  if (error.code === 'FILE_LOCKED') {
    return new AppError('FILE_LOCKED', 'This scenario is already open for editing in another window or program.', { cause: err });
  }
  return error;
}

/** A new, empty scenario database at `path` (which must not exist), at the latest schema. */
export function connectNew(path: string, nativeBinding?: string): Db {
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  applySafetyPragmas(db);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  runMigrations(db);
  return db;
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** What our own migrations make at a version: sqlite_schema as a map, and each table's columns. */
interface ExpectedShape {
  schema: Map<string, string>;
  columns: Map<string, string[]>;
}

const expectedCache = new Map<number, ExpectedShape>();

/** Built once per version by running our migrations in memory (cached for the shipped list). */
function expectedShape(version: number, migrations: readonly Migration[], nativeBinding?: string): ExpectedShape {
  const cached = migrations === MIGRATIONS ? expectedCache.get(version) : undefined;
  if (cached) return cached;
  const mem = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    runMigrations(mem, version, migrations);
    const tables = mem.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    const shape: ExpectedShape = {
      schema: schemaMap(mem),
      columns: new Map(tables.map((t) => [t, mem.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]])),
    };
    if (migrations === MIGRATIONS) expectedCache.set(version, shape);
    return shape;
  } finally {
    mem.close();
  }
}

function schemaMap(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema').all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, `${r.tbl_name}\u0000${r.sql ?? ''}`]));
}

/**
 * SQLite's quick_check: every page, b-tree, cell, record, NOT NULL and STRICT column type. Its
 * CHECK-constraint pass is switched off for the call, for two reasons. It is most of the cost
 * (about 65 of 75 ms on a 20k-node file), and SQLite skips it anyway on a read-only connection,
 * where CHECK constraints are never even parsed, so it cannot be what keeps bad rows out.
 * load() validates every row against the domain schema instead, which is at least as strict as
 * the CHECK constraints and the same whatever the connection. The switch is always turned back
 * on: writes must keep enforcing every constraint.
 */
function assertSoundStructure(db: Db): void {
  db.pragma('ignore_check_constraints = ON');
  let problems: string;
  try {
    problems = db.pragma('quick_check(1)', { simple: true }) as string;
  } finally {
    db.pragma('ignore_check_constraints = OFF');
  }
  if (problems !== 'ok') {
    const detail = problems.replace(/^\*\*\* in database main \*\*\*\s*/, '').replace(/\s+/g, ' ');
    throw new AppError('DAMAGED_FILE', `The scenario file is damaged: some of its pages cannot be read (SQLite reports: ${detail}).`);
  }
}

/**
 * The pre-read checks. Throws AppError: NOT_A_SCENARIO, NEWER_VERSION, DAMAGED_FILE, UNSAFE_SCHEMA.
 * Returns the file's user_version (which may be older than ours: the caller migrates).
 */
export function verifyFile(db: Db, migrations: readonly Migration[] = MIGRATIONS, nativeBinding?: string): number {
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it is a database made by another application.');
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations[migrations.length - 1]?.version ?? SCHEMA_VERSION;
    if (version > latest) throw new AppError('NEWER_VERSION', `This scenario was made by a newer version of the app (format ${version}).`);
    if (version < 1) throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it has no schema.');
    // The schema first: quick_check evaluates what the schema says (a generated NOT NULL column
    // is computed for every row), so only once the schema is exactly ours may it run. It then
    // evaluates none of the file's expressions and costs one pass over the file's pages.
    const expected = expectedShape(version, migrations, nativeBinding).schema;
    const actual = schemaMap(db);
    for (const [key, value] of actual) {
      const wanted = expected.get(key);
      if (wanted === undefined) throw new AppError('UNSAFE_SCHEMA', `Refused: the file contains an unknown ${key.replace(' ', ' "')}".`);
      if (wanted !== value) throw new AppError('UNSAFE_SCHEMA', `Refused: the definition of ${key.replace(' ', ' "')}" has been altered.`);
    }
    for (const key of expected.keys()) {
      if (!actual.has(key)) throw new AppError('DAMAGED_FILE', `The scenario file is damaged: ${key.replace(' ', ' "')}" is missing.`);
    }
    assertSoundStructure(db);
    return version;
  } catch (err) {
    const error = toAppError(err);
    if (error.code === 'NOT_A_SCENARIO' && !(err instanceof AppError)) {
      throw new AppError('DAMAGED_FILE', 'The scenario file is damaged: SQLite cannot read it.', { cause: err });
    }
    throw error;
  }
}

/** A column default that is a plain value: it computes nothing. */
const LITERAL_DEFAULT = /^(?:NULL|TRUE|FALSE|CURRENT_(?:TIME|DATE|TIMESTAMP)|[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0[xX][0-9a-fA-F]+|'(?:[^']|'')*'|[xX]'[0-9a-fA-F]*')$/;

/**
 * A newer file may add tables, columns and indexes, so its schema cannot be compared with ours
 * object for object. Refuse, before any check reads a row, every object whose columns compute
 * on read: a generated column (quick_check evaluates it for every row, NOT NULL ones included),
 * an index on an expression, a default that calls a function.
 */
function refuseComputedOnRead(db: Db): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const columns = db.prepare('SELECT name, hidden, dflt_value AS dflt FROM pragma_table_xinfo(?)').all(table) as { name: string; hidden: number; dflt: string | null }[];
    for (const column of columns) {
      if (column.hidden === 2 || column.hidden === 3) throw new AppError('UNSAFE_SCHEMA', `Refused: the file contains a generated column "${table}.${column.name}", which this app never makes.`);
      if (column.dflt !== null && !LITERAL_DEFAULT.test(column.dflt.trim())) throw new AppError('UNSAFE_SCHEMA', `Refused: the column "${table}.${column.name}" has a computed default, which this app never makes.`);
    }
  }
  const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").pluck().all() as string[];
  for (const index of indexes) {
    const expression = db.prepare('SELECT 1 FROM pragma_index_xinfo(?) WHERE cid = -2').get(index);
    if (expression) throw new AppError('UNSAFE_SCHEMA', `Refused: the file contains an index on an expression ("${index}"), which this app never makes.`);
  }
}

/**
 * The pre-read checks for a file from a newer version, which is only ever opened read-only.
 * Its schema cannot be compared with ours, so ask what reading needs: the identity, a sound
 * structure, every table and column this version reads, and no triggers or views (which this
 * app never makes, in any version). Row validation at load does the rest.
 */
export function verifyNewerFile(db: Db, migrations: readonly Migration[] = MIGRATIONS, nativeBinding?: string): number {
  try {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it is a database made by another application.');
    const version = db.pragma('user_version', { simple: true }) as number;
    const latest = migrations[migrations.length - 1]!.version;
    const planted = db.prepare("SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view')").get() as SchemaObject | undefined;
    if (planted) throw new AppError('UNSAFE_SCHEMA', `Refused: the file contains an unknown ${planted.type} "${planted.name}".`);
    refuseComputedOnRead(db);
    assertSoundStructure(db);
    for (const [table, columns] of expectedShape(latest, migrations, nativeBinding).columns) {
      const present = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
      const missing = columns.find((c) => !present.has(c));
      if (present.size === 0 || missing) {
        throw new AppError('NEWER_VERSION', `This scenario was made by a newer version of the app (format ${version}) whose layout this version cannot read (${present.size === 0 ? `no table "${table}"` : `no column "${table}.${missing}"`}). Update the app to open it.`);
      }
    }
    return version;
  } catch (err) {
    throw toAppError(err);
  }
}
