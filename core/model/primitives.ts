/** Shared field schemas: ids, bounded text, colours, scores. Length limits live here, once. */
import { z } from 'zod';
import { normalizeText } from './text';

export const LIMITS = {
  id: 64,
  title: 300,
  shortText: 200,
  description: 20_000,
  quote: 4_000,
  tag: 60,
  tags: 50,
  actorCode: 12,
  coord: 1e7,
} as const;

/** Ids are opaque strings: letters, digits, `-` and `_`, so they are safe in every export format's id slot. */
export const Id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, - and _ only');
export type Id = z.infer<typeof Id>;

/** Any text field: the one normalising rule (core/model/text.ts) runs before every other check. */
export const Text = () => z.string().overwrite(normalizeText);
export const Title = Text().trim().min(1, 'must not be empty').max(LIMITS.title);
export const ShortText = Text().max(LIMITS.shortText);
export const LongText = Text().max(LIMITS.description);
export const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
export const Score = z.number().int().min(1).max(5);
export const Coord = z.number().finite().min(-LIMITS.coord).max(LIMITS.coord);
export const Size = z.number().finite().min(1).max(10_000);
export const Timestamp = z.string().datetime({ offset: true });
export const Tag = Text().trim().min(1).max(LIMITS.tag);
export const Tags = z.array(Tag).max(LIMITS.tags);

/** How far ahead something plays out, or how long a response takes to put in place. */
export const HORIZONS = ['hours', 'days', 'weeks', 'months', 'years'] as const;
export const Horizon = z.enum(HORIZONS);
export type Horizon = z.infer<typeof Horizon>;

/** A random UUID v4. `randomUUID` exists only in secure contexts, so fall back to getRandomValues. */
export function newId(): Id {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
