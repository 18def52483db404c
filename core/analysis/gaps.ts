/**
 * Coverage gaps: the places where the plan has no answer yet. Rules are in docs/analysis.md.
 */
import type { NodeKind, ScenarioDocument } from '../model';
import { buildGraphIndex, nodeComparator, type AnalysisScope, type GraphIndex } from './graph-index';

export const GAP_KINDS = [
  'uncontained-impact', // an impact no response contains
  'unaverted-trigger', // a trigger no response averts
  'unaverted-crisis', // a crisis no response averts
  'response-without-lead', // a response with no lead actor
  'orphaned-response', // a response that averts or contains nothing (its targets were deleted, or never drawn)
] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface CoverageGap {
  kind: GapKind;
  nodeId: string;
  crisisId: string;
  title: string;
}

export interface CoverageGaps {
  gaps: CoverageGap[];
  counts: Record<GapKind, number>;
}

type GapInput = Pick<ScenarioDocument, 'nodes' | 'edges' | 'actors' | 'crises'>;

export function coverageGaps(doc: GapInput, scope: AnalysisScope = {}, index?: GraphIndex): CoverageGaps {
  const graph = index ?? buildGraphIndex(doc, scope);
  const actorIds = new Set(doc.actors.map((a) => a.id));
  const byKind = new Map<GapKind, typeof graph.nodes>(GAP_KINDS.map((k) => [k, []]));
  const { offsets } = graph.coveredBy;

  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i]!;
    const covered = offsets[i + 1]! > offsets[i]!;
    const uncovered = UNCOVERED_GAP[node.kind];
    if (uncovered && !covered) byKind.get(uncovered)!.push(node);
    if (node.kind !== 'response') continue;
    // A lead that names no known actor leads nothing; documentIssues rejects it, but a
    // half-imported file should still show the gap rather than hide it.
    if (node.leadActorId === null || !actorIds.has(node.leadActorId)) byKind.get('response-without-lead')!.push(node);
    if (graph.targetCount[i] === 0) byKind.get('orphaned-response')!.push(node);
  }

  const compare = nodeComparator(doc.crises);
  const gaps: CoverageGap[] = [];
  const counts = {} as Record<GapKind, number>;
  for (const kind of GAP_KINDS) {
    const list = byKind.get(kind)!.sort(compare);
    counts[kind] = list.length;
    for (const node of list) gaps.push({ kind, nodeId: node.id, crisisId: node.crisisId, title: node.title });
  }
  return { gaps, counts };
}

/** Which gap an element with no averting or containing response is, by kind. */
const UNCOVERED_GAP: Record<NodeKind, GapKind | null> = {
  trigger: 'unaverted-trigger',
  crisis: 'unaverted-crisis',
  impact: 'uncontained-impact',
  response: null,
};
