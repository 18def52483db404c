/**
 * Draws a crisis as plain boxes on a 2D canvas: the overview layer (zoomed far out) and the
 * minimap both use it. One fill colour per kind, so a whole crisis is four batches of
 * rectangles whatever its size; only boxes inside the canvas are drawn.
 */
import { NODE_KINDS, type GraphEdge, type GraphNode, type NodeKind } from '../../../core/model';

/** The kind colours, as the stylesheet defines them (read once: they never change). */
let kindColors: Record<NodeKind, string> | null = null;
export function kindColor(kind: NodeKind): string {
  if (!kindColors) {
    const style = getComputedStyle(document.documentElement);
    kindColors = Object.fromEntries(NODE_KINDS.map((k) => [k, style.getPropertyValue(`--${k}`).trim() || '#64748b'])) as Record<NodeKind, string>;
  }
  return kindColors[kind];
}

/** Nodes grouped by kind, built once per document change. */
export type NodesByKind = ReadonlyMap<NodeKind, readonly GraphNode[]>;
export function groupByKind(nodes: readonly GraphNode[]): NodesByKind {
  const groups = new Map<NodeKind, GraphNode[]>(NODE_KINDS.map((k) => [k, []]));
  for (const n of nodes) groups.get(n.kind)!.push(n);
  return groups;
}

/** Flow coordinates to canvas pixels: screen = flow × zoom + offset. */
export interface BoxTransform {
  x: number;
  y: number;
  zoom: number;
}

/** Clears the canvas and draws every box (and, if given, edge) that falls inside it. Returns how many boxes were drawn. */
export function paintBoxes(
  ctx: CanvasRenderingContext2D,
  groups: NodesByKind,
  t: BoxTransform,
  size: { width: number; height: number },
  options: { edges?: readonly GraphEdge[]; byId?: ReadonlyMap<string, GraphNode>; selected?: ReadonlySet<string> } = {},
): number {
  ctx.clearRect(0, 0, size.width, size.height);
  const { edges, byId, selected } = options;
  if (edges && byId) {
    ctx.beginPath();
    for (const e of edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!a || !b) continue;
      ctx.moveTo((a.x + a.width) * t.zoom + t.x, (a.y + a.height / 2) * t.zoom + t.y);
      ctx.lineTo(b.x * t.zoom + t.x, (b.y + b.height / 2) * t.zoom + t.y);
    }
    ctx.strokeStyle = 'rgba(100, 116, 139, 0.35)';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  let drawn = 0;
  for (const [kind, nodes] of groups) {
    ctx.fillStyle = kindColor(kind);
    for (const n of nodes) {
      const x = n.x * t.zoom + t.x;
      const y = n.y * t.zoom + t.y;
      const w = Math.max(1, n.width * t.zoom);
      const h = Math.max(1, n.height * t.zoom);
      if (x > size.width || y > size.height || x + w < 0 || y + h < 0) continue;
      ctx.fillRect(x, y, w, h);
      drawn++;
    }
  }
  if (selected && byId && selected.size) {
    ctx.strokeStyle = '#2b5cab';
    ctx.lineWidth = 2;
    for (const id of selected) {
      const n = byId.get(id);
      if (n) ctx.strokeRect(n.x * t.zoom + t.x - 2, n.y * t.zoom + t.y - 2, Math.max(1, n.width * t.zoom) + 4, Math.max(1, n.height * t.zoom) + 4);
    }
  }
  return drawn;
}

/** Size a canvas's backing store to its CSS size at the screen's pixel ratio; returns the context, scaled. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * ratio));
  const h = Math.max(1, Math.round(height * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
