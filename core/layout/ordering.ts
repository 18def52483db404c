/**
 * Crossing reduction: the vertical order of nodes inside each column.
 *
 * Edges that skip columns get a chain of placeholder nodes (the edge's lane), one
 * per skipped column, so every segment joins neighbouring columns and crossings can be
 * counted exactly. Then barycenter sweeps alternate left→right and right→left; each
 * sweep is a sort per column, so it costs O(n log n). The best order seen (by exact
 * crossing count) is kept, so the result is never worse than the start order: input
 * order, grouped by connected component.
 *
 * On graphs of a size people read, neighbour swaps then polish the best order
 * (transpose.ts). Last, fans of long edges (fans.ts) are gathered so no box sits
 * under one, when that adds no crossing.
 */
import type { Adjacency } from './graph';
import { buildAdjacency } from './graph';
import { countAllCrossings } from './crossings';
import { FanGatherer } from './fans';
import { transposeColumns } from './transpose';

export interface LayeredOrder {
  /** Real nodes are 0..realCount-1; placeholders for long edges follow. */
  realCount: number;
  column: Int32Array;
  component: Int32Array;
  /** All nodes, column after column, each column top to bottom. */
  order: Int32Array;
  /** Column c is `order[columnStart[c] .. columnStart[c + 1])`. */
  columnStart: Int32Array;
  /** For placeholder `realCount + i`: its edge's left real end at `2i`, right real end at `2i + 1`. */
  laneEnds: Int32Array;
  /** 1 where the lane's edge points leftwards (against the columns), so the canvas draws it as a loop, not through the lane. */
  laneBackward: Uint8Array;
  /** Segment ends in the column to the left and to the right of each node. */
  left: Adjacency;
  right: Adjacency;
  crossings: number;
  /** Crossings of the input order, grouped by component. */
  initialCrossings: number;
}

export interface OrderingInput {
  realCount: number;
  column: Int32Array;
  columnCount: number;
  component: Int32Array;
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
}

/** Up to this many nodes and placeholders, sweeps are more and neighbour swaps polish the result. */
const POLISH_UP_TO = 5_000;
const TRANSPOSE_ROUNDS = 8;

/** Placeholder budget per real node and edge; past it, the longest detours stop steering the order. */
const PLACEHOLDER_BUDGET_FACTOR = 8;

export function orderColumns(input: OrderingInput): LayeredOrder {
  const layered = insertPlaceholders(input);
  const { total, column, component, segFrom, segTo, laneEnds, laneBackward } = layered;
  const left = buildAdjacency(total, segTo, segFrom);
  const right = buildAdjacency(total, segFrom, segTo);
  const { order, columnStart } = initialOrder(total, column, input.columnCount, component);
  const position = new Int32Array(total);
  setPositions(order, columnStart, position);

  const initialCrossings = countAllCrossings(order, columnStart, position, right);
  let best = initialCrossings;
  const bestOrder = order.slice();
  const maxSweeps = total <= POLISH_UP_TO ? 24 : total <= 40_000 ? 12 : 6;
  const scratch = new SweepScratch(maxColumnSize(columnStart));
  let stale = 0;
  for (let sweep = 0; sweep < maxSweeps && best > 0 && stale < 4; sweep++) {
    const rightwards = sweep % 2 === 0;
    const columnCount = input.columnCount;
    for (let k = 1; k < columnCount; k++) {
      const c = rightwards ? k : columnCount - 1 - k;
      reorderColumn(c, order, columnStart, position, component, rightwards ? left : right, scratch);
    }
    const crossings = countAllCrossings(order, columnStart, position, right);
    if (crossings < best) {
      best = crossings;
      bestOrder.set(order);
      stale = 0;
    } else stale++;
  }
  order.set(bestOrder);
  setPositions(order, columnStart, position);
  if (total <= POLISH_UP_TO && best > 0) {
    transposeColumns(order, columnStart, position, component, left, right, TRANSPOSE_ROUNDS);
    const polished = countAllCrossings(order, columnStart, position, right);
    if (polished < best) {
      best = polished;
      bestOrder.set(order);
    }
  }
  order.set(bestOrder);
  setPositions(order, columnStart, position);
  new FanGatherer(maxColumnSize(columnStart)).gatherAll({ realCount: input.realCount, column, component, laneEnds, order, columnStart, position });
  const gathered = countAllCrossings(order, columnStart, position, right);
  // Only when free: trading crossings for fans was measured to buy little, because
  // boxes left under a curve are moved off it during placement anyway (clearance.ts).
  if (gathered <= best) {
    best = gathered;
    bestOrder.set(order);
  }
  return {
    realCount: input.realCount,
    column,
    component,
    order: bestOrder,
    columnStart,
    laneEnds,
    laneBackward,
    left,
    right,
    crossings: best,
    initialCrossings,
  };
}

interface PlaceholderGraph {
  total: number;
  column: Int32Array;
  component: Int32Array;
  segFrom: Int32Array;
  segTo: Int32Array;
  laneEnds: Int32Array;
  laneBackward: Uint8Array;
}

/** Split every edge into segments between neighbouring columns, pointing rightwards. */
function insertPlaceholders(input: OrderingInput): PlaceholderGraph {
  const { realCount, edgeSource, edgeTarget } = input;
  let budget = PLACEHOLDER_BUDGET_FACTOR * (realCount + edgeSource.length) + 1_000;
  const columns: number[] = Array.from(input.column);
  const components: number[] = Array.from(input.component);
  const segFrom: number[] = [];
  const segTo: number[] = [];
  const laneEnds: number[] = [];
  const laneBackward: number[] = [];
  for (let e = 0; e < edgeSource.length; e++) {
    let a = edgeSource[e]!;
    let b = edgeTarget[e]!;
    if (columns[a] === columns[b]) continue; // same column: nothing to order against
    const backward = columns[a]! > columns[b]!;
    if (backward) [a, b] = [b, a];
    const span = columns[b]! - columns[a]!;
    if (span - 1 > budget) continue;
    budget -= span - 1;
    let previous = a;
    for (let c = columns[a]! + 1; c < columns[b]!; c++) {
      const placeholder = columns.length;
      columns.push(c);
      components.push(components[a]!);
      laneEnds.push(a, b);
      laneBackward.push(backward ? 1 : 0);
      segFrom.push(previous);
      segTo.push(placeholder);
      previous = placeholder;
    }
    segFrom.push(previous);
    segTo.push(b);
  }
  return {
    total: columns.length,
    column: Int32Array.from(columns),
    component: Int32Array.from(components),
    segFrom: Int32Array.from(segFrom),
    segTo: Int32Array.from(segTo),
    laneEnds: Int32Array.from(laneEnds),
    laneBackward: Uint8Array.from(laneBackward),
  };
}

/** Input order inside each column, grouped by component so components never interleave. */
function initialOrder(total: number, column: Int32Array, columnCount: number, component: Int32Array) {
  const columnStart = new Int32Array(columnCount + 1);
  for (let v = 0; v < total; v++) columnStart[column[v]! + 1]!++;
  for (let c = 0; c < columnCount; c++) columnStart[c + 1]! += columnStart[c]!;
  const fill = columnStart.slice(0, columnCount);
  const order = new Int32Array(total);
  for (let v = 0; v < total; v++) order[fill[column[v]!]!++] = v;
  for (let c = 0; c < columnCount; c++) {
    order.subarray(columnStart[c]!, columnStart[c + 1]!).sort((a, b) => component[a]! - component[b]! || a - b);
  }
  return { order, columnStart };
}

function setPositions(order: Int32Array, columnStart: Int32Array, position: Int32Array): void {
  for (let c = 0; c + 1 < columnStart.length; c++) {
    for (let i = columnStart[c]!; i < columnStart[c + 1]!; i++) position[order[i]!] = i - columnStart[c]!;
  }
}

function maxColumnSize(columnStart: Int32Array): number {
  let max = 0;
  for (let c = 0; c + 1 < columnStart.length; c++) max = Math.max(max, columnStart[c + 1]! - columnStart[c]!);
  return max;
}

class SweepScratch {
  readonly movable: number[] = [];
  readonly barycenter: Float64Array;
  readonly slotTaken: Uint8Array;
  constructor(size: number) {
    this.barycenter = new Float64Array(size);
    this.slotTaken = new Uint8Array(size);
  }
}

/**
 * Sort one column by the mean position of each node's neighbours in the fixed column.
 * Nodes with no such neighbour keep their slot; the others fill the remaining slots in
 * barycenter order (ties by current position, so the result is deterministic).
 */
function reorderColumn(
  c: number,
  order: Int32Array,
  columnStart: Int32Array,
  position: Int32Array,
  component: Int32Array,
  fixedSide: Adjacency,
  scratch: SweepScratch,
): void {
  const start = columnStart[c]!;
  const end = columnStart[c + 1]!;
  const { barycenter, slotTaken, movable } = scratch;
  let runStart = start;
  while (runStart < end) {
    const runComponent = component[order[runStart]!]!;
    let runEnd = runStart;
    while (runEnd < end && component[order[runEnd]!] === runComponent) runEnd++;
    movable.length = 0;
    for (let i = runStart; i < runEnd; i++) {
      const v = order[i]!;
      const from = fixedSide.offsets[v]!;
      const to = fixedSide.offsets[v + 1]!;
      slotTaken[i - start] = to > from ? 0 : 1;
      if (to === from) continue;
      let sum = 0;
      for (let k = from; k < to; k++) sum += position[fixedSide.list[k]!]!;
      barycenter[i - start] = sum / (to - from);
      movable.push(i - start);
    }
    if (movable.length > 1) {
      movable.sort((a, b) => barycenter[a]! - barycenter[b]! || a - b);
      const nodes = movable.map((slot) => order[start + slot]!);
      let next = 0;
      for (let i = runStart; i < runEnd; i++) if (!slotTaken[i - start]) order[i] = nodes[next++]!;
    }
    runStart = runEnd;
  }
  for (let i = start; i < end; i++) position[order[i]!] = i - start;
}
