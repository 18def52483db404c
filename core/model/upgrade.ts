/**
 * Older JSON documents (JSON exported by an earlier version, and the snapshots kept inside a
 * file, stored as JSON when they were taken), brought to the current format before
 * validation. One step per version, like the schema migrations:
 * - 1 → 2: the scenario's author, handling marking and caveat, and its remembered export audience;
 * - 2 → 3: basis, holders, as-of dates, accepted gaps and quote relations. Earlier documents had
 *   none: their values were entered by their users (basis `planner`), their stances are the
 *   analyst's estimate, their quotes support;
 * - 3 → 4: the scenario's stated language: none, so it is detected from the text as before.
 * The input is untrusted, so a step only adds fields to records shaped like objects and never
 * overwrites a value; validation afterwards judges everything.
 */
import { STANCE_DEFAULTS } from './evidence';
import { JUDGED_EDGE_FIELDS, JUDGED_NODE_FIELDS } from './basis';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const each = (list: unknown, add: (item: Obj) => Obj): unknown => (Array.isArray(list) ? list.map((item) => (isObj(item) ? add(item) : item)) : list);

/** `planner` for each of `fields` that holds a value (anything but null or absent). */
function plannerBasis(record: Obj, fields: readonly string[]): Obj {
  const basis: Obj = {};
  for (const field of fields) if (record[field] !== null && record[field] !== undefined) basis[field] = 'planner';
  return basis;
}

const HANDLING_DEFAULTS: Obj = { author: '', marking: '', markingCaveat: '', exportAudience: null };

function fromVersion1(doc: Obj): Obj {
  return { ...doc, formatVersion: 2, scenario: isObj(doc.scenario) ? { ...HANDLING_DEFAULTS, ...doc.scenario } : doc.scenario };
}

function fromVersion2(doc: Obj): Obj {
  return {
    ...doc,
    formatVersion: 3,
    scenario: isObj(doc.scenario) ? { asOf: null, ...doc.scenario } : doc.scenario,
    nodes: each(doc.nodes, (n) => ({ ...n, basis: plannerBasis(n, JUDGED_NODE_FIELDS), statusAsOf: null, gapAccepted: null, unavertable: false })),
    edges: each(doc.edges, (e) => ({ ...e, basis: plannerBasis(e, JUDGED_EDGE_FIELDS) })),
    stances: each(doc.stances, (s) => ({ ...s, ...STANCE_DEFAULTS })),
    provenance: each(doc.provenance, (p) => ({ ...p, relation: 'supports' })),
  };
}

function fromVersion3(doc: Obj): Obj {
  return { ...doc, formatVersion: 4, scenario: isObj(doc.scenario) ? { language: null, ...doc.scenario } : doc.scenario };
}

const STEPS: Record<number, (doc: Obj) => Obj> = { 1: fromVersion1, 2: fromVersion2, 3: fromVersion3 };

/** `raw` at the current format version if it is an older one we know; otherwise as it is. */
export function upgradeDocument(raw: unknown): unknown {
  let doc = raw;
  while (isObj(doc) && typeof doc.formatVersion === 'number' && STEPS[doc.formatVersion]) doc = STEPS[doc.formatVersion]!(doc);
  return doc;
}
