/**
 * Save As: a consistent copy of the live connection written with VACUUM INTO to a temp name in
 * the target folder, fsynced, then renamed over the target. A crash leaves either no target or a
 * complete one; the open file is never touched. Works after the open file was deleted or moved,
 * because VACUUM INTO reads through the live connection, not the path.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../core/errors';
import { checkParentFolder, refuseSideFilesAtTarget, refuseUnwritableFolder } from './file-checks';
import { refuseOutputOnto } from './output-guard';
import { removeTemp, sweepStaleTemps, tempNameBeside } from './temp-files';
import { toAppError } from './sqlite-errors';

export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * `amend`, when given, writes to the copy before it is renamed into place, through the live
 * connection with the copy attached as schema "copy" (so no second native handle is opened).
 */
export function saveCopy(
  db: Database, sourcePath: string, source: { dev: number; ino: number }, target: string, amend?: (db: Database, schema: string) => void,
): void {
  const full = resolve(target);
  checkParentFolder(full);
  refuseOutputOnto(full, [{ path: sourcePath, role: 'the scenario being saved; Save As needs a different file' }]);
  if (existsSync(full)) {
    const stats = statSync(full);
    // The open file may have been moved away meanwhile: compare with what was opened, too.
    if (stats.dev === source.dev && stats.ino === source.ino) throw new AppError('BAD_PATH', 'Save As needs a different file than the one that is open.');
    if (stats.isDirectory()) throw new AppError('BAD_PATH', `${full} is a folder.`);
  }
  refuseSideFilesAtTarget(full);
  refuseUnwritableFolder(full, `Cannot save to ${full}`);
  sweepStaleTemps(full);
  const temp = tempNameBeside(full, 'saving');
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    if (amend) {
      db.prepare("ATTACH DATABASE ? AS copy").run(temp);
      try {
        amend(db, 'copy');
      } finally {
        db.exec('DETACH DATABASE copy');
      }
    }
    fsyncPath(temp);
    renameSync(temp, full);
    fsyncPath(dirname(full));
  } catch (err) {
    removeTemp(temp);
    throw toAppError(err, `Saving to ${full} failed`);
  }
}
