/** The layered layout pipeline: index → columns → crossing reduction → coordinates. */
import { assignColumns } from './columns';
import { placeNodes } from './coordinates';
import { connectedComponents, indexGraph } from './graph';
import { orderColumns } from './ordering';
import type { LayoutInput, LayoutOptions, LayoutResult, ResolvedOptions } from './types';
import { DEFAULT_LAYER_GAP, DEFAULT_NODE_GAP } from './types';

/** What the layout measured about its own work, for tests and the benchmark. */
export interface LayoutReport extends LayoutResult {
  columnCount: number;
  crossings: number;
  /** Crossings of the starting order (input order, grouped by component). */
  initialCrossings: number;
}

export function resolveOptions(options: LayoutOptions = {}): ResolvedOptions {
  const gap = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  const origin = options.origin;
  return {
    nodeGap: gap(options.nodeGap, DEFAULT_NODE_GAP),
    layerGap: gap(options.layerGap, DEFAULT_LAYER_GAP),
    origin: origin && Number.isFinite(origin.x) && Number.isFinite(origin.y) ? { x: origin.x, y: origin.y } : { x: 0, y: 0 },
  };
}

export function layeredLayoutReport(input: LayoutInput, options?: LayoutOptions): LayoutReport {
  const resolved = resolveOptions(options);
  const graph = indexGraph(input);
  if (graph.count === 0) return { positions: {}, width: 0, height: 0, columnCount: 0, crossings: 0, initialCrossings: 0 };
  const { column, columnCount } = assignColumns(graph);
  const component = connectedComponents(graph);
  const layered = orderColumns({
    realCount: graph.count,
    column,
    columnCount,
    component,
    edgeSource: graph.edgeSource,
    edgeTarget: graph.edgeTarget,
  });
  const placement = placeNodes(graph, layered, columnCount, resolved);
  const positions: Record<string, { x: number; y: number }> = {};
  for (let v = 0; v < graph.count; v++) positions[graph.ids[v]!] = { x: placement.x[v]!, y: placement.y[v]! };
  return {
    positions,
    width: placement.width,
    height: placement.height,
    columnCount,
    crossings: layered.crossings,
    initialCrossings: layered.initialCrossings,
  };
}
