/**
 * Responsibilities: for each actor, the responses it leads and supports, with their status,
 * and the crises those responses belong to. Every actor is listed, even with nothing to do,
 * so an empty row is visible rather than missing.
 */
import type { ResponseStatus, ScenarioDocument } from '../model';
import { compareText, nodeComparator, nodesInScope, rankByOrder, sortedActors, type AnalysisScope } from './graph-index';

export interface ResponsibilityItem {
  responseId: string;
  crisisId: string;
  title: string;
  status: ResponseStatus | null;
}

export interface ActorResponsibilities {
  actorId: string;
  name: string;
  code: string;
  leads: ResponsibilityItem[];
  supports: ResponsibilityItem[];
  /** Crises of the responses above, in crisis order, each once. */
  crisisIds: string[];
}

type ResponsibilityInput = Pick<ScenarioDocument, 'nodes' | 'actors' | 'crises'>;

export function responsibilities(doc: ResponsibilityInput, scope: AnalysisScope = {}): ActorResponsibilities[] {
  const responses = nodesInScope(doc, scope)
    .filter((n) => n.kind === 'response')
    .sort(nodeComparator(doc.crises));
  const crisisRank = rankByOrder(doc.crises);
  const rows = new Map<string, ActorResponsibilities>(
    sortedActors(doc.actors).map((a) => [a.id, { actorId: a.id, name: a.name, code: a.code, leads: [], supports: [], crisisIds: [] }]),
  );
  for (const r of responses) {
    const item: ResponsibilityItem = { responseId: r.id, crisisId: r.crisisId, title: r.title, status: r.responseStatus };
    if (r.leadActorId !== null) rows.get(r.leadActorId)?.leads.push(item);
    // An actor named as both lead and supporter is listed once, as lead.
    for (const supporter of new Set(r.supportingActorIds)) {
      if (supporter !== r.leadActorId) rows.get(supporter)?.supports.push(item);
    }
  }
  const rankOf = (id: string): number => crisisRank.get(id) ?? Number.MAX_SAFE_INTEGER;
  for (const entry of rows.values()) {
    const crises = new Set([...entry.leads, ...entry.supports].map((i) => i.crisisId));
    entry.crisisIds = [...crises].sort((a, b) => rankOf(a) - rankOf(b) || compareText(a, b));
  }
  return [...rows.values()];
}
