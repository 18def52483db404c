/**
 * "Arrange selection": lay out only the selected nodes, with the same layered
 * algorithm and only the edges among them, and leave every other node where it is.
 *
 * The arranged block is first put where the selection was (its top-left at the old
 * selection's bounding-box top-left). If any arranged node would then come closer
 * than `nodeGap` to an unselected node, the whole block slides straight down or
 * straight right, whichever move is shorter, until it is clear. The block keeps its
 * own shape, so the arrangement the user asked for is what they get.
 */
import { boundingBox, type Box } from '../bounds';
import { AppError } from '../errors';
import { layeredLayoutReport, resolveOptions } from './layered';
import type { LayoutEdge, LayoutNode, LayoutOptions, LayoutResult, Point } from './types';

export interface PlacedLayoutNode extends LayoutNode {
  /** Current top-left corner. */
  x: number;
  y: number;
}

export interface SelectionLayoutInput {
  nodes: PlacedLayoutNode[];
  edges: LayoutEdge[];
}

/** New top-left corners for the selected nodes only; width and height are the arranged block's. */
export function arrangeSelection(
  input: SelectionLayoutInput,
  selectedIds: readonly string[],
  options?: Omit<LayoutOptions, 'origin'>,
): LayoutResult {
  const selected = new Set(selectedIds);
  const chosen = input.nodes.filter((node) => selected.has(node.id));
  const present = new Set(chosen.map((node) => node.id));
  for (const id of selected) {
    if (!present.has(id)) throw new AppError('NOT_FOUND', `The selection names node "${id}", which is not in the layout input.`);
  }
  if (chosen.length === 0) return { positions: {}, width: 0, height: 0 };
  const origin = boundingBox(chosen)!;
  const { positions: placed, width, height } = layeredLayoutReport(
    {
      nodes: chosen.map(({ id, kind, width, height }) => ({ id, kind, width, height })),
      edges: input.edges.filter((edge) => selected.has(edge.source) && selected.has(edge.target)),
    },
    { ...options, origin: { x: origin.x, y: origin.y } },
  );
  const { nodeGap } = resolveOptions(options);
  const arranged: Box[] = chosen.map((node) => ({ ...placed[node.id]!, width: node.width, height: node.height }));
  const others: Box[] = input.nodes.filter((node) => !selected.has(node.id));
  const shift = clearShift(arranged, others, nodeGap);
  const positions: Record<string, Point> = {};
  for (const [id, at] of Object.entries(placed)) positions[id] = { x: at.x + shift.x, y: at.y + shift.y };
  return { positions, width, height };
}

/** The shorter of "slide down until clear" and "slide right until clear"; zero if already clear. */
function clearShift(arranged: readonly Box[], others: readonly Box[], gap: number): Point {
  const down = slideUntilClear(arranged, others, gap, 'y');
  if (down === 0) return { x: 0, y: 0 };
  const right = slideUntilClear(arranged, others, gap, 'x');
  return right < down ? { x: right, y: 0 } : { x: 0, y: down };
}

/**
 * Distance along `axis` that clears every unselected node. Each round moves the block
 * just past the farthest node it still touches, so the distance only grows and the
 * loop ends once the block is beyond all of them.
 */
function slideUntilClear(arranged: readonly Box[], others: readonly Box[], gap: number, axis: 'x' | 'y'): number {
  const size = axis === 'x' ? 'width' : 'height';
  const block = boundingBox(arranged)!;
  let distance = 0;
  for (let round = 0; round <= others.length; round++) {
    const moved = (box: Box): Box => ({ ...box, [axis]: box[axis] + distance });
    const near = others.filter((other) => touches(moved(block), other, gap));
    let needed = distance;
    for (const other of near) {
      for (const box of arranged) {
        const placed = moved(box);
        if (touches(placed, other, gap)) needed = Math.max(needed, other[axis] + other[size] + gap - box[axis]);
      }
    }
    if (needed === distance) return distance;
    distance = needed;
  }
  return distance;
}

/** Closer than `gap` on both axes (so an overlap, or a gap thinner than asked). */
function touches(a: Box, b: Box, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}
