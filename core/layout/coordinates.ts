/**
 * From column order to coordinates. Columns get x from the widest node they hold;
 * inside a column the order is fixed and only the vertical position moves.
 *
 * Each node is pulled towards the mean centre of its neighbours, alternately from the
 * left and from the right. The pull is solved per column as an isotonic regression
 * (pool-adjacent-violators) on "top minus the space the nodes above need", which
 * gives the closest positions that keep the order AND the gap: overlap is ruled out
 * by construction, not repaired afterwards. Each connected component is then moved
 * into its own horizontal band, stacked in component order.
 */
import type { Adjacency, IndexedGraph } from './graph';
import { buildAdjacency } from './graph';
import type { LayeredOrder } from './ordering';
import type { ResolvedOptions } from './types';

export interface Placement {
  x: Float64Array;
  y: Float64Array;
  width: number;
  height: number;
}

/** Nodes that nothing pulls still get a faint pull to where they are, so they fill gaps calmly. */
const IDLE_WEIGHT = 1e-3;
/** Pull directions per pass: from the left (+1), from the right (-1), from both (0). */
const PASSES = [1, -1, 1, -1, 0] as const;

export function placeNodes(graph: IndexedGraph, layered: LayeredOrder, columnCount: number, options: ResolvedOptions): Placement {
  const n = graph.count;
  const columns = realColumns(layered, columnCount);
  const neighbours = undirected(graph, layered.column);
  const top = new Float64Array(n);
  const runs = componentRuns(columns, layered.component);
  stackRuns(runs, columns.order, graph.heights, options.nodeGap, top);
  const solver = new ColumnSolver(columns.largest);
  for (const direction of PASSES) {
    const sequence = direction === -1 ? [...runs].reverse() : runs;
    for (const run of sequence) pullRun(run, columns.order, graph.heights, options.nodeGap, layered.column, neighbours, direction, top, solver);
  }
  roundRuns(runs, columns.order, graph.heights, options.nodeGap, top);
  const height = stackBands(n, layered.component, graph.heights, options.nodeGap * 2, top);
  const { x, width } = columnX(n, layered.column, columnCount, graph.widths, options.layerGap);
  for (let v = 0; v < n; v++) {
    x[v]! += options.origin.x;
    top[v]! += options.origin.y;
  }
  return { x, y: top, width, height };
}

interface RealColumns {
  order: Int32Array;
  columnStart: Int32Array;
  largest: number;
}

/** The crossing-reduced order with the placeholders taken out. */
function realColumns(layered: LayeredOrder, columnCount: number): RealColumns {
  const order = new Int32Array(layered.realCount);
  const columnStart = new Int32Array(columnCount + 1);
  let written = 0;
  let largest = 0;
  for (let c = 0; c < columnCount; c++) {
    columnStart[c] = written;
    for (let i = layered.columnStart[c]!; i < layered.columnStart[c + 1]!; i++) {
      const v = layered.order[i]!;
      if (v < layered.realCount) order[written++] = v;
    }
    largest = Math.max(largest, written - columnStart[c]!);
  }
  columnStart[columnCount] = written;
  return { order, columnStart, largest };
}

/** One component's slice of one column: `order[start..end)`, in column order. */
interface Run {
  start: number;
  end: number;
}

function componentRuns(columns: RealColumns, component: Int32Array): Run[] {
  const runs: Run[] = [];
  for (let c = 0; c + 1 < columns.columnStart.length; c++) {
    let start = columns.columnStart[c]!;
    const end = columns.columnStart[c + 1]!;
    while (start < end) {
      let stop = start + 1;
      while (stop < end && component[columns.order[stop]!] === component[columns.order[start]!]) stop++;
      runs.push({ start, end: stop });
      start = stop;
    }
  }
  return runs;
}

/** Start every run as a tight stack centred on y = 0. */
function stackRuns(runs: Run[], order: Int32Array, heights: Float64Array, gap: number, top: Float64Array): void {
  for (const run of runs) {
    let cursor = 0;
    for (let i = run.start; i < run.end; i++) {
      top[order[i]!] = cursor;
      cursor += heights[order[i]!]! + gap;
    }
    const half = (cursor - gap) / 2;
    for (let i = run.start; i < run.end; i++) top[order[i]!]! -= half;
  }
}

function undirected(graph: IndexedGraph, column: Int32Array): Adjacency {
  const m = graph.edgeSource.length;
  const from = new Int32Array(2 * m);
  const to = new Int32Array(2 * m);
  from.set(graph.edgeSource);
  from.set(graph.edgeTarget, m);
  to.set(graph.edgeTarget);
  to.set(graph.edgeSource, m);
  return buildAdjacency(graph.count, from, to, (e) => column[from[e]!] !== column[to[e]!]);
}

class ColumnSolver {
  readonly target: Float64Array;
  readonly weight: Float64Array;
  readonly blockValue: Float64Array;
  readonly blockWeight: Float64Array;
  readonly blockSize: Int32Array;
  constructor(size: number) {
    this.target = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.blockValue = new Float64Array(size);
    this.blockWeight = new Float64Array(size);
    this.blockSize = new Int32Array(size);
  }
}

function pullRun(
  run: Run,
  order: Int32Array,
  heights: Float64Array,
  gap: number,
  column: Int32Array,
  neighbours: Adjacency,
  direction: number,
  top: Float64Array,
  solver: ColumnSolver,
): void {
  const { target, weight, blockValue, blockWeight, blockSize } = solver;
  const count = run.end - run.start;
  let needed = 0; // space the nodes above this one need, so targets become order-free
  for (let k = 0; k < count; k++) {
    const v = order[run.start + k]!;
    let sum = 0;
    let pulls = 0;
    for (let j = neighbours.offsets[v]!; j < neighbours.offsets[v + 1]!; j++) {
      const w = neighbours.list[j]!;
      const side = column[w]! < column[v]! ? 1 : -1;
      if (direction !== 0 && side !== direction) continue;
      sum += top[w]! + heights[w]! / 2;
      pulls++;
    }
    const desiredTop = pulls > 0 ? sum / pulls - heights[v]! / 2 : top[v]!;
    target[k] = desiredTop - needed;
    weight[k] = pulls > 0 ? pulls : IDLE_WEIGHT;
    needed += heights[v]! + gap;
  }
  // Pool adjacent violators: merge blocks while their means decrease.
  let blocks = 0;
  for (let k = 0; k < count; k++) {
    blockValue[blocks] = target[k]!;
    blockWeight[blocks] = weight[k]!;
    blockSize[blocks] = 1;
    blocks++;
    while (blocks > 1 && blockValue[blocks - 2]! > blockValue[blocks - 1]!) {
      const w = blockWeight[blocks - 2]! + blockWeight[blocks - 1]!;
      blockValue[blocks - 2] = (blockValue[blocks - 2]! * blockWeight[blocks - 2]! + blockValue[blocks - 1]! * blockWeight[blocks - 1]!) / w;
      blockWeight[blocks - 2] = w;
      blockSize[blocks - 2]! += blockSize[blocks - 1]!;
      blocks--;
    }
  }
  needed = 0;
  let k = 0;
  for (let b = 0; b < blocks; b++) {
    for (let j = 0; j < blockSize[b]!; j++, k++) {
      const v = order[run.start + k]!;
      top[v] = blockValue[b]! + needed;
      needed += heights[v]! + gap;
    }
  }
}

/** Whole-pixel tops that still keep the full gap below every node. */
function roundRuns(runs: Run[], order: Int32Array, heights: Float64Array, gap: number, top: Float64Array): void {
  for (const run of runs) {
    let floor = -Infinity;
    for (let i = run.start; i < run.end; i++) {
      const v = order[i]!;
      top[v] = Math.max(Math.round(top[v]!), floor);
      floor = Math.ceil(top[v]! + heights[v]! + gap);
    }
  }
}

/** Move each component into its own band, stacked top to bottom; returns the total height. */
function stackBands(n: number, component: Int32Array, heights: Float64Array, bandGap: number, top: Float64Array): number {
  const extent = new Map<number, { min: number; max: number }>();
  for (let v = 0; v < n; v++) {
    const band = extent.get(component[v]!);
    const bottom = top[v]! + heights[v]!;
    if (band) {
      band.min = Math.min(band.min, top[v]!);
      band.max = Math.max(band.max, bottom);
    } else extent.set(component[v]!, { min: top[v]!, max: bottom });
  }
  const shift = new Map<number, number>();
  let cursor = 0;
  let height = 0;
  for (const id of [...extent.keys()].sort((a, b) => a - b)) {
    const band = extent.get(id)!;
    shift.set(id, cursor - band.min);
    height = cursor + band.max - band.min;
    cursor = Math.ceil(height + bandGap);
  }
  for (let v = 0; v < n; v++) top[v]! += shift.get(component[v]!)!;
  return height;
}

/** Columns side by side, each as wide as its widest node; nodes centred in their column. */
function columnX(n: number, column: Int32Array, columnCount: number, widths: Float64Array, layerGap: number) {
  const columnWidth = new Float64Array(columnCount);
  for (let v = 0; v < n; v++) columnWidth[column[v]!] = Math.max(columnWidth[column[v]!]!, widths[v]!);
  const left = new Float64Array(columnCount);
  for (let c = 1; c < columnCount; c++) left[c] = Math.ceil(left[c - 1]! + columnWidth[c - 1]! + layerGap);
  const x = new Float64Array(n);
  for (let v = 0; v < n; v++) x[v] = left[column[v]!]! + Math.floor((columnWidth[column[v]!]! - widths[v]!) / 2);
  const width = columnCount > 0 ? left[columnCount - 1]! + columnWidth[columnCount - 1]! : 0;
  return { x, width };
}
