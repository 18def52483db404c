/**
 * Synthetic crisis graphs for layout tests and the layout benchmark: seeded, so a
 * failing case can be replayed from its seed, and shaped by the connection rules.
 */
import type { EdgeKind, NodeKind } from '../../../core/model/graph';
import type { LayoutEdge, LayoutInput, LayoutNode } from '../../../core/layout';
import { curveBand } from '../../../core/layout/edge-curve';

// One seeded generator for tests and benchmarks alike.
export { seededRandom } from '../../../bench/fixtures';
import { seededRandom } from '../../../bench/fixtures';

export interface CrisisGraphShape {
  nodeCount: number;
  /** Nodes per crisis; the graph holds ceil(nodeCount / crisisSize) crises. */
  crisisSize?: number;
  /** Random node sizes instead of the editor's defaults. */
  variedSizes?: boolean;
  /** Add back edges in the trigger and impact chains. */
  cycles?: boolean;
  /** Share of nodes left without any edge. */
  looseShare?: number;
  /** Share of responses left without a target. */
  aimlessShare?: number;
}

const DEFAULT_SIZE: Record<NodeKind, { width: number; height: number }> = {
  trigger: { width: 200, height: 72 },
  crisis: { width: 220, height: 88 },
  impact: { width: 200, height: 72 },
  response: { width: 220, height: 80 },
};

/** A valid trigger → crisis → impact graph with responses, about 1.5 edges per node. */
export function crisisGraph(seed: number, shape: CrisisGraphShape): LayoutInput {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const nodes: LayoutNode[] = [];
  const edges: LayoutEdge[] = [];
  const crisisSize = Math.max(4, shape.crisisSize ?? shape.nodeCount);
  const addNode = (kind: NodeKind): string => {
    const id = `n${nodes.length}`;
    const size = shape.variedSizes
      ? { width: 80 + Math.floor(random() * 240), height: 30 + Math.floor(random() * 150) }
      : DEFAULT_SIZE[kind];
    nodes.push({ id, kind, ...size });
    return id;
  };
  const link = (source: string, target: string, kind: EdgeKind) => edges.push({ source, target, kind });
  for (let made = 0; made < shape.nodeCount; ) {
    const size = Math.min(crisisSize, shape.nodeCount - made);
    made += size;
    if (size < 4) {
      for (let i = 0; i < size; i++) addNode(pick(['trigger', 'impact', 'response'] as const));
      continue;
    }
    const crisis = addNode('crisis');
    const triggers: string[] = [];
    const impacts: string[] = [];
    const triggerCount = Math.max(1, Math.round((size - 1) * 0.2));
    const impactCount = Math.max(1, Math.round((size - 1) * 0.45));
    const responseCount = size - 1 - triggerCount - impactCount;
    const loose = (): boolean => random() < (shape.looseShare ?? 0);
    for (let i = 0; i < triggerCount; i++) {
      const id = addNode('trigger');
      if (!loose()) {
        if (triggers.length === 0 || random() < 0.55) link(id, crisis, 'leads-to');
        if (triggers.length > 0 && random() < 0.7) link(id, pick(triggers), 'leads-to');
        if (shape.cycles && triggers.length > 0 && random() < 0.15) link(pick(triggers), id, 'leads-to');
      }
      triggers.push(id);
    }
    for (let i = 0; i < impactCount; i++) {
      const id = addNode('impact');
      if (!loose()) {
        if (impacts.length === 0 || random() < 0.4) link(crisis, id, 'leads-to');
        else link(pick(impacts), id, 'leads-to');
        if (impacts.length > 0 && random() < 0.55) link(pick(impacts), id, 'leads-to');
        if (shape.cycles && impacts.length > 0 && random() < 0.15) link(id, pick(impacts), 'leads-to');
      }
      impacts.push(id);
    }
    const aimable = [...triggers, crisis, ...impacts];
    for (let i = 0; i < responseCount; i++) {
      const id = addNode('response');
      if (loose() || random() < (shape.aimlessShare ?? 0)) continue;
      const targets = random() < 0.55 ? 2 : 1;
      for (let k = 0; k < targets; k++) {
        const target = random() < 0.7 ? pick(impacts) : pick(aimable);
        link(id, target, nodes[Number(target.slice(1))]!.kind === 'impact' ? 'contains' : 'averts');
      }
    }
  }
  return { nodes, edges };
}

export interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxesOf(input: LayoutInput, positions: Record<string, { x: number; y: number }>): Box[] {
  return input.nodes.map((node) => ({ id: node.id, width: node.width, height: node.height, ...positions[node.id]! }));
}

/**
 * Every pair of boxes that overlap (or come closer than `gap` vertically within a
 * shared column span). Sweep over x so 20k boxes stay cheap.
 */
export function overlappingPairs(boxes: readonly Box[], clearance = 0): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const pairs: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
      const b = sorted[j]!;
      if (a.y < b.y + b.height + clearance && b.y < a.y + a.height + clearance) pairs.push([a.id, b.id]);
    }
  }
  return pairs;
}

/**
 * Edge-over-box hits: pairs of (edge, box) where the edge as the canvas draws it
 * (right handle to left handle, React Flow's default curve) passes over a box that
 * is not one of its ends. Brute force, for graphs of test size.
 */
export function edgesOverBoxes(input: LayoutInput, positions: Record<string, { x: number; y: number }>): [string, string][] {
  const boxes = boxesOf(input, positions);
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const hits: [string, string][] = [];
  for (const edge of input.edges) {
    const s = byId.get(edge.source);
    const t = byId.get(edge.target);
    if (!s || !t) continue;
    const x1 = s.x + s.width;
    const x2 = t.x;
    if (x2 <= x1) continue;
    for (const box of boxes) {
      if (box === s || box === t) continue;
      const left = Math.max(box.x, x1);
      const right = Math.min(box.x + box.width, x2);
      if (left >= right) continue;
      const band = curveBand(x1, s.y + s.height / 2, x2, t.y + t.height / 2, left, right);
      if (band.max > box.y && band.min < box.y + box.height) hits.push([`${edge.source}->${edge.target}`, box.id]);
    }
  }
  return hits;
}
