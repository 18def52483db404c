/**
 * One small icon per node kind, drawn inline so it needs no asset and no font: an SVG element
 * (the palette), or a CSS mask painted in the text's colour (the canvas's nodes, where two
 * elements fewer per node count on a big crisis).
 */
import type { CSSProperties } from 'react';
import { NODE_KINDS, type NodeKind } from '../../../core/model';

const PATHS: Record<NodeKind, string> = {
  // a spark: what sets things off
  trigger: 'M9 1 3 9h4l-1 6 6-8H8l1-6z',
  // a warning triangle: the crisis itself
  crisis: 'M8 1 15 14H1L8 1zm-.8 4.5v4h1.6v-4H7.2zm0 5.3v1.6h1.6v-1.6H7.2z',
  // ripples: consequences spreading out
  impact: 'M8 6a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm0-3a5 5 0 0 1 5 5h-1.5A3.5 3.5 0 0 0 8 4.5V3zm0-2a7 7 0 0 1 7 7h-1.5A5.5 5.5 0 0 0 8 2.5V1z',
  // a shield: what averts or contains
  response: 'M8 1 14 3.5V8c0 3.3-2.5 6-6 7-3.5-1-6-3.7-6-7V3.5L8 1z',
};

export function KindIcon({ kind, size = 14 }: { kind: NodeKind; size?: number }) {
  return (
    <svg className={`kind-icon kind-icon-${kind}`} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[kind]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

/**
 * The icons as CSS custom properties (--kind-icon-trigger…), set once on the canvas: the nodes'
 * labels draw them with `mask-image` (styles.css, .kind-label::before), so a node mounts no SVG.
 */
export const KIND_ICON_VARIABLES: CSSProperties = Object.fromEntries(
  NODE_KINDS.map((kind) => [
    `--kind-icon-${kind}`,
    `url("data:image/svg+xml,${encodeURIComponent(`<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><path d='${PATHS[kind]}' fill-rule='evenodd'/></svg>`)}")`,
  ]),
);
