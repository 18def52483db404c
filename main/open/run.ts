/**
 * The checks of a large scenario file in a worker thread (worker.ts), with a time bound: the
 * one OffThreadChecks for the app's open and the CLI's open, info, check and export
 * (db/open-bounded.ts says which files go there and why the file cannot change meanwhile).
 */
import { AppError } from '../../core/errors';
import type { CheckResult, ContentsResult, OffThreadChecks } from '../../db/open-bounded';
import { formatSeconds, runBoundedWorker } from '../bounded-worker';

/** What the worker is asked (its workerData). */
export interface OpenCheckRequest {
  kind: 'contents' | 'check';
  path: string;
  nativeBinding?: string;
}

/** The worker's one answer. */
export type OpenCheckAnswer =
  | { kind: 'contents'; result: ContentsResult }
  | { kind: 'check'; result: CheckResult }
  | { kind: 'bug'; message: string };

export interface OpenWorkerOptions {
  /** The built worker entry (out/main/open-worker.js beside the app's and the CLI's entries). */
  script: string;
  nativeBinding?: string;
  timeoutMs?: number;
}

/**
 * How long the checks of one file may take. With the schema proven ours they are linear in the
 * file's size: measured at about 18 ms per MB on a quiet 2-core machine and 100 to 200 ms per MB
 * under a load average of 6 (docs/quality.md), so a sound 500 MB file checks within the bound
 * even on a loaded machine. What runs past it is not a file this app can use: a file far larger
 * than a planner's scenario, or a disk that stopped answering. Imports get the same bound.
 */
export const OPEN_CHECK_TIMEOUT_MS = 120_000;

export function openChecksInWorker(options: OpenWorkerOptions): OffThreadChecks {
  const timeoutMs = options.timeoutMs ?? OPEN_CHECK_TIMEOUT_MS;
  /** One request; `pick` takes the result from the answer of its own kind. */
  const run = <T>(kind: OpenCheckRequest['kind'], path: string, pick: (answer: OpenCheckAnswer) => T | undefined) =>
    runBoundedWorker<OpenCheckAnswer, T>({
      script: options.script,
      workerData: { kind, path, nativeBinding: options.nativeBinding } satisfies OpenCheckRequest,
      timeoutMs,
      timedOut: () => new AppError('TIMED_OUT', `${kind === 'contents' ? 'Opening' : 'Checking'} ${path} was stopped: checking the file did not finish in ${formatSeconds(timeoutMs)}. Nothing was changed.`),
      crashed: (detail, cause) => new AppError('INTERNAL', `Checking ${path} failed: ${detail}`, { cause }),
      onMessage: (answer) => {
        if (answer.kind === 'bug') return { error: new AppError('INTERNAL', `Checking ${path} failed: ${answer.message}`) };
        const result = pick(answer);
        return result === undefined ? { error: new AppError('INTERNAL', `Checking ${path} failed: the worker answered a ${answer.kind} request.`) } : { value: result };
      },
    });
  return {
    contents: (path) => run('contents', path, (answer) => (answer.kind === 'contents' ? answer.result : undefined)),
    check: (path) => run('check', path, (answer) => (answer.kind === 'check' ? answer.result : undefined)),
  };
}
