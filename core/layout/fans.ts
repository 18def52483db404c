/**
 * Gathering fans. Long edges that leave the same node (or arrive at the same node)
 * run side by side through the nearby columns, so closely that no box fits between
 * them. A box ordered between two such lanes would sit under the fan however the
 * column is spaced, so each fan is made contiguous: its lanes meet at their mean
 * position and a box caught inside moves to the nearer side (see ordering.ts for
 * when this runs).
 */

/**
 * How many columns from their shared end lanes still count as one fan. Two, because a
 * response column sits between neighbouring main layers: one main layer away, curves
 * from one node have not yet spread enough for a box to fit between them.
 */
const FAN_REACH = 2;

export interface FanColumns {
  realCount: number;
  column: Int32Array;
  component: Int32Array;
  /** For placeholder `realCount + i`: left real end at `2i`, right real end at `2i + 1`. */
  laneEnds: Int32Array;
  order: Int32Array;
  columnStart: Int32Array;
  /** Index of each node inside its column; kept in step with `order`. */
  position: Int32Array;
}

export class FanGatherer {
  private readonly parent: Int32Array;
  private readonly key: Float64Array;
  private readonly tag: Int32Array;
  private readonly memberCount: Int32Array;
  private readonly positionSum: Float64Array;
  private readonly slots: number[] = [];
  private readonly nodes: number[] = [];
  private readonly bySource = new Map<number, number>();
  private readonly byTarget = new Map<number, number>();

  constructor(largestColumn: number) {
    this.parent = new Int32Array(largestColumn);
    this.key = new Float64Array(largestColumn);
    this.tag = new Int32Array(largestColumn);
    this.memberCount = new Int32Array(largestColumn);
    this.positionSum = new Float64Array(largestColumn);
  }

  gatherAll(layout: FanColumns): void {
    for (let c = 0; c + 1 < layout.columnStart.length; c++) this.gather(layout, c);
  }

  private root(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }

  private join(i: number, owner: Map<number, number>, end: number): void {
    const first = owner.get(end);
    if (first === undefined) owner.set(end, i);
    else {
      const a = this.root(first);
      const b = this.root(i);
      if (a !== b) this.parent[Math.max(a, b)] = Math.min(a, b);
    }
  }

  private gather(layout: FanColumns, c: number): void {
    const { realCount, column, laneEnds, order, position, component } = layout;
    const start = layout.columnStart[c]!;
    const size = layout.columnStart[c + 1]! - start;
    this.bySource.clear();
    this.byTarget.clear();
    for (let i = 0; i < size; i++) {
      this.parent[i] = i;
      this.memberCount[i] = 0;
      this.positionSum[i] = 0;
      const v = order[start + i]!;
      if (v < realCount) continue;
      const lane = 2 * (v - realCount);
      if (column[laneEnds[lane]!]! >= c - FAN_REACH) this.join(i, this.bySource, laneEnds[lane]!);
      if (column[laneEnds[lane + 1]!]! <= c + FAN_REACH) this.join(i, this.byTarget, laneEnds[lane + 1]!);
    }
    if (this.bySource.size + this.byTarget.size === 0) return;
    for (let i = 0; i < size; i++) {
      if (order[start + i]! < realCount) continue;
      const r = this.root(i);
      this.memberCount[r]!++;
      this.positionSum[r]! += i;
    }
    let fans = false;
    for (let i = 0; i < size; i++) {
      const r = order[start + i]! < realCount ? -1 : this.root(i);
      const inFan = r >= 0 && this.memberCount[r]! > 1;
      fans ||= inFan;
      // A box level with a fan's mean goes before it (tag -1), never into it.
      this.key[i] = inFan ? this.positionSum[r]! / this.memberCount[r]! : i;
      this.tag[i] = inFan ? r : -1;
    }
    if (!fans) return;
    const { slots, nodes, key, tag } = this;
    slots.length = 0;
    for (let i = 0; i < size; i++) slots.push(i);
    slots.sort(
      (a, b) => component[order[start + a]!]! - component[order[start + b]!]! || key[a]! - key[b]! || tag[a]! - tag[b]! || a - b,
    );
    nodes.length = 0;
    for (const slot of slots) nodes.push(order[start + slot]!);
    for (let i = 0; i < size; i++) {
      order[start + i] = nodes[i]!;
      position[nodes[i]!] = i;
    }
  }
}
