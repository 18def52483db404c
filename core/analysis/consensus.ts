/**
 * Consensus: where every actor stands on every element, and whether the core actors
 * (scenario.coreActorIds) agree. States and the role of `uncertain` are defined in
 * docs/analysis.md; in short, uncertain blocks "agreed" but is not a disagreement.
 */
import { POSITIONS, type GraphNode, type Position, type ScenarioDocument } from '../model';
import { nodeComparator, nodesInScope, sortedActors, type AnalysisScope } from './graph-index';

/** A module-local copy: read in the hot loop, where a re-exported binding may cost a getter call. */
const POSITION_LIST: readonly Position[] = [...POSITIONS];

export const CONSENSUS_STATES = ['agreed', 'split', 'partly-unknown', 'unasked'] as const;
export type ConsensusState = (typeof CONSENSUS_STATES)[number];

export interface ElementConsensus {
  nodeId: string;
  kind: GraphNode['kind'];
  crisisId: string;
  title: string;
  /** One position per actor, aligned with ConsensusAnalysis.actorIds; no stance row is `unknown`. */
  positions: Position[];
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
  /** Every actor in actor order: the columns of the element × actor matrix. */
  actorIds: string[];
  elements: ElementConsensus[];
  summary: ConsensusSummary;
}

type ConsensusInput = Pick<ScenarioDocument, 'nodes' | 'actors' | 'stances' | 'crises' | 'scenario'>;

export function consensus(doc: ConsensusInput, scope: AnalysisScope = {}): ConsensusAnalysis {
  const actors = sortedActors(doc.actors);
  const actorIndex = new Map(actors.map((a, i) => [a.id, i]));
  // Core actors that are not in the file cannot be asked; documentIssues rejects them anyway.
  const coreActorIds = [...new Set(doc.scenario.coreActorIds)].filter((id) => actorIndex.has(id));
  const coreIndices = coreActorIds.map((id) => actorIndex.get(id)!);
  const nodes = [...nodesInScope(doc, scope)].sort(nodeComparator(doc.crises));
  const grid = positionGrid(doc.stances, nodes, actorIndex, actors.length);

  const summary: ConsensusSummary = { coreActorIds, total: nodes.length, agreed: 0, split: 0, partlyUnknown: 0, unasked: 0 };
  const corePositions: Position[] = new Array<Position>(coreIndices.length);
  const elements = nodes.map((node, e): ElementConsensus => {
    const base = e * actors.length;
    const positions = new Array<Position>(actors.length);
    for (let a = 0; a < actors.length; a++) positions[a] = POSITION_LIST[grid[base + a]!]!;
    const disagreeing: string[] = [];
    coreIndices.forEach((a, k) => {
      corePositions[k] = POSITION_LIST[grid[base + a]!]!;
      if (corePositions[k] === 'disagree') disagreeing.push(actors[a]!.id);
    });
    const state = consensusState(corePositions);
    if (state === 'agreed') summary.agreed++;
    else if (state === 'split') summary.split++;
    else if (state === 'partly-unknown') summary.partlyUnknown++;
    else summary.unasked++;
    return { nodeId: node.id, kind: node.kind, crisisId: node.crisisId, title: node.title, positions, state, disagreeing };
  });
  return { actorIds: actors.map((a) => a.id), elements, summary };
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

/**
 * Positions as one flat grid, element-major: grid[element * actors + actor] indexes POSITIONS.
 * Starts as all unknown, which is what a missing row means. A duplicate row (invalid anyway)
 * is resolved by the later one winning.
 */
function positionGrid(
  stances: ConsensusInput['stances'],
  nodes: readonly GraphNode[],
  actorIndex: Map<string, number>,
  width: number,
): Uint8Array {
  const elementIndex = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) elementIndex.set(nodes[i]!.id, i);
  const positionCode = new Map(POSITION_LIST.map((p, i) => [p, i]));
  const grid = new Uint8Array(nodes.length * width).fill(POSITION_LIST.indexOf('unknown'));
  for (const s of stances) {
    const e = elementIndex.get(s.elementId);
    const a = actorIndex.get(s.actorId);
    if (e !== undefined && a !== undefined) grid[e * width + a] = positionCode.get(s.position)!;
  }
  return grid;
}
