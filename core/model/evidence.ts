/** Where actors stand on elements, and where claims come from (sources and provenance). */
import { z } from 'zod';
import { Id, LIMITS, LongText, ShortText, Text, Title } from './primitives';

export const POSITIONS = ['agree', 'disagree', 'uncertain', 'unknown'] as const;
export const Position = z.enum(POSITIONS);
export type Position = z.infer<typeof Position>;

/** An actor's position on a node. No row means `unknown`; the store never keeps an unknown without a note. */
export const Stance = z.strictObject({
  actorId: Id,
  elementId: Id,
  position: Position,
  note: Text().max(LIMITS.description),
});
export type Stance = z.infer<typeof Stance>;

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
});
export type Provenance = z.infer<typeof Provenance>;
