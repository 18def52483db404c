/**
 * The adjacency every analysis shares, built once per call in O(V + E): the nodes in scope
 * (one crisis or the whole file) numbered 0..n-1, leads-to successors and predecessors in
 * compressed rows, and which responses avert or contain each node.
 *
 * Edges are read defensively: an edge whose ends are missing or out of scope is skipped, and
 * parallel leads-to edges count once, so "distinct paths" means distinct node sequences.
 */
import type { Actor, Crisis, GraphEdge, GraphNode, ScenarioDocument } from '../model';

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
  const coverTarget: number[] = [];
  const coverResponse: number[] = [];
  // s * n + t stays below 2^53 for any document the schema admits (at most 10^6 nodes).
  const seenLead = new Set<number>();
  const seenCover = new Set<number>();
  for (const edge of doc.edges) {
    const s = indexOf.get(edge.source);
    const t = indexOf.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s * n + t;
    if (isLeadsTo(edge)) {
      if (seenLead.has(key)) continue;
      seenLead.add(key);
      leadsFrom.push(s);
      leadsTo.push(t);
    } else if (nodes[s]!.kind === 'response') {
      if (seenCover.has(key)) continue;
      seenCover.add(key);
      coverTarget.push(t);
      coverResponse.push(s);
    }
  }
  const targetCount = new Int32Array(n);
  for (const r of coverResponse) targetCount[r]!++;
  return {
    nodes,
    indexOf,
    successors: compress(n, leadsFrom, leadsTo),
    predecessors: compress(n, leadsTo, leadsFrom),
    coveredBy: compress(n, coverTarget, coverResponse),
    targetCount,
  };
}

function isLeadsTo(edge: GraphEdge): boolean {
  return edge.kind === 'leads-to';
}

/** Counting sort of (from, to) pairs into rows; keeps the edges' document order within a row. */
function compress(n: number, from: number[], to: number[]): AdjacencyRows {
  const offsets = new Int32Array(n + 1);
  for (const f of from) offsets[f + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) targets[cursor[from[k]!]!++] = to[k]!;
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

export function sortedActors(actors: readonly Actor[]): Actor[] {
  return [...actors].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
}
