/**
 * Keeping boxes off edges. The canvas draws every edge as one curve from its source's
 * right handle to its target's left handle, whatever lanes the layout reserved, so
 * after placement each column is checked against the curves that really cross it:
 * every box that one of them would pass over moves to the nearer free height above
 * or below, keeping the column's order and gaps. Boxes only step aside; nothing is
 * pulled, so a pass cannot make the drawing drift.
 */

/** One column (one component's part of it): its boxes top to bottom, and the bands of the curves crossing it. */
export class ClearanceScratch {
  readonly boxes: number[] = [];
  bandCount = 0;
  private bandTop: number[] = [];
  private bandBottom: number[] = [];
  private readonly byTop: number[] = [];
  /** Disjoint blocked intervals, sorted: [top0, bottom0, top1, bottom1, ...]. */
  readonly blocked: number[] = [];

  reset(): void {
    this.boxes.length = 0;
    this.bandCount = 0;
  }

  addBand(top: number, bottom: number): void {
    this.bandTop[this.bandCount] = top;
    this.bandBottom[this.bandCount] = bottom;
    this.bandCount++;
  }

  /** Bands widened by `margin`, sorted and merged into `blocked`. */
  mergeBands(margin: number): void {
    const { byTop, bandTop, bandBottom, blocked } = this;
    byTop.length = 0;
    for (let i = 0; i < this.bandCount; i++) byTop.push(i);
    byTop.sort((a, b) => bandTop[a]! - bandTop[b]!);
    blocked.length = 0;
    for (const i of byTop) {
      const top = bandTop[i]! - margin;
      const bottom = bandBottom[i]! + margin;
      const last = blocked.length - 1;
      if (last > 0 && top <= blocked[last]!) blocked[last] = Math.max(blocked[last]!, bottom);
      else blocked.push(top, bottom);
    }
  }
}

/**
 * Move the column's boxes (tops in `top`, heights in `height`) out of every band,
 * keeping at least `gap` between boxes and `gap / 2` between a box and a band.
 */
export function clearColumn(column: ClearanceScratch, top: Float64Array, height: Float64Array, gap: number): void {
  column.mergeBands(gap / 2);
  const { blocked } = column;
  const intervals = blocked.length / 2;
  const blockTop = (i: number) => blocked[2 * i]!;
  const blockBottom = (i: number) => blocked[2 * i + 1]!;
  let floor = -Infinity;
  let next = 0; // first blocked interval that may still reach below the current box
  for (const v of column.boxes) {
    const h = height[v]!;
    let y = Math.max(top[v]!, floor);
    while (next < intervals && blockBottom(next) <= y) next++;
    if (next < intervals && blockTop(next) < y + h) {
      // Above the band, if that still clears the box above and the band before it.
      const above = blockTop(next) - h;
      const roomAbove = above >= floor && (next === 0 || above >= blockBottom(next - 1));
      let below = blockBottom(next);
      let after = next + 1;
      while (after < intervals && blockTop(after) < below + h) below = blockBottom(after++);
      if (roomAbove && top[v]! - above <= below - top[v]!) y = above;
      else {
        y = below;
        next = after;
      }
    }
    top[v] = y;
    floor = y + h + gap;
  }
}
