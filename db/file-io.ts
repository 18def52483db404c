/**
 * Reading and writing whole files outside the scenario database: import sources in, exports
 * out. Shared by the app's handlers and the CLI, so both refuse and fail the same way.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError } from '../core/errors';
import { tempNameBeside } from './temp-files';

/** Larger imports are refused before reading: no scenario we can hold comes near this. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** The text of an import source: UTF-8, at most MAX_IMPORT_BYTES. Nothing is written. */
export function readImportText(path: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new AppError('BAD_PATH', `${path} is a folder, not a file.`);
    size = stats.size;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError(err, path, 'read');
  }
  if (size > MAX_IMPORT_BYTES) throw new AppError('IMPORT_INVALID', `${basename(path)} is too large to import (${Math.round(size / 1048576)} MB).`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw fileError(err, path, 'read');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('IMPORT_INVALID', `${basename(path)} is not UTF-8 text.`);
  }
}

/**
 * Write a whole file or nothing: a temp name beside the target, fsync, then rename over it, so
 * a crash or a full disk never leaves a half-written export where the user asked for one.
 */
export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  try {
    if (statSync(target).isDirectory()) throw new AppError('BAD_PATH', `${target} is a folder.`);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Missing is the usual case; a missing folder is reported by the open below.
  }
  const temp = tempNameBeside(target, 'exporting');
  try {
    const fd = openSync(temp, 'wx');
    try {
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written, bytes.byteLength - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (err) {
    if (existsSync(temp)) unlinkSync(temp);
    throw fileError(err, target, 'write');
  }
}

export function fileError(err: unknown, path: string, access: 'read' | 'write'): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new AppError(existsSync(dirname(path)) ? 'NOT_FOUND' : 'BAD_PATH', `No such file or folder: ${path}.`, { cause: err });
    case 'EISDIR':
    case 'ENOTDIR':
      return new AppError('BAD_PATH', `${path} is not a usable file path.`, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return access === 'write'
        ? new AppError('READ_ONLY', `No permission to write ${path}.`, { cause: err })
        : new AppError('IO_ERROR', `No permission to read ${path}.`, { cause: err });
    case 'ENOSPC':
      return new AppError('DISK_FULL', `The disk is full; ${basename(path)} was not written.`, { cause: err });
    default:
      return new AppError('IO_ERROR', `Could not use ${path}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
