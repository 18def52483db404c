/**
 * Layout benchmark: our layered layout against elkjs's layered algorithm (bench/layout-peer.ts),
 * on the same seeded crisis graphs in the same run: crisis-sized graphs (10–24 nodes, what a
 * planner draws) and one-crisis graphs of 1k, 5k and 20k nodes (about 1.5 edges per node). ELK
 * gets our columns as partitions, our node sizes and gaps, and a time budget per size; both
 * drawings are measured by the same functions. The rule (issue 16): keep our layout if it wins or
 * ties on quality at three times ELK's speed or more, otherwise switch.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LAYER_GAP, DEFAULT_NODE_GAP, layeredLayoutReport } from '../core/layout';
import type { LayoutInput, LayoutReport } from '../core/layout';
import { boxesOf, crisisGraph, edgesOverBoxes, overlappingPairs } from '../tests/unit/layout/generators';
import { ElkPeer, columnsOf, segmentCrossings, type PeerRun } from './layout-peer';

interface Case {
  nodes: number;
  runs: number;
  /** Milliseconds; null means "completes" is the target. */
  targetMs: number | null;
}

const CASES: Case[] = [
  { nodes: 250, runs: 5, targetMs: null },
  { nodes: 500, runs: 5, targetMs: null },
  { nodes: 1_000, runs: 5, targetMs: 300 },
  { nodes: 5_000, runs: 3, targetMs: 3_000 },
  { nodes: 20_000, runs: 3, targetMs: null },
];
/** How long ELK may take on one graph before that size counts as not completed. */
const ELK_BUDGET_MS = Number(process.env.ELK_BUDGET_MS ?? 180_000);
const GAPS = { nodeGap: DEFAULT_NODE_GAP, layerGap: DEFAULT_LAYER_GAP };
/** Within this share of each other, two quality figures count as a tie. */
const TIE = 0.05;

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

interface Quality {
  crossings: number;
  overBoxes: number;
  overlaps: number;
}

function quality(input: LayoutInput, positions: Record<string, { x: number; y: number }>): Quality {
  return {
    crossings: segmentCrossings(input, positions),
    overBoxes: edgesOverBoxes(input, positions).length,
    overlaps: overlappingPairs(boxesOf(input, positions)).length,
  };
}

const add = (a: Quality, b: Quality): Quality => ({ crossings: a.crossings + b.crossings, overBoxes: a.overBoxes + b.overBoxes, overlaps: a.overlaps + b.overlaps });
const ZERO: Quality = { crossings: 0, overBoxes: 0, overlaps: 0 };

/** The figures on which ours is worse than the peer by more than a tie (TIE). */
function behindOn(ours: Quality, peer: Quality): string[] {
  const behind: string[] = [];
  if (ours.overlaps > peer.overlaps) behind.push('overlaps');
  if (ours.crossings > peer.crossings * (1 + TIE)) behind.push(`crossings (${n(ours.crossings)} against ${n(peer.crossings)})`);
  if (ours.overBoxes > peer.overBoxes * (1 + TIE)) behind.push(`edges over a box (${n(ours.overBoxes)} against ${n(peer.overBoxes)})`);
  return behind;
}

/** The crisis-sized graphs: 30 seeds, 10–24 nodes, each laid out by both; totals. */
async function crisisSized(peer: ElkPeer): Promise<{ ours: Quality; elk: Quality; stacked: number; edges: number; graphs: number; oursMs: number; elkMs: number; failed: string[] }> {
  const out = { ours: ZERO, elk: ZERO, stacked: 0, edges: 0, graphs: 0, oursMs: 0, elkMs: 0, failed: [] as string[] };
  for (let seed = 1; seed <= 30; seed++) {
    const input = crisisGraph(seed, { nodeCount: 10 + (seed % 15) });
    const ours = timeRuns(5, () => layeredLayoutReport(input));
    const elk = await bestOf(peer, input, ours.last.positions, 5);
    // A placement blind to edges, for scale: the same columns stacked in input order.
    const stacked: Record<string, { x: number; y: number }> = {};
    const cursor = new Map<number, number>();
    for (const node of input.nodes) {
      const x = ours.last.positions[node.id]!.x;
      stacked[node.id] = { x, y: cursor.get(x) ?? 0 };
      cursor.set(x, (cursor.get(x) ?? 0) + node.height + DEFAULT_NODE_GAP);
    }
    out.ours = add(out.ours, quality(input, ours.last.positions));
    out.oursMs += ours.ms;
    if (elk.ok) {
      out.elk = add(out.elk, quality(input, elk.positions));
      out.elkMs += elk.ms;
    } else out.failed.push(`seed ${seed}: ${elk.reason}`);
    out.stacked += edgesOverBoxes(input, stacked).length;
    out.edges += input.edges.length;
    out.graphs++;
  }
  return out;
}

/** The median time of `runs` ELK layouts of one graph (its positions from the last). */
async function bestOf(peer: ElkPeer, input: LayoutInput, ours: Record<string, { x: number; y: number }>, runs: number): Promise<PeerRun> {
  const columns = columnsOf(ours);
  const times: number[] = [];
  let last: PeerRun = { ok: false, reason: 'not run' };
  for (let i = 0; i < runs; i++) {
    last = await peer.layout(input, columns, GAPS, ELK_BUDGET_MS);
    if (!last.ok) return last;
    times.push(last.ms);
  }
  return last.ok ? { ...last, ms: median(times) } : last;
}

const format = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const n = (value: number) => value.toLocaleString('en');

export async function run(): Promise<{ title: string; markdown: string }> {
  const peer = new ElkPeer();
  const rows: string[] = [];
  /** Per size both complete: which quality figures ours is behind on, and whether it is 3× faster. */
  const verdicts: { size: string; behind: string[]; fastEnough: boolean }[] = [];
  const completes = { ours: 0, elk: 0 };
  let elkStopped: string | null = null;
  try {
    const small = await crisisSized(peer);
    const smallFaster = small.elkMs / Math.max(small.oursMs, 1e-3);
    if (small.failed.length === 0) verdicts.push({ size: 'crisis-sized', behind: behindOn(small.ours, small.elk), fastEnough: smallFaster >= 3 });
    for (const spec of CASES) {
      const input = crisisGraph(2026 + spec.nodes, { nodeCount: spec.nodes });
      const layout = timeRuns<LayoutReport>(spec.runs, () => layeredLayoutReport(input));
      const ours = quality(input, layout.last.positions);
      completes.ours = spec.nodes;
      const elk: PeerRun = elkStopped ? { ok: false, reason: elkStopped } : await bestOf(peer, input, layout.last.positions, spec.nodes <= 1_000 ? 3 : 1);
      if (elk.ok) completes.elk = spec.nodes;
      else elkStopped ??= elk.reason;
      const theirs = elk.ok ? quality(input, elk.positions) : null;
      const ratio = elk.ok ? elk.ms / Math.max(layout.ms, 1e-3) : null;
      if (theirs && ratio !== null) verdicts.push({ size: `${n(spec.nodes)} nodes`, behind: behindOn(ours, theirs), fastEnough: ratio >= 3 });
      const pass = ours.overlaps === 0 && (spec.targetMs === null || layout.ms <= spec.targetMs);
      rows.push(
        [
          n(spec.nodes),
          n(input.edges.length),
          `${format(layout.ms)} ms`,
          elk.ok ? `${format(elk.ms)} ms` : elk.reason,
          ratio === null ? '–' : `${ratio.toFixed(1)}×`,
          `${n(ours.crossings)} / ${theirs ? n(theirs.crossings) : '–'}`,
          `${n(ours.overBoxes)} / ${theirs ? n(theirs.overBoxes) : '–'}`,
          `${ours.overlaps} / ${theirs ? theirs.overlaps : '–'}`,
          spec.targetMs === null ? 'completes' : `≤ ${n(spec.targetMs)} ms`,
          pass ? 'pass' : 'FAIL',
        ].join(' | '),
      );
    }
    const lost = verdicts.filter((v) => v.behind.length > 0 || !v.fastEnough);
    const ruleMet = verdicts.length > 0 && lost.length === 0;
    const shortfall = lost.map((v) => `${v.size}: ${[...v.behind.map((f) => `behind on ${f}`), ...(v.fastEnough ? [] : ['under 3× faster'])].join(', ')}`).join('; ');
    const verdict = ruleMet
      ? 'keep our layout: it wins or ties on every figure at 3× ELK\'s speed or more, at every size both complete.'
      : completes.elk < completes.ours
        ? `the rule is not met (${shortfall}), but ELK does not lay out the larger crises the app must draw (it completes ${completes.elk ? `${n(completes.elk)} nodes` : 'none of the sized graphs'}, ours ${n(completes.ours)}), so switching would lose them: keep our layout and close the gap on what it is behind on.`
        : `switch to ELK: ${shortfall}.`;
    const markdown = [
      `Median of 3–5 runs after one warm-up (ELK: 3 runs up to 1k nodes, then 1); Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]!.toFixed(1)} (a shared machine: absolute times move with load; both layouts are timed in the same run).`,
      `Peer: elkjs ${ELK_VERSION} layered (crossing minimisation by layer sweep, Brandes–Köpf placement), given our columns as partitions, our node sizes and gaps, in a worker thread with a ${Math.round(ELK_BUDGET_MS / 1000)} s budget per graph.`,
      'Quality, ours / ELK, from node positions alone, with edges drawn as the canvas draws them (one stroke from the source\'s right side to the target\'s left, no bend points; ELK\'s own routes are not used): crossings, edges drawn over a box, overlapping boxes.',
      '',
      `Crisis-sized graphs (${small.graphs} seeds, 10–24 nodes, ${small.edges} edges), totals, ours / ELK: crossings ${small.ours.crossings} / ${small.elk.crossings}, edges over a box ${small.ours.overBoxes} / ${small.elk.overBoxes} (the same columns stacked in input order: ${small.stacked}), overlaps ${small.ours.overlaps} / ${small.elk.overlaps}; time ${format(small.oursMs)} ms / ${format(small.elkMs)} ms (${smallFaster.toFixed(1)}×).${small.failed.length ? ` ELK failed on ${small.failed.join('; ')}.` : ''}`,
      '',
      '| nodes | edges | our layout | ELK layered | ELK ÷ ours | crossings | edges over a box | overlaps | target | result |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
      ...rows.map((row) => `| ${row} |`),
      '',
      `Largest size completed: ours ${n(completes.ours)} nodes, ELK ${completes.elk ? `${n(completes.elk)} nodes` : 'none of these sizes'}${elkStopped ? ` (${elkStopped} at the next size)` : ''}.`,
      `Rule (issue 16): keep ours if it wins or ties (within ${TIE * 100}%) on crossings, edges over a box and overlaps and is at least 3× faster, at every size both complete; otherwise switch.`,
      `Verdict: ${verdict}`,
    ].join('\n');
    return { title: 'Automatic layout', markdown };
  } finally {
    await peer.close();
  }
}

const ELK_VERSION = (await import('elkjs/package.json', { with: { type: 'json' } })).default.version;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { title, markdown } = await run();
  console.log(`## ${title}\n\n${markdown}`);
}
