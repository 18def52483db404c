/**
 * The open check's worker entry: runs the checks of one large scenario file (db/open-bounded.ts)
 * on its own read-only connection, off the main thread, and answers with one message: what it
 * read and validated, or the refusal the synchronous path would give, word for word.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { oneLine } from '../../core/errors';
import { checkScenarioFile } from '../../db/open';
import { readVerifiedContents } from '../../db/open-bounded';
import type { OpenCheckAnswer, OpenCheckRequest } from './run';

function run(request: OpenCheckRequest): OpenCheckAnswer {
  const options = { nativeBinding: request.nativeBinding };
  try {
    return request.kind === 'contents'
      ? { kind: 'contents', result: readVerifiedContents(request.path, options) }
      : { kind: 'check', result: checkScenarioFile(request.path, options) };
  } catch (err) {
    // Both functions return their failures; anything thrown is a bug, reported without a stack.
    return { kind: 'bug', message: oneLine(err instanceof Error ? err.message : String(err)) };
  }
}

parentPort?.postMessage(run(workerData as OpenCheckRequest));
