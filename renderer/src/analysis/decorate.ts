/**
 * How the canvas view modes mark nodes. The canvas asks once per render for the whole crisis;
 * the answer is cached per document object (see memo.ts), so it is computed once per document
 * change and view-mode switch, never once per node.
 */
import { GAP_KINDS, soleHolder, type ElementConsensus, type GapKind } from '../../../core/analysis';
import type { ScenarioDocument } from '../../../core/model';
import type { ViewState } from '../state/view';
import { cascadeOf, consensusOf, derived, gapsOf, likelihoodsOf, riskOf, whatIfTriggers } from './memo';
import {
  ACCEPTED_GAP_TONE,
  ANSWERING_RESPONSE_TONE,
  CASCADE_TONE,
  CHOSEN_TRIGGER_TONE,
  CONSENSUS_BADGE,
  CONSENSUS_TONE,
  COVERED_TONE,
  GAP_BADGE,
  GAP_TONE,
  HOLDER_BADGE,
  riskTone,
} from './tones';

export interface NodeDecoration {
  /** A CSS colour for the node's fill or ring in this mode. */
  tone?: string;
  /** Short text shown on the node in this mode (e.g. "uncovered", "risk 12"). */
  badge?: string;
  dimmed?: boolean;
  flagged?: boolean;
}

export type Decorations = ReadonlyMap<string, NodeDecoration>;

const NONE: Decorations = new Map();

export function decorateNodes(doc: ScenarioDocument, crisisId: string, view: Pick<ViewState, 'mode' | 'whatIf'>): Decorations {
  switch (view.mode) {
    case 'normal':
      return NONE;
    case 'consensus':
      return derived(doc, `decorate:consensus:${crisisId}`, () => consensusDecorations(doc, crisisId));
    case 'risk':
      return derived(doc, `decorate:risk:${crisisId}`, () => riskDecorations(doc, crisisId));
    case 'coverage':
      return derived(doc, `decorate:coverage:${crisisId}`, () => coverageDecorations(doc, crisisId));
    case 'what-if': {
      const triggers = whatIfTriggers(doc, crisisId, view.whatIf);
      return derived(doc, `decorate:what-if:${crisisId}:${triggers.join(',')}`, () => whatIfDecorations(doc, crisisId, triggers));
    }
  }
}

function consensusDecorations(doc: ScenarioDocument, crisisId: string): Decorations {
  const out = new Map<string, NodeDecoration>();
  for (const element of consensusOf(doc, crisisId).elements) {
    out.set(element.nodeId, { tone: CONSENSUS_TONE[element.state], badge: consensusBadge(element) });
  }
  return out;
}

/** "agreed · official", "agreed · participants", "agreed · weakest: estimate": what the state rests on, in a word. */
function consensusBadge(element: ElementConsensus): string {
  const badge = CONSENSUS_BADGE[element.state];
  if (element.state !== 'agreed' || element.holders.weakest === null) return badge;
  const sole = soleHolder(element.holders);
  return sole ? `${badge} · ${HOLDER_BADGE[sole]}` : `${badge} · weakest: ${HOLDER_BADGE[element.holders.weakest]}`;
}

/**
 * Impacts get the heat colour of their risk. Triggers and crises carry no risk of their own,
 * so they are not coloured; responses are left plain.
 */
function riskDecorations(doc: ScenarioDocument, crisisId: string): Decorations {
  const out = new Map<string, NodeDecoration>();
  for (const entry of riskOf(doc, crisisId).ranking) {
    out.set(entry.nodeId, {
      tone: riskTone(entry.risk),
      badge: entry.risk === null ? 'unrated' : `risk ${entry.risk}`,
    });
  }
  // A trigger or crisis already shows its own score; say more only when what leads to it
  // makes it less likely than scored (or gives an unscored one a likelihood).
  const effective = likelihoodsOf(doc, crisisId);
  for (const node of doc.nodes) {
    if (node.crisisId !== crisisId || (node.kind !== 'trigger' && node.kind !== 'crisis')) continue;
    const value = effective.get(node.id) ?? null;
    if (value !== null && value !== node.likelihood) out.set(node.id, { badge: `effectively ${value}` });
  }
  return out;
}

/**
 * Every element that can be covered (or needs a lead) is marked: green when fine, flagged when
 * a gap, and in its own tone when its only gaps are accepted (never shown as covered).
 */
function coverageDecorations(doc: ScenarioDocument, crisisId: string): Decorations {
  const { gaps, accepted } = gapsOf(doc, crisisId);
  const gapsByNode = new Map<string, GapKind[]>();
  for (const gap of gaps) {
    const list = gapsByNode.get(gap.nodeId) ?? [];
    list.push(gap.kind);
    gapsByNode.set(gap.nodeId, list);
  }
  const acceptedByNode = new Map(accepted.map((gap) => [gap.nodeId, gap]));
  const out = new Map<string, NodeDecoration>();
  for (const node of doc.nodes) {
    if (node.crisisId !== crisisId) continue;
    const kinds = gapsByNode.get(node.id);
    const acceptedGap = acceptedByNode.get(node.id);
    if (kinds) {
      const badge = GAP_KINDS.filter((k) => kinds.includes(k)).map((k) => GAP_BADGE[k]).join(', ');
      out.set(node.id, { tone: GAP_TONE, badge, flagged: true });
    } else if (acceptedGap) {
      out.set(node.id, { tone: ACCEPTED_GAP_TONE, badge: acceptedGap.because === 'unavertable' ? 'unavertable' : 'gap accepted' });
    } else {
      out.set(node.id, { tone: COVERED_TONE, badge: node.kind === 'response' ? 'answers' : 'covered' });
    }
  }
  return out;
}

/**
 * Outside the cascade everything is dimmed, except the responses that answer a reached
 * element: they are the other half of the question "what follows, and what stops it".
 * Reached impacts nothing contains are flagged. With no trigger chosen, nothing is dimmed.
 */
function whatIfDecorations(doc: ScenarioDocument, crisisId: string, triggers: readonly string[]): Decorations {
  const result = cascadeOf(doc, crisisId, triggers);
  if (!result) return NONE;
  const chosen = new Set(result.triggerIds);
  const uncovered = new Set(result.uncoveredImpactIds);
  const out = new Map<string, NodeDecoration>();
  const answering = new Set<string>();
  for (const element of result.reached) {
    for (const responseId of element.coveredBy) answering.add(responseId);
    const paths = `${element.paths}${element.pathsCapped ? '+' : ''} path${element.paths === 1 ? '' : 's'}`;
    if (chosen.has(element.nodeId)) {
      out.set(element.nodeId, { tone: CHOSEN_TRIGGER_TONE, badge: 'fires' });
    } else if (uncovered.has(element.nodeId)) {
      out.set(element.nodeId, { tone: GAP_TONE, badge: 'uncovered', flagged: true });
    } else {
      out.set(element.nodeId, { tone: CASCADE_TONE, badge: `step ${element.depth} · ${paths}` });
    }
  }
  for (const node of doc.nodes) {
    if (node.crisisId !== crisisId || out.has(node.id)) continue;
    out.set(node.id, answering.has(node.id) ? { tone: ANSWERING_RESPONSE_TONE, badge: 'answers' } : { dimmed: true });
  }
  return out;
}
