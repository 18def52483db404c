/**
 * The whole scenario as one value: the lossless JSON format, the store's load result,
 * and what importers must produce. `documentIssues` checks what zod alone cannot:
 * unique ids, references that resolve, and the connection rules.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { checkConnection } from '../rules';
import { GraphEdge, GraphNode } from './graph';
import { Provenance, Source, Stance } from './evidence';
import { UNMARKED } from './handling';
import { Actor, Crisis, DEFAULT_ACTORS, ScenarioMeta } from './scenario';

export const DOCUMENT_FORMAT = 'scenario-workbench' as const;
/**
 * 2: the scenario's author, handling marking and export audience; 3: basis, holders, as-of
 * dates, accepted gaps and quote relations; 4: the scenario's stated language. Older files are upgraded on import (upgrade.ts).
 */
export const DOCUMENT_FORMAT_VERSION = 4 as const;
const MAX_ITEMS = 1_000_000;

export const ScenarioDocument = z.strictObject({
  format: z.literal(DOCUMENT_FORMAT),
  formatVersion: z.literal(DOCUMENT_FORMAT_VERSION),
  scenario: ScenarioMeta,
  actors: z.array(Actor).max(10_000),
  crises: z.array(Crisis).max(100_000),
  nodes: z.array(GraphNode).max(MAX_ITEMS),
  edges: z.array(GraphEdge).max(MAX_ITEMS),
  stances: z.array(Stance).max(MAX_ITEMS),
  sources: z.array(Source).max(100_000),
  provenance: z.array(Provenance).max(MAX_ITEMS),
});
export type ScenarioDocument = z.infer<typeof ScenarioDocument>;

export interface NewDocumentOptions {
  title: string;
  /** ISO timestamp for createdAt/modifiedAt; passed in so building a document stays pure. */
  now: string;
}

/**
 * The one "crisis in scope" check: every id names a crisis of this scenario, or AppError
 * NOT_FOUND naming the first that does not (deleted since it was chosen, or mistyped on the
 * command line). Exports, analyses and their handlers all ask here.
 */
export function requireCrises(doc: ScenarioDocument, crisisIds: readonly string[]): void {
  if (crisisIds.length === 0) return;
  const known = new Set(doc.crises.map((c) => c.id));
  const missing = crisisIds.find((id) => !known.has(id));
  if (missing !== undefined) throw new AppError('NOT_FOUND', `No crisis "${missing}" in this scenario (it may have been deleted).`);
}

/** A scenario with the four governments as its (core) actors and nothing else. */
export function emptyDocument(options: NewDocumentOptions): ScenarioDocument {
  return {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title: options.title, description: '', createdAt: options.now, modifiedAt: options.now, coreActorIds: DEFAULT_ACTORS.map((a) => a.id), asOf: null, language: null, ...UNMARKED },
    actors: DEFAULT_ACTORS.map((a) => ({ ...a })),
    crises: [],
    nodes: [],
    edges: [],
    stances: [],
    sources: [],
    provenance: [],
  };
}

export interface DocumentIssue {
  path: (string | number)[];
  message: string;
}

/** Referential checks, first problem first. An empty list means the document is sound. */
export function documentIssues(doc: ScenarioDocument, limit = 20): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const push = (path: (string | number)[], message: string): boolean => {
    issues.push({ path, message });
    return issues.length >= limit;
  };
  const unique = <T extends { id: string }>(list: T[], name: string, seen: Set<string>): boolean => {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!.id;
      if (seen.has(id) && push([name, i, 'id'], `duplicate id "${id}"`)) return true;
      seen.add(id);
    }
    return false;
  };
  const actorIds = new Set<string>();
  const crisisIds = new Set<string>();
  const elementIds = new Set<string>();
  const sourceIds = new Set<string>();
  if (unique(doc.actors, 'actors', actorIds)) return issues;
  if (unique(doc.crises, 'crises', crisisIds)) return issues;
  if (unique(doc.nodes, 'nodes', elementIds)) return issues;
  if (unique(doc.edges, 'edges', new Set(elementIds))) return issues;
  if (unique(doc.sources, 'sources', sourceIds)) return issues;
  if (unique(doc.provenance, 'provenance', new Set())) return issues;

  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const [i, id] of doc.scenario.coreActorIds.entries()) {
    if (!actorIds.has(id) && push(['scenario', 'coreActorIds', i], `unknown actor "${id}"`)) return issues;
  }
  for (const [i, n] of doc.nodes.entries()) {
    if (!crisisIds.has(n.crisisId) && push(['nodes', i, 'crisisId'], `unknown crisis "${n.crisisId}"`)) return issues;
    if (n.leadActorId !== null && !actorIds.has(n.leadActorId) && push(['nodes', i, 'leadActorId'], `unknown actor "${n.leadActorId}"`)) return issues;
    for (const [j, a] of n.supportingActorIds.entries()) {
      if (!actorIds.has(a) && push(['nodes', i, 'supportingActorIds', j], `unknown actor "${a}"`)) return issues;
    }
  }
  for (const [i, e] of doc.edges.entries()) {
    const from = nodes.get(e.source);
    const to = nodes.get(e.target);
    if (!from) { if (push(['edges', i, 'source'], `unknown node "${e.source}"`)) return issues; continue; }
    if (!to) { if (push(['edges', i, 'target'], `unknown node "${e.target}"`)) return issues; continue; }
    if (e.crisisId !== from.crisisId && push(['edges', i, 'crisisId'], 'edge crisis differs from its ends')) return issues;
    const check = checkConnection(from, to, e.kind);
    if (!check.ok && push(['edges', i, 'kind'], check.reason)) return issues;
  }
  const quoteOn = new Map(doc.provenance.map((p) => [p.id, p.elementId]));
  const stanceKeys = new Set<string>();
  for (const [i, s] of doc.stances.entries()) {
    if (!actorIds.has(s.actorId) && push(['stances', i, 'actorId'], `unknown actor "${s.actorId}"`)) return issues;
    if (!nodes.has(s.elementId) && push(['stances', i, 'elementId'], `unknown node "${s.elementId}"`)) return issues;
    const key = `${s.actorId}\u0000${s.elementId}`;
    if (stanceKeys.has(key) && push(['stances', i], 'duplicate stance for the same actor and node')) return issues;
    stanceKeys.add(key);
    if (s.provenanceId !== null && quoteOn.get(s.provenanceId) !== s.elementId && push(['stances', i, 'provenanceId'], `no quote "${s.provenanceId}" on this node`)) return issues;
  }
  for (const [i, p] of doc.provenance.entries()) {
    if (!nodes.has(p.elementId) && push(['provenance', i, 'elementId'], `unknown node "${p.elementId}"`)) return issues;
    if (!sourceIds.has(p.sourceId) && push(['provenance', i, 'sourceId'], `unknown source "${p.sourceId}"`)) return issues;
  }
  return issues;
}

export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}
