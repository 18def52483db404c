/**
 * Turns the document into React Flow nodes and edges. A node's data object is rebuilt only when
 * what it shows changes (the model node, its decoration by value, its stances by value, its
 * lead actor, whether it matches the filter), so React Flow's memoized node components
 * re-render only what changed, and a re-analysis after an edit touches only the nodes whose
 * colour or badge really moved.
 */
import { MarkerType, Position as Side, type Node, type NodeHandle } from '@xyflow/react';
import type { NamedFlowEdge } from './NamedEdge';
import { SOURCED_BASES, type Actor, type Basis, type EdgeKind, type GraphEdge, type GraphNode, type Position, type ScenarioDocument, type StanceHolder } from '../../../core/model';
import type { NodeDecoration } from '../analysis/decorate';
import { anchorPoint, edgeRoute, ROUTE_SIDES, type AnchorSide, type EdgeRoute } from '../../../core/layout/edge-route';

export interface StanceChip {
  code: string;
  color: string;
  position: Position;
  /** Who holds it and what it rests on; null for an actor with no stance row. */
  holder: StanceHolder | null;
  basis: Basis | null;
}

export interface FlowNodeData extends Record<string, unknown> {
  node: GraphNode;
  lead: Actor | null;
  stances: readonly StanceChip[];
  decoration: NodeDecoration | undefined;
  /** False when the shared filter is set and this node does not match it. */
  matches: boolean;
  /** The "only what the report states" view is on. */
  reportOnly: boolean;
  /** A quote on this node supports it: the report states it. */
  supported: boolean;
}

export type FlowNode = Node<FlowNodeData, 'kind'>;

/**
 * Where KindNode's two handles sit (the .kind-handle box is 9 px, centred on the left and right
 * edges). React Flow measures handles from the DOM, and mounts every node it has not measured
 * yet, even with onlyRenderVisibleElements; a node that states its size and handles up front is
 * never mounted off-screen, on open or when its object is rebuilt (view modes, filters, edits).
 */
const HANDLE = 9;
/**
 * Anchors (not for dragging) for the edges core's edgeRoute does not send right to left: one
 * whose target lies left of its source, as a response's often does before Arrange, leaves the
 * source's left side and enters the target's right side; one between two boxes of the same
 * column leaves the bottom (or top) of one and enters the top (or bottom) of the other, instead
 * of leaving rightwards and looping back round. The connectable handles are the forward route.
 * An anchor is named by its side, and one element serves both ends that sit on a side (on top, a
 * down edge's target and an up edge's source): four anchor elements per node, not six.
 */
export const ANCHOR_SIDE: Record<AnchorSide, Side> = { left: Side.Left, right: Side.Right, top: Side.Top, bottom: Side.Bottom };
const ANCHOR_ROUTES = ['backward', 'down', 'up'] as const;
/** The anchor handle ids of each route but the forward one, by end: the sides they sit on. */
export const ROUTE_HANDLES: Record<(typeof ANCHOR_ROUTES)[number], { source: AnchorSide; target: AnchorSide }> = {
  backward: ROUTE_SIDES.backward,
  down: ROUTE_SIDES.down,
  up: ROUTE_SIDES.up,
};
export type HandleType = 'source' | 'target';
/** Each side's anchor with the ends it serves, in side order. */
export const ANCHORS: readonly { side: AnchorSide; types: readonly HandleType[] }[] = (Object.keys(ANCHOR_SIDE) as AnchorSide[]).map((side) => ({
  side,
  types: (['source', 'target'] as const).filter((type) => ANCHOR_ROUTES.some((route) => ROUTE_HANDLES[route][type] === side)),
}));
const handleCache = new Map<string, NodeHandle[]>();
function handlesFor(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let handles = handleCache.get(key);
  if (!handles) {
    const box = { x: 0, y: 0, width, height };
    const at = (side: AnchorSide) => {
      const p = anchorPoint(box, side);
      return { x: p.x - HANDLE / 2, y: p.y - HANDLE / 2, width: HANDLE, height: HANDLE };
    };
    handles = [
      { type: 'target', position: Side.Left, ...at('left') },
      { type: 'source', position: Side.Right, ...at('right') },
      ...ANCHORS.flatMap((a) => a.types.map((type) => ({ id: a.side, type, position: ANCHOR_SIDE[a.side], ...at(a.side) }))),
    ];
    handleCache.set(key, handles);
  }
  return handles;
}

/** The React Flow node for a model node: its position and size as the document holds them. */
export function flowNode(node: GraphNode, data: FlowNodeData, selected: boolean): FlowNode {
  return {
    id: node.id,
    type: 'kind',
    position: { x: node.x, y: node.y },
    width: node.width,
    height: node.height,
    measured: { width: node.width, height: node.height },
    handles: handlesFor(node.width, node.height),
    selected,
    data,
    // Read out as "crisis: Refugee exodus" when the Tab walk focuses it.
    ariaLabel: `${node.kind}: ${node.title}`,
  };
}

const NO_CHIPS: readonly StanceChip[] = [];

export class FlowNodeCache {
  private entries = new Map<string, FlowNodeData>();

  /** The data object for a node, reused when nothing it shows has changed. */
  data(node: GraphNode, lead: Actor | null, stances: readonly StanceChip[], decoration: NodeDecoration | undefined, matches: boolean, reportOnly = false, supported = false): FlowNodeData {
    const hit = this.entries.get(node.id);
    if (
      hit &&
      hit.node === node &&
      hit.lead === lead &&
      hit.matches === matches &&
      hit.reportOnly === reportOnly &&
      hit.supported === supported &&
      sameChips(hit.stances, stances) &&
      sameDecoration(hit.decoration, decoration)
    ) {
      return hit;
    }
    const data: FlowNodeData = { node, lead, stances: stances.length ? stances : NO_CHIPS, decoration, matches, reportOnly, supported };
    this.entries.set(node.id, data);
    return data;
  }

  /** Forget the nodes not in `live`; after a data() call for each live node, only a removal leaves more entries than live nodes. */
  prune(live: ReadonlyMap<string, unknown>): void {
    if (this.entries.size <= live.size) return;
    for (const id of this.entries.keys()) if (!live.has(id)) this.entries.delete(id);
  }
}

function sameChips(a: readonly StanceChip[], b: readonly StanceChip[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.code !== y.code || x.color !== y.color || x.position !== y.position || x.holder !== y.holder || x.basis !== y.basis) return false;
  }
  return true;
}

export function sameDecoration(a: NodeDecoration | undefined, b: NodeDecoration | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.tone === b.tone && a.badge === b.badge && !!a.dimmed === !!b.dimmed && !!a.flagged === !!b.flagged;
}

/**
 * Stances per node for the core actors (or all actors when none are core), in actor order. It
 * takes only what it reads, so the canvas recomputes it when the stances, actors or core actors
 * change, and not on an edit to a node's title or position.
 */
export function stanceChips(doc: Pick<ScenarioDocument, 'actors' | 'stances'> & { coreActorIds: readonly string[] }): Map<string, StanceChip[]> {
  const core = new Set(doc.coreActorIds);
  const actors = [...doc.actors].filter((a) => core.size === 0 || core.has(a.id)).sort((a, b) => a.order - b.order);
  const byNode = new Map<string, Map<string, ScenarioDocument['stances'][number]>>();
  for (const s of doc.stances) {
    const map = byNode.get(s.elementId) ?? new Map<string, ScenarioDocument['stances'][number]>();
    map.set(s.actorId, s);
    byNode.set(s.elementId, map);
  }
  const chips = new Map<string, StanceChip[]>();
  for (const [nodeId, stances] of byNode) {
    chips.set(
      nodeId,
      actors.map((a) => {
        const s = stances.get(a.id);
        return { code: a.code, color: a.color, position: s?.position ?? 'unknown', holder: s?.holder ?? null, basis: s?.basis ?? null };
      }),
    );
  }
  return chips;
}

/** The nodes a quote supports: what the report states (one pass over the quotes, per document). */
export function supportedNodeIds(doc: Pick<ScenarioDocument, 'provenance'>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const p of doc.provenance) if (p.relation === 'supports') out.add(p.elementId);
  return out;
}

/** Whether a value with this basis rests on a cited source (the report-only view keeps it). */
export function isSourced(basis: Basis | undefined | null): boolean {
  return basis != null && SOURCED_BASES.includes(basis);
}

export function matchesFilter(node: GraphNode, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  return (
    node.title.toLowerCase().includes(needle) ||
    node.description.toLowerCase().includes(needle) ||
    node.tags.some((t) => t.toLowerCase().includes(needle))
  );
}

export const EDGE_COLORS: Record<EdgeKind, string> = {
  'leads-to': '#64748b',
  averts: '#15803d',
  contains: '#0e7490',
};

/** Which sides an edge leaves and enters (core/layout/edge-route.ts, shared with the exports). */
export function routeOf(source: GraphNode | undefined, target: GraphNode | undefined): EdgeRoute {
  return source && target ? edgeRoute(source, target) : 'forward';
}

/**
 * The head of an `averts` edge: a bar across the line (⊣, the usual mark for "stops"), drawn by
 * AvertsMarker. Averts edges were dashed; Skia dashes a curve along its whole length each time a
 * tile it crosses is painted, and on a big crisis the long dashed edges made dragging and panning
 * several times slower than React Flow's own. A solid line with its own head and its "averts" label
 * tells it apart by more than colour, at no cost.
 */
export const AVERTS_MARKER = 'sw-averts-bar';

/**
 * The React Flow edge for a model edge. It holds nothing of the nodes it joins but the route:
 * NamedEdge reads their titles for its name, so a rename does not renew the edge.
 */
export function flowEdge(edge: GraphEdge, selected: boolean, route: EdgeRoute, reportOnly = false): NamedFlowEdge {
  const color = EDGE_COLORS[edge.kind];
  // In the report-only view a link the report does not state is greyed (opacity, never a dash: see AVERTS_MARKER).
  const unsourced = reportOnly && !isSourced(edge.basis.kind);
  return {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'named',
    ...(route === 'forward' ? {} : { sourceHandle: ROUTE_HANDLES[route].source, targetHandle: ROUTE_HANDLES[route].target }),
    selected,
    label: edge.label || (edge.kind === 'leads-to' ? undefined : edge.kind),
    className: `edge-${edge.kind}${unsourced ? ' edge-unsourced' : ''}`,
    style: unsourced ? { stroke: color, strokeWidth: 1.8, opacity: 0.2 } : { stroke: color, strokeWidth: 1.8 },
    markerEnd: edge.kind === 'averts' ? AVERTS_MARKER : { type: MarkerType.ArrowClosed, color, width: 18, height: 18 },
    labelStyle: { fill: '#1d2430', fontSize: 11 },
    labelBgStyle: { fill: '#ffffff', fillOpacity: 0.9 },
    data: { kind: edge.kind, label: edge.label, note: '' },
  };
}

/** Edge objects reused while their model edge, selection and route are unchanged. */
interface EdgeEntry {
  edge: GraphEdge;
  selected: boolean;
  reportOnly: boolean;
  /** The end nodes the route was found for: it is found again only when one of them changes. */
  source: GraphNode | undefined;
  target: GraphNode | undefined;
  route: EdgeRoute;
  flow: NamedFlowEdge;
}

export class FlowEdgeCache {
  private entries = new Map<string, EdgeEntry>();
  private last: NamedFlowEdge[] = [];
  /** What the last array was built from, and where each node's edges sit in it. */
  private from: { model: readonly GraphEdge[]; selected: ReadonlySet<string>; reportOnly: boolean } | null = null;
  private byNode: Map<string, number[]> | null = null;

  /**
   * The flow edges, as the same array when not one of them changed: React Flow rebuilds its
   * connection lookup over every edge whenever it is handed a new array (a selection change
   * that touches no edge, an edit to a node's title or a move that turns no edge, would
   * otherwise pay it). `replaced`, the ids of the nodes replaced since the last call (null when
   * not known), lets an edit look only at the edges of those nodes when nothing else changed.
   */
  edges(model: readonly GraphEdge[], selected: ReadonlySet<string>, nodeById: ReadonlyMap<string, GraphNode>, reportOnly = false, replaced: readonly string[] | null = null): NamedFlowEdge[] {
    const from = this.from;
    if (replaced && from && from.model === model && from.selected === selected && from.reportOnly === reportOnly) {
      return this.patch(model, replaced, nodeById);
    }
    this.from = { model, selected, reportOnly };
    if (from?.model !== model) this.byNode = null;
    const out = model.map((edge) => this.entry(edge, selected.has(edge.id), nodeById, reportOnly).flow);
    if (this.entries.size > model.length) {
      const live = new Set(model.map((e) => e.id));
      for (const id of this.entries.keys()) if (!live.has(id)) this.entries.delete(id);
    }
    if (sameItems(out, this.last)) return this.last;
    this.last = out;
    return out;
  }

  /** The last array with the edges of the replaced nodes looked at again. */
  private patch(model: readonly GraphEdge[], replaced: readonly string[], nodeById: ReadonlyMap<string, GraphNode>): NamedFlowEdge[] {
    const byNode = (this.byNode ??= edgesByNode(model));
    let out: NamedFlowEdge[] | null = null;
    for (const id of replaced) {
      for (const at of byNode.get(id) ?? []) {
        const edge = model[at]!;
        const hit = this.entries.get(edge.id);
        const flow = this.entry(edge, hit?.selected ?? false, nodeById, hit?.reportOnly ?? false).flow;
        if (flow === this.last[at]) continue;
        out ??= this.last.slice();
        out[at] = flow;
      }
    }
    if (out) this.last = out;
    return this.last;
  }

  /** The edge's entry, found again only when its model edge, selection, view or route changed. */
  private entry(edge: GraphEdge, isSelected: boolean, nodeById: ReadonlyMap<string, GraphNode>, reportOnly: boolean): EdgeEntry {
    const source = nodeById.get(edge.source);
    const target = nodeById.get(edge.target);
    const hit = this.entries.get(edge.id);
    const route = hit && hit.source === source && hit.target === target ? hit.route : routeOf(source, target);
    if (hit && hit.edge === edge && hit.selected === isSelected && hit.reportOnly === reportOnly && hit.route === route) {
      hit.source = source;
      hit.target = target;
      return hit;
    }
    const entry = { edge, selected: isSelected, reportOnly, source, target, route, flow: flowEdge(edge, isSelected, route, reportOnly) };
    this.entries.set(edge.id, entry);
    return entry;
  }
}

/** Where each node's edges sit in the list, by node id. */
function edgesByNode(model: readonly GraphEdge[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (id: string, at: number) => {
    const list = out.get(id);
    if (list) list.push(at);
    else out.set(id, [at]);
  };
  model.forEach((edge, at) => {
    add(edge.source, at);
    if (edge.target !== edge.source) add(edge.target, at);
  });
  return out;
}

/** Whether two arrays hold the same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
