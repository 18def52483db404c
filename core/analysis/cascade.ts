/**
 * What-if cascade: given triggers that fire, everything they lead to, which responses avert
 * or contain each reached element, which reached impacts nothing contains, and how many
 * distinct paths lead from the chosen triggers to each element.
 *
 * Paths are counted over the condensation (each leads-to cycle collapsed to one step), so the
 * count is finite and linear-time to compute; counts saturate at Number.MAX_SAFE_INTEGER with
 * a flag instead of growing without bound. docs/analysis.md defines both choices.
 */
import { AppError } from '../errors';
import type { GraphNode, ScenarioDocument } from '../model';
import { stronglyConnectedComponents } from './components';
import { buildGraphIndex, canonicalRank, row, type GraphIndex } from './graph-index';

export const PATH_COUNT_CAP = Number.MAX_SAFE_INTEGER;

export interface CascadeElement {
  nodeId: string;
  kind: GraphNode['kind'];
  crisisId: string;
  title: string;
  /** Fewest leads-to steps from a chosen trigger (0 for the triggers themselves). */
  depth: number;
  /** Distinct paths from the chosen triggers to this element (see docs/analysis.md). */
  paths: number;
  /** True when the count reached PATH_COUNT_CAP: read `paths` as "at least". */
  pathsCapped: boolean;
  /** True when the element lies on a leads-to cycle inside the cascade. */
  inCycle: boolean;
  /** Responses that avert (triggers, crises) or contain (impacts) this element. */
  coveredBy: string[];
}

export interface CascadeResult {
  triggerIds: string[];
  /** Reached elements by depth, then crisis order, title and id. */
  reached: CascadeElement[];
  /** Reached impacts that no response contains, in the order of `reached`. */
  uncoveredImpactIds: string[];
  /** Complete paths: those from a chosen trigger to an element the cascade goes no further from. */
  totalPaths: number;
  totalPathsCapped: boolean;
}

type CascadeInput = Pick<ScenarioDocument, 'nodes' | 'edges' | 'crises'>;

/**
 * Throws AppError NOT_FOUND for an unknown id and BAD_REQUEST for a node that is not a trigger.
 * `index` lets a caller running many what-ifs on one document build the whole-file index once.
 */
export function cascade(doc: CascadeInput, triggerIds: readonly string[], index?: GraphIndex): CascadeResult {
  const graph = index ?? buildGraphIndex(doc);
  const n = graph.nodes.length;
  const chosen = [...new Set(triggerIds)];
  const starts = chosen.map((id) => {
    const i = graph.indexOf.get(id);
    if (i === undefined) throw new AppError('NOT_FOUND', `No element "${id}" to start a cascade from.`);
    const kind = graph.nodes[i]!.kind;
    if (kind !== 'trigger') throw new AppError('BAD_REQUEST', `A cascade starts from triggers; "${id}" is a ${kind}.`);
    return i;
  });

  const depth = breadthFirstDepths(graph, starts);
  const reachedMask = new Uint8Array(n);
  for (let i = 0; i < n; i++) reachedMask[i] = depth[i]! >= 0 ? 1 : 0;
  const counts = countPaths(graph, reachedMask, starts);

  const reachedNodes: number[] = [];
  for (let i = 0; i < n; i++) if (reachedMask[i]) reachedNodes.push(i);
  const rank = canonicalRank(graph.nodes, doc.crises);
  reachedNodes.sort((a, b) => depth[a]! - depth[b]! || rank[a]! - rank[b]!);

  const reached = reachedNodes.map((i): CascadeElement => {
    const node = graph.nodes[i]!;
    const cover = row(graph.coveredBy, i);
    const responses = cover.length === 0 ? [] : Array.from(cover).sort((a, b) => rank[a]! - rank[b]!);
    return {
      nodeId: node.id,
      kind: node.kind,
      crisisId: node.crisisId,
      title: node.title,
      depth: depth[i]!,
      paths: counts.paths[i]!,
      pathsCapped: counts.capped[i] === 1,
      inCycle: counts.inCycle[i] === 1,
      coveredBy: responses.map((r) => graph.nodes[r]!.id),
    };
  });
  return {
    triggerIds: chosen,
    reached,
    uncoveredImpactIds: reached.filter((e) => e.kind === 'impact' && e.coveredBy.length === 0).map((e) => e.nodeId),
    totalPaths: counts.total,
    totalPathsCapped: counts.totalCapped,
  };
}

function breadthFirstDepths(graph: GraphIndex, starts: readonly number[]): Int32Array {
  const { offsets, targets } = graph.successors;
  const depth = new Int32Array(graph.nodes.length).fill(-1);
  const queue = new Int32Array(graph.nodes.length);
  let head = 0;
  let tail = 0;
  for (const s of starts) {
    if (depth[s] !== -1) continue;
    depth[s] = 0;
    queue[tail++] = s;
  }
  while (head < tail) {
    const v = queue[head++]!;
    for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
      const w = targets[e]!;
      if (depth[w] !== -1) continue;
      depth[w] = depth[v]! + 1;
      queue[tail++] = w;
    }
  }
  return depth;
}

interface PathCounts {
  paths: Float64Array;
  capped: Uint8Array;
  inCycle: Uint8Array;
  total: number;
  totalCapped: boolean;
}

/**
 * Paths over the condensation of the reached subgraph: a path starts at a chosen trigger and
 * steps between distinct components along at least one leads-to edge. A component's count is
 * the chosen triggers inside it plus the counts of the components stepping into it; every
 * node shares its component's count. Components are numbered in topological order, so one
 * ascending pass sees each count complete before passing it on.
 */
function countPaths(graph: GraphIndex, reached: Uint8Array, starts: readonly number[]): PathCounts {
  const n = graph.nodes.length;
  const { componentOf, count } = stronglyConnectedComponents(graph.successors, reached);

  const componentPaths = new Float64Array(count);
  const componentCapped = new Uint8Array(count);
  for (const s of starts) componentPaths[componentOf[s]!]!++;

  // Visit components in ascending (topological) order, each one's nodes together, so every
  // count is complete before it is passed on. marker[cw] === c means c already stepped into
  // cw, which keeps several edges between the same two components to one step.
  const nodesByComponent = new Int32Array(n);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) if (componentOf[i]! >= 0) start[componentOf[i]! + 1]!++;
  for (let c = 0; c < count; c++) start[c + 1]! += start[c]!;
  const cursor = start.slice(0, count);
  for (let i = 0; i < n; i++) if (componentOf[i]! >= 0) nodesByComponent[cursor[componentOf[i]!]!++] = i;

  const { offsets, targets } = graph.successors;
  const marker = new Int32Array(count).fill(-1);
  const hasExit = new Uint8Array(count);
  for (let c = 0; c < count; c++) {
    for (let k = start[c]!; k < start[c + 1]!; k++) {
      const v = nodesByComponent[k]!;
      for (let e = offsets[v]!; e < offsets[v + 1]!; e++) {
        const cw = componentOf[targets[e]!]!;
        if (cw < 0 || cw === c || marker[cw] === c) continue;
        marker[cw] = c;
        hasExit[c] = 1;
        const sum = componentPaths[cw]! + componentPaths[c]!;
        if (sum > PATH_COUNT_CAP || componentCapped[c]) componentCapped[cw] = 1;
        componentPaths[cw] = Math.min(sum, PATH_COUNT_CAP);
      }
    }
  }

  let total = 0;
  let totalCapped = false;
  for (let c = 0; c < count; c++) {
    if (hasExit[c]) continue;
    total += componentPaths[c]!;
    if (componentCapped[c] || total > PATH_COUNT_CAP) totalCapped = true;
    total = Math.min(total, PATH_COUNT_CAP);
  }

  const paths = new Float64Array(n);
  const capped = new Uint8Array(n);
  const inCycle = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = componentOf[i]!;
    if (c < 0) continue;
    paths[i] = componentPaths[c]!;
    capped[i] = componentCapped[c]!;
    inCycle[i] = start[c + 1]! - start[c]! > 1 ? 1 : 0;
  }
  return { paths, capped, inCycle, total, totalCapped };
}
