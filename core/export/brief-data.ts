/**
 * What a brief says about each crisis, computed once for both the Markdown and the HTML
 * brief: the nodes by kind, coverage gaps, the consensus table and the citations.
 */
import { coverageGaps as analysisGaps } from '../analysis';
import type { Actor, GraphNode, Position, ScenarioDocument } from '../model';
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
}

export interface ConsensusRow {
  node: GraphNode;
  positions: Position[];
}

export interface Citation {
  node: GraphNode;
  quote: string;
  sourceTitle: string;
  locator: string;
}

export interface BriefSection {
  graph: CrisisGraph;
  triggers: GraphNode[];
  crises: GraphNode[];
  impacts: GraphNode[];
  responses: GraphNode[];
  gaps: CoverageGaps;
  consensus: ConsensusRow[];
  citations: Citation[];
}

export interface BriefData {
  title: string;
  description: string;
  actors: Actor[];
  /** Actor columns of the consensus tables: the scenario's core actors, else every actor. */
  consensusActors: Actor[];
  sections: BriefSection[];
}

/** Gaps in one crisis graph, by the rules of core/analysis (docs/analysis.md), grouped for a brief. */
export function coverageGaps(graph: CrisisGraph, actors: Actor[]): CoverageGaps {
  const found = analysisGaps({ nodes: graph.nodes, edges: graph.edges, actors, crises: [graph.crisis] });
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const gaps: CoverageGaps = { uncontainedImpacts: [], unavertedCauses: [], leaderlessResponses: [], orphanedResponses: [] };
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
  return gaps;
}

const byTitle = (a: GraphNode, b: GraphNode): number => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1);

export function briefData(doc: ScenarioDocument, scope: ExportScope): BriefData {
  const scoped = scopedGraph(doc, scope);
  const actors = [...doc.actors].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const core = new Set(doc.scenario.coreActorIds);
  const consensusActors = core.size ? actors.filter((a) => core.has(a.id)) : actors;
  const stance = new Map(doc.stances.map((s) => [`${s.actorId}\u0000${s.elementId}`, s.position]));
  const sources = new Map(doc.sources.map((s) => [s.id, s]));
  const provenanceByNode = new Map<string, typeof doc.provenance>();
  for (const p of doc.provenance) {
    const list = provenanceByNode.get(p.elementId) ?? [];
    list.push(p);
    provenanceByNode.set(p.elementId, list);
  }
  const sections = scoped.sections.map((graph): BriefSection => {
    const of = (kind: GraphNode['kind']): GraphNode[] => graph.nodes.filter((n) => n.kind === kind).sort(byTitle);
    const ordered = [...of('trigger'), ...of('crisis'), ...of('impact'), ...of('response')];
    return {
      graph,
      triggers: of('trigger'),
      crises: of('crisis'),
      impacts: of('impact'),
      responses: of('response'),
      gaps: coverageGaps(graph, doc.actors),
      consensus: ordered.map((node) => ({
        node,
        positions: consensusActors.map((a) => stance.get(`${a.id}\u0000${node.id}`) ?? 'unknown'),
      })),
      citations: ordered.flatMap((node) =>
        (provenanceByNode.get(node.id) ?? [])
          .slice()
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map((p) => ({ node, quote: p.quote, sourceTitle: sources.get(p.sourceId)?.title ?? '(unknown source)', locator: p.locator })),
      ),
    };
  });
  return { title: scopeTitle(doc, scoped, scope), description: doc.scenario.description, actors, consensusActors, sections };
}

export function actorName(actors: readonly Actor[], id: string | null): string | null {
  if (id === null) return null;
  return actors.find((a) => a.id === id)?.name ?? id;
}
