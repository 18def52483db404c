/**
 * Coverage gaps: the places where the plan has no answer yet, and apart from them the gaps
 * the planners have accepted (with a reason, or because no response can avert the trigger).
 * Rules are in docs/analysis.md.
 */
import type { GraphNode, NodeKind, ScenarioDocument } from '../model';
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

/** Why a gap is not open: the node's gap is accepted with a reason, or the trigger is unavertable. */
export const GAP_ACCEPTANCES = ['accepted', 'unavertable'] as const;
export type GapAcceptance = (typeof GAP_ACCEPTANCES)[number];

/** The reason shown for an unavertable trigger that carries no reason of its own. */
export const UNAVERTABLE_REASON = 'no response can avert it';

/** The reason shown for a gap accepted with an empty reason (the model's null means "not accepted"). */
export const NO_REASON_GIVEN = 'accepted, no reason given';

export interface AcceptedGap extends CoverageGap {
  because: GapAcceptance;
  /** The planner's reason (node.gapAccepted), or UNAVERTABLE_REASON. */
  reason: string;
}

export interface CoverageGaps {
  /** Open gaps only: accepted ones are in `accepted`, never in both. */
  gaps: CoverageGap[];
  counts: Record<GapKind, number>;
  /** Gaps that are accepted, listed apart with their reason, in the same order as `gaps`. */
  accepted: AcceptedGap[];
  acceptedCounts: Record<GapKind, number>;
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
  const result: CoverageGaps = { gaps: [], counts: zeroCounts(), accepted: [], acceptedCounts: zeroCounts() };
  for (const kind of GAP_KINDS) {
    for (const node of byKind.get(kind)!.sort(compare)) {
      const gap: CoverageGap = { kind, nodeId: node.id, crisisId: node.crisisId, title: node.title };
      const acceptance = gapAcceptance(node, kind);
      if (acceptance === null) {
        result.gaps.push(gap);
        result.counts[kind]++;
      } else {
        result.accepted.push({ ...gap, ...acceptance });
        result.acceptedCounts[kind]++;
      }
    }
  }
  return result;
}

/**
 * Whether a node's gap of this kind is accepted, and why. A reason in gapAccepted accepts every
 * gap of the node; an unavertable trigger accepts only its "nothing averts it" gap, since a
 * response drawn to it anyway is still one to lead and to aim.
 */
export function gapAcceptance(
  node: Pick<GraphNode, 'kind' | 'gapAccepted' | 'unavertable'>,
  kind: GapKind,
): { because: GapAcceptance; reason: string } | null {
  if (kind === 'unaverted-trigger' && node.kind === 'trigger' && node.unavertable) {
    return { because: 'unavertable', reason: node.gapAccepted?.trim() || UNAVERTABLE_REASON };
  }
  if (node.gapAccepted !== null) return { because: 'accepted', reason: node.gapAccepted.trim() || NO_REASON_GIVEN };
  return null;
}

function zeroCounts(): Record<GapKind, number> {
  return Object.fromEntries(GAP_KINDS.map((k) => [k, 0])) as Record<GapKind, number>;
}

/** Which gap an element with no averting or containing response is, by kind. */
const UNCOVERED_GAP: Record<NodeKind, GapKind | null> = {
  trigger: 'unaverted-trigger',
  crisis: 'unaverted-crisis',
  impact: 'uncontained-impact',
  response: null,
};
