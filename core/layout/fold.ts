/**
 * Narrower column plans, for laying a crisis out to the shape of the canvas it is shown on.
 * The story plan (columns.ts) gives each response a column of its own before what it answers,
 * which reads well but grows wide and flat. When the canvas is taller than that drawing, these
 * plans keep the rank order trigger → crisis → impact → response with fewer columns:
 *
 *   'kind-depth'  trigger chains, the crisis, impacts by cascade depth, then every response in
 *                 one last column (response edges point back left);
 *   'kind'        one column per kind: four columns at most.
 *
 * layered.ts picks the first plan, in the order story → kind-depth → kind, whose drawing fits
 * the canvas at a readable zoom, or else the one that fits largest.
 */
import { compact, chainRanks, type ColumnAssignment } from './columns';
import type { IndexedGraph } from './graph';

export const COLUMN_PLANS = ['story', 'kind-depth', 'kind'] as const;
export type ColumnPlan = (typeof COLUMN_PLANS)[number];

export function assignColumnsByKind(graph: IndexedGraph, withDepth: boolean): ColumnAssignment {
  const { count, kinds } = graph;
  const { triggerHeight, impactDepth, triggerLayers, impactLayers } = chainRanks(graph);
  const trig = withDepth ? Math.max(1, triggerLayers) : 1;
  const imp = withDepth ? Math.max(1, impactLayers) : 1;
  const raw = new Int32Array(count);
  for (let v = 0; v < count; v++) {
    const kind = kinds[v];
    if (kind === 'trigger') raw[v] = withDepth ? trig - 1 - triggerHeight[v]! : 0;
    else if (kind === 'crisis') raw[v] = trig;
    else if (kind === 'impact') raw[v] = trig + 1 + (withDepth ? impactDepth[v]! : 0);
    else raw[v] = trig + 1 + imp;
  }
  return compact(raw, trig + imp + 2);
}
