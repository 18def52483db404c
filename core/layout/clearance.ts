/**
 * Keeping boxes off edges. The canvas draws every edge as one curve from its source's
 * right handle to its target's left handle, whatever lanes the layout reserved, so
 * after placement each column is checked against the curves that really cross it:
 * every box that one of them would pass over moves to the nearer free height above
 * or below, keeping the column's order and gaps. Boxes only step aside; nothing is
 * pulled, so a pass cannot make the drawing drift.
 */
import { curveBand } from './edge-curve';

export interface ClearanceColumn {
  /** Boxes of one column (one component's part of it), top to bottom. */
  boxes: readonly number[];
  /** Curves crossing that column, as [top, bottom] bands, in any order. */
  bands: { top: number; bottom: number }[];
}

/**
 * Move the column's boxes (tops in `top`, heights in `height`) out of every band,
 * keeping at least `gap` between boxes and `gap / 2` between a box and a band.
 */
export function clearColumn(column: ClearanceColumn, top: Float64Array, height: Float64Array, gap: number): void {
  const blocked = mergeBands(column.bands, gap / 2);
  let floor = -Infinity;
  let next = 0; // first blocked interval that may still reach below the current box
  for (const v of column.boxes) {
    const h = height[v]!;
    let y = Math.max(top[v]!, floor);
    while (next < blocked.length && blocked[next]!.bottom <= y) next++;
    if (next < blocked.length && blocked[next]!.top < y + h) {
      // Above the band, if that still clears the box above and the band before it.
      const above = blocked[next]!.top - h;
      const roomAbove = above >= floor && (next === 0 || above >= blocked[next - 1]!.bottom);
      let below = blocked[next]!.bottom;
      let after = next + 1;
      while (after < blocked.length && blocked[after]!.top < below + h) below = blocked[after++]!.bottom;
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

/** Bands widened by `margin`, sorted and merged into disjoint intervals. */
function mergeBands(bands: { top: number; bottom: number }[], margin: number): { top: number; bottom: number }[] {
  const sorted = bands.map((b) => ({ top: b.top - margin, bottom: b.bottom + margin })).sort((a, b) => a.top - b.top);
  const merged: { top: number; bottom: number }[] = [];
  for (const band of sorted) {
    const last = merged[merged.length - 1];
    if (last && band.top <= last.bottom) last.bottom = Math.max(last.bottom, band.bottom);
    else merged.push(band);
  }
  return merged;
}

/** The band a curve between two boxes sweeps across the column spanning x = left..right. */
export function laneBand(
  source: { right: number; middle: number },
  target: { left: number; middle: number },
  left: number,
  right: number,
): { top: number; bottom: number } {
  const band = curveBand(source.right, source.middle, target.left, target.middle, left, right);
  return { top: band.min, bottom: band.max };
}
