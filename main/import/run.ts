/**
 * Importing a file, the one path for the app's handler and the CLI: a worker thread
 * (worker.ts) reads, parses and validates the source while the main thread keeps serving every
 * window. The worker gets a time bound and a byte cap on bytes read; past the bound it is
 * terminated and the import refused with one line naming the file.
 */
import { basename } from 'node:path';
import { AppError, type AppErrorShape } from '../../core/errors';
import type { ImportFormat } from '../../core/formats';
import type { NodeKind, ScenarioDocument } from '../../core/model';
import { MAX_IMPORT_BYTES } from '../../db/file-io';
import type { ImportOutcome } from './document';
import { formatSeconds, runBoundedWorker } from '../bounded-worker';

/** What the worker is asked to do (its workerData). */
export interface ImportRequest {
  path: string;
  format: ImportFormat;
  kind?: NodeKind;
  title: string;
  maxBytes: number;
}

/**
 * The worker's messages: 'read' once the bytes are in, then either 'done' with the importer's
 * outcome or 'failed' with the reader's error (which already names the file).
 */
export type WorkerAnswer = { stage: 'read' } | { stage: 'done'; outcome: ImportOutcome } | { stage: 'failed'; error: AppErrorShape };

export interface ImportWorkerOptions {
  /** The built worker entry (out/main/import-worker.js beside the app's and the CLI's entries). */
  script: string;
  /** How long the whole read, parse and validation may take. */
  timeoutMs?: number;
  maxBytes?: number;
  /** Told when the worker has read the whole file and starts parsing it. */
  onRead?: () => void;
}

/** A 256 MB JSON parses and validates in well under this on a slow machine. */
export const IMPORT_TIMEOUT_MS = 120_000;

/** Read and validate an import source in a worker; nothing is written. Errors name the file. */
export function importInWorker(
  path: string,
  request: { format: ImportFormat; kind?: NodeKind; title: string },
  options: ImportWorkerOptions,
): Promise<{ document: ScenarioDocument; warnings: string[] }> {
  const timeoutMs = options.timeoutMs ?? IMPORT_TIMEOUT_MS;
  const workerData: ImportRequest = { path, ...request, maxBytes: options.maxBytes ?? MAX_IMPORT_BYTES };
  return runBoundedWorker<WorkerAnswer, { document: ScenarioDocument; warnings: string[] }>({
    script: options.script,
    workerData,
    timeoutMs,
    timedOut: () => new AppError('TIMED_OUT', `Import of ${path} was stopped: reading and checking it did not finish in ${formatSeconds(timeoutMs)}.`),
    crashed: (detail, cause) => new AppError('INTERNAL', `Import of ${path} failed: ${detail.replace('the worker', 'the import worker')}`, { cause }),
    onMessage: (message) => {
      if (message.stage === 'read') {
        options.onRead?.();
        return undefined;
      }
      if (message.stage === 'failed') return { error: new AppError(message.error.code, message.error.message) };
      if (message.outcome.ok) return { value: { document: message.outcome.document, warnings: message.outcome.warnings } };
      return { error: new AppError(message.outcome.error.code === 'INTERNAL' ? 'INTERNAL' : 'IMPORT_INVALID', `${basename(path)}: ${message.outcome.error.message}`) };
    },
  });
}
