/**
 * The one list of error codes that cross any boundary (IPC, CLI, db/ results).
 * The renderer and the CLI switch on `code`, never on message text.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // arguments failed the contract's schema
  'FORBIDDEN_SENDER', // IPC from a frame we did not create
  'NO_DOCUMENT', // no scenario is open in this window
  'NOT_FOUND', // a file or an element does not exist
  'NOT_A_SCENARIO', // not SQLite, or another application's SQLite file
  'DAMAGED_FILE', // quick_check failed or the file is truncated
  'NEWER_VERSION', // made by a newer version of the app
  'UNSAFE_SCHEMA', // unknown triggers, views or tables planted in the file
  'READ_ONLY', // the file (or its folder) cannot be written
  'FILE_LOCKED', // another writer holds the file
  'STRAY_SIDE_FILE', // a -wal or -shm beside a scenario (another copy's, or planted): SQLite would apply it
  'ALREADY_OPEN', // the file is open in another window, which was focused instead
  'FILE_GONE', // the file was deleted or moved while open
  'DISK_FULL', // SQLITE_FULL
  'INVALID_CONNECTION', // an edge that breaks the connection rules
  'INVALID_DATA', // a value that breaks a domain schema
  'IMPORT_INVALID', // an imported file failed validation
  'BAD_PATH', // a directory, a missing parent, or otherwise unusable path
  'CANCELLED', // the user dismissed a dialog
  'TIMED_OUT', // reading, parsing or checking an untrusted file did not finish within its bound
  'IO_ERROR', // any other filesystem failure
  'INTERNAL', // a bug: never expected
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

/** A typed failure. `message` is one line meant for a planner, not a stack trace. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message: oneLine(message) },
});

/** Error messages shown to users are always a single line. */
export function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}
