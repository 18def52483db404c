/**
 * The adjacency every analysis shares, built once per call in O(V + E): the nodes in scope
 * (one crisis or the whole file) numbered 0..n-1, leads-to successors and predecessors in
 * compressed rows, and which responses avert or contain each node.
 *
 * Edges are read defensively: an edge whose ends are missing or out of scope is skipped, and
 * parallel leads-to edges count once, so "distinct paths" means distinct node sequences.
 */
import type { Actor, Crisis, GraphNode, ScenarioDocument } from '../model';

export interface AnalysisScope {
  /** Restrict the analysis to one crisis; omitted or null means the whole file. */
  crisisId?: string | null;
}

/** Compressed adjacency rows: the neighbours of node i are `targets[offsets[i] .. offsets[i+1])`. */
export interface AdjacencyRows {
  offsets: Int32Array;
  targets: Int32Array;
}

export interface GraphIndex {
  nodes: GraphNode[];
  indexOf: Map<string, number>;
  /** leads-to, deduplicated. */
  successors: AdjacencyRows;
  predecessors: AdjacencyRows;
  /** For each node, the responses with an averts or contains edge into it (deduplicated). */
  coveredBy: AdjacencyRows;
  /** For each response, how many distinct nodes it averts or contains; 0 for other kinds. */
  targetCount: Int32Array;
}

export function nodesInScope(doc: Pick<ScenarioDocument, 'nodes'>, scope: AnalysisScope = {}): GraphNode[] {
  const crisisId = scope.crisisId ?? null;
  return crisisId === null ? doc.nodes : doc.nodes.filter((n) => n.crisisId === crisisId);
}

export function buildGraphIndex(doc: Pick<ScenarioDocument, 'nodes' | 'edges'>, scope: AnalysisScope = {}): GraphIndex {
  const nodes = nodesInScope(doc, scope);
  const n = nodes.length;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < n; i++) indexOf.set(nodes[i]!.id, i);

  const leadsFrom: number[] = [];
  const leadsTo: number[] = [];
  const coverFrom: number[] = [];
  const coverTo: number[] = [];
  for (const edge of doc.edges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    if (edge.kind === 'leads-to') {
      leadsFrom.push(s);
      leadsTo.push(t);
    } else if (nodes[s]!.kind === 'response') {
      coverFrom.push(s);
      coverTo.push(t);
    }
  }
  const successors = compress(n, leadsFrom, leadsTo);
  const responseTargets = compress(n, coverFrom, coverTo);
  const targetCount = new Int32Array(n);
  for (let r = 0; r < n; r++) targetCount[r] = responseTargets.offsets[r + 1]! - responseTargets.offsets[r]!;
  return {
    nodes,
    indexOf,
    successors,
    predecessors: transpose(successors),
    coveredBy: transpose(responseTargets),
    targetCount,
  };
}

/**
 * Counting sort of (from, to) pairs into rows, keeping document order within a row and
 * dropping repeated pairs. A per-target marker does the deduplication in O(V + E) with no
 * hashing: marker[t] holds the last row that took t.
 */
function compress(n: number, from: number[], to: number[]): AdjacencyRows {
  const counts = new Int32Array(n + 1);
  for (const f of from) counts[f + 1]!++;
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i]!;
  const cursor = counts.slice(0, n);
  const raw = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) raw[cursor[from[k]!]!++] = to[k]!;

  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(from.length);
  const marker = new Int32Array(n).fill(-1);
  let size = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = size;
    for (let k = counts[i]!; k < counts[i + 1]!; k++) {
      const t = raw[k]!;
      if (marker[t] === i) continue;
      marker[t] = i;
      targets[size++] = t;
    }
  }
  offsets[n] = size;
  return { offsets, targets: targets.subarray(0, size) };
}

/** The same edges, reversed: row t lists every i whose row holds t, in ascending i. */
function transpose(rows: AdjacencyRows): AdjacencyRows {
  const n = rows.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  for (const t of rows.targets) offsets[t + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(rows.targets.length);
  for (let i = 0; i < n; i++) {
    for (let k = rows.offsets[i]!; k < rows.offsets[i + 1]!; k++) targets[cursor[rows.targets[k]!]!++] = i;
  }
  return { offsets, targets };
}

export function row(rows: AdjacencyRows, i: number): Int32Array {
  return rows.targets.subarray(rows.offsets[i]!, rows.offsets[i + 1]!);
}

/**
 * Orders shared by every listing so the same document always prints the same way:
 * crises and actors by their `order` then id; text by code units, which (unlike
 * localeCompare) does not depend on the machine's locale.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function rankByOrder<T extends { id: string; order: number }>(items: readonly T[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
  return new Map(sorted.map((item, i) => [item.id, i]));
}

/** Sort key for a node: its crisis's rank, then title, then id. Unknown crises sort last. */
export function nodeComparator(crises: readonly Crisis[]): (a: GraphNode, b: GraphNode) => number {
  const crisisRank = rankByOrder(crises);
  const rank = (id: string): number => crisisRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  return (a, b) => rank(a.crisisId) - rank(b.crisisId) || compareText(a.title, b.title) || compareText(a.id, b.id);
}

/**
 * Each node's position in node order (crisis order, title, id), computed with one sort so
 * later sorts compare integers instead of strings.
 */
export function canonicalRank(nodes: readonly GraphNode[], crises: readonly Crisis[]): Int32Array {
  const crisisRank = rankByOrder(crises);
  const crisisOf = Int32Array.from(nodes, (n) => crisisRank.get(n.crisisId) ?? crises.length);
  const order = Array.from(nodes.keys()).sort(
    (a, b) => crisisOf[a]! - crisisOf[b]! || compareText(nodes[a]!.title, nodes[b]!.title) || compareText(nodes[a]!.id, nodes[b]!.id),
  );
  const rank = new Int32Array(nodes.length);
  order.forEach((node, position) => (rank[node] = position));
  return rank;
}

export function sortedActors(actors: readonly Actor[]): Actor[] {
  return [...actors].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
}
