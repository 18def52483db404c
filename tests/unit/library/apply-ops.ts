/**
 * Applying the ops the library emits in memory, with the same reducer the renderer uses, so the
 * tests can check the resulting document with `documentIssues` without a SQLite store.
 */
import { emptyDocument, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { reduceOps } from '../../../core/patch-document';

export function emptyScenario(): ScenarioDocument {
  return emptyDocument({ title: 'Test scenario', now: '2026-01-01T00:00:00.000Z' });
}

export function applyCreateOps(doc: ScenarioDocument, ops: readonly Op[]): ScenarioDocument {
  return reduceOps(doc, ops);
}
