/**
 * The layout's working graph: nodes by dense index, edges as typed arrays, and
 * compressed adjacency lists. Everything downstream runs on integers so the
 * 20k-node case stays flat in memory and free of per-node objects.
 */
import { AppError } from '../errors';
import type { NodeKind } from '../model/graph';
import type { LayoutInput } from './types';

export interface IndexedGraph {
  count: number;
  ids: string[];
  kinds: NodeKind[];
  widths: Float64Array;
  heights: Float64Array;
  /** Edges whose ends both exist and differ; input order is kept for determinism. */
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

/** Adjacency in compressed-row form: the neighbours of `v` are `list[offsets[v] .. offsets[v + 1])`. */
export interface Adjacency {
  offsets: Int32Array;
  list: Int32Array;
}

/**
 * Index the input. Duplicate ids and unusable sizes are refused, because a position
 * map keyed by id cannot describe them. Edges to unknown nodes and self-loops are
 * skipped: a layout of a selection is routinely handed edges that leave it.
 */
export function indexGraph(input: LayoutInput): IndexedGraph {
  const count = input.nodes.length;
  const ids: string[] = new Array<string>(count);
  const kinds: NodeKind[] = new Array<NodeKind>(count);
  const widths = new Float64Array(count);
  const heights = new Float64Array(count);
  const indexById = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const node = input.nodes[i]!;
    if (indexById.has(node.id)) throw new AppError('INVALID_DATA', `Layout input has the node id "${node.id}" twice.`);
    if (!(node.width > 0 && node.height > 0 && Number.isFinite(node.width) && Number.isFinite(node.height))) {
      throw new AppError('INVALID_DATA', `Node "${node.id}" has no usable size for layout.`);
    }
    indexById.set(node.id, i);
    ids[i] = node.id;
    kinds[i] = node.kind;
    widths[i] = node.width;
    heights[i] = node.height;
  }
  const sources: number[] = [];
  const targets: number[] = [];
  for (const edge of input.edges) {
    const s = indexById.get(edge.source);
    const t = indexById.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    sources.push(s);
    targets.push(t);
  }
  return { count, ids, kinds, widths, heights, edgeSource: Int32Array.from(sources), edgeTarget: Int32Array.from(targets) };
}

/** Directed adjacency `from[i] → to[i]` over the edges that `keep` accepts, in edge order. */
export function buildAdjacency(
  count: number,
  from: Int32Array,
  to: Int32Array,
  keep: (edge: number) => boolean = () => true,
): Adjacency {
  const offsets = new Int32Array(count + 1);
  for (let e = 0; e < from.length; e++) if (keep(e)) offsets[from[e]! + 1]!++;
  for (let v = 0; v < count; v++) offsets[v + 1]! += offsets[v]!;
  const fill = offsets.slice(0, count);
  const list = new Int32Array(offsets[count]!);
  for (let e = 0; e < from.length; e++) if (keep(e)) list[fill[from[e]!]!++] = to[e]!;
  return { offsets, list };
}

/** Sentinel component for nodes without any edge: they share one loose band at the bottom. */
export const LOOSE_COMPONENT = 0x7fffffff;

/**
 * Connected components, numbered in order of each component's first node in the input,
 * so the drawing stacks them in the order the caller listed them.
 */
export function connectedComponents(graph: IndexedGraph): Int32Array {
  const parent = new Int32Array(graph.count);
  for (let v = 0; v < graph.count; v++) parent[v] = v;
  const root = (v: number): number => {
    let r = v;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[v] !== r) {
      const next = parent[v]!;
      parent[v] = r;
      v = next;
    }
    return r;
  };
  const linked = new Uint8Array(graph.count);
  for (let e = 0; e < graph.edgeSource.length; e++) {
    const a = root(graph.edgeSource[e]!);
    const b = root(graph.edgeTarget[e]!);
    linked[graph.edgeSource[e]!] = 1;
    linked[graph.edgeTarget[e]!] = 1;
    // The smaller index wins so a component's root is its first node in input order.
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }
  const component = new Int32Array(graph.count);
  const numberOfRoot = new Map<number, number>();
  for (let v = 0; v < graph.count; v++) {
    if (!linked[v]) {
      component[v] = LOOSE_COMPONENT;
      continue;
    }
    const r = root(v);
    let n = numberOfRoot.get(r);
    if (n === undefined) {
      n = numberOfRoot.size;
      numberOfRoot.set(r, n);
    }
    component[v] = n;
  }
  return component;
}
