/** The layered layout pipeline: index → columns → crossing reduction → coordinates. */
import { assignColumns, type ColumnAssignment } from './columns';
import { placeNodes } from './coordinates';
import { assignColumnsByKind, COLUMN_PLANS, type ColumnPlan } from './fold';
import { connectedComponents, indexGraph, type IndexedGraph } from './graph';
import { orderColumns } from './ordering';
import type { LayoutInput, LayoutOptions, LayoutResult, ResolvedOptions } from './types';
import { DEFAULT_LAYER_GAP, DEFAULT_NODE_GAP } from './types';

/** What the layout measured about its own work, for tests and the benchmark. */
export interface LayoutReport extends LayoutResult {
  columnCount: number;
  crossings: number;
  /** Crossings of the starting order (input order, grouped by component). */
  initialCrossings: number;
  /** Which column plan was used ('story' unless a canvas shape asked for a narrower one). */
  plan: ColumnPlan;
}

/** The zoom at which text on the canvas is still readable; a plan that fits at this zoom is good enough. */
export const READABLE_ZOOM = 0.6;
/** Above this many nodes only the story plan is tried: the others would triple the work. */
const FOLD_UP_TO = 2_000;

export function resolveOptions(options: LayoutOptions = {}): ResolvedOptions {
  const gap = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
  const origin = options.origin;
  return {
    nodeGap: gap(options.nodeGap, DEFAULT_NODE_GAP),
    layerGap: gap(options.layerGap, DEFAULT_LAYER_GAP),
    origin: origin && Number.isFinite(origin.x) && Number.isFinite(origin.y) ? { x: origin.x, y: origin.y } : { x: 0, y: 0 },
    fit: options.fit && options.fit.width > 0 && options.fit.height > 0 ? { width: options.fit.width, height: options.fit.height } : null,
  };
}

export function layeredLayoutReport(input: LayoutInput, options?: LayoutOptions): LayoutReport {
  const resolved = resolveOptions(options);
  const graph = indexGraph(input);
  if (graph.count === 0) return { positions: {}, width: 0, height: 0, columnCount: 0, crossings: 0, initialCrossings: 0, plan: 'story' };
  const component = connectedComponents(graph);
  const fit = resolved.fit;
  const plans: readonly ColumnPlan[] = fit && graph.count <= FOLD_UP_TO ? COLUMN_PLANS : ['story'];
  let best: LayoutReport | null = null;
  let bestZoom = -1;
  for (const plan of plans) {
    const columns = plan === 'story' ? assignColumns(graph) : assignColumnsByKind(graph, plan === 'kind-depth');
    const report = layOut(graph, component, columns, resolved, plan);
    if (!fit) return report;
    const zoom = Math.min(fit.width / Math.max(1, report.width), fit.height / Math.max(1, report.height));
    if (zoom >= READABLE_ZOOM) return report;
    if (zoom > bestZoom) [best, bestZoom] = [report, zoom];
  }
  return best!;
}

function layOut(graph: IndexedGraph, component: Int32Array, columns: ColumnAssignment, resolved: ResolvedOptions, plan: ColumnPlan): LayoutReport {
  const { column, columnCount } = columns;
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
    plan,
  };
}
