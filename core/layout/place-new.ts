/**
 * Where a new node goes: in its kind's column, so the drawing keeps the rank order
 * trigger → crisis → impact → response, at the free spot nearest the middle of what is on
 * screen. A kind with no node yet gets a column of its own beside the kinds before and after it.
 */
import type { NodeKind } from '../model/graph';
import { NODE_KINDS } from '../model/graph';
import { DEFAULT_LAYER_GAP } from './types';
import { maxOf, minOf } from '../arrays';

export interface PlacedBox {
  kind: NodeKind;
  x: number;
  y: number;
  width: number;
  height: number;
}

const CLEARANCE = 24;
const RANK = new Map(NODE_KINDS.map((k, i) => [k, i]));

/** Top-left corner for a new node of `kind` and `size`, given the crisis's boxes and the visible area (flow units). */
export function placeNewNode(kind: NodeKind, size: { width: number; height: number }, boxes: readonly PlacedBox[], visible: { x: number; y: number; width: number; height: number }): { x: number; y: number } {
  const centreY = visible.y + visible.height / 2 - size.height / 2;
  const x = Math.round(columnX(kind, size, boxes, visible));
  const free = (y: number) =>
    !boxes.some((b) => x < b.x + b.width + CLEARANCE && b.x < x + size.width + CLEARANCE && y < b.y + b.height + CLEARANCE && b.y < y + size.height + CLEARANCE);
  const step = size.height + CLEARANCE;
  // Nearest free spot to the middle of the screen, looking up and down the column alternately.
  for (let ring = 0; ring < 10_000; ring++) {
    for (const y of ring === 0 ? [centreY] : [centreY + ring * step, centreY - ring * step]) if (free(y)) return { x, y: Math.round(y) };
  }
  return { x, y: Math.round(centreY) };
}

function columnX(kind: NodeKind, size: { width: number }, boxes: readonly PlacedBox[], visible: { x: number; width: number }): number {
  const same = boxes.filter((b) => b.kind === kind);
  if (same.length > 0) {
    // The column most of this kind's nodes stand in: the x shared by most, the leftmost on a tie.
    const counts = new Map<number, number>();
    for (const b of same) counts.set(b.x, (counts.get(b.x) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  }
  const rank = RANK.get(kind)!;
  const before = boxes.filter((b) => RANK.get(b.kind)! < rank);
  const after = boxes.filter((b) => RANK.get(b.kind)! > rank);
  if (before.length > 0) return maxOf(before.map((b) => b.x + b.width)) + DEFAULT_LAYER_GAP;
  if (after.length > 0) return minOf(after.map((b) => b.x)) - DEFAULT_LAYER_GAP - size.width;
  return visible.x + visible.width / 2 - size.width / 2;
}
