/**
 * Exact crossing count of a layered drawing whose edges all join neighbouring
 * columns: sort each column pair's edges by their left end, then count inversions
 * of their right ends with a Fenwick tree. O(E log V) per count.
 */
import type { Adjacency } from './graph';

export function countAllCrossings(
  order: Int32Array,
  columnStart: Int32Array,
  position: Int32Array,
  right: Adjacency,
): number {
  let total = 0;
  let largest = 0;
  for (let c = 0; c + 1 < columnStart.length; c++) largest = Math.max(largest, columnStart[c + 1]! - columnStart[c]!);
  const tree = new Int32Array(largest + 1);
  const ends: number[] = [];
  for (let c = 0; c + 2 < columnStart.length; c++) {
    ends.length = 0;
    for (let i = columnStart[c]!; i < columnStart[c + 1]!; i++) {
      const v = order[i]!;
      const first = ends.length;
      for (let k = right.offsets[v]!; k < right.offsets[v + 1]!; k++) insertSorted(ends, first, position[right.list[k]!]!);
    }
    total += countInversions(ends, tree, columnStart[c + 2]! - columnStart[c + 1]!);
  }
  return total;
}

/** Pairs i < j with ends[i] > ends[j]; values lie in [0, size). */
export function countInversions(ends: readonly number[], tree: Int32Array, size: number): number {
  tree.fill(0, 0, size + 1);
  let inversions = 0;
  for (let i = 0; i < ends.length; i++) {
    let atMost = 0;
    for (let k = ends[i]! + 1; k > 0; k -= k & -k) atMost += tree[k]!;
    inversions += i - atMost;
    for (let k = ends[i]! + 1; k <= size; k += k & -k) tree[k]!++;
  }
  return inversions;
}

/** Append `value` keeping `list[from..]` ascending; neighbour lists are short, so insertion is cheapest. */
function insertSorted(list: number[], from: number, value: number): void {
  let i = list.length;
  list.push(value);
  while (i > from && list[i - 1]! > value) {
    list[i] = list[i - 1]!;
    i--;
  }
  list[i] = value;
}
