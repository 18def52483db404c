/**
 * Local polish after the barycenter sweeps: swap neighbours in a column whenever the
 * swap removes crossings with either neighbouring column, until no swap helps. Each
 * round costs the product of neighbour degrees per adjacent pair, so it runs only on
 * graphs of a size people read.
 */
import type { Adjacency } from './graph';

/** Crossings between the edges of `upper` and `lower` (upper drawn above) towards one side. */
function pairCrossings(upper: number, lower: number, side: Adjacency, position: Int32Array): number {
  let crossings = 0;
  for (let i = side.offsets[upper]!; i < side.offsets[upper + 1]!; i++) {
    const a = position[side.list[i]!]!;
    for (let j = side.offsets[lower]!; j < side.offsets[lower + 1]!; j++) if (a > position[side.list[j]!]!) crossings++;
  }
  return crossings;
}

export function transposeColumns(
  order: Int32Array,
  columnStart: Int32Array,
  position: Int32Array,
  component: Int32Array,
  left: Adjacency,
  right: Adjacency,
  maxRounds: number,
): void {
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    for (let c = 0; c + 1 < columnStart.length; c++) {
      for (let i = columnStart[c]!; i + 1 < columnStart[c + 1]!; i++) {
        const u = order[i]!;
        const v = order[i + 1]!;
        if (component[u] !== component[v]) continue;
        const kept = pairCrossings(u, v, left, position) + pairCrossings(u, v, right, position);
        const swapped = pairCrossings(v, u, left, position) + pairCrossings(v, u, right, position);
        if (swapped >= kept) continue;
        order[i] = v;
        order[i + 1] = u;
        position[v] = position[v]! - 1;
        position[u] = position[u]! + 1;
        improved = true;
      }
    }
    if (!improved) return;
  }
}
