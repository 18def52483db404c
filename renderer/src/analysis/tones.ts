/**
 * The colours and words of the analysis view modes, in one place so the canvas decoration,
 * the legends and the panels always say the same thing.
 */
import type { ConsensusState, GapKind } from '../../../core/analysis';
import type { Position, StanceHolder } from '../../../core/model';

export const CONSENSUS_TONE: Record<ConsensusState, string> = {
  agreed: '#a6dcb5',
  split: '#f3a3a3',
  'partly-unknown': '#f6d67e',
  unasked: '#d9dde3',
};

export const CONSENSUS_LABEL: Record<ConsensusState, string> = {
  agreed: 'Agreed by all core actors',
  split: 'Contested',
  'partly-unknown': 'Partly unknown',
  unasked: 'Nobody has asked',
};

export const CONSENSUS_BADGE: Record<ConsensusState, string> = {
  agreed: 'agreed',
  split: 'contested',
  'partly-unknown': 'partly unknown',
  unasked: 'not asked',
};

/** A holder in a word, for a badge on the canvas (HOLDER_LABELS in core says it in full). */
export const HOLDER_BADGE: Record<StanceHolder, string> = { official: 'official', participant: 'participants', analyst: 'estimates' };

/** One short symbol per position, so a matrix cell reads at a glance and by screen reader. */
export const POSITION_SYMBOL: Record<Position, string> = {
  agree: '✓',
  disagree: '✗',
  uncertain: '?',
  unknown: '·',
};

export const POSITION_TONE: Record<Position, string> = {
  agree: '#d6f0df',
  disagree: '#f8d7d7',
  uncertain: '#fbeccb',
  unknown: 'transparent',
};

/** Heat bands for risk (likelihood × severity, 1-25), low to high. */
export const RISK_BANDS: readonly { min: number; max: number; tone: string; label: string }[] = [
  { min: 1, max: 4, tone: '#bfe3c6', label: 'Low (1–4)' },
  { min: 5, max: 9, tone: '#f1e38f', label: 'Moderate (5–9)' },
  { min: 10, max: 14, tone: '#f6bd7a', label: 'High (10–14)' },
  { min: 15, max: 19, tone: '#f08e74', label: 'Severe (15–19)' },
  { min: 20, max: 25, tone: '#e0627a', label: 'Extreme (20–25)' },
];

export const UNRATED_TONE = '#e4e7eb';

export function riskTone(risk: number | null): string {
  if (risk === null) return UNRATED_TONE;
  return RISK_BANDS.find((band) => risk >= band.min && risk <= band.max)?.tone ?? UNRATED_TONE;
}

export const COVERED_TONE = '#bfe6cb';
export const GAP_TONE = '#f4a6a6';
/** A gap planners have accepted (or a trigger no response can avert): not covered, not open. */
export const ACCEPTED_GAP_TONE = '#c9d3e6';

export const GAP_LABEL: Record<GapKind, string> = {
  'uncontained-impact': 'Impacts no response contains',
  'unaverted-trigger': 'Triggers no response averts',
  'unaverted-crisis': 'Crises no response averts',
  'response-without-lead': 'Responses with no lead actor',
  'orphaned-response': 'Responses that avert or contain nothing',
};

/** "1 impact no response contains", "2 impacts no response contains". */
export function gapCountText(kind: GapKind, count: number): string {
  const [one, many, rest] = GAP_COUNT_WORDS[kind];
  return `${count} ${count === 1 ? one : many} ${rest}`;
}

const GAP_COUNT_WORDS: Record<GapKind, [string, string, string]> = {
  'uncontained-impact': ['impact', 'impacts', 'no response contains'],
  'unaverted-trigger': ['trigger', 'triggers', 'no response averts'],
  'unaverted-crisis': ['crisis', 'crises', 'no response averts'],
  'response-without-lead': ['response', 'responses', 'with no lead actor'],
  'orphaned-response': ['response', 'responses', 'that avert or contain nothing'],
};

export const GAP_BADGE: Record<GapKind, string> = {
  'uncontained-impact': 'uncontained',
  'unaverted-trigger': 'not averted',
  'unaverted-crisis': 'not averted',
  'response-without-lead': 'no lead',
  'orphaned-response': 'no target',
};

export const CASCADE_TONE = '#f9c9a2';
export const CHOSEN_TRIGGER_TONE = '#f3c969';
export const ANSWERING_RESPONSE_TONE = '#bfe6cb';
