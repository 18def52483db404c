// The ELK peer of the layout benchmark, in a worker thread so a size that runs too long can be
// stopped (elkjs lays out synchronously on the thread that calls it). Receives an ELK graph,
// answers with the node positions and the milliseconds elk.layout took, measured here so the
// message passing is not counted.
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import ELK from 'elkjs/lib/elk.bundled.js';

const elk = new ELK();
parentPort.on('message', async (graph) => {
  try {
    const start = performance.now();
    const laid = await elk.layout(graph);
    const ms = performance.now() - start;
    const positions = {};
    for (const child of laid.children ?? []) positions[child.id] = { x: child.x ?? 0, y: child.y ?? 0 };
    parentPort.postMessage({ ok: true, ms, positions });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: String(err?.message ?? err) });
  }
});
