/** The shapes that cross the layout boundary: what callers hand in and what they get back. */
import type { EdgeKind, NodeKind } from '../model/graph';

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  width: number;
  height: number;
}

export interface LayoutEdge {
  source: string;
  target: string;
  kind: EdgeKind;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Vertical space between two nodes of the same column. */
  nodeGap?: number;
  /** Horizontal space between two columns. */
  layerGap?: number;
  /** Where the top-left corner of the laid-out drawing goes. */
  origin?: Point;
  /**
   * The canvas the drawing will be shown on (screen pixels). Given, the layout picks the column
   * plan (fold.ts) that fits it at a readable zoom, using its height rather than growing wide.
   */
  fit?: { width: number; height: number };
}

export interface LayoutResult {
  /** Top-left corners, as React Flow positions nodes. */
  positions: Record<string, Point>;
  /** Size of the bounding box of every laid-out node, measured from `origin`. */
  width: number;
  height: number;
}

export interface ResolvedOptions {
  nodeGap: number;
  layerGap: number;
  origin: Point;
  fit: { width: number; height: number } | null;
}

export const DEFAULT_NODE_GAP = 40;
export const DEFAULT_LAYER_GAP = 100;
