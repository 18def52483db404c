/**
 * Where a judged value comes from, and what a stance rests on. One source for the lists that
 * the model, the store, the analysis, the inspector and every export use.
 */
import { z } from 'zod';

/**
 * `report`: stated in a cited source. `inferred`: drawn from a source by the author.
 * `assumption`: the author's own judgement. `planner`: entered by a user of the app.
 */
export const BASES = ['report', 'inferred', 'assumption', 'planner'] as const;
export const Basis = z.enum(BASES);
export type Basis = z.infer<typeof Basis>;

export const BASIS_LABELS: Record<Basis, string> = {
  report: 'stated in the report',
  inferred: 'inferred from the report',
  assumption: 'assumption',
  planner: 'planner',
};

/** What each basis means, in words a reader without the app understands (brief legends, tooltips). */
export const BASIS_MEANINGS: Record<Basis, string> = {
  report: 'stated in a cited source',
  inferred: 'drawn from a cited source by its author; the source does not state it',
  assumption: "the author's own judgement; no source states it",
  planner: 'entered by a planner in the app',
};

/** The basis a value gets when a user edits it without choosing one. */
export const EDIT_BASIS: Basis = 'planner';

/** Bases that rest on a cited source (the "only what the report states" view keeps these). */
export const SOURCED_BASES: readonly Basis[] = ['report', 'inferred'];

/** The node fields whose values are judgements, and so carry a basis when set. */
export const JUDGED_NODE_FIELDS = ['likelihood', 'severity', 'horizon', 'leadActorId', 'responseStatus', 'leadTime'] as const;
export type JudgedNodeField = (typeof JUDGED_NODE_FIELDS)[number];

/** The edge fields that carry a basis: its kind (always set) and its confidence (when set). */
export const JUDGED_EDGE_FIELDS = ['kind', 'confidence'] as const;
export type JudgedEdgeField = (typeof JUDGED_EDGE_FIELDS)[number];

const basisObject = <K extends string>(fields: readonly K[]) =>
  z.strictObject(Object.fromEntries(fields.map((f) => [f, Basis.optional()])) as Record<K, z.ZodOptional<typeof Basis>>);

/** Field name → basis. A key may be present only where its field is set (checked by the node and edge schemas). */
export const NodeBasis = basisObject(JUDGED_NODE_FIELDS);
export type NodeBasis = z.infer<typeof NodeBasis>;
export const EdgeBasis = basisObject(JUDGED_EDGE_FIELDS);
export type EdgeBasis = z.infer<typeof EdgeBasis>;

/**
 * Who holds a stance. `official`: a government's stated position. `participant`: a view voiced by
 * someone from that country, not an official position. `analyst`: the planner's estimate.
 */
export const STANCE_HOLDERS = ['official', 'participant', 'analyst'] as const;
export const StanceHolder = z.enum(STANCE_HOLDERS);
export type StanceHolder = z.infer<typeof StanceHolder>;

export const HOLDER_LABELS: Record<StanceHolder, string> = {
  official: 'official position',
  participant: 'participant view',
  analyst: 'analyst estimate',
};

/** What each holder means, for brief legends and tooltips. */
export const HOLDER_MEANINGS: Record<StanceHolder, string> = {
  official: "a government's stated position",
  participant: 'a view voiced by someone from that country, not an official position',
  analyst: "the planner's estimate of where that government stands",
};

/** Strongest first: consensus analysis names the weakest holder an agreement rests on. */
export const HOLDER_STRENGTH: Record<StanceHolder, number> = { official: 2, participant: 1, analyst: 0 };

/** How a quote bears on the element it sits on. A `contradicts` quote is evidence against it. */
export const PROVENANCE_RELATIONS = ['supports', 'contradicts', 'context'] as const;
export const ProvenanceRelation = z.enum(PROVENANCE_RELATIONS);
export type ProvenanceRelation = z.infer<typeof ProvenanceRelation>;

export const RELATION_LABELS: Record<ProvenanceRelation, string> = {
  supports: 'supports',
  contradicts: 'evidence against',
  context: 'context',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2016-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const IsoDate = z.string().regex(ISO_DATE, 'a date is YYYY-MM-DD').refine(isIsoDate, 'no such date');
