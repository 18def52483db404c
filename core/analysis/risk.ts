/**
 * Risk: each node's effective likelihood from its upstream triggers and crises, each impact's
 * risk (effective likelihood × severity), the ranking and the 5×5 matrix.
 *
 * Effective likelihood is "the strongest chain, where a chain is as likely as its weakest
 * scored link": the greatest, over leads-to walks from a root to the node, of the smallest
 * likelihood score on the walk. docs/analysis.md gives the full rule, including roots inside
 * cycles and unscored nodes.
 */
import type { ScenarioDocument } from '../model';
import { stronglyConnectedComponents } from './components';
import { buildGraphIndex, canonicalRank, compareText, type AnalysisScope, type GraphIndex } from './graph-index';

const MAX_SCORE = 5;

export interface RiskEntry {
  nodeId: string;
  crisisId: string;
  title: string;
  /** Effective likelihood 1-5; null when no scored trigger or crisis leads to the impact. */
  likelihood: number | null;
  severity: number | null;
  /** likelihood × severity (1-25); null when either is missing. */
  risk: number | null;
  /** 1-based position among rated impacts; null for unrated ones, which sort last. */
  rank: number | null;
}

export interface RiskMatrix {
  crisisId: string | null;
  /** cells[likelihood - 1][severity - 1]: impact ids in ranking order. */
  cells: string[][][];
  /** counts[likelihood - 1][severity - 1]. */
  counts: number[][];
  /** Impacts left out because their likelihood or severity is missing, in ranking order. */
  unrated: string[];
}

type RiskInput = Pick<ScenarioDocument, 'nodes' | 'edges' | 'crises'>;

/**
 * Effective likelihood of every node in the index (0 = none). Threshold form of the rule:
 * a node's value is at least k exactly when some walk from a root reaches it through nodes
 * that are unscored or scored ≥ k, passing at least one scored node. That is one two-state
 * BFS per k, so O(5 · (V + E)) overall, and cycles need no special care.
 */
export function computeEffectiveLikelihood(graph: GraphIndex): Uint8Array {
  const n = graph.nodes.length;
  const { offsets, targets } = graph.successors;
  const score = new Uint8Array(n);
  for (let i = 0; i < n; i++) score[i] = graph.nodes[i]!.likelihood ?? 0;
  const isRoot = rootsOf(graph);

  const effective = new Uint8Array(n);
  // visited[2i] = reached with no scored node yet; visited[2i + 1] = reached after one.
  const visited = new Uint8Array(2 * n);
  const queue = new Int32Array(2 * n);
  for (let k = MAX_SCORE; k >= 1; k--) {
    visited.fill(0);
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const s = score[i]!;
      if (!isRoot[i] || (s !== 0 && s < k)) continue;
      const state = 2 * i + (s !== 0 ? 1 : 0);
      visited[state] = 1;
      queue[tail++] = state;
    }
    while (head < tail) {
      const state = queue[head++]!;
      const v = state >> 1;
      const seenScored = state & 1;
      if (seenScored && effective[v] === 0) effective[v] = k;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const w = targets[e]!;
        const s = score[w]!;
        if (s !== 0 && s < k) continue;
        const next = 2 * w + (seenScored || s !== 0 ? 1 : 0);
        if (visited[next]) continue;
        visited[next] = 1;
        queue[tail++] = next;
      }
    }
  }
  return effective;
}

/**
 * Where walks may begin: nodes whose strongly connected component nothing outside it leads
 * into. In an acyclic graph these are exactly the nodes with no leads-to predecessor; a cycle
 * that nothing enters has every node as a root, so it is not silently unscored.
 */
function rootsOf(graph: GraphIndex): Uint8Array {
  const n = graph.nodes.length;
  const { componentOf, count } = stronglyConnectedComponents(graph.successors);
  const entered = new Uint8Array(count);
  const { offsets, targets } = graph.successors;
  for (let v = 0; v < n; v++) {
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = targets[e]!;
      if (componentOf[w] !== componentOf[v]) entered[componentOf[w]!] = 1;
    }
  }
  const isRoot = new Uint8Array(n);
  for (let i = 0; i < n; i++) isRoot[i] = entered[componentOf[i]!] ? 0 : 1;
  return isRoot;
}

/** Effective likelihood of every node in scope, by id (null where none). */
export function effectiveLikelihoods(doc: RiskInput, scope: AnalysisScope = {}): Record<string, number | null> {
  const graph = buildGraphIndex(doc, scope);
  const effective = computeEffectiveLikelihood(graph);
  const out: Record<string, number | null> = {};
  graph.nodes.forEach((node, i) => (out[node.id] = effective[i] || null));
  return out;
}

/** Every impact in scope, highest risk first. Ties: severity, then likelihood (both higher
 *  first), then crisis order, title and id, so the order never depends on input order. */
export function riskRanking(doc: RiskInput, scope: AnalysisScope = {}, index?: GraphIndex): RiskEntry[] {
  const graph = index ?? buildGraphIndex(doc, scope);
  const effective = computeEffectiveLikelihood(graph);
  const order = canonicalRank(graph.nodes, doc.crises);
  const entries: { entry: RiskEntry; order: number }[] = [];
  graph.nodes.forEach((node, i) => {
    if (node.kind !== 'impact') return;
    const likelihood = effective[i] || null;
    const severity = node.severity;
    const risk = likelihood !== null && severity !== null ? likelihood * severity : null;
    entries.push({ entry: { nodeId: node.id, crisisId: node.crisisId, title: node.title, likelihood, severity, risk, rank: null }, order: order[i]! });
  });
  // The last key, node order, is crisis order, then title, then id.
  entries.sort(
    ({ entry: a, order: p }, { entry: b, order: q }) =>
      descendingNullsLast(a.risk, b.risk) ||
      descendingNullsLast(a.severity, b.severity) ||
      descendingNullsLast(a.likelihood, b.likelihood) ||
      p - q,
  );
  let rank = 0;
  for (const { entry } of entries) if (entry.risk !== null) entry.rank = ++rank;
  return entries.map(({ entry }) => entry);
}

function descendingNullsLast(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/** The 5×5 matrix of a ranking (already restricted to the scope it describes). */
export function matrixOf(ranking: readonly RiskEntry[], crisisId: string | null): RiskMatrix {
  const cells = Array.from({ length: MAX_SCORE }, () => Array.from({ length: MAX_SCORE }, (): string[] => []));
  const unrated: string[] = [];
  for (const entry of ranking) {
    if (entry.likelihood === null || entry.severity === null) unrated.push(entry.nodeId);
    else cells[entry.likelihood - 1]![entry.severity - 1]!.push(entry.nodeId);
  }
  const counts = cells.map((r) => r.map((cell) => cell.length));
  return { crisisId, cells, counts, unrated };
}

/** The 5×5 likelihood × severity matrix for one crisis, or for the whole file. */
export function riskMatrix(doc: RiskInput, scope: AnalysisScope = {}, index?: GraphIndex): RiskMatrix {
  return matrixOf(riskRanking(doc, scope, index), scope.crisisId ?? null);
}

export interface RiskAnalysis {
  ranking: RiskEntry[];
  /** The matrix of the whole scope. */
  matrix: RiskMatrix;
  /** One matrix per crisis in scope, in crisis order (a single entry when scoped to a crisis). */
  byCrisis: RiskMatrix[];
}

export function riskAnalysis(doc: RiskInput, scope: AnalysisScope = {}, index?: GraphIndex): RiskAnalysis {
  const ranking = riskRanking(doc, scope, index);
  const crisisId = scope.crisisId ?? null;
  const crises = [...doc.crises]
    .filter((c) => crisisId === null || c.id === crisisId)
    .sort((a, b) => a.order - b.order || compareText(a.id, b.id));
  // Effective likelihood never crosses crises (edges stay inside one), so slicing the
  // file-wide ranking per crisis gives the same matrix as analysing that crisis alone.
  const perCrisis = new Map<string, RiskEntry[]>(crises.map((c) => [c.id, []]));
  for (const entry of ranking) perCrisis.get(entry.crisisId)?.push(entry);
  return {
    ranking,
    matrix: matrixOf(ranking, crisisId),
    byCrisis: crises.map((c) => matrixOf(perCrisis.get(c.id)!, c.id)),
  };
}
