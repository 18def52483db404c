/**
 * What a brief says, computed once for the Markdown, HTML and PDF briefs: per crisis its
 * elements in flow order with their links, the coverage gaps, responses by lead actor, the
 * consensus table and every position with its holder, basis, note and quote, and the quotes
 * with how each bears on its element; then the sources cited. It reads the
 * document already cut for the audience (audience.ts), so what is left out is simply absent.
 */
import { consensus as analysisConsensus, consensusText, coverageGaps as analysisGaps, type GapAcceptance, type GapKind } from '../analysis';
import { NODE_KINDS, type Actor, type GraphEdge, type GraphNode, type Provenance, type ProvenanceRelation, type ScenarioDocument, type Source, type Stance } from '../model';
import type { ExportHeader } from './audience';
import { scopedGraph, scopeTitle, type CrisisGraph, type ExportScope } from './scope';

export interface CoverageGaps {
  /** Impacts that no response contains. */
  uncontainedImpacts: GraphNode[];
  /** Triggers and crises that no response averts. */
  unavertedCauses: GraphNode[];
  /** Responses with no lead actor. */
  leaderlessResponses: GraphNode[];
  /** Responses that avert or contain nothing. */
  orphanedResponses: GraphNode[];
  /** Gaps the planners accepted (a reason, or an unavertable trigger), listed apart, never hidden. */
  accepted: AcceptedGapEntry[];
}

export interface AcceptedGapEntry {
  node: GraphNode;
  kind: GapKind;
  because: GapAcceptance;
  /** The planner's reason, or the analysis's words for an unavertable trigger. */
  reason: string;
}

/** One end of an edge as seen from a node: where it goes (out) or where it comes from (in). */
export interface ElementLink {
  edge: GraphEdge;
  direction: 'out' | 'in';
  other: GraphNode;
}

export interface ElementEntry {
  node: GraphNode;
  links: ElementLink[];
}

export interface ConsensusRow {
  node: GraphNode;
  /** One per consensus actor, in column order; null where the actor has taken no position. */
  stances: (Stance | null)[];
  /** What the consensus actors' positions come to and rest on, in core/analysis's words. */
  restsOn: string;
}

/** A shown stance with who holds it and the quote it cites, if any. */
export interface StanceRow {
  actor: Actor;
  node: GraphNode;
  stance: Stance;
  /** The quote the stance cites (`stance.provenanceId`), when it is in the file. */
  citation: Citation | null;
}

export interface LeadGroup {
  /** null: responses nobody leads. */
  lead: Actor | null;
  responses: GraphNode[];
}

export interface Citation {
  node: GraphNode;
  quote: string;
  source: Source | null;
  locator: string;
  /** How the quote bears on the node: a `contradicts` quote is evidence against it. */
  relation: ProvenanceRelation;
}

export interface BriefSection {
  graph: CrisisGraph;
  /** Triggers, crises, impacts, responses, in that order. */
  elements: ElementEntry[];
  gaps: CoverageGaps;
  byLead: LeadGroup[];
  consensus: ConsensusRow[];
  /** Every stance shown, element by element (flow order), actor by actor. */
  positions: StanceRow[];
  citations: Citation[];
}

export interface BriefData {
  title: string;
  description: string;
  author: string;
  /** The scenario's last change, YYYY-MM-DD. */
  date: string;
  /** The date the scenario's positions and statuses describe, or null. */
  asOf: string | null;
  header: ExportHeader;
  actors: Actor[];
  /** Actor columns of the consensus tables: the scenario's core actors shown to this audience, else every actor shown. */
  consensusActors: Actor[];
  sections: BriefSection[];
  /** Sources cited anywhere in the brief, by title. */
  sources: Source[];
}

/** Gaps in one crisis graph, by the rules of core/analysis (docs/analysis.md), grouped for a brief. */
export function coverageGaps(graph: CrisisGraph, actors: Actor[]): CoverageGaps {
  const found = analysisGaps({ nodes: graph.nodes, edges: graph.edges, actors, crises: [graph.crisis] });
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const gaps: CoverageGaps = { uncontainedImpacts: [], unavertedCauses: [], leaderlessResponses: [], orphanedResponses: [], accepted: [] };
  const list: Record<(typeof found.gaps)[number]['kind'], GraphNode[]> = {
    'uncontained-impact': gaps.uncontainedImpacts,
    'unaverted-trigger': gaps.unavertedCauses,
    'unaverted-crisis': gaps.unavertedCauses,
    'response-without-lead': gaps.leaderlessResponses,
    'orphaned-response': gaps.orphanedResponses,
  };
  for (const gap of found.gaps) {
    const node = nodes.get(gap.nodeId);
    if (node) list[gap.kind].push(node);
  }
  for (const nodesOfGap of Object.values(list)) nodesOfGap.sort(byTitle);
  for (const gap of found.accepted) {
    const node = nodes.get(gap.nodeId);
    if (node) gaps.accepted.push({ node, kind: gap.kind, because: gap.because, reason: gap.reason });
  }
  return gaps;
}

const byTitle = (a: { title: string; id: string }, b: { title: string; id: string }): number =>
  a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
const KIND_RANK = new Map(NODE_KINDS.map((k, i) => [k, i]));
/** Flow order: trigger → crisis → impact → response, then by title. */
const byFlow = (a: GraphNode, b: GraphNode): number => KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)! || byTitle(a, b);

export function briefData(doc: ScenarioDocument, scope: ExportScope, header: ExportHeader): BriefData {
  const scoped = scopedGraph(doc, scope);
  const actors = [...doc.actors].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const leftOut = new Set(header.leftOut.map((a) => a.id));
  const shown = actors.filter((a) => !leftOut.has(a.id));
  const core = new Set(doc.scenario.coreActorIds);
  const consensusActors = shown.some((a) => core.has(a.id)) ? shown.filter((a) => core.has(a.id)) : shown;
  const codeOf = new Map(actors.map((a) => [a.id, a.code]));
  const stanceOf = new Map(doc.stances.map((s) => [`${s.actorId}\u0000${s.elementId}`, s]));
  const sourcesById = new Map(doc.sources.map((s) => [s.id, s]));
  const provenanceByNode = groupBy(doc.provenance, (p) => p.elementId);
  const provenanceById = new Map(doc.provenance.map((p) => [p.id, p]));
  const cited = new Map<string, Source>();

  const sections = scoped.sections.map((graph): BriefSection => {
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const ordered = [...graph.nodes].sort(byFlow);
    const links = new Map<string, ElementLink[]>(ordered.map((n) => [n.id, []]));
    for (const edge of graph.edges) {
      const from = nodes.get(edge.source);
      const to = nodes.get(edge.target);
      if (!from || !to) continue;
      links.get(from.id)!.push({ edge, direction: 'out', other: to });
      links.get(to.id)!.push({ edge, direction: 'in', other: from });
    }
    for (const list of links.values()) list.sort((a, b) => (a.direction === b.direction ? byFlow(a.other, b.other) : a.direction === 'out' ? -1 : 1));
    // The analysis of the consensus table's own columns: the core actors this audience sees.
    const columns = consensusActors.map((a) => a.id);
    const analysed = analysisConsensus({ nodes: graph.nodes, actors: doc.actors, stances: doc.stances, crises: [graph.crisis], scenario: { ...doc.scenario, coreActorIds: columns } });
    const restsOn = new Map(analysed.elements.map((e) => [e.nodeId, consensusText(e, columns, (id) => codeOf.get(id) ?? id)]));
    const consensus = ordered.map((node) => ({ node, stances: consensusActors.map((a) => stanceOf.get(`${a.id}\u0000${node.id}`) ?? null), restsOn: restsOn.get(node.id) ?? '' }));
    const citationOf = (node: GraphNode, p: Provenance): Citation => {
      const source = sourcesById.get(p.sourceId) ?? null;
      if (source) cited.set(source.id, source);
      return { node, quote: p.quote, source, locator: p.locator, relation: p.relation };
    };
    const positions: StanceRow[] = [];
    for (const node of ordered) {
      for (const actor of shown) {
        const stance = stanceOf.get(`${actor.id}\u0000${node.id}`);
        if (!stance) continue;
        const quote = stance.provenanceId === null ? undefined : provenanceById.get(stance.provenanceId);
        positions.push({ actor, node, stance, citation: quote ? citationOf(node, quote) : null });
      }
    }
    const citations = ordered.flatMap((node) =>
      (provenanceByNode.get(node.id) ?? [])
        .slice()
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((p) => citationOf(node, p)),
    );
    return {
      graph,
      elements: ordered.map((node) => ({ node, links: links.get(node.id)! })),
      gaps: coverageGaps(graph, doc.actors),
      byLead: leadGroups(ordered.filter((n) => n.kind === 'response'), actors),
      consensus,
      positions,
      citations,
    };
  });
  return {
    title: scopeTitle(doc, scoped, scope),
    description: doc.scenario.description,
    author: doc.scenario.author,
    date: doc.scenario.modifiedAt.slice(0, 10),
    asOf: doc.scenario.asOf,
    header,
    actors,
    consensusActors,
    sections,
    sources: [...cited.values()].sort(byTitle),
  };
}

function leadGroups(responses: GraphNode[], actors: Actor[]): LeadGroup[] {
  const groups: LeadGroup[] = [];
  for (const lead of actors) {
    const led = responses.filter((r) => r.leadActorId === lead.id);
    if (led.length) groups.push({ lead, responses: led });
  }
  const known = new Set(actors.map((a) => a.id));
  const none = responses.filter((r) => r.leadActorId === null || !known.has(r.leadActorId));
  if (none.length) groups.push({ lead: null, responses: none });
  return groups;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
