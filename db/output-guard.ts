/**
 * The one rule for every write of ours (export, import, recover, Save As, Save a Copy, merge
 * output): it never lands on a file we are reading from or holding open, nor on a file SQLite
 * keeps beside one of those (its `-journal`, `-wal`, `-shm`). Files are compared by identity
 * (device and inode, after following links), never by how the path is spelled, so `./plan`,
 * a symlink and a hard link to the source are all caught.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError, type ErrorCode } from '../core/errors';
import { SIDE_FILE_SUFFIXES } from './constants';

/** A file no write may land on: an input of the command, or a scenario open in a window. */
export interface ProtectedFile {
  path: string;
  /** How the refusal names it, e.g. "the scenario being exported", "open in a window". */
  role: string;
  /** The error code of the refusal (BAD_PATH for inputs, ALREADY_OPEN for open scenarios). */
  code?: ErrorCode;
}

interface Identity {
  dev: bigint;
  ino: bigint;
}

/** Device and inode of what `path` names, following links; null if nothing is there. */
export function fileIdentity(path: string): Identity | null {
  try {
    const stats = statSync(path, { bigint: true });
    return { dev: stats.dev, ino: stats.ino };
  } catch {
    return null;
  }
}

/** The path with its folder's links resolved (the file itself may not exist yet). */
function canonicalPath(path: string): string {
  const full = resolve(path);
  try {
    return realpathSync(full);
  } catch {
    try {
      return join(realpathSync(dirname(full)), basename(full));
    } catch {
      return full;
    }
  }
}

/**
 * Throws (one line, nothing written) if writing `target` would replace or touch a protected
 * file. Call it after the target is known and before any work that writes.
 */
export function refuseOutputOnto(target: string, protectedFiles: readonly ProtectedFile[]): void {
  const targetId = fileIdentity(target);
  const targetPath = canonicalPath(target);
  for (const file of protectedFiles) {
    const code = file.code ?? 'BAD_PATH';
    const id = fileIdentity(file.path);
    if (targetId && id && targetId.dev === id.dev && targetId.ino === id.ino) {
      const alias = resolve(target) === resolve(file.path) ? '' : ` (the same file as ${file.path})`;
      throw new AppError(code, `Refused: ${target}${alias} is ${file.role}; write to another file.`);
    }
    const own = canonicalPath(file.path);
    const side = SIDE_FILE_SUFFIXES.find((suffix) => targetPath === `${own}${suffix}`);
    if (side) throw new AppError(code, `Refused: ${target} is where SQLite keeps the ${side.slice(1)} of ${file.path} (${file.role}); write to another file.`);
  }
}
