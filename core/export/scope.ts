/**
 * What an export covers: one crisis, several, a selection of nodes, or every crisis. Every exporter
 * starts from `scopedGraph`, so they all agree on which nodes, edges and crises are in.
 */
import { AppError } from '../errors';
import { requireCrises, type Crisis, type GraphEdge, type GraphNode, type ScenarioDocument } from '../model';

export type ExportScope =
  | { kind: 'crisis'; crisisId: string }
  | { kind: 'crises'; crisisIds: string[] }
  | { kind: 'selection'; nodeIds: string[] }
  | { kind: 'all' };

export interface CrisisGraph {
  crisis: Crisis;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ScopedGraph {
  /** Crises in their stored order, each with its nodes and edges in a stable order. */
  sections: CrisisGraph[];
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Refuse a scope that names what the document lacks: a crisis (requireCrises), or a selection
 * none of whose nodes is left. Checked before a file name is asked for, and again by the export.
 */
export function checkScope(doc: ScenarioDocument, scope: ExportScope): void {
  if (scope.kind === 'crisis') requireCrises(doc, [scope.crisisId]);
  if (scope.kind === 'crises') requireCrises(doc, scope.crisisIds);
  if (scope.kind === 'selection') {
    const present = new Set(doc.nodes.map((n) => n.id));
    if (!scope.nodeIds.some((id) => present.has(id))) throw new AppError('NOT_FOUND', 'None of the selected elements is in this scenario any more.');
  }
}

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byOrder = (a: Crisis, b: Crisis): number => a.order - b.order || byId(a, b);

/**
 * The part of the document an export covers. A selection keeps the edges whose two ends
 * are both selected; a crisis that ends up empty is still listed when it was asked for.
 */
export function scopedGraph(doc: ScenarioDocument, scope: ExportScope): ScopedGraph {
  let crises: Crisis[];
  let keep: (node: GraphNode) => boolean;
  if (scope.kind === 'crisis') {
    crises = doc.crises.filter((c) => c.id === scope.crisisId);
    keep = (n) => n.crisisId === scope.crisisId;
  } else if (scope.kind === 'crises') {
    const chosen = new Set(scope.crisisIds);
    crises = doc.crises.filter((c) => chosen.has(c.id));
    keep = (n) => chosen.has(n.crisisId);
  } else if (scope.kind === 'selection') {
    const selected = new Set(scope.nodeIds);
    const crisisIds = new Set(doc.nodes.filter((n) => selected.has(n.id)).map((n) => n.crisisId));
    crises = doc.crises.filter((c) => crisisIds.has(c.id));
    keep = (n) => selected.has(n.id);
  } else {
    crises = [...doc.crises];
    keep = () => true;
  }
  crises.sort(byOrder);
  const nodes = doc.nodes.filter(keep).sort(byId);
  const nodeIds = new Set(nodes.map((n) => n.id));
  const edges = doc.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target)).sort(byId);
  const sections = new Map<string, CrisisGraph>(crises.map((crisis) => [crisis.id, { crisis, nodes: [], edges: [] }]));
  for (const n of nodes) sections.get(n.crisisId)?.nodes.push(n);
  for (const e of edges) sections.get(e.crisisId)?.edges.push(e);
  return { sections: [...sections.values()], nodes, edges };
}

/**
 * The part of `scope` inside one crisis: the crisis, or for a selection the selected nodes in
 * it. A brief draws each crisis's diagram from this, so a selection's diagram shows only it.
 */
export function crisisScope(doc: ScenarioDocument, scope: ExportScope, crisisId: string): ExportScope {
  if (scope.kind !== 'selection') return { kind: 'crisis', crisisId };
  const inCrisis = new Set(doc.nodes.filter((n) => n.crisisId === crisisId).map((n) => n.id));
  return { kind: 'selection', nodeIds: scope.nodeIds.filter((id) => inCrisis.has(id)) };
}

/** The title an export shows: the crisis for a one-crisis export, the scenario otherwise. */
export function scopeTitle(doc: ScenarioDocument, scoped: ScopedGraph, scope: ExportScope): string {
  if (scope.kind === 'crisis' && scoped.sections[0]) return scoped.sections[0].crisis.title;
  return doc.scenario.title;
}

/**
 * A whole document cut down to the scope, still sound under `documentIssues`: the scoped
 * crises, nodes and edges, the stances and provenance on those nodes, and every actor and
 * source (so references resolve). `{ kind: 'all' }` returns the document unchanged.
 */
export function scopedDocument(doc: ScenarioDocument, scope: ExportScope): ScenarioDocument {
  if (scope.kind === 'all') return doc;
  const scoped = scopedGraph(doc, scope);
  const nodeIds = new Set(scoped.nodes.map((n) => n.id));
  return {
    ...doc,
    crises: scoped.sections.map((s) => s.crisis),
    nodes: scoped.nodes,
    edges: scoped.edges,
    stances: doc.stances.filter((s) => nodeIds.has(s.elementId)),
    provenance: doc.provenance.filter((p) => nodeIds.has(p.elementId)),
  };
}
