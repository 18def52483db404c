/**
 * A fast yes/no test that a value is a sound ScenarioDocument exactly as given: the zod schema
 * would accept it without changing anything (no trimming), and `documentIssues` finds nothing.
 *
 * Why a second implementation: the zod parse plus the referential pass take about 130 ms on a
 * 20k-node file, which is most of the cost of opening or importing one. This walks the same
 * rules with plain comparisons and no allocation per field. It only answers yes or no; on "no"
 * the caller runs the full path, which names the first problem (and may still accept a value
 * that zod would normalise, such as a title with a trailing space). A property test holds the
 * two to the same verdict on thousands of mutated documents (tests/unit/core/fast-validate.test.ts).
 */
import { edgeKindFor } from '../rules';
import { CONFIDENCES, EDGE_KINDS, NODE_KINDS, RESPONSE_STATUSES, type NodeKind } from './graph';
import { BASES, JUDGED_EDGE_FIELDS, JUDGED_NODE_FIELDS, PROVENANCE_RELATIONS, STANCE_HOLDERS, isIsoDate } from './basis';
import { POSITIONS } from './evidence';
import { HORIZONS, LIMITS, Timestamp } from './primitives';
import { isNormalizedText } from './text';
import { CRISIS_STATUSES } from './scenario';
import { ExportAudience, MARKING_LIMITS } from './handling';
import { CJK_LANGUAGES } from './language';
import { DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, type ScenarioDocument } from './document';

type Obj = Record<string, unknown>;

const ID = /^[A-Za-z0-9_-]+$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const NODE_KIND_SET: ReadonlySet<unknown> = new Set(NODE_KINDS);
const EDGE_KIND_SET: ReadonlySet<unknown> = new Set(EDGE_KINDS);
const HORIZON_SET: ReadonlySet<unknown> = new Set(HORIZONS);
const STATUS_SET: ReadonlySet<unknown> = new Set(RESPONSE_STATUSES);
const CONFIDENCE_SET: ReadonlySet<unknown> = new Set(CONFIDENCES);
const POSITION_SET: ReadonlySet<unknown> = new Set(POSITIONS);
const CRISIS_STATUS_SET: ReadonlySet<unknown> = new Set(CRISIS_STATUSES);
const BASIS_SET: ReadonlySet<unknown> = new Set(BASES);
const HOLDER_SET: ReadonlySet<unknown> = new Set(STANCE_HOLDERS);
const RELATION_SET: ReadonlySet<unknown> = new Set(PROVENANCE_RELATIONS);
const LANGUAGE_SET: ReadonlySet<unknown> = new Set(CJK_LANGUAGES);

const isObject = (v: unknown, keys: number): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === keys;
const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= LIMITS.id && ID.test(v);
/** A trimmed, non-empty string: what zod's `.trim().min(1).max(max)` returns unchanged. */
const isTrimmed = (v: unknown, max: number): v is string => typeof v === 'string' && v.length >= 1 && v.length <= max && v.trim() === v && isNormalizedText(v);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max && isNormalizedText(v);
const inRange = (v: unknown, min: number, max: number): boolean => typeof v === 'number' && v >= min && v <= max;
const isCoord = (v: unknown): boolean => inRange(v, -LIMITS.coord, LIMITS.coord);
const isOrder = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isScoreOrNull = (v: unknown): boolean => v === null || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 5);
const inSetOrNull = (v: unknown, set: ReadonlySet<unknown>): boolean => v === null || set.has(v);

function isArrayOf(v: unknown, max: number, item: (x: unknown) => boolean): v is unknown[] {
  if (!Array.isArray(v) || v.length > max) return false;
  for (let i = 0; i < v.length; i++) if (!item(v[i])) return false;
  return true;
}
const isTag = (v: unknown): boolean => isTrimmed(v, LIMITS.tag);
const isDateOrNull = (v: unknown): boolean => v === null || isIsoDate(v);

/** A basis object: only known keys, each a basis, each naming a field that is set on `owner`. */
function isBasisOf(basis: unknown, owner: Obj, fields: readonly string[]): boolean {
  if (typeof basis !== 'object' || basis === null || Array.isArray(basis)) return false;
  const b = basis as Obj;
  let known = 0;
  for (const field of fields) {
    const value = b[field];
    if (value === undefined) {
      // zod's optional() takes a key that is present but undefined as absent; so does this.
      if (field in b) known++;
      continue;
    }
    if (!BASIS_SET.has(value) || owner[field] === null) return false;
    known++;
  }
  return Object.keys(b).length === known;
}

function isNode(n: unknown): n is Obj {
  if (!isObject(n, 21)) return false;
  if (!isId(n.id) || !isId(n.crisisId) || !NODE_KIND_SET.has(n.kind) || !isTrimmed(n.title, LIMITS.title)) return false;
  if (!isText(n.description, LIMITS.description) || !isArrayOf(n.tags, LIMITS.tags, isTag)) return false;
  if (!isCoord(n.x) || !isCoord(n.y) || !inRange(n.width, 1, 10_000) || !inRange(n.height, 1, 10_000)) return false;
  if (!isScoreOrNull(n.likelihood) || !isScoreOrNull(n.severity) || !inSetOrNull(n.horizon, HORIZON_SET)) return false;
  if (!(n.leadActorId === null || isId(n.leadActorId)) || !isArrayOf(n.supportingActorIds, 100, isId)) return false;
  if (!inSetOrNull(n.responseStatus, STATUS_SET) || !inSetOrNull(n.leadTime, HORIZON_SET)) return false;
  if (!isBasisOf(n.basis, n, JUDGED_NODE_FIELDS) || !isDateOrNull(n.statusAsOf) || typeof n.unavertable !== 'boolean') return false;
  if (!(n.gapAccepted === null || isText(n.gapAccepted, LIMITS.description))) return false;
  // The kind-specific fields (nodeKindIssues): only some kinds may fill them.
  const kind = n.kind as NodeKind;
  if (n.likelihood !== null && kind !== 'trigger' && kind !== 'crisis') return false;
  if (n.severity !== null && kind !== 'impact') return false;
  if (kind !== 'response' && (n.leadActorId !== null || n.supportingActorIds.length > 0 || n.responseStatus !== null || n.leadTime !== null || n.statusAsOf !== null)) return false;
  if (kind !== 'trigger' && n.unavertable) return false;
  return true;
}

const isEdge = (e: unknown): e is Obj =>
  isObject(e, 8) && isId(e.id) && isId(e.crisisId) && isId(e.source) && isId(e.target) && EDGE_KIND_SET.has(e.kind) &&
  isText(e.label, LIMITS.shortText) && inSetOrNull(e.confidence, CONFIDENCE_SET) && isBasisOf(e.basis, e, JUDGED_EDGE_FIELDS);

const isStance = (s: unknown): s is Obj =>
  isObject(s, 8) && isId(s.actorId) && isId(s.elementId) && POSITION_SET.has(s.position) && isText(s.note, LIMITS.description) &&
  HOLDER_SET.has(s.holder) && isDateOrNull(s.asOf) && BASIS_SET.has(s.basis) && (s.provenanceId === null || isId(s.provenanceId));

const isProvenance = (p: unknown): p is Obj =>
  isObject(p, 6) && isId(p.id) && isId(p.elementId) && isId(p.sourceId) && isText(p.locator, LIMITS.shortText) && isText(p.quote, LIMITS.quote) &&
  RELATION_SET.has(p.relation);

const isSource = (s: unknown): s is Obj =>
  isObject(s, 5) && isId(s.id) && isTrimmed(s.title, LIMITS.title) && isText(s.author, LIMITS.shortText) &&
  isText(s.date, LIMITS.shortText) && isText(s.citation, LIMITS.description);

const isActor = (a: unknown): a is Obj =>
  isObject(a, 5) && isId(a.id) && isTrimmed(a.name, 120) && isTrimmed(a.code, LIMITS.actorCode) && typeof a.color === 'string' && COLOR.test(a.color) && isOrder(a.order);

const isViewport = (v: unknown): boolean => isObject(v, 3) && isCoord(v.x) && isCoord(v.y) && inRange(v.zoom, 0.01, 10);

const isCrisis = (c: unknown): c is Obj =>
  isObject(c, 7) && isId(c.id) && isTrimmed(c.title, LIMITS.title) && isText(c.region, LIMITS.shortText) &&
  isText(c.summary, LIMITS.description) && CRISIS_STATUS_SET.has(c.status) && isViewport(c.viewport) && isOrder(c.order);

/** One line, trimmed, possibly empty: what the marking schemas return unchanged. */
const isMarkingText = (v: unknown, max: number): boolean => typeof v === 'string' && v.length <= max && v.trim() === v && !/[\n\r]/.test(v) && isNormalizedText(v);

const isMeta = (m: unknown): m is Obj =>
  isObject(m, 11) && isDateOrNull(m.asOf) && (m.language === null || LANGUAGE_SET.has(m.language)) && isTrimmed(m.title, LIMITS.title) && isText(m.description, LIMITS.description) &&
  Timestamp.safeParse(m.createdAt).success && Timestamp.safeParse(m.modifiedAt).success && isArrayOf(m.coreActorIds, 100, isId) &&
  isText(m.author, LIMITS.shortText) && isMarkingText(m.marking, MARKING_LIMITS.marking) && isMarkingText(m.markingCaveat, MARKING_LIMITS.caveat) &&
  (m.exportAudience === null || ExportAudience.safeParse(m.exportAudience).success);

/** Every id in `list` is new to `seen`; adds them. */
function allNew(list: readonly Obj[], seen: Set<unknown>): boolean {
  for (let i = 0; i < list.length; i++) {
    const id = list[i]!.id;
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

function hasSoundShapes(d: Obj): boolean {
  if (!isObject(d, 10) || d.format !== DOCUMENT_FORMAT || d.formatVersion !== DOCUMENT_FORMAT_VERSION || !isMeta(d.scenario)) return false;
  return (
    isArrayOf(d.actors, 10_000, isActor) && isArrayOf(d.crises, 100_000, isCrisis) && isArrayOf(d.nodes, 1_000_000, isNode) &&
    isArrayOf(d.edges, 1_000_000, isEdge) && isArrayOf(d.stances, 1_000_000, isStance) && isArrayOf(d.sources, 100_000, isSource) &&
    isArrayOf(d.provenance, 1_000_000, isProvenance)
  );
}

/** The referential rules of `documentIssues`, on a value whose shapes are already sound. */
function hasSoundReferences(doc: ScenarioDocument): boolean {
  const actorIds = new Set<unknown>();
  const crisisIds = new Set<unknown>();
  const sourceIds = new Set<unknown>();
  const nodes = new Map<string, ScenarioDocument['nodes'][number]>();
  if (!allNew(doc.actors, actorIds) || !allNew(doc.crises, crisisIds) || !allNew(doc.sources, sourceIds)) return false;
  if (!allNew(doc.provenance, new Set())) return false;
  for (const n of doc.nodes) {
    if (nodes.has(n.id)) return false;
    nodes.set(n.id, n);
    if (!crisisIds.has(n.crisisId) || (n.leadActorId !== null && !actorIds.has(n.leadActorId))) return false;
    for (const a of n.supportingActorIds) if (!actorIds.has(a)) return false;
  }
  for (const id of doc.scenario.coreActorIds) if (!actorIds.has(id)) return false;
  const edgeIds = new Set<unknown>();
  for (const e of doc.edges) {
    if (nodes.has(e.id) || edgeIds.has(e.id)) return false;
    edgeIds.add(e.id);
    const from = nodes.get(e.source);
    const to = nodes.get(e.target);
    if (!from || !to || from === to || e.crisisId !== from.crisisId || from.crisisId !== to.crisisId) return false;
    if (edgeKindFor(from.kind, to.kind) !== e.kind) return false;
  }
  const quoteOn = new Map<string, string>();
  for (const p of doc.provenance) quoteOn.set(p.id, p.elementId);
  const stanceKeys = new Set<string>();
  for (const s of doc.stances) {
    if (!actorIds.has(s.actorId) || !nodes.has(s.elementId)) return false;
    if (s.provenanceId !== null && quoteOn.get(s.provenanceId) !== s.elementId) return false;
    const key = `${s.actorId}\u0000${s.elementId}`;
    if (stanceKeys.has(key)) return false;
    stanceKeys.add(key);
  }
  for (const p of doc.provenance) if (!nodes.has(p.elementId) || !sourceIds.has(p.sourceId)) return false;
  return true;
}

/**
 * True when `value` is a ScenarioDocument that the full validation (zod, then documentIssues)
 * accepts and returns unchanged. False means "run the full validation": it may reject the value
 * with a precise path, or accept a normalised copy.
 */
export function isSoundDocument(value: unknown): value is ScenarioDocument {
  return hasSoundShapes(value as Obj) && hasSoundReferences(value as ScenarioDocument);
}
