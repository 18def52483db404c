/**
 * The layout benchmark's peer and its yardsticks. The peer is elkjs's layered algorithm (the
 * Eclipse Layout Kernel, the usual choice for layered diagrams on the web), given the same
 * graphs, the same node sizes and gaps, and the same columns our layout chose: each node is put
 * in an ELK partition numbered by its column, so ELK orders and places nodes within the columns
 * we would draw and the two are compared on the job our layout does after picking columns.
 *
 * Both drawings are measured by the same functions from the positions alone: crossings of the
 * straight segments from each edge's source (right middle) to its target (left middle), edges
 * drawn over a box (edgesOverBoxes, the unit tests' yardstick) and overlapping boxes.
 */
import { Worker } from 'node:worker_threads';
import type { LayoutInput, Point } from '../core/layout';

const WORKER = new URL('./elk-worker.mjs', import.meta.url);

type Positions = Record<string, Point>;
export type PeerRun = { ok: true; ms: number; positions: Positions } | { ok: false; reason: string };

interface WorkerAnswer {
  ok: boolean;
  ms?: number;
  positions?: Positions;
  message?: string;
}

/** One worker thread running ELK; a layout that runs past its budget ends the thread. */
export class ElkPeer {
  private worker: Worker | null = null;

  async layout(input: LayoutInput, columnOf: ReadonlyMap<string, number>, gaps: { nodeGap: number; layerGap: number }, budgetMs: number): Promise<PeerRun> {
    this.worker ??= new Worker(WORKER);
    const worker = this.worker;
    const graph = {
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.partitioning.activate': 'true',
        'elk.spacing.nodeNode': String(gaps.nodeGap),
        'elk.layered.spacing.nodeNodeBetweenLayers': String(gaps.layerGap),
        'elk.edgeRouting': 'POLYLINE',
        'elk.randomSeed': '1',
      },
      children: input.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height, layoutOptions: { 'elk.partitioning.partition': String(columnOf.get(n.id) ?? 0) } })),
      edges: input.edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
    };
    return new Promise<PeerRun>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        void worker.terminate();
        this.worker = null;
        resolve({ ok: false, reason: `not done in ${Math.round(budgetMs / 1000)} s` });
      }, budgetMs);
      const onMessage = (answer: WorkerAnswer) => {
        cleanup();
        resolve(answer.ok ? { ok: true, ms: answer.ms!, positions: answer.positions! } : { ok: false, reason: answer.message ?? 'failed' });
      };
      const onError = (err: Error) => {
        cleanup();
        this.worker = null;
        resolve({ ok: false, reason: err.message });
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(graph);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

/** Column index of each node in a drawing: its distinct left edges, left to right. */
export function columnsOf(positions: Positions): Map<string, number> {
  const xs = [...new Set(Object.values(positions).map((p) => p.x))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  return new Map(Object.entries(positions).map(([id, p]) => [id, index.get(p.x)!]));
}

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  source: string;
  target: string;
}

/**
 * Pairs of edges whose straight segments cross (sharing an end node is not a crossing). Edges are
 * swept by their left end, so only pairs whose x ranges overlap are tested.
 */
export function segmentCrossings(input: LayoutInput, positions: Positions): number {
  const size = new Map(input.nodes.map((n) => [n.id, n]));
  const segments: Segment[] = [];
  for (const e of input.edges) {
    const s = positions[e.source];
    const t = positions[e.target];
    const sn = size.get(e.source);
    const tn = size.get(e.target);
    if (!s || !t || !sn || !tn) continue;
    const a = { x: s.x + sn.width, y: s.y + sn.height / 2 };
    const b = { x: t.x, y: t.y + tn.height / 2 };
    const [l, r] = a.x <= b.x ? [a, b] : [b, a];
    segments.push({ x1: l.x, y1: l.y, x2: r.x, y2: r.y, source: e.source, target: e.target });
  }
  segments.sort((p, q) => p.x1 - q.x1);
  let count = 0;
  for (let i = 0; i < segments.length; i++) {
    const p = segments[i]!;
    for (let j = i + 1; j < segments.length && segments[j]!.x1 < p.x2; j++) {
      const q = segments[j]!;
      if (p.source === q.source || p.source === q.target || p.target === q.source || p.target === q.target) continue;
      if (properlyIntersect(p, q)) count++;
    }
  }
  return count;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function properlyIntersect(p: Segment, q: Segment): boolean {
  const o1 = orientation(p.x1, p.y1, p.x2, p.y2, q.x1, q.y1);
  const o2 = orientation(p.x1, p.y1, p.x2, p.y2, q.x2, q.y2);
  const o3 = orientation(q.x1, q.y1, q.x2, q.y2, p.x1, p.y1);
  const o4 = orientation(q.x1, q.y1, q.x2, q.y2, p.x2, p.y2);
  return o1 * o2 < 0 && o3 * o4 < 0;
}
