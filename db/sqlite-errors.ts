/**
 * Turns SQLite and filesystem failures into AppErrors with one planner-readable line.
 * We switch on SQLite's result code, never on message text.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError, isAppError, oneLine, type ErrorCode } from '../core/errors';

interface CodedError {
  code?: unknown;
  message?: unknown;
}

function codeOf(err: unknown): string {
  const code = (err as CodedError | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** SQLite extended result code → our error code. */
function classifySqlite(code: string): ErrorCode | null {
  if (code === 'SQLITE_FULL') return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY')) return 'READ_ONLY';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'FILE_LOCKED';
  if (code === 'SQLITE_NOTADB') return 'NOT_A_SCENARIO';
  if (code.startsWith('SQLITE_CORRUPT')) return 'DAMAGED_FILE';
  if (code.startsWith('SQLITE_CONSTRAINT')) return 'INVALID_DATA';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return 'IO_ERROR';
  return null;
}

/**
 * Node fs errno → our error code: the one mapping, used here and by db/file-io.ts's fileError.
 * A permission refusal is READ_ONLY when writing but a plain IO_ERROR when reading (the file is
 * not read-only, we may not see it); a missing file whose folder is missing too is a BAD_PATH
 * when the path is known. Null when `errno` is not an fs error code.
 */
export function fsErrorCode(errno: string, access: 'read' | 'write', path?: string): ErrorCode | null {
  if (errno === 'ENOENT') return path !== undefined && !existsSync(dirname(path)) ? 'BAD_PATH' : 'NOT_FOUND';
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return 'DISK_FULL';
  if (errno === 'EROFS') return 'READ_ONLY';
  if (errno === 'EACCES' || errno === 'EPERM') return access === 'write' ? 'READ_ONLY' : 'IO_ERROR';
  if (errno === 'EISDIR' || errno === 'ENOTDIR' || errno === 'ENAMETOOLONG' || errno === 'ELOOP') return 'BAD_PATH';
  if (/^E[A-Z]+$/.test(errno)) return 'IO_ERROR';
  return null;
}

/**
 * The cause, in words, of each failure a file operation can meet. Only the cause: what was
 * being done, and to which file, is the caller's `context` ("The change was not saved",
 * "Creating /x/plan.scenario failed"), so no message says the same thing twice.
 */
const CAUSES: Partial<Record<ErrorCode, string>> = {
  DISK_FULL: 'the disk is full. Free some space and try again.',
  READ_ONLY: 'the file, its folder or its disk is read-only.',
  FILE_LOCKED: 'the file is open in another window or program.',
  NOT_A_SCENARIO: 'this is not a scenario file.',
  DAMAGED_FILE: 'the scenario file is damaged.',
  IO_ERROR: 'the file could not be read or written',
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Wrap any thrown value as an AppError; AppErrors pass through unchanged. */
export function toAppError(err: unknown, context?: string): AppError {
  if (isAppError(err)) return err;
  const code = codeOf(err);
  if (code === 'SQLITE_READONLY_ROLLBACK') {
    // A hot journal: an edit was interrupted (crash, kill) and must be rolled back, which needs write access.
    return new AppError('DAMAGED_FILE', 'The scenario was not closed cleanly and needs recovery: open it for editing in the app, from a writable folder, with its -journal file beside it.', { cause: err });
  }
  // The store's own file operations (open, Save As, snapshots, recovery) are writes or need write access.
  const mapped = classifySqlite(code) ?? fsErrorCode(code, 'write');
  if (mapped) {
    const cause = mapped === 'INVALID_DATA' ? `the change breaks a rule of the file format (${code}).`
      : mapped === 'IO_ERROR' ? `${CAUSES.IO_ERROR} (${code}).`
      : CAUSES[mapped] ?? `the file operation failed (${code}).`;
    return new AppError(mapped, oneLine(context ? `${context}: ${cause}` : capitalised(cause)), { cause: err });
  }
  const text = err instanceof Error ? err.message : String(err);
  return new AppError('INTERNAL', oneLine(`Unexpected failure${context ? ` (${context})` : ''}: ${text}`), { cause: err });
}
