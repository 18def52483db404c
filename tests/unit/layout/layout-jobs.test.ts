/** The job runner behind the layout worker, driven through fake channels. */
import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../core/layout';
import { createLayoutRunner, replyTo } from '../../../core/layout/jobs';
import type { LayoutChannelEvents, LayoutJob, LayoutRequest } from '../../../core/layout/jobs';
import { crisisGraph } from './generators';

const job = (seed: number): LayoutJob => ({ kind: 'layered', input: crisisGraph(seed, { nodeCount: 40 }) });

/** A channel that answers like the real worker would, but only when told to. */
function fakeWorker() {
  const posted: LayoutRequest[] = [];
  let events: LayoutChannelEvents | undefined;
  let stopped = 0;
  return {
    open(given: LayoutChannelEvents) {
      events = given;
      return { post: (request: LayoutRequest) => posted.push(request), stop: () => stopped++ };
    },
    answerAll() {
      for (const request of posted.splice(0).reverse()) events!.reply(structuredClone(replyTo(request)));
    },
    fail() {
      events!.broken();
    },
    get posted() {
      return posted.length;
    },
    get stopped() {
      return stopped;
    },
  };
}

describe('layout job runner', () => {
  it('matches each reply to its own job, even when replies come back out of order', async () => {
    const worker = fakeWorker();
    const runner = createLayoutRunner((events) => worker.open(events));
    const inputs = [1, 2, 3].map((seed) => crisisGraph(seed, { nodeCount: 40 }));
    const results = Promise.all(inputs.map((input) => runner.run({ kind: 'layered', input })));
    expect(worker.posted).toBe(3);
    worker.answerAll();
    expect(await results).toEqual(inputs.map((input) => layeredLayout(input)));
  });

  it('runs jobs in the calling thread where no worker can start', async () => {
    const runner = createLayoutRunner(() => null);
    const input = crisisGraph(4, { nodeCount: 40 });
    expect(await runner.run({ kind: 'layered', input })).toEqual(layeredLayout(input));
  });

  it('redoes pending jobs in the calling thread when the worker breaks', async () => {
    const worker = fakeWorker();
    const runner = createLayoutRunner((events) => worker.open(events));
    const pending = runner.run(job(5));
    worker.fail();
    expect(worker.stopped).toBe(1);
    expect(Object.keys((await pending).positions)).toHaveLength(40);
    await runner.run(job(6));
    expect(worker.posted).toBe(1); // the broken worker is not used again
  });

  it('rejects with the layout error code, and with CANCELLED on dispose', async () => {
    const runner = createLayoutRunner(() => null);
    const duplicate: LayoutJob = {
      kind: 'layered',
      input: { nodes: [{ id: 'a', kind: 'impact', width: 1, height: 1 }, { id: 'a', kind: 'impact', width: 1, height: 1 }], edges: [] },
    };
    await expect(runner.run(duplicate)).rejects.toMatchObject({ code: 'INVALID_DATA' });
    const worker = fakeWorker();
    const stoppable = createLayoutRunner((events) => worker.open(events));
    const inFlight = stoppable.run(job(7));
    stoppable.dispose();
    await expect(inFlight).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(worker.stopped).toBe(1);
  });

  it('lays out a selection as a job too', async () => {
    const runner = createLayoutRunner(() => null);
    const nodes = [
      { id: 'c', kind: 'crisis' as const, width: 100, height: 50, x: 10, y: 20 },
      { id: 'i', kind: 'impact' as const, width: 100, height: 50, x: 0, y: 400 },
    ];
    const result = await runner.run({ kind: 'selection', input: { nodes, edges: [{ source: 'c', target: 'i', kind: 'leads-to' }] }, selectedIds: ['c', 'i'] });
    expect(result.positions.c).toEqual({ x: 0, y: 20 });
    expect(result.positions.i!.x).toBeGreaterThan(100);
  });
});
