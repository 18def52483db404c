/**
 * Benchmark for issue 6: every analysis on a generated 20k-node, 30k-edge scenario, set against
 * a plain BFS over the same graph measured in the same run. Each figure is the median of
 * several timed runs after warm-up. Target: ≤ 100 ms per analysis.
 *
 * Run alone with `node --import tsx bench/analysis.bench.ts`; bench/run.ts calls `run()`.
 */
import { pathToFileURL } from 'node:url';
import {
  analyzeDocument,
  cascade,
  consensus,
  coverageGaps,
  formatAnalysisText,
  responsibilities,
  riskAnalysis,
} from '../core/analysis';
import { documentIssues, type ScenarioDocument } from '../core/model';
import { generateDocument } from './fixtures';

const OPTIONS = { crises: 10, nodesPerCrisis: 2000, edgeFactor: 1.5, seed: 20261129 };
const WARMUP = 3;
const RUNS = 15;
const TARGET_MS = 100;

/** Something every measured call feeds, so no engine can drop a call whose result is unused. */
let sink = 0;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times every task in interleaved rounds (task 1, task 2, …, then again), so a burst of load
 * from elsewhere on the machine hits the peer and the analyses alike instead of one of them.
 */
function measureAll(tasks: readonly (() => number)[]): { median: number; best: number }[] {
  for (let i = 0; i < WARMUP; i++) for (const task of tasks) sink += task();
  const samples = tasks.map((): number[] => []);
  for (let round = 0; round < RUNS; round++) {
    tasks.forEach((task, t) => {
      const start = performance.now();
      sink += task();
      samples[t]!.push(performance.now() - start);
    });
  }
  return samples.map((s) => ({ median: median(s), best: Math.min(...s) }));
}

/**
 * The peer: the least any whole-graph analysis must do. Index the nodes by id, build
 * adjacency lists from every edge, then visit every node breadth-first.
 */
function plainBfs(doc: ScenarioDocument): number {
  const indexOf = new Map<string, number>();
  doc.nodes.forEach((node, i) => indexOf.set(node.id, i));
  const adjacency: number[][] = doc.nodes.map(() => []);
  for (const edge of doc.edges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s !== undefined && t !== undefined) adjacency[s]!.push(t);
  }
  const seen = new Uint8Array(doc.nodes.length);
  const queue = new Int32Array(doc.nodes.length);
  let head = 0;
  let tail = 0;
  for (let root = 0; root < doc.nodes.length; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    queue[tail++] = root;
    while (head < tail) {
      const v = queue[head++]!;
      for (const w of adjacency[v]!) {
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
  }
  return head;
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const generatedAt = performance.now();
  const doc = generateDocument(OPTIONS);
  const generateMs = performance.now() - generatedAt;
  if (documentIssues(doc, 1).length > 0) throw new Error('the generated benchmark document is not valid');

  const triggers = doc.nodes.filter((n) => n.kind === 'trigger').map((n) => n.id);
  const oneTrigger = triggers.slice(0, 1);
  const crisisId = doc.crises[0]!.id;
  const full = analyzeDocument(doc);

  const tasks: [string, () => number][] = [
    ['plain BFS over all edges (peer)', () => plainBfs(doc)],
    ['coverageGaps (whole file)', () => coverageGaps(doc).gaps.length],
    ['riskAnalysis: ranking + matrices (whole file)', () => riskAnalysis(doc).ranking.length],
    ['consensus (whole file)', () => consensus(doc).elements.length],
    ['responsibilities (whole file)', () => responsibilities(doc).length],
    [`cascade from all ${triggers.length} triggers`, () => cascade(doc, triggers).reached.length],
    ['cascade from one trigger', () => cascade(doc, oneTrigger).reached.length],
    ['analyzeDocument (all four, whole file)', () => analyzeDocument(doc).gaps.gaps.length],
    ['analyzeDocument (one crisis)', () => analyzeDocument(doc, { crisisId }).gaps.gaps.length],
    ['formatAnalysisText (whole file)', () => formatAnalysisText(full).length],
  ];
  const timings = measureAll(tasks.map(([, task]) => task));
  const peer = timings[0]!.median;

  const ms = (v: number): string => v.toFixed(2);
  const lines = [
    `Document: ${doc.nodes.length} nodes, ${doc.edges.length} edges, ${doc.crises.length} crises, ` +
      `${doc.stances.length} stances (generateDocument ${JSON.stringify(OPTIONS)}, built in ${ms(generateMs)} ms).`,
    `Median (and best) of ${RUNS} interleaved runs after ${WARMUP} warm-up rounds; Node ${process.version}. ` +
      `Target ≤ ${TARGET_MS} ms median each.`,
    '',
    '| task | median ms | best ms | × plain BFS (median) | within target |',
    '|---|---:|---:|---:|:---:|',
    ...tasks.map(([name], i) => {
      const { median: m, best } = timings[i]!;
      const verdict = i === 0 ? '–' : m <= TARGET_MS ? 'yes' : '**no**';
      return `| ${name} | ${ms(m)} | ${ms(best)} | ${(m / peer).toFixed(1)} | ${verdict} |`;
    }),
    '',
    `(checksum ${sink})`,
  ];
  return { title: 'Analyses on a 20k-node, 30k-edge scenario', markdown: lines.join('\n') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { title, markdown } = await run();
  process.stdout.write(`## ${title}\n\n${markdown}\n`);
}
