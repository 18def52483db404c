/**
 * One worker thread, one answer, a time bound: how every long pass over an untrusted file (an
 * import, main/import/run.ts; the checks of a large scenario, main/open/run.ts) runs off the
 * main thread. Past the bound the caller gets the refusal at once and the worker is told to
 * stop. A worker inside a native call (an SQLite pass) stops only when that call returns, but
 * the caller does not wait for it, and the worker only ever reads.
 */
import { Worker } from 'node:worker_threads';
import type { AppError } from '../core/errors';

/** What a worker message settles: a value, a refusal, or nothing yet (a progress message). */
export type Settlement<T> = { value: T } | { error: AppError } | undefined;

export interface BoundedWorkerOptions<M, T> {
  /** The built worker entry. */
  script: string;
  workerData: unknown;
  timeoutMs: number;
  /** The refusal once timeoutMs has passed: one line naming the file. */
  timedOut: () => AppError;
  /** The refusal when the worker failed without answering (a thrown error, an exit). */
  crashed: (detail: string, cause?: unknown) => AppError;
  onMessage: (message: M) => Settlement<T>;
}

export function runBoundedWorker<M, T>(options: BoundedWorkerOptions<M, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(options.script, { workerData: options.workerData });
    let settled = false;
    const settle = (outcome: NonNullable<Settlement<T>>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if ('value' in outcome) resolve(outcome.value);
      else reject(outcome.error);
      // A worker still inside a native call must not keep the process alive after its refusal.
      worker.unref();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle({ error: options.timedOut() }), options.timeoutMs);
    worker.on('message', (message: M) => {
      const outcome = options.onMessage(message);
      if (outcome) settle(outcome);
    });
    worker.on('error', (err) => settle({ error: options.crashed(err.message, err) }));
    worker.on('exit', (code) => settle({ error: options.crashed(`the worker stopped (exit code ${code}).`) }));
  });
}

export const formatSeconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);
