/**
 * Analyses cached per document value. The document store replaces the document object on
 * every edit, so an entry lives exactly as long as the document it was computed from: the
 * canvas, the legend, the panel and the tables share one computation per change, and the
 * WeakMap lets old documents (and their results) be collected.
 */
import {
  buildGraphIndex,
  cascade,
  computeEffectiveLikelihood,
  consensus,
  coverageGaps,
  responsibilities,
  riskAnalysis,
  type ActorResponsibilities,
  type CascadeResult,
  type ConsensusAnalysis,
  type CoverageGaps,
  type GraphIndex,
  type RiskAnalysis,
} from '../../../core/analysis';
import type { ScenarioDocument } from '../../../core/model';

const cache = new WeakMap<ScenarioDocument, Map<string, unknown>>();

function memo<T>(doc: ScenarioDocument, key: string, compute: () => T): T {
  let entries = cache.get(doc);
  if (!entries) cache.set(doc, (entries = new Map()));
  if (entries.has(key)) return entries.get(key) as T;
  const value = compute();
  entries.set(key, value);
  return value;
}

/** null: the whole file. */
export type Scope = string | null;

const scopeKey = (scope: Scope): string => scope ?? '*';

/** The adjacency the graph analyses share, built once per document and scope. */
function indexOf(doc: ScenarioDocument, scope: Scope): GraphIndex {
  return memo(doc, `index:${scopeKey(scope)}`, () => buildGraphIndex(doc, { crisisId: scope }));
}

export function gapsOf(doc: ScenarioDocument, scope: Scope): CoverageGaps {
  return memo(doc, `gaps:${scopeKey(scope)}`, () => coverageGaps(doc, { crisisId: scope }, indexOf(doc, scope)));
}

export function riskOf(doc: ScenarioDocument, scope: Scope): RiskAnalysis {
  return memo(doc, `risk:${scopeKey(scope)}`, () => riskAnalysis(doc, { crisisId: scope }, indexOf(doc, scope)));
}

/** Effective likelihood of every node in scope (docs/analysis.md); absent or null when none. */
export function likelihoodsOf(doc: ScenarioDocument, scope: Scope): ReadonlyMap<string, number | null> {
  return memo(doc, `likelihood:${scopeKey(scope)}`, () => {
    const index = indexOf(doc, scope);
    const effective = computeEffectiveLikelihood(index);
    return new Map(index.nodes.map((node, i) => [node.id, effective[i] || null]));
  });
}

export function consensusOf(doc: ScenarioDocument, scope: Scope): ConsensusAnalysis {
  return memo(doc, `consensus:${scopeKey(scope)}`, () => consensus(doc, { crisisId: scope }));
}

export function responsibilitiesOf(doc: ScenarioDocument, scope: Scope): ActorResponsibilities[] {
  return memo(doc, `responsibilities:${scopeKey(scope)}`, () => responsibilities(doc, { crisisId: scope }));
}

/**
 * The triggers of a what-if choice that still exist in this crisis, in a stable order. The
 * choice is session state and can outlive the triggers (deleted, or another crisis chosen),
 * so stale ids are dropped here rather than making the cascade throw.
 */
export function whatIfTriggers(doc: ScenarioDocument, crisisId: string, chosen: readonly string[]): string[] {
  if (chosen.length === 0) return [];
  const wanted = new Set(chosen);
  return doc.nodes.filter((n) => n.kind === 'trigger' && n.crisisId === crisisId && wanted.has(n.id)).map((n) => n.id);
}

/** The cascade of the chosen triggers within one crisis; null when none of them is left. */
export function cascadeOf(doc: ScenarioDocument, crisisId: string, chosen: readonly string[]): CascadeResult | null {
  const triggers = whatIfTriggers(doc, crisisId, chosen);
  if (triggers.length === 0) return null;
  return memo(doc, `cascade:${crisisId}:${triggers.join(',')}`, () => cascade(doc, triggers, indexOf(doc, crisisId)));
}

/** Memoize any derived value of a document under a caller-chosen key. */
export function derived<T>(doc: ScenarioDocument, key: string, compute: () => T): T {
  return memo(doc, `derived:${key}`, compute);
}
