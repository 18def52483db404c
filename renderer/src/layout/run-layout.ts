/**
 * Layout off the UI thread. `runLayout` and `runArrangeSelection` post the job to a
 * Web Worker and resolve with its result; a failed job rejects with an AppError
 * carrying the worker's code. Where no Worker exists, or the worker cannot start,
 * the job runs in the page instead (see core/layout/jobs.ts), with the same contract.
 */
import { createLayoutRunner } from '../../../core/layout/jobs';
import type { LayoutChannel, LayoutChannelEvents, LayoutReply, LayoutRunner } from '../../../core/layout/jobs';
import type { LayoutInput, LayoutOptions, LayoutResult, SelectionLayoutInput } from '../../../core/layout';

/** Opens the layout worker. Vite bundles the worker from this exact `new Worker(new URL(...))` form. */
export function openLayoutWorker(events: LayoutChannelEvents): LayoutChannel | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<LayoutReply>) => events.reply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    events.broken();
  };
  worker.onmessageerror = () => events.broken();
  return { post: (request) => worker.postMessage(request), stop: () => worker.terminate() };
}

/**
 * One runner for the page, started on first use. It holds no document state, only
 * the worker and the jobs in flight, so sharing it across documents is safe.
 */
let pageRunner: LayoutRunner | undefined;
function sharedRunner(): LayoutRunner {
  pageRunner ??= createLayoutRunner(openLayoutWorker);
  return pageRunner;
}

export function runLayout(input: LayoutInput, options?: LayoutOptions): Promise<LayoutResult> {
  return sharedRunner().run({ kind: 'layered', input, options });
}

export function runArrangeSelection(
  input: SelectionLayoutInput,
  selectedIds: string[],
  options?: Omit<LayoutOptions, 'origin'>,
): Promise<LayoutResult> {
  return sharedRunner().run({ kind: 'selection', input, selectedIds, options });
}
