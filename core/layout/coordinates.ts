/**
 * From column order to coordinates. Columns get x from the widest node they hold;
 * inside a column the order is fixed and only the vertical position moves.
 *
 * Each node is pulled towards the mean centre of its neighbours, alternately from the
 * left and from the right. The pull is solved per column as an isotonic regression
 * (pool-adjacent-violators) on "top minus the space the nodes above need", which
 * gives the closest positions that keep the order AND the gap: overlap is ruled out
 * by construction, not repaired afterwards. A long edge's placeholder in each column
 * it crosses (its lane) takes part as a point pulled along its chain, keeping half a
 * gap from boxes, so long edges get room to pass.
 *
 * On graphs of a size people read, boxes then step off the curves the canvas will
 * really draw (clearance.ts). Each connected component is finally moved into its own
 * horizontal band, stacked in component order.
 */
import { ClearanceScratch, clearColumn } from './clearance';
import { curveBand } from './edge-curve';
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
/** Lanes hold their line more firmly than boxes, so where both want a height the box gives way. */
const LANE_WEIGHT = 4;
/** Pull directions, one per pass. */
const PASSES: readonly ('left' | 'right' | 'both')[] = ['left', 'right', 'left', 'right', 'left', 'both'];
/** Clearance passes, and the largest graph they run on (beyond it nobody reads single edges). */
const CLEARANCE_PASSES = 3;
const CLEARANCE_UP_TO = 2_000;

/** Everything a pass reads about the layered graph. */
interface Layers {
  layered: LayeredOrder;
  realCount: number;
  nodeGap: number;
  /** Heights of every node in the layered order; lanes are points. */
  height: Float64Array;
  /** Real nodes only. */
  x: Float64Array;
  width: Float64Array;
  columnLeft: Float64Array;
  columnWidth: Float64Array;
  /** Real neighbours of real nodes along the original edges, whatever the distance. */
  neighbours: Adjacency;
}

export function placeNodes(graph: IndexedGraph, layered: LayeredOrder, columnCount: number, options: ResolvedOptions): Placement {
  const total = layered.column.length;
  const height = new Float64Array(total);
  height.set(graph.heights);
  const { x, columnLeft, columnWidth, width } = columnX(graph.count, layered.column, columnCount, graph.widths, options.layerGap);
  const layers: Layers = {
    layered,
    realCount: graph.count,
    nodeGap: options.nodeGap,
    height,
    x,
    width: graph.widths,
    columnLeft,
    columnWidth,
    neighbours: realNeighbours(graph, layered.column),
  };
  const top = new Float64Array(total);
  const runs = componentRuns(layered);
  stackRuns(runs, layers, top);
  const solver = new RunSolver(total);
  for (const pass of PASSES) {
    const sequence = pass === 'right' ? [...runs].reverse() : runs;
    for (const run of sequence) pullRun(run, layers, pass, top, solver);
  }
  if (graph.count <= CLEARANCE_UP_TO) {
    const scratch = new ClearanceScratch();
    for (let pass = 0; pass < CLEARANCE_PASSES; pass++) clearLanes(runs, layers, top, scratch);
  }
  roundRuns(runs, layers, top);
  const drawnHeight = stackBands(graph.count, layered.component, graph.heights, options.nodeGap * 2, top);
  const y = top.subarray(0, graph.count);
  for (let v = 0; v < graph.count; v++) {
    x[v]! += options.origin.x;
    y[v]! += options.origin.y;
  }
  return { x, y, width, height: drawnHeight };
}

/** One component's slice of one column: `order[start..end)`, top to bottom. */
interface Run {
  start: number;
  end: number;
}

function componentRuns(layered: LayeredOrder): Run[] {
  const { order, columnStart, component } = layered;
  const runs: Run[] = [];
  for (let c = 0; c + 1 < columnStart.length; c++) {
    let start = columnStart[c]!;
    const end = columnStart[c + 1]!;
    while (start < end) {
      let stop = start + 1;
      while (stop < end && component[order[stop]!] === component[order[start]!]) stop++;
      runs.push({ start, end: stop });
      start = stop;
    }
  }
  return runs;
}

/** Space between two neighbours in a column: the full gap between boxes, half where a lane is involved. */
function separation(layers: Layers, above: number, below: number): number {
  return above < layers.realCount && below < layers.realCount ? layers.nodeGap : layers.nodeGap / 2;
}

/** Start every run as a tight stack centred on y = 0. */
function stackRuns(runs: Run[], layers: Layers, top: Float64Array): void {
  const { order } = layers.layered;
  for (const run of runs) {
    let cursor = 0;
    for (let i = run.start; i < run.end; i++) {
      const v = order[i]!;
      if (i > run.start) cursor += separation(layers, order[i - 1]!, v);
      top[v] = cursor;
      cursor += layers.height[v]!;
    }
    for (let i = run.start; i < run.end; i++) top[order[i]!]! -= cursor / 2;
  }
}

function realNeighbours(graph: IndexedGraph, column: Int32Array): Adjacency {
  const m = graph.edgeSource.length;
  const from = new Int32Array(2 * m);
  const to = new Int32Array(2 * m);
  from.set(graph.edgeSource);
  from.set(graph.edgeTarget, m);
  to.set(graph.edgeTarget);
  to.set(graph.edgeSource, m);
  return buildAdjacency(graph.count, from, to, (e) => column[from[e]!] !== column[to[e]!]);
}

class RunSolver {
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

/**
 * Where node `v` would like its centre: the mean centre of the neighbours the pass
 * looks at. Boxes look at the real ends of their edges; lanes at the previous and next
 * points of their own chain. Returns the number of pulls (0: none on that side).
 */
function pull(v: number, layers: Layers, pass: 'left' | 'right' | 'both', top: Float64Array, into: { centre: number }): number {
  const { layered, height, realCount } = layers;
  let sum = 0;
  let pulls = 0;
  if (v < realCount) {
    const { offsets, list } = layers.neighbours;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = list[j]!;
      if (pass !== 'both' && layered.column[w]! < layered.column[v]! !== (pass === 'left')) continue;
      sum += top[w]! + height[w]! / 2;
      pulls++;
    }
  } else {
    // A lane's chain neighbours are placeholders or boxes in the adjacent columns.
    if (pass !== 'right') {
      for (let j = layered.left.offsets[v]!; j < layered.left.offsets[v + 1]!; j++) {
        sum += top[layered.left.list[j]!]! + height[layered.left.list[j]!]! / 2;
        pulls++;
      }
    }
    if (pass !== 'left') {
      for (let j = layered.right.offsets[v]!; j < layered.right.offsets[v + 1]!; j++) {
        sum += top[layered.right.list[j]!]! + height[layered.right.list[j]!]! / 2;
        pulls++;
      }
    }
  }
  into.centre = pulls > 0 ? sum / pulls : 0;
  return pulls;
}

function pullRun(run: Run, layers: Layers, pass: 'left' | 'right' | 'both', top: Float64Array, solver: RunSolver): void {
  const { order } = layers.layered;
  const { height } = layers;
  const { target, weight, blockValue, blockWeight, blockSize } = solver;
  const count = run.end - run.start;
  const wish = { centre: 0 };
  let needed = 0; // space the nodes above this one need, so targets become order-free
  for (let k = 0; k < count; k++) {
    const v = order[run.start + k]!;
    if (k > 0) needed += height[order[run.start + k - 1]!]! + separation(layers, order[run.start + k - 1]!, v);
    const pulls = pull(v, layers, pass, top, wish);
    const desiredTop = pulls > 0 ? wish.centre - height[v]! / 2 : top[v]!;
    target[k] = desiredTop - needed;
    weight[k] = pulls === 0 ? IDLE_WEIGHT : v < layers.realCount ? pulls : LANE_WEIGHT * pulls;
  }
  // Pool adjacent violators: merge blocks while their means decrease.
  let blocks = 0;
  for (let k = 0; k < count; k++) {
    blockValue[blocks] = target[k]!;
    blockWeight[blocks] = weight[k]!;
    blockSize[blocks] = 1;
    blocks++;
    while (blocks > 1 && blockValue[blocks - 2]! > blockValue[blocks - 1]!) {
      const merged = blockWeight[blocks - 2]! + blockWeight[blocks - 1]!;
      blockValue[blocks - 2] = (blockValue[blocks - 2]! * blockWeight[blocks - 2]! + blockValue[blocks - 1]! * blockWeight[blocks - 1]!) / merged;
      blockWeight[blocks - 2] = merged;
      blockSize[blocks - 2]! += blockSize[blocks - 1]!;
      blocks--;
    }
  }
  needed = 0;
  let k = 0;
  for (let b = 0; b < blocks; b++) {
    for (let j = 0; j < blockSize[b]!; j++, k++) {
      const v = order[run.start + k]!;
      if (k > 0) needed += height[order[run.start + k - 1]!]! + separation(layers, order[run.start + k - 1]!, v);
      top[v] = blockValue[b]! + needed;
    }
  }
}

/**
 * One clearance pass over every column. Curves are read from a snapshot taken at the
 * start of the pass, so a box stepping aside in one column cannot push the boxes of
 * the next column further, and so on across the drawing.
 */
function clearLanes(runs: Run[], layers: Layers, top: Float64Array, scratch: ClearanceScratch): void {
  const { layered, realCount, height, x, width, columnLeft, columnWidth } = layers;
  const before = top.slice();
  for (const run of runs) {
    scratch.reset();
    for (let i = run.start; i < run.end; i++) {
      const v = layered.order[i]!;
      if (v < realCount) {
        scratch.boxes.push(v);
        continue;
      }
      const lane = v - realCount;
      if (layered.laneBackward[lane]) continue; // drawn as a loop elsewhere, not through this column
      const a = layered.laneEnds[2 * lane]!;
      const b = layered.laneEnds[2 * lane + 1]!;
      const c = layered.column[v]!;
      const band = curveBand(
        x[a]! + width[a]!,
        before[a]! + height[a]! / 2,
        x[b]!,
        before[b]! + height[b]! / 2,
        columnLeft[c]!,
        columnLeft[c]! + columnWidth[c]!,
      );
      scratch.addBand(band.min, band.max);
    }
    if (scratch.bandCount > 0 && scratch.boxes.length > 0) clearColumn(scratch, top, height, layers.nodeGap);
  }
}

/** Whole-pixel tops for boxes that still keep the full gap between boxes (lanes are not drawn). */
function roundRuns(runs: Run[], layers: Layers, top: Float64Array): void {
  const { order } = layers.layered;
  for (const run of runs) {
    let floor = -Infinity;
    for (let i = run.start; i < run.end; i++) {
      const v = order[i]!;
      if (v >= layers.realCount) continue;
      top[v] = Math.max(Math.round(top[v]!), floor);
      floor = Math.ceil(top[v]! + layers.height[v]! + layers.nodeGap);
    }
  }
}

/** Move each component's real nodes into their own band, stacked top to bottom; returns the total height. */
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
  const columnLeft = new Float64Array(columnCount);
  for (let c = 1; c < columnCount; c++) columnLeft[c] = Math.ceil(columnLeft[c - 1]! + columnWidth[c - 1]! + layerGap);
  const x = new Float64Array(n);
  for (let v = 0; v < n; v++) x[v] = columnLeft[column[v]!]! + Math.floor((columnWidth[column[v]!]! - widths[v]!) / 2);
  const width = columnCount > 0 ? columnLeft[columnCount - 1]! + columnWidth[columnCount - 1]! : 0;
  return { x, columnLeft, columnWidth, width };
}
