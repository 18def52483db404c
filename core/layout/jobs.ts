/**
 * Layout as asynchronous jobs, independent of where they run. The renderer plugs in
 * a Web Worker through `LayoutChannel`; this module owns the message shapes, request
 * ids, error codes and the fallback to running in the calling thread, so all of that
 * is testable in plain Node.
 */
import { AppError, isAppError } from '../errors';
import type { AppErrorShape } from '../errors';
import { layeredLayoutReport } from './layered';
import { arrangeSelection } from './selection';
import type { SelectionLayoutInput } from './selection';
import type { LayoutInput, LayoutOptions, LayoutResult } from './types';

export type LayoutJob =
  | { kind: 'layered'; input: LayoutInput; options?: LayoutOptions }
  | { kind: 'selection'; input: SelectionLayoutInput; selectedIds: string[]; options?: Omit<LayoutOptions, 'origin'> };

export interface LayoutRequest {
  id: number;
  job: LayoutJob;
}

export type LayoutReply = { id: number; ok: true; value: LayoutResult } | { id: number; ok: false; error: AppErrorShape };

/** Carry out one job and wrap the outcome so it can cross postMessage; a stray exception becomes INTERNAL. */
export function replyTo(request: LayoutRequest): LayoutReply {
  try {
    const { job } = request;
    const value =
      job.kind === 'layered' ? pickResult(layeredLayoutReport(job.input, job.options)) : arrangeSelection(job.input, job.selectedIds, job.options);
    return { id: request.id, ok: true, value };
  } catch (error) {
    if (isAppError(error)) return { id: request.id, ok: false, error: error.toJSON() };
    const message = error instanceof Error ? error.message : String(error);
    return { id: request.id, ok: false, error: { code: 'INTERNAL', message: `Layout failed: ${message}` } };
  }
}

function pickResult({ positions, width, height }: LayoutResult): LayoutResult {
  return { positions, width, height };
}

/** A running worker as the runner sees it. */
export interface LayoutChannel {
  post(request: LayoutRequest): void;
  stop(): void;
}

/** What the runner gives a channel to call back with. */
export interface LayoutChannelEvents {
  reply(reply: LayoutReply): void;
  /** The worker cannot run (failed to load, or a message could not be read). */
  broken(): void;
}

/** Starts a channel, or returns null where none can run; jobs then run in the calling thread. */
export type OpenLayoutChannel = (events: LayoutChannelEvents) => LayoutChannel | null;

export interface LayoutRunner {
  run(job: LayoutJob): Promise<LayoutResult>;
  /** Stop the channel; jobs in flight reject with CANCELLED. A later job opens a fresh channel. */
  dispose(): void;
}

interface Pending {
  request: LayoutRequest;
  resolve: (result: LayoutResult) => void;
  reject: (error: AppError) => void;
}

export function createLayoutRunner(open: OpenLayoutChannel): LayoutRunner {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let channel: LayoutChannel | null | undefined; // undefined: not opened; null: running in this thread

  const settle = (reply: LayoutReply) => {
    const entry = pending.get(reply.id);
    if (!entry) return;
    pending.delete(reply.id);
    if (reply.ok) entry.resolve(reply.value);
    else entry.reject(new AppError(reply.error.code, reply.error.message));
  };
  // Deferred, so callers see the same asynchronous contract with or without a worker.
  const runHere = (request: LayoutRequest) => {
    void Promise.resolve().then(() => {
      if (pending.has(request.id)) settle(replyTo(request));
    });
  };
  // A worker that cannot load (a CSP refusal, a missing chunk) must not lose jobs: redo them here.
  const abandon = (broken: LayoutChannel | null | undefined) => {
    if (broken !== channel || !broken) return;
    broken.stop();
    channel = null;
    for (const entry of pending.values()) runHere(entry.request);
  };
  const ensureChannel = (): LayoutChannel | null => {
    if (channel !== undefined) return channel;
    let opened: LayoutChannel | null = null;
    opened = open({ reply: settle, broken: () => abandon(opened) });
    channel = opened;
    return channel;
  };

  return {
    run(job) {
      return new Promise<LayoutResult>((resolve, reject) => {
        const request: LayoutRequest = { id: nextId++, job };
        pending.set(request.id, { request, resolve, reject });
        const target = ensureChannel();
        if (target) target.post(request);
        else runHere(request);
      });
    },
    dispose() {
      channel?.stop();
      channel = undefined;
      for (const entry of [...pending.values()]) {
        pending.delete(entry.request.id);
        entry.reject(new AppError('CANCELLED', 'Layout was stopped.'));
      }
    },
  };
}
