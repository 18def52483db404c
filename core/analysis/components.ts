/**
 * Strongly connected components of the leads-to graph (Tarjan's algorithm, iterative so a
 * 20k-node chain cannot overflow the call stack). Risk and cascade both treat a cycle as
 * one unit; this is where cycles are found.
 */
import type { AdjacencyRows } from './graph-index';

export interface Components {
  /** Component of each node, numbered in topological order: every edge between two different
   *  components goes from a lower number to a higher one. -1 for nodes left out by the mask. */
  componentOf: Int32Array;
  count: number;
}

/** Components of the subgraph induced by `include` (all nodes when omitted). O(V + E). */
export function stronglyConnectedComponents(successors: AdjacencyRows, include?: Uint8Array): Components {
  const n = successors.offsets.length - 1;
  const { offsets, targets } = successors;
  const discovery = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const finishedIn = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let stackTop = 0;
  let clock = 0;
  let finished = 0;

  for (let root = 0; root < n; root++) {
    if (discovery[root] !== -1 || (include && !include[root])) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = offsets[root]!;
    discovery[root] = low[root] = clock++;
    stack[stackTop++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const edge = callEdge[depth]!;
      if (edge < offsets[v + 1]!) {
        callEdge[depth] = edge + 1;
        const w = targets[edge]!;
        if (include && !include[w]) continue;
        if (discovery[w] === -1) {
          discovery[w] = low[w] = clock++;
          stack[stackTop++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = offsets[w]!;
        } else if (onStack[w] && discovery[w]! < low[v]!) {
          low[v] = discovery[w]!;
        }
        continue;
      }
      if (low[v] === discovery[v]) {
        let w: number;
        do {
          w = stack[--stackTop]!;
          onStack[w] = 0;
          finishedIn[w] = finished;
        } while (w !== v);
        finished++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  // Tarjan completes sinks first; reverse so that numbering follows the edges.
  const componentOf = new Int32Array(n);
  for (let i = 0; i < n; i++) componentOf[i] = finishedIn[i] === -1 ? -1 : finished - 1 - finishedIn[i]!;
  return { componentOf, count: finished };
}
