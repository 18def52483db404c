/**
 * Opening and checking a scenario file without holding the calling thread for a long pass.
 *
 * Every open runs the same checks (db/open.ts): the header, the schema compared object for
 * object with ours, quick_check, and every row validated. With the schema proven ours,
 * quick_check evaluates none of the file's expressions and, like the row validation, is linear
 * in the file's size. So the size bounds the time: a file of up to SYNC_CHECK_MAX_BYTES is
 * checked where it is opened, as before; a larger one is checked by a worker (main/open/),
 * which reads and validates every row on its own read-only connection while the caller's
 * thread keeps serving every window, and hands the validated document back. The caller's side
 * gives the worker a time bound: past it the open is refused with TIMED_OUT (main/open/run.ts).
 *
 * Nothing the worker checked can change before the file is used. A writer's connection is in
 * EXCLUSIVE locking mode and reads once before the worker starts, so it holds a shared lock
 * from before the check until it upgrades to the writer lock after it: no other connection can
 * commit in between. A read-only open holds no lock, as on the synchronous path.
 */
import { resolve } from 'node:path';
import type { AppErrorShape } from '../core/errors';
import type { Database } from 'better-sqlite3';
import { APPLICATION_ID } from './constants';
import { connect, connectUnlocked, takeWriterLock } from './connection';
import { readHeader, refuseStrayWal, sideFilesBeside, statScenarioPath } from './file-checks';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { checkScenarioFile, failure, newerVersionReason, openScenarioFile, openStore, readOnlyReason, type OpenOptions } from './open';
import { SqliteScenarioStore, type FileInfo, type OpenResult, type VerifiedContents } from './store';
import { sweepStaleTemps } from './temp-files';

/**
 * The largest file checked on the calling thread. Measured on the project's 2-core machine
 * (bench:store, docs/benchmarks.md): the whole open-time pass (quick_check, every row read and
 * validated, the undo log) costs about 18 ms per MB when the machine is quiet and up to about
 * 160 ms per MB under a load average of 6. At 8 MiB the pass is about 150 ms quiet and at most
 * about 1.3 s loaded: a pause, not a hang. The 20,000-node file of the store benchmark is
 * 8.0 MB and stays on this path, where it costs nothing extra; a worker would add 50 to 80 ms
 * to start and the copy of the document back.
 */
export const SYNC_CHECK_MAX_BYTES = 8 * 1024 * 1024;

export type CheckResult = { ok: true; info: FileInfo } | { ok: false; error: AppErrorShape };
export type ContentsResult = { ok: true; contents: VerifiedContents } | { ok: false; error: AppErrorShape };

/** Where the checks of a large file run: a worker (main/open/run.ts) that runs the two functions below. */
export interface OffThreadChecks {
  /** readVerifiedContents(path) in the worker; rejects with TIMED_OUT past its bound. */
  contents(path: string): Promise<ContentsResult>;
  /** checkScenarioFile(path) in the worker; rejects with TIMED_OUT past its bound. */
  check(path: string): Promise<CheckResult>;
}

export interface BoundedOptions extends OpenOptions {
  /** Files larger than this are checked off the calling thread (tests lower it). */
  syncMaxBytes?: number;
}

/**
 * The worker's half of an open: the whole synchronous open, read-only (it writes nothing, not
 * even a rolled-back journal), and what it read and validated. Errors are those of the
 * synchronous path, word for word.
 */
export function readVerifiedContents(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): ContentsResult {
  try {
    const store = openStore(path, { readOnly: true, nativeBinding: options.nativeBinding }, MIGRATIONS);
    try {
      return { ok: true, contents: store.takeVerifiedContents() };
    } finally {
      store.close();
    }
  } catch (err) {
    return failure(err, `Opening ${path} failed`);
  }
}

/** openScenarioFile, with the checks of a large file off the calling thread. */
export async function openScenarioFileBounded(path: string, options: BoundedOptions, offThread: OffThreadChecks): Promise<OpenResult> {
  const full = resolve(path);
  let db: Database | null = null;
  try {
    if (checkedBytes(full) <= (options.syncMaxBytes ?? SYNC_CHECK_MAX_BYTES)) return openScenarioFile(full, options);
    const { userVersion } = readHeader(full);
    if (userVersion < SCHEMA_VERSION) {
      // An older file is upgraded on a copy by our own migrations, on this thread (db/open.ts).
      // The worker first refuses it if it is damaged or hostile, so only a sound file gets there.
      const gate = await offThread.contents(full);
      return gate.ok ? openScenarioFile(full, options) : gate;
    }
    const readOnly = userVersion > SCHEMA_VERSION ? newerVersionReason(userVersion, SCHEMA_VERSION) : readOnlyReason(full, options);
    if (!readOnly) {
      sweepStaleTemps(full);
      // A journal left by a crash is rolled back by a writer's first read, as on the
      // synchronous path; do it now, so the worker's read-only connection sees a whole file.
      if (sideFilesBeside(full, ['-journal']).length > 0) connect(full, { readOnly: false, nativeBinding: options.nativeBinding }).close();
    }
    db = connectUnlocked(full, { readOnly: readOnly !== null, nativeBinding: options.nativeBinding });
    // The shared lock a writer keeps from here on (see the module comment). Setting its journal
    // mode has already read the file and taken it; this read says so rather than rely on that.
    if (!readOnly) db.pragma('schema_version');
    const checked = await offThread.contents(full);
    if (!checked.ok) {
      db.close();
      return checked;
    }
    if (!readOnly) takeWriterLock(db);
    const store = new SqliteScenarioStore(db, full, readOnly, checked.contents.formatVersion, APPLICATION_ID);
    store.adoptVerifiedContents(checked.contents);
    return { ok: true, store };
  } catch (err) {
    if (db?.open) db.close();
    return failure(err, `Opening ${full} failed`);
  }
}

/** checkScenarioFile, with the checks of a large file off the calling thread. */
export async function checkScenarioFileBounded(path: string, options: BoundedOptions, offThread: OffThreadChecks): Promise<CheckResult> {
  const full = resolve(path);
  try {
    if (checkedBytes(full) <= (options.syncMaxBytes ?? SYNC_CHECK_MAX_BYTES)) return checkScenarioFile(full, options);
    return await offThread.check(full);
  } catch (err) {
    return failure(err, `Checking ${full} failed`);
  }
}

/**
 * What the checks will read, in bytes: the file's length, or the size its header claims if
 * larger. The path checks come first (a FIFO or a stray -wal is refused before any read).
 */
function checkedBytes(path: string): number {
  const stats = statScenarioPath(path);
  refuseStrayWal(path);
  const { pageSize, pageCount } = readHeader(path);
  return Math.max(stats.size, pageSize * pageCount);
}
