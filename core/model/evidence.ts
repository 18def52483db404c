/** Where actors stand on elements, and where claims come from (sources and provenance). */
import { z } from 'zod';
import { Basis, IsoDate, ProvenanceRelation, StanceHolder } from './basis';
import type { NodeKind } from './graph';
import { Id, LIMITS, LongText, ShortText, Text, Title } from './primitives';

export const POSITIONS = ['agree', 'disagree', 'uncertain', 'unknown'] as const;
export const Position = z.enum(POSITIONS);
export type Position = z.infer<typeof Position>;

/**
 * An actor's position on a node, who holds it, as of when, and on what basis. No row means
 * `unknown`; the store never keeps an unknown without a note. `provenanceId` may cite a quote
 * on the same node.
 */
export const Stance = z.strictObject({
  actorId: Id,
  elementId: Id,
  position: Position,
  note: Text().max(LIMITS.description),
  holder: StanceHolder,
  asOf: IsoDate.nullable(),
  basis: Basis,
  provenanceId: Id.nullable(),
});
export type Stance = z.infer<typeof Stance>;

/** What a stance is taken to be when an edit does not say: the planner's own estimate, undated, uncited. */
export const STANCE_DEFAULTS = { holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null } as const satisfies Pick<Stance, 'holder' | 'asOf' | 'basis' | 'provenanceId'>;

/** What agreeing or disagreeing claims, per kind of node. Shown where stances are entered and in docs/analysis.md. */
export const STANCE_MEANINGS: Record<NodeKind, { question: string; agree: string; disagree: string }> = {
  trigger: { question: 'Is this trigger plausible?', agree: 'considers it plausible', disagree: 'considers it implausible' },
  crisis: { question: 'Is this crisis worth planning for?', agree: 'wants to plan for it', disagree: 'sees no need to plan for it' },
  impact: { question: 'Would this impact follow from what leads to it?', agree: 'expects it to follow', disagree: 'does not expect it to follow' },
  response: { question: 'Willing to take part in this response?', agree: 'willing to take part', disagree: 'unwilling to take part' },
};

export const Source = z.strictObject({
  id: Id,
  title: Title,
  author: ShortText,
  date: ShortText,
  citation: LongText,
});
export type Source = z.infer<typeof Source>;

export const Provenance = z.strictObject({
  id: Id,
  elementId: Id,
  sourceId: Id,
  /** Section heading or page. */
  locator: ShortText,
  /** Verbatim text from the source. */
  quote: Text().max(LIMITS.quote),
  /** Whether the quote supports the element, contradicts it, or only gives context. */
  relation: ProvenanceRelation,
});
export type Provenance = z.infer<typeof Provenance>;
