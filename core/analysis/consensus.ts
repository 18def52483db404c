/**
 * Consensus: where every actor stands on every element, and whether the core actors
 * (scenario.coreActorIds) agree. States and the role of `uncertain` are defined in
 * docs/analysis.md; in short, uncertain blocks "agreed" but is not a disagreement.
 */
import type { GraphNode, Position, ScenarioDocument } from '../model';
import { nodeComparator, nodesInScope, sortedActors, type AnalysisScope } from './graph-index';

export const CONSENSUS_STATES = ['agreed', 'split', 'partly-unknown', 'unasked'] as const;
export type ConsensusState = (typeof CONSENSUS_STATES)[number];

export interface ActorStance {
  actorId: string;
  position: Position;
  /** Whether this actor's position counts towards the consensus state. */
  core: boolean;
}

export interface ElementConsensus {
  nodeId: string;
  kind: GraphNode['kind'];
  crisisId: string;
  title: string;
  /** Every actor, in actor order; an actor with no stance row is `unknown`. */
  stances: ActorStance[];
  state: ConsensusState;
  /** The core actors who disagree, so a summary can name them without rescanning. */
  disagreeing: string[];
}

export interface ConsensusSummary {
  coreActorIds: string[];
  total: number;
  /** "agreed by all core actors" (all four, by default). */
  agreed: number;
  /** "contested": at least one core actor disagrees. */
  split: number;
  partlyUnknown: number;
  /** "nobody has asked": every core actor unknown. */
  unasked: number;
}

export interface ConsensusAnalysis {
  elements: ElementConsensus[];
  summary: ConsensusSummary;
}

type ConsensusInput = Pick<ScenarioDocument, 'nodes' | 'actors' | 'stances' | 'crises' | 'scenario'>;

export function consensus(doc: ConsensusInput, scope: AnalysisScope = {}): ConsensusAnalysis {
  const actors = sortedActors(doc.actors);
  const known = new Set(actors.map((a) => a.id));
  // Core actors that are not in the file cannot be asked; documentIssues rejects them anyway.
  const coreActorIds = [...new Set(doc.scenario.coreActorIds)].filter((id) => known.has(id));
  const core = new Set(coreActorIds);
  const nodes = [...nodesInScope(doc, scope)].sort(nodeComparator(doc.crises));
  const positions = positionsByElement(doc.stances, new Set(nodes.map((n) => n.id)));

  const summary: ConsensusSummary = { coreActorIds, total: nodes.length, agreed: 0, split: 0, partlyUnknown: 0, unasked: 0 };
  const elements = nodes.map((node): ElementConsensus => {
    const given = positions.get(node.id);
    const stances = actors.map((a) => ({ actorId: a.id, position: given?.get(a.id) ?? 'unknown', core: core.has(a.id) }));
    const corePositions = coreActorIds.map((id) => given?.get(id) ?? 'unknown');
    const state = consensusState(corePositions);
    if (state === 'agreed') summary.agreed++;
    else if (state === 'split') summary.split++;
    else if (state === 'partly-unknown') summary.partlyUnknown++;
    else summary.unasked++;
    const disagreeing = coreActorIds.filter((id) => given?.get(id) === 'disagree');
    return { nodeId: node.id, kind: node.kind, crisisId: node.crisisId, title: node.title, stances, state, disagreeing };
  });
  return { elements, summary };
}

/**
 * The state of one element from the core actors' positions:
 * any disagree → split; all agree → agreed; all unknown (or no core actors) → unasked;
 * anything else (some agree, uncertain or unknown, none disagree) → partly-unknown.
 */
export function consensusState(corePositions: readonly Position[]): ConsensusState {
  if (corePositions.includes('disagree')) return 'split';
  if (corePositions.every((p) => p === 'unknown')) return 'unasked';
  if (corePositions.every((p) => p === 'agree')) return 'agreed';
  return 'partly-unknown';
}

function positionsByElement(
  stances: ConsensusInput['stances'],
  elementIds: Set<string>,
): Map<string, Map<string, Position>> {
  const out = new Map<string, Map<string, Position>>();
  for (const s of stances) {
    if (!elementIds.has(s.elementId)) continue;
    let byActor = out.get(s.elementId);
    if (!byActor) out.set(s.elementId, (byActor = new Map()));
    byActor.set(s.actorId, s.position); // a duplicate row (invalid anyway): the later one wins
  }
  return out;
}
