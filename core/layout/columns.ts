/**
 * Which column each node goes in. The columns follow the story left to right:
 *
 *   triggers (deepest first) → crisis → impacts (by cascade depth)
 *
 * and each response sits in a column of its own just LEFT of the column of what it
 * averts or contains, so every edge of a well-formed graph points rightwards and
 * reads like the rest of the chain. A response aimed at several columns takes the
 * leftmost one; its other edges then also run rightwards. A response aimed at
 * nothing (or only at other responses) goes in a last column on the far right.
 *
 * Triggers are ranked by their longest leads-to chain still to come before the
 * crisis, so the triggers that feed the crisis directly stand next to it. Impacts are
 * ranked by their longest cascade from the crisis. Cycles in either chain are broken
 * by dropping the back edges of a depth-first search in input order.
 */
import type { IndexedGraph } from './graph';
import { buildAdjacency } from './graph';

export interface ColumnAssignment {
  /** Dense column of each node, 0 = leftmost. */
  column: Int32Array;
  columnCount: number;
}

/** Each trigger's chain still ahead of the crisis and each impact's cascade depth, with their counts. */
export interface ChainRanks {
  triggerHeight: Int32Array;
  impactDepth: Int32Array;
  triggerLayers: number;
  impactLayers: number;
}

export function chainRanks(graph: IndexedGraph): ChainRanks {
  const { count, kinds, edgeSource, edgeTarget } = graph;
  const between = (kind: string) => (e: number) => kinds[edgeSource[e]!] === kind && kinds[edgeTarget[e]!] === kind;
  // Trigger rank counts the chain still ahead, so walk the trigger edges backwards.
  const triggerHeight = longestPathDepths(count, edgeTarget, edgeSource, between('trigger'));
  const impactDepth = longestPathDepths(count, edgeSource, edgeTarget, between('impact'));
  let triggerLayers = 0;
  let impactLayers = 0;
  for (let v = 0; v < count; v++) {
    if (kinds[v] === 'trigger') triggerLayers = Math.max(triggerLayers, triggerHeight[v]! + 1);
    else if (kinds[v] === 'impact') impactLayers = Math.max(impactLayers, impactDepth[v]! + 1);
  }
  return { triggerHeight, impactDepth, triggerLayers, impactLayers };
}

export function assignColumns(graph: IndexedGraph): ColumnAssignment {
  const { count, kinds, edgeSource, edgeTarget } = graph;
  const { triggerHeight, impactDepth, triggerLayers, impactLayers } = chainRanks(graph);
  const mainLayers = triggerLayers + 1 + impactLayers;
  // Main layer m owns raw column 2m + 1; raw column 2m holds the responses aimed at it.
  const raw = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    const kind = kinds[v];
    if (kind === 'trigger') raw[v] = 2 * (triggerLayers - 1 - triggerHeight[v]!) + 1;
    else if (kind === 'crisis') raw[v] = 2 * triggerLayers + 1;
    else if (kind === 'impact') raw[v] = 2 * (triggerLayers + 1 + impactDepth[v]!) + 1;
  }
  const unattached = 2 * mainLayers;
  for (let v = 0; v < count; v++) if (kinds[v] === 'response') raw[v] = unattached;
  for (let e = 0; e < edgeSource.length; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    if (kinds[s] !== 'response' || kinds[t] === 'response') continue;
    raw[s] = Math.min(raw[s]!, raw[t]! - 1);
  }
  return compact(raw, unattached + 1);
}

/** Drop empty columns so the drawing has no blank bands. */
export function compact(raw: Int32Array, rawCount: number): ColumnAssignment {
  const used = new Uint8Array(rawCount);
  for (let v = 0; v < raw.length; v++) used[raw[v]!] = 1;
  const dense = new Int32Array(rawCount);
  let columnCount = 0;
  for (let c = 0; c < rawCount; c++) if (used[c]) dense[c] = columnCount++;
  const column = new Int32Array(raw.length);
  for (let v = 0; v < raw.length; v++) column[v] = dense[raw[v]!]!;
  return { column, columnCount };
}

/**
 * Longest-path depth of every node over the edges `keep` accepts (0 for nodes those
 * edges do not touch). Back edges of an iterative depth-first search, run in node and
 * edge input order, are ignored, which breaks every cycle the same way each time.
 */
export function longestPathDepths(
  count: number,
  from: Int32Array,
  to: Int32Array,
  keep: (edge: number) => boolean,
): Int32Array {
  const out = buildAdjacency(count, from, to, keep);
  const order = reversePostorder(count, out.offsets, out.list);
  const depth = new Int32Array(count);
  const position = new Int32Array(count);
  for (let i = 0; i < order.length; i++) position[order[i]!] = i;
  // In reverse postorder every forward edge goes to a later node; back edges go earlier.
  for (const v of order) {
    for (let k = out.offsets[v]!; k < out.offsets[v + 1]!; k++) {
      const w = out.list[k]!;
      if (position[w]! > position[v]! && depth[w]! < depth[v]! + 1) depth[w] = depth[v]! + 1;
    }
  }
  return depth;
}

/** Reverse postorder of an iterative DFS over all nodes, roots taken in index order. */
function reversePostorder(count: number, offsets: Int32Array, list: Int32Array): Int32Array {
  const visited = new Uint8Array(count);
  const stack = new Int32Array(count);
  const nextEdge = new Int32Array(count);
  const order = new Int32Array(count);
  let written = count;
  for (let root = 0; root < count; root++) {
    if (visited[root]) continue;
    let top = 0;
    stack[0] = root;
    visited[root] = 1;
    nextEdge[root] = offsets[root]!;
    while (top >= 0) {
      const v = stack[top]!;
      if (nextEdge[v]! < offsets[v + 1]!) {
        const w = list[nextEdge[v]!++]!;
        if (!visited[w]) {
          visited[w] = 1;
          nextEdge[w] = offsets[w]!;
          stack[++top] = w;
        }
      } else {
        order[--written] = v;
        top--;
      }
    }
  }
  return order;
}
