/**
 * Checks made on a path before SQLite ever sees it: what kind of thing it is, whether its
 * 100-byte SQLite header is ours, and whether we may write it. Reading the header ourselves
 * means a PNG, an empty file or another app's database is refused without SQLite opening it.
 */
import { accessSync, closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../core/errors';
import { APPLICATION_ID, SIDE_FILE_SUFFIXES } from './constants';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface HeaderFacts {
  pageSize: number;
  pageCount: number;
  userVersion: number;
  applicationId: number;
}

/**
 * Symlinks are refused (documented policy): SQLite would put its journal beside the link's
 * target, and a link could silently point a "scenario" at any file on the machine.
 */
export function statScenarioPath(path: string): Stats {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `No file at ${path}.`);
    throw new AppError('BAD_PATH', `Cannot use ${path} (${code ?? 'unknown error'}).`);
  }
  if (stats.isSymbolicLink()) throw new AppError('BAD_PATH', `${path} is a symbolic link; open the file it points to instead.`);
  if (stats.isDirectory()) throw new AppError('BAD_PATH', `${path} is a folder, not a scenario file.`);
  if (!stats.isFile()) throw new AppError('BAD_PATH', `${path} is not a regular file.`);
  return stats;
}

/** Read and judge the SQLite header. Never writes. */
export function readHeader(path: string): HeaderFacts {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: the file is empty.');
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it is not an SQLite database.');
    }
    const rawPageSize = header.readUInt16BE(16);
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
    const applicationId = header.readInt32BE(68);
    if (applicationId !== APPLICATION_ID) {
      throw new AppError('NOT_A_SCENARIO', 'Not a scenario file: it is a database made by another application.');
    }
    if (header[18] === 2 || header[19] === 2) {
      // Opening a WAL file at all creates -wal/-shm files, and converting it is a write: refuse first.
      throw new AppError('NOT_A_SCENARIO', "Not a scenario file as this app saves them: it uses SQLite's WAL journal mode. Convert it with: sqlite3 FILE 'PRAGMA journal_mode=DELETE'");
    }
    // A newer user_version is the caller's call: open read-only, or refuse (check, recover).
    const userVersion = header.readInt32BE(60);
    const validSizeField = header.readUInt32BE(24) === header.readUInt32BE(92);
    const pageCount = validSizeField ? header.readUInt32BE(28) : Math.floor(size / pageSize);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw new AppError('DAMAGED_FILE', 'The scenario file is damaged: its header is invalid.');
    // A crash mid-commit can leave page 1 (with the new size) written before the file grew; the
    // hot journal rolls that back, so the length test only applies when no journal is pending.
    if (!journalPending(path) && (size % pageSize !== 0 || size < pageCount * pageSize)) {
      throw new AppError('DAMAGED_FILE', 'The scenario file is damaged: it is truncated.');
    }
    return { pageSize, pageCount, userVersion, applicationId };
  } finally {
    closeSync(fd);
  }
}

function journalPending(path: string): boolean {
  try {
    return statSync(`${path}-journal`).size > 0;
  } catch {
    return false;
  }
}

/** Why we may not write this file, or null. Root ignores permission bits, so EROFS is the real test there. */
export function writeBlocker(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EROFS' ? 'The scenario is on a read-only disk; it opens read-only. Use Save As to keep changes elsewhere.' : 'The scenario file or its folder is read-only; it opens read-only. Use Save As to keep changes elsewhere.';
  }
}

/**
 * Before a new file is written into `path`'s folder (create, Save As, recover, merge, export):
 * a folder we may not write gets a message naming it, instead of SQLite's nameless "unable to
 * open database file" or a bare EACCES. `action` says what was refused ("Cannot create X").
 * Root ignores permission bits, so a read-only disk (EROFS) is what stops it there.
 */
export function refuseUnwritableFolder(path: string, action: string): void {
  const folder = dirname(path);
  try {
    accessSync(folder, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS') throw new AppError('READ_ONLY', `${action}: the folder ${folder} is on a read-only disk.`, { cause: err });
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('READ_ONLY', `${action}: no permission to write in the folder ${folder}.`, { cause: err });
    // Anything else (a missing folder) is reported by the write itself.
  }
}

/** The parent folder must exist and be a folder. */
export function checkParentFolder(path: string): void {
  const parent = dirname(path);
  let stats: Stats;
  try {
    stats = lstatSync(parent);
  } catch {
    throw new AppError('BAD_PATH', `The folder ${parent} does not exist.`);
  }
  if (!stats.isDirectory()) throw new AppError('BAD_PATH', `${parent} is not a folder.`);
}

/** The SQLite side files (`-journal`, `-wal`, `-shm`) that exist beside `path` now, links included. */
export function sideFilesBeside(path: string, suffixes: readonly string[] = SIDE_FILE_SUFFIXES): string[] {
  return suffixes.map((suffix) => `${path}${suffix}`).filter((side) => {
    try {
      lstatSync(side);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Before SQLite opens an existing scenario. SQLite switches to WAL mode whenever a `-wal` file
 * exists beside a database, whatever its header says, and applies it: content from another
 * copy (or planted) would be shown, and written into the file by the first open for editing.
 * Scenarios never use WAL, so a `-wal` or `-shm` beside one is never ours: refuse before SQLite
 * sees the file, and change nothing. (A `-journal` is SQLite's own crash recovery for this
 * file and is kept: see file-format.md.)
 */
export function refuseStrayWal(path: string): void {
  const stray = sideFilesBeside(path, ['-wal', '-shm'])[0];
  if (!stray) return;
  throw new AppError(
    'STRAY_SIDE_FILE',
    `Refused: ${basename(stray)} lies beside ${path}, and SQLite would apply it to the scenario (scenarios never use WAL, so it comes from another copy or another tool). Nothing was changed. Open a copy without it (in the app: Open a copy without it; on the command line: scenario-workbench recover FILE -o COPY.scenario), or move ${basename(stray)} away.`,
  );
}

/**
 * Before a new file is put in place at `path` (create, import, recover, Save As): a side file
 * already there, left by a file of the same name, would be applied to the new one at its
 * first open. Refuse rather than delete someone's journal.
 */
export function refuseSideFilesAtTarget(path: string): void {
  const stray = sideFilesBeside(path)[0];
  if (stray) throw new AppError('BAD_PATH', `Refused: ${basename(stray)} lies beside ${path} and SQLite would apply it to the new file; choose another name or move it away.`);
}
