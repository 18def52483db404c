/**
 * The import worker's entry: reads, parses and validates one import source off the main
 * thread, so a slow disk, a huge file or a costly validation never freezes a window. It is
 * started by run.ts, answers with one message, and is terminated if it takes too long.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError, oneLine } from '../../core/errors';
import { readImportText } from '../../db/file-io';
import { importDocument } from './document';
import type { ImportRequest, WorkerAnswer } from './run';

function answer(message: WorkerAnswer): void {
  parentPort?.postMessage(message);
}

async function main(request: ImportRequest): Promise<void> {
  try {
    const text = await readImportText(request.path, request.maxBytes);
    answer({ stage: 'read' });
    const outcome = importDocument(text, { format: request.format, kind: request.kind, title: request.title });
    answer({ stage: 'done', outcome });
  } catch (err) {
    const error = err instanceof AppError ? err.toJSON() : { code: 'INTERNAL' as const, message: oneLine(err instanceof Error ? err.message : String(err)) };
    answer({ stage: 'failed', error });
  }
}

void main(workerData as ImportRequest);
