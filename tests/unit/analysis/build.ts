/**
 * Small hand-built scenario documents for the analysis tests. `scenario()` checks every
 * document it returns against the schema and documentIssues, so a test graph that breaks
 * the connection rules fails loudly instead of testing an impossible file.
 */
import { DEFAULT_ACTORS, DEFAULT_VIEWPORT, ScenarioDocument, blankNode, documentIssues, emptyDocument, formatPath } from '../../../core/model';
import type { Actor, GraphEdge, GraphNode, Position, ResponseStatus, StanceHolder } from '../../../core/model';
import { inferEdgeKind } from '../../../core/rules';

type NodeSpec = Partial<GraphNode> & Pick<GraphNode, 'id' | 'kind'>;

export const trigger = (id: string, likelihood: number | null, crisisId = 'c1', title = id): NodeSpec => ({ id, kind: 'trigger', likelihood, crisisId, title });
export const crisis = (id: string, likelihood: number | null, crisisId = 'c1', title = id): NodeSpec => ({ id, kind: 'crisis', likelihood, crisisId, title });
export const impact = (id: string, severity: number | null, crisisId = 'c1', title = id): NodeSpec => ({ id, kind: 'impact', severity, crisisId, title });
export const response = (
  id: string,
  lead: string | null,
  options: { crisisId?: string; supporters?: string[]; status?: ResponseStatus; title?: string } = {},
): NodeSpec => ({
  id,
  kind: 'response',
  leadActorId: lead,
  crisisId: options.crisisId ?? 'c1',
  supportingActorIds: options.supporters ?? [],
  responseStatus: options.status ?? 'idea',
  title: options.title ?? id,
});

export interface ScenarioSpec {
  crises?: { id: string; title?: string; order?: number }[];
  nodes: NodeSpec[];
  /** [source, target]; the kind is inferred from the connection rules. */
  edges?: [string, string][];
  /** The holder defaults to `analyst`, as an edit that does not say leaves it. */
  stances?: [actorId: string, elementId: string, position: Position, holder?: StanceHolder][];
  actors?: Actor[];
  coreActorIds?: string[];
}

export function scenario(spec: ScenarioSpec): ScenarioDocument {
  const crises = (spec.crises ?? [{ id: 'c1' }]).map((c, i) => ({
    id: c.id,
    title: c.title ?? `Crisis ${c.id}`,
    region: '',
    summary: '',
    status: 'active' as const,
    viewport: DEFAULT_VIEWPORT,
    order: c.order ?? i,
  }));
  const nodes = spec.nodes.map((s): GraphNode => ({ ...blankNode(s.kind, s.crisisId ?? 'c1', s.id, { x: 0, y: 0 }), ...s }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = (spec.edges ?? []).map(([source, target], i): GraphEdge => {
    const from = byId.get(source);
    const to = byId.get(target);
    if (!from || !to) throw new Error(`test edge ${source} → ${target} names a missing node`);
    const kind = inferEdgeKind(from.kind, to.kind);
    if (!kind.ok) throw new Error(kind.reason);
    return { id: `e${i}`, crisisId: from.crisisId, source, target, kind: kind.kind, label: '', confidence: null, basis: {} };
  });
  const actors = spec.actors ?? [...DEFAULT_ACTORS];
  // The scenario's fields come from the one blank scenario, so a field added to it reaches every test document.
  const blank = emptyDocument({ title: 'Test scenario', now: '2026-01-01T00:00:00.000Z' });
  const doc = ScenarioDocument.parse({
    ...blank,
    scenario: { ...blank.scenario, coreActorIds: spec.coreActorIds ?? actors.slice(0, 4).map((a) => a.id) },
    actors,
    crises,
    nodes,
    edges,
    stances: (spec.stances ?? []).map(([actorId, elementId, position, holder = 'analyst']) => ({ actorId, elementId, position, note: '', holder, asOf: null, basis: 'planner', provenanceId: null })),
    sources: [],
    provenance: [],
  });
  const issues = documentIssues(doc);
  if (issues.length > 0) throw new Error(`invalid test scenario: ${formatPath(issues[0]!.path)}: ${issues[0]!.message}`);
  return doc;
}

/** A document whose edges no longer pass validation, e.g. as a half-finished import leaves it. */
export function withoutValidation(doc: ScenarioDocument, change: (doc: ScenarioDocument) => void): ScenarioDocument {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}
