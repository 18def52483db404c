/**
 * The combined analysis the CLI's `analyze` command prints: gaps, risk, consensus and
 * responsibilities for one crisis or the whole file. The result is plain JSON data (no Map,
 * Set or BigInt), so `JSON.stringify(result)` is the `--json` output as it stands.
 */
import { requireCrises, type ScenarioDocument } from '../model';
import { consensus, type ConsensusAnalysis } from './consensus';
import { coverageGaps, type CoverageGaps } from './gaps';
import { buildGraphIndex, compareText, sortedActors, type AnalysisScope } from './graph-index';
import { responsibilities, type ActorResponsibilities } from './responsibilities';
import { riskAnalysis, type RiskAnalysis } from './risk';

export interface DocumentAnalysis {
  scenarioTitle: string;
  /** null: the whole file. */
  crisisId: string | null;
  /** The crises in scope, in crisis order, so readers of the JSON can name them. */
  crises: { id: string; title: string }[];
  actors: { id: string; code: string; name: string }[];
  gaps: CoverageGaps;
  risk: RiskAnalysis;
  consensus: ConsensusAnalysis;
  responsibilities: ActorResponsibilities[];
}

/** Throws AppError NOT_FOUND when `crisisId` names no crisis in the file. */
export function analyzeDocument(doc: ScenarioDocument, scope: AnalysisScope = {}): DocumentAnalysis {
  const crisisId = scope.crisisId ?? null;
  if (crisisId !== null) requireCrises(doc, [crisisId]);
  const index = buildGraphIndex(doc, { crisisId });
  return {
    scenarioTitle: doc.scenario.title,
    crisisId,
    crises: [...doc.crises]
      .filter((c) => crisisId === null || c.id === crisisId)
      .sort((a, b) => a.order - b.order || compareText(a.id, b.id))
      .map((c) => ({ id: c.id, title: c.title })),
    actors: sortedActors(doc.actors).map((a) => ({ id: a.id, code: a.code, name: a.name })),
    gaps: coverageGaps(doc, { crisisId }, index),
    risk: riskAnalysis(doc, { crisisId }, index),
    consensus: consensus(doc, { crisisId }),
    responsibilities: responsibilities(doc, { crisisId }),
  };
}
