/**
 * The rows of the element table: every node in scope with what the analyses say about it,
 * and the filter and sort the table applies. Pure, so it is cheap to reason about and reuse.
 */
import type { ConsensusState } from '../../../core/analysis';
import type { GraphNode, NodeKind, ScenarioDocument } from '../../../core/model';
import { matchesFilter } from './hooks';
import { consensusOf, gapsOf, riskOf, type Scope } from './memo';

export interface ElementRow {
  node: GraphNode;
  crisisTitle: string;
  /** Effective likelihood for impacts, the score itself for triggers and crises. */
  likelihood: number | null;
  risk: number | null;
  consensus: ConsensusState;
  /** 'gap' when the element is listed in any coverage gap. */
  coverage: 'covered' | 'gap';
  leadName: string;
}

export interface TableFilter {
  text: string;
  kind: NodeKind | '';
  /** Responses the actor leads or supports. */
  actorId: string;
  tag: string;
  consensus: ConsensusState | '';
  coverage: ElementRow['coverage'] | '';
}

export const EMPTY_TABLE_FILTER: Omit<TableFilter, 'text'> = { kind: '', actorId: '', tag: '', consensus: '', coverage: '' };

export const SORT_KEYS = ['kind', 'title', 'crisis', 'likelihood', 'severity', 'risk', 'lead', 'consensus', 'coverage'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Rows in canonical node order (crisis, title, id), as the consensus analysis lists them. */
export function elementRows(doc: ScenarioDocument, scope: Scope): ElementRow[] {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const crisisTitles = new Map(doc.crises.map((c) => [c.id, c.title]));
  const actorNames = new Map(doc.actors.map((a) => [a.id, a.name]));
  const risk = new Map(riskOf(doc, scope).ranking.map((r) => [r.nodeId, r]));
  const gaps = new Set(gapsOf(doc, scope).gaps.map((g) => g.nodeId));
  return consensusOf(doc, scope).elements.map((element) => {
    const node = nodes.get(element.nodeId)!;
    const rated = risk.get(node.id);
    return {
      node,
      crisisTitle: crisisTitles.get(node.crisisId) ?? '',
      likelihood: rated ? rated.likelihood : node.likelihood,
      risk: rated?.risk ?? null,
      consensus: element.state,
      coverage: gaps.has(node.id) ? 'gap' : 'covered',
      leadName: node.leadActorId ? (actorNames.get(node.leadActorId) ?? '') : '',
    };
  });
}

export function filterRows(rows: readonly ElementRow[], filter: TableFilter): ElementRow[] {
  const tag = filter.tag.toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (filter.kind === '' || r.node.kind === filter.kind) &&
      (filter.actorId === '' || r.node.leadActorId === filter.actorId || r.node.supportingActorIds.includes(filter.actorId)) &&
      (tag === '' || r.node.tags.some((t) => t.toLocaleLowerCase() === tag)) &&
      (filter.consensus === '' || r.consensus === filter.consensus) &&
      (filter.coverage === '' || r.coverage === filter.coverage) &&
      matchesFilter(r.node, filter.text),
  );
}

const KIND_ORDER: Record<NodeKind, number> = { trigger: 0, crisis: 1, impact: 2, response: 3 };
const CONSENSUS_ORDER: Record<ConsensusState, number> = { split: 0, 'partly-unknown': 1, unasked: 2, agreed: 3 };

/** Stable sort; empty values always last, whichever the direction, so blanks never crowd the top. */
export function sortRows(rows: readonly ElementRow[], sort: Sort | null): ElementRow[] {
  if (!sort) return [...rows];
  const value = (r: ElementRow): string | number | null => {
    switch (sort.key) {
      case 'kind': return KIND_ORDER[r.node.kind];
      case 'title': return r.node.title.toLocaleLowerCase();
      case 'crisis': return r.crisisTitle.toLocaleLowerCase();
      case 'likelihood': return r.likelihood;
      case 'severity': return r.node.severity;
      case 'risk': return r.risk;
      case 'lead': return r.leadName ? r.leadName.toLocaleLowerCase() : null;
      case 'consensus': return CONSENSUS_ORDER[r.consensus];
      case 'coverage': return r.coverage === 'gap' ? 0 : 1;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === b.v) return a.index - b.index;
      if (a.v === null) return 1;
      if (b.v === null) return -1;
      return (a.v < b.v ? -1 : 1) * sign;
    })
    .map((x) => x.row);
}

/** Every tag used in scope, for the tag filter. */
export function tagsOf(rows: readonly ElementRow[]): string[] {
  const tags = new Set<string>();
  for (const r of rows) for (const t of r.node.tags) tags.add(t);
  return [...tags].sort((a, b) => a.localeCompare(b));
}
