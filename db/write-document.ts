/**
 * Writing a whole validated document into an empty scenario database (create and import).
 * Parents go in before children so foreign keys hold at every statement.
 */
import type { ScenarioDocument } from '../core/model';
import { nodeParams } from './node-columns';
import { actorParams, crisisParams, edgeParams, provenanceParams, scenarioParams, sourceParams, stanceParams } from './rows';
import type { Statements } from './statements';

/** Call inside a transaction. Stances that say nothing (unknown, no note) are not stored. */
export function insertDocument(s: Statements, doc: ScenarioDocument): void {
  s.scenarioInsert.run(scenarioParams(doc.scenario));
  for (const a of doc.actors) s.actorInsert.run(actorParams(a));
  for (const c of doc.crises) s.crisisInsert.run(crisisParams(c));
  for (const n of doc.nodes) s.nodeInsert.run(nodeParams(n));
  for (const e of doc.edges) s.edgeInsert.run(edgeParams(e));
  for (const src of doc.sources) s.sourceInsert.run(sourceParams(src));
  for (const p of doc.provenance) s.provenanceInsert.run(provenanceParams(p));
  // After provenance: a stance may cite a quote.
  for (const st of doc.stances) if (st.position !== 'unknown' || st.note !== '') s.stanceUpsert.run(stanceParams(st));
}
