/**
 * Automatic layout of crisis graphs, left to right by kind: triggers, crisis,
 * impacts by cascade depth, and each response in a column just left of what it
 * averts or contains. Pure and deterministic; iterative throughout, so graph size is
 * bounded by memory, not by the call stack.
 *
 * The pipeline (layered.ts): columns.ts assigns columns, ordering.ts reduces
 * crossings (with fans.ts and crossings.ts), coordinates.ts places boxes without
 * overlap and clearance.ts keeps them off the curves the canvas draws. selection.ts
 * arranges a selection in place; jobs.ts runs layouts as worker jobs. fold.ts has the
 * narrower column plans used to fit a canvas's shape.
 */
import type { EdgeKind, NodeKind } from '../model/graph';
import { layeredLayoutReport } from './layered';
import type { LayoutOptions } from './types';

export type { LayoutEdge, LayoutInput, LayoutNode, LayoutOptions, LayoutResult, Point } from './types';
export { DEFAULT_LAYER_GAP, DEFAULT_NODE_GAP } from './types';
export { layeredLayoutReport, READABLE_ZOOM } from './layered';
export { COLUMN_PLANS, type ColumnPlan } from './fold';
export type { LayoutReport } from './layered';
export { arrangeSelection } from './selection';
export { placeNewNode, type PlacedBox } from './place-new';
export { anchorPoint, edgeRoute, ROUTE_SIDES, type AnchorSide, type EdgeRoute, type RouteBox } from './edge-route';
export type { PlacedLayoutNode, SelectionLayoutInput } from './selection';

export function layeredLayout(
  input: {
    nodes: { id: string; kind: NodeKind; width: number; height: number }[];
    edges: { source: string; target: string; kind: EdgeKind }[];
  },
  options?: LayoutOptions,
): { positions: Record<string, { x: number; y: number }>; width: number; height: number } {
  const { positions, width, height } = layeredLayoutReport(input, options);
  return { positions, width, height };
}
