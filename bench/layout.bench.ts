/**
 * Layout benchmark: the layered layout on seeded crisis graphs of 1k, 5k and 20k
 * nodes (one crisis each, about 1.5 edges per node), against an O(V+E) longest-path
 * layering of the same graph in the same run. The peer is the floor any layered
 * layout pays before ordering or placing anything, so the ratio shows what crossing
 * reduction and placement cost on top.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { layeredLayoutReport } from '../core/layout';
import type { LayoutInput, LayoutReport } from '../core/layout';
import { boxesOf, crisisGraph, edgesOverBoxes, overlappingPairs } from '../tests/unit/layout/generators';

interface Case {
  nodes: number;
  runs: number;
  /** Milliseconds; null means "completes" is the target. */
  targetMs: number | null;
}

const CASES: Case[] = [
  { nodes: 1_000, runs: 7, targetMs: 300 },
  { nodes: 5_000, runs: 5, targetMs: 3_000 },
  { nodes: 20_000, runs: 3, targetMs: null },
];

/**
 * The peer: Kahn's topological order with each node one layer past its deepest
 * predecessor. O(V+E). Nodes left on a cycle stay in layer 0 (the generated graphs
 * have none).
 */
export function longestPathLayering(input: LayoutInput): Int32Array {
  const count = input.nodes.length;
  const index = new Map<string, number>();
  input.nodes.forEach((node, i) => index.set(node.id, i));
  const offsets = new Int32Array(count + 1);
  const from: number[] = [];
  const to: number[] = [];
  for (const edge of input.edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) continue;
    from.push(s);
    to.push(t);
    offsets[s + 1]!++;
  }
  for (let v = 0; v < count; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, count);
  const next = new Int32Array(from.length);
  const indegree = new Int32Array(count);
  for (let e = 0; e < from.length; e++) {
    next[fill[from[e]!]!++] = to[e]!;
    indegree[to[e]!]!++;
  }
  const layer = new Int32Array(count);
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < count; v++) if (indegree[v] === 0) queue[tail++] = v;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
      const w = next[k]!;
      if (layer[w]! < layer[v]! + 1) layer[w] = layer[v]! + 1;
      indegree[w] = indegree[w]! - 1;
      if (indegree[w] === 0) queue[tail++] = w;
    }
  }
  return layer;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function timeRuns<T>(runs: number, work: () => T): { ms: number; last: T } {
  let last = work(); // warm-up, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = work();
    times.push(performance.now() - start);
  }
  return { ms: median(times), last };
}

/**
 * Readability at the size of one seeded crisis: edges drawn over boxes, against the
 * same columns stacked in input order (a placement blind to edges), same graphs.
 */
function crisisReadability(): { layout: number; stacked: number; edges: number; graphs: number } {
  const totals = { layout: 0, stacked: 0, edges: 0, graphs: 0 };
  for (let seed = 1; seed <= 30; seed++) {
    const input = crisisGraph(seed, { nodeCount: 10 + (seed % 15) });
    const { positions } = layeredLayoutReport(input);
    const stacked: Record<string, { x: number; y: number }> = {};
    const cursor = new Map<number, number>();
    for (const node of input.nodes) {
      const x = positions[node.id]!.x;
      stacked[node.id] = { x, y: cursor.get(x) ?? 0 };
      cursor.set(x, (cursor.get(x) ?? 0) + node.height + 40);
    }
    totals.layout += edgesOverBoxes(input, positions).length;
    totals.stacked += edgesOverBoxes(input, stacked).length;
    totals.edges += input.edges.length;
    totals.graphs++;
  }
  return totals;
}

const format = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

export async function run(): Promise<{ title: string; markdown: string }> {
  const rows: string[] = [];
  for (const spec of CASES) {
    const input = crisisGraph(2026 + spec.nodes, { nodeCount: spec.nodes });
    const peer = timeRuns(spec.runs, () => longestPathLayering(input));
    const layout = timeRuns<LayoutReport>(spec.runs, () => layeredLayoutReport(input));
    const overlaps = overlappingPairs(boxesOf(input, layout.last.positions)).length;
    const pass = overlaps === 0 && (spec.targetMs === null || layout.ms <= spec.targetMs);
    rows.push(
      [
        spec.nodes.toLocaleString('en'),
        input.edges.length.toLocaleString('en'),
        `${format(layout.ms)} ms`,
        `${format(peer.ms)} ms`,
        `${(layout.ms / Math.max(peer.ms, 1e-3)).toFixed(0)}×`,
        `${layout.last.initialCrossings.toLocaleString('en')} → ${layout.last.crossings.toLocaleString('en')}`,
        String(overlaps),
        spec.targetMs === null ? 'completes' : `≤ ${spec.targetMs.toLocaleString('en')} ms`,
        pass ? 'pass' : 'FAIL',
      ].join(' | '),
    );
  }
  const readable = crisisReadability();
  const markdown = [
    `Median of 3–7 runs after one warm-up; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]!.toFixed(1)} (a shared machine: absolute times move with load, the peer column moves with them).`,
    'Graphs: one crisis each, seeded, ~1.5 edges per node. Crossings: start order (input order) → after reduction.',
    '',
    '| nodes | edges | layered layout | longest-path layering (peer) | ratio | crossings | overlaps | target | result |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
    `Crisis-sized graphs (${readable.graphs} seeds, 10–24 nodes, ${readable.edges} edges): an edge drawn over a box ${readable.layout} times,`,
    `against ${readable.stacked} for the same columns stacked in input order.`,
  ].join('\n');
  return { title: 'Automatic layout', markdown };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { title, markdown } = await run();
  console.log(`## ${title}\n\n${markdown}`);
}
