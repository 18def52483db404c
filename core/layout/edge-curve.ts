/**
 * Where the canvas draws an edge. React Flow's default edge from a right-side
 * handle to a left-side handle is a cubic Bézier whose two control points both sit
 * at the horizontal midpoint, one at each end's height. Layout uses this to keep
 * boxes out of the band a long edge sweeps through each column it crosses.
 */

/** The vertical band [min, max] the curve from (x1, y1) to (x2, y2) covers between x = left and x = right. */
export function curveBand(x1: number, y1: number, x2: number, y2: number, left: number, right: number): { min: number; max: number } {
  const run = x2 - x1;
  if (!(run > 0)) return { min: Math.min(y1, y2), max: Math.max(y1, y2) };
  const a = heightAt(y1, y2, parameterAt((left - x1) / run));
  const b = heightAt(y1, y2, parameterAt((right - x1) / run));
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

/**
 * The curve parameter t where x has gone `share` of the way: x(t) = 1.5·t·(1 − t) + t³
 * rises strictly on [0, 1] (its slope is at least 0.75), so Newton steps from a
 * bisection start converge in a handful of rounds.
 */
function parameterAt(share: number): number {
  if (share <= 0) return 0;
  if (share >= 1) return 1;
  let t = share;
  for (let round = 0; round < 8; round++) {
    const x = 1.5 * t * (1 - t) + t * t * t - share;
    const slope = 1.5 - 3 * t + 3 * t * t;
    t = Math.min(1, Math.max(0, t - x / slope));
  }
  return t;
}

function heightAt(y1: number, y2: number, t: number): number {
  return y1 + (y2 - y1) * t * t * (3 - 2 * t);
}
