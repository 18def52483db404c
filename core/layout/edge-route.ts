/**
 * Which sides of its two boxes an edge leaves and enters: the one rule the canvas (React Flow
 * handles) and the diagram exports (SVG, PNG, PDF) both follow. Left to right is the story's
 * direction, so an edge normally leaves its source's right side for its target's left side; a
 * target left of its source (a response before Arrange) is entered from the right; and two boxes
 * of the same column (impact → impact, response → response) are joined from the bottom of the
 * upper one to the top of the lower one, a short connector instead of a loop round the side.
 */

export type EdgeRoute = 'forward' | 'backward' | 'down' | 'up';
export type AnchorSide = 'left' | 'right' | 'top' | 'bottom';

export interface RouteBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const ROUTE_SIDES: Record<EdgeRoute, { source: AnchorSide; target: AnchorSide }> = {
  forward: { source: 'right', target: 'left' },
  backward: { source: 'left', target: 'right' },
  down: { source: 'bottom', target: 'top' },
  up: { source: 'top', target: 'bottom' },
};

/** The route of an edge from `source` to `target`. */
export function edgeRoute(source: RouteBox, target: RouteBox): EdgeRoute {
  const sameColumn = source.x < target.x + target.width && target.x < source.x + source.width;
  if (sameColumn) {
    if (source.y + source.height <= target.y) return 'down';
    if (target.y + target.height <= source.y) return 'up';
  }
  return target.x + target.width / 2 < source.x + source.width / 2 ? 'backward' : 'forward';
}

/** The middle of one side of a box: where an edge meets it. */
export function anchorPoint(box: RouteBox, side: AnchorSide): { x: number; y: number } {
  switch (side) {
    case 'left': return { x: box.x, y: box.y + box.height / 2 };
    case 'right': return { x: box.x + box.width, y: box.y + box.height / 2 };
    case 'top': return { x: box.x + box.width / 2, y: box.y };
    case 'bottom': return { x: box.x + box.width / 2, y: box.y + box.height };
  }
}
