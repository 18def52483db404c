/**
 * Node outlines as SVG path data. pdfkit reads the same path syntax, so the SVG and the
 * PDF draw identical shapes from one function.
 */
import type { Box } from '../bounds';
import type { NodeShape } from './style';

export type Rect = Box;

/** Numbers in path data and coordinates: at most two decimals, no "-0", stable across runs. */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function shapeOutline(shape: NodeShape, r: Rect): string {
  const { x, y, width: w, height: h } = r;
  const right = x + w;
  const bottom = y + h;
  switch (shape) {
    case 'parallelogram': {
      const skew = parallelogramSkew(r);
      return `M${num(x + skew)} ${num(y)}H${num(right)}L${num(right - skew)} ${num(bottom)}H${num(x)}Z`;
    }
    case 'octagon': {
      const c = octagonCorner(r);
      return (
        `M${num(x + c)} ${num(y)}H${num(right - c)}L${num(right)} ${num(y + c)}V${num(bottom - c)}` +
        `L${num(right - c)} ${num(bottom)}H${num(x + c)}L${num(x)} ${num(bottom - c)}V${num(y + c)}Z`
      );
    }
    case 'rounded':
      return roundedRect(r, Math.min(12, w / 4, h / 4));
    case 'stadium':
      return roundedRect(r, stadiumRadius(r));
  }
}

export function roundedRect(r: Rect, radius: number): string {
  const { x, y, width: w, height: h } = r;
  const k = num(radius);
  return (
    `M${num(x + radius)} ${num(y)}H${num(x + w - radius)}A${k} ${k} 0 0 1 ${num(x + w)} ${num(y + radius)}` +
    `V${num(y + h - radius)}A${k} ${k} 0 0 1 ${num(x + w - radius)} ${num(y + h)}H${num(x + radius)}` +
    `A${k} ${k} 0 0 1 ${num(x)} ${num(y + h - radius)}V${num(y + radius)}A${k} ${k} 0 0 1 ${num(x + radius)} ${num(y)}Z`
  );
}

export const parallelogramSkew = (r: Rect): number => Math.min(16, r.width / 8);
export const octagonCorner = (r: Rect): number => Math.min(14, r.width / 4, r.height / 4);
export const stadiumRadius = (r: Rect): number => Math.min(r.height / 2, r.width / 4, 24);

/** How far text must stay from the left and right edges so it stays inside the outline. */
export function textInset(shape: NodeShape, r: Rect): number {
  switch (shape) {
    case 'parallelogram':
      return parallelogramSkew(r) + 8;
    case 'octagon':
      return octagonCorner(r) / 2 + 8;
    case 'rounded':
      return 10;
    case 'stadium':
      return stadiumRadius(r) * 0.45 + 8;
  }
}

/** Where the segment from the centre of `r` towards (tx, ty) leaves the rectangle. */
export function exitPoint(r: Rect, tx: number, ty: number): { x: number; y: number } {
  const cx = r.x + r.width / 2;
  const cy = r.y + r.height / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : r.width / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : r.height / 2 / Math.abs(dy);
  const s = Math.min(sx, sy, 1);
  return { x: cx + dx * s, y: cy + dy * s };
}
