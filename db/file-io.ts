/**
 * Reading and writing whole files outside the scenario database: import sources in, exports
 * out. Shared by the app's handlers and the CLI, so both refuse and fail the same way.
 */
import { closeSync, constants, fsyncSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../core/errors';
import { refuseUnwritableFolder } from './file-checks';
import { fsErrorCode } from './sqlite-errors';
import { removeTemp, sweepStaleTemps, tempNameBeside } from './temp-files';

/** Larger imports are refused before reading: no scenario we can hold comes near this. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/**
 * The text of an import source: UTF-8, at most `maxBytes`. Nothing is written.
 *
 * Only a regular file is read: a FIFO would block forever and a device (say /dev/zero) never
 * ends. The file is opened without blocking and judged by its open descriptor, so nothing can
 * be swapped in between a check and the read. The cap counts bytes as they are read, never
 * what stat claims (/proc files say 0 bytes; a file can grow while it is read). The reads are
 * asynchronous, so the app's main process never waits on the disk.
 */
export async function readImportText(path: string, maxBytes: number = MAX_IMPORT_BYTES): Promise<string> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw fileError(err, path, 'read');
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new AppError('BAD_PATH', `${path} is a folder, not a file.`);
    if (!stats.isFile()) throw new AppError('BAD_PATH', `${path} is not a regular file (a pipe, a device or a socket); only files can be imported.`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new AppError('IMPORT_INVALID', `${basename(path)} is too large to import (over ${formatMegabytes(maxBytes)}).`);
      chunks.push(bytesRead === chunk.byteLength ? chunk : chunk.subarray(0, bytesRead));
    }
    return decodeUtf8(Buffer.concat(chunks, total), path);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError(err, path, 'read');
  } finally {
    await handle.close();
  }
}

const READ_CHUNK_BYTES = 1024 * 1024;

function decodeUtf8(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('IMPORT_INVALID', `${basename(path)} is not UTF-8 text.`);
  }
}

const formatMegabytes = (bytes: number): string => (bytes >= 1048576 ? `${Math.round(bytes / 1048576)} MB` : `${bytes} bytes`);

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
  refuseUnwritableFolder(target, `Cannot write ${target}`);
  sweepStaleTemps(target);
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
    removeTemp(temp);
    throw fileError(err, target, 'write');
  }
}

/** A failed read or write of `path` as an AppError: the code from fsErrorCode, the words naming the path. */
export function fileError(err: unknown, path: string, access: 'read' | 'write'): AppError {
  const errno = (err as NodeJS.ErrnoException).code ?? '';
  const code = fsErrorCode(errno, access, path) ?? 'IO_ERROR';
  const message =
    errno === 'ENOENT' ? `No such file or folder: ${path}.`
    : code === 'BAD_PATH' ? `${path} is not a usable file path.`
    : errno === 'EROFS' ? `${path} is on a read-only disk.`
    : code === 'READ_ONLY' ? `No permission to write ${path}.`
    : errno === 'EACCES' || errno === 'EPERM' ? `No permission to read ${path}.`
    : code === 'DISK_FULL' ? `${basename(path)} was not written: the disk is full. Free some space and try again.`
    : `Could not use ${path}: ${err instanceof Error ? err.message : String(err)}`;
  return new AppError(code, message, { cause: err });
}
