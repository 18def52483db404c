/** Reading a whole scenario (load) and its summary (info) through the prepared statements. */
import { DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, type Actor, type GraphEdge, type Provenance, type ScenarioDocument, type Source, type Stance } from '../core/model';
import { AppError } from '../core/errors';
import { crisisFromRow, nodeFromRow, scenarioFromRow, type CrisisRow, type NodeRow, type ScenarioRow } from './rows';
import type { Statements } from './statements';

export function loadDocument(s: Statements): ScenarioDocument {
  const scenarioRow = s.scenarioGet.get() as ScenarioRow | undefined;
  if (!scenarioRow) throw new AppError('DAMAGED_FILE', 'The scenario file is damaged: it has no scenario record.');
  const nodeRows = s.nodeAll.all() as NodeRow[];
  for (let i = 0; i < nodeRows.length; i++) nodeFromRow(nodeRows[i]!);
  return {
    format: DOCUMENT_FORMAT,
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: scenarioFromRow(scenarioRow),
    actors: s.actorAll.all() as Actor[],
    crises: (s.crisisAll.all() as CrisisRow[]).map(crisisFromRow),
    nodes: nodeRows as unknown as ScenarioDocument['nodes'],
    edges: s.edgeAll.all() as GraphEdge[],
    stances: s.stanceAll.all() as Stance[],
    sources: s.sourceAll.all() as Source[],
    provenance: s.provenanceAll.all() as Provenance[],
  };
}

export interface FileCounts {
  crises: number; actors: number; trigger: number; crisis: number; impact: number; response: number;
  edges: number; stances: number; sources: number; provenance: number;
}

export interface CrisisSummary {
  id: string;
  title: string;
  nodes: number;
  edges: number;
}

export function readCounts(s: Statements): { title: string; counts: FileCounts; crises: CrisisSummary[] } {
  const base = s.counts.get() as Omit<FileCounts, 'trigger' | 'crisis' | 'impact' | 'response'>;
  const counts: FileCounts = { ...base, trigger: 0, crisis: 0, impact: 0, response: 0 };
  for (const row of s.nodeKindCounts.all() as { kind: 'trigger' | 'crisis' | 'impact' | 'response'; n: number }[]) counts[row.kind] = row.n;
  const scenario = s.scenarioGet.get() as ScenarioRow | undefined;
  return {
    title: scenario?.title ?? '',
    counts: {
      crises: counts.crises, actors: counts.actors, trigger: counts.trigger, crisis: counts.crisis, impact: counts.impact,
      response: counts.response, edges: counts.edges, stances: counts.stances, sources: counts.sources, provenance: counts.provenance,
    },
    crises: s.crisisSummary.all() as CrisisSummary[],
  };
}
