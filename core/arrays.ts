/**
 * Whole-array helpers that never spread an array into a call's arguments. `Math.min(...xs)`,
 * `push(...xs)` and `el(...children)` put every element on the stack and throw "Maximum call
 * stack size exceeded" somewhere past about 100k elements, which a large scenario reaches. Use
 * these instead wherever the array's length comes from the document.
 */

/** The smallest value, or `empty` for no values. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v < min) min = v;
  }
  return any ? min : empty;
}

/** The largest value, or `empty` for no values. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = -Infinity;
  let any = false;
  for (const v of values) {
    any = true;
    if (v > max) max = v;
  }
  return any ? max : empty;
}

/** Append every item to `target` (in place) and return it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
