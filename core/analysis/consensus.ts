/**
 * Consensus: where every actor stands on every element, and whether the core actors
 * (scenario.coreActorIds) agree. States and the role of `uncertain` are defined in
 * docs/analysis.md; in short, uncertain blocks "agreed" but is not a disagreement.
 */
import { HOLDER_STRENGTH, POSITIONS, STANCE_HOLDERS, type GraphNode, type Position, type ScenarioDocument, type StanceHolder } from '../model';
import { nodeComparator, nodesInScope, sortedActors, type AnalysisScope } from './graph-index';

/** A module-local copy: read in the hot loop, where a re-exported binding may cost a getter call. */
const POSITION_LIST: readonly Position[] = [...POSITIONS];
const HOLDER_LIST: readonly StanceHolder[] = [...STANCE_HOLDERS];
/** Holder code in the grid for a cell with no stance row. */
const NO_HOLDER = 255;
const STRENGTH_BY_CODE: readonly number[] = HOLDER_LIST.map((h) => HOLDER_STRENGTH[h]);

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
  /** What the core actors' known positions rest on: who holds them and since when. */
  holders: ConsensusHolders;
}

/**
 * Who holds the core actors' known positions on one element (agree, disagree or uncertain;
 * an unknown position has no holder, whatever its row says). "Agreed by all four (official)"
 * and "all four participants agree" differ here, not in the state.
 */
export interface ConsensusHolders {
  /** How many core positions each kind of holder holds. */
  counts: Record<StanceHolder, number>;
  /** The weakest holder among them (official > participant > analyst); null when no core position is known. */
  weakest: StanceHolder | null;
  /** The core actors whose position is held by the weakest holder, in actor order. */
  weakestActorIds: string[];
  /** Each core actor's position, aligned with ConsensusSummary.coreActorIds. */
  corePositions: Position[];
  /** Each core actor's holder, aligned with coreActorIds; null where the position is unknown. */
  core: (StanceHolder | null)[];
  /** The earliest as-of date among those positions; null when none is dated. */
  earliestAsOf: string | null;
  /** How many of those positions carry no as-of date. */
  undated: number;
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
  /** The agreed elements by the weakest holder their agreement rests on (they add up to `agreed`). */
  agreedBy: Record<StanceHolder, number>;
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
  const { grid, holderGrid, asOfGrid } = positionGrid(doc.stances, nodes, actorIndex, actors.length);
  const unknownCode = POSITION_LIST.indexOf('unknown');
  const disagreeCode = POSITION_LIST.indexOf('disagree');
  const officialCode = HOLDER_LIST.indexOf('official');
  const participantCode = HOLDER_LIST.indexOf('participant');
  const dated = asOfGrid.size > 0;
  // Core actor index → its slot in the core list, and the core actors in column order.
  const coreSlot: number[] = [];
  coreIndices.forEach((a, k) => (coreSlot[a] = k));
  const coreInActorOrder = [...coreIndices].sort((x, y) => x - y);

  const summary: ConsensusSummary = {
    coreActorIds,
    total: nodes.length,
    agreed: 0,
    split: 0,
    partlyUnknown: 0,
    unasked: 0,
    agreedBy: { official: 0, participant: 0, analyst: 0 },
  };
  const coreCount = coreIndices.length;
  const coreIds = coreIndices.map((a) => actors[a]!.id);
  const elements = nodes.map((node, e): ElementConsensus => {
    const base = e * actors.length;
    const positions = new Array<Position>(actors.length);
    for (let a = 0; a < actors.length; a++) positions[a] = POSITION_LIST[grid[base + a]!]!;
    const disagreeing: string[] = [];
    const corePositions = new Array<Position>(coreCount);
    const core = new Array<StanceHolder | null>(coreCount);
    let official = 0;
    let participant = 0;
    let analyst = 0;
    let weakestCode = NO_HOLDER;
    let earliestAsOf: string | null = null;
    let undated = 0;
    for (let k = 0; k < coreCount; k++) {
      const cell = base + coreIndices[k]!;
      const code = grid[cell]!;
      corePositions[k] = POSITION_LIST[code]!;
      core[k] = null;
      if (code === disagreeCode) disagreeing.push(coreIds[k]!);
      if (code === unknownCode) continue;
      const h = holderGrid[cell]!;
      core[k] = HOLDER_LIST[h]!;
      if (h === officialCode) official++;
      else if (h === participantCode) participant++;
      else analyst++;
      if (weakestCode === NO_HOLDER || STRENGTH_BY_CODE[h]! < STRENGTH_BY_CODE[weakestCode]!) weakestCode = h;
      const asOf = dated ? asOfGrid.get(cell) : undefined;
      if (asOf === undefined) undated++;
      else if (earliestAsOf === null || asOf < earliestAsOf) earliestAsOf = asOf;
    }
    const weakest = weakestCode === NO_HOLDER ? null : HOLDER_LIST[weakestCode]!;
    const weakestActorIds: string[] = [];
    // Named in actor (column) order, whatever the order of the core list.
    if (weakest !== null) for (const a of coreInActorOrder) if (core[coreSlot[a]!] === weakest) weakestActorIds.push(actors[a]!.id);
    const holders: ConsensusHolders = { counts: { official, participant, analyst }, weakest, weakestActorIds, corePositions, core, earliestAsOf, undated };
    const state = consensusState(corePositions);
    if (state === 'agreed') {
      summary.agreed++;
      summary.agreedBy[weakest!]++;
    } else if (state === 'split') summary.split++;
    else if (state === 'partly-unknown') summary.partlyUnknown++;
    else summary.unasked++;
    return { nodeId: node.id, kind: node.kind, crisisId: node.crisisId, title: node.title, positions, state, disagreeing, holders };
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
 * Starts as all unknown, which is what a missing row means. holderGrid holds the row's holder
 * (an index into STANCE_HOLDERS, NO_HOLDER without a row) and asOfGrid its as-of date where it
 * has one. A duplicate row (invalid anyway) is resolved by the later one winning.
 */
function positionGrid(
  stances: ConsensusInput['stances'],
  nodes: readonly GraphNode[],
  actorIndex: Map<string, number>,
  width: number,
): { grid: Uint8Array; holderGrid: Uint8Array; asOfGrid: Map<number, string> } {
  const elementIndex = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) elementIndex.set(nodes[i]!.id, i);
  const positionCode = new Map(POSITION_LIST.map((p, i) => [p, i]));
  const holderCode = new Map(HOLDER_LIST.map((h, i) => [h, i]));
  const analystCode = HOLDER_LIST.indexOf('analyst');
  const grid = new Uint8Array(nodes.length * width).fill(POSITION_LIST.indexOf('unknown'));
  const holderGrid = new Uint8Array(nodes.length * width).fill(NO_HOLDER);
  const asOfGrid = new Map<number, string>();
  for (const s of stances) {
    const e = elementIndex.get(s.elementId);
    const a = actorIndex.get(s.actorId);
    if (e === undefined || a === undefined) continue;
    const cell = e * width + a;
    grid[cell] = positionCode.get(s.position)!;
    // A row without a valid holder (only in an unvalidated file) is the planner's estimate, as migration makes it.
    holderGrid[cell] = holderCode.get(s.holder) ?? analystCode;
    if (s.asOf) asOfGrid.set(cell, s.asOf);
    else asOfGrid.delete(cell);
  }
  return { grid, holderGrid, asOfGrid };
}
