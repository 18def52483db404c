/**
 * A diff in words: each change named the way a planner knows it ("Japan's stance on Port
 * closed", not "jp/i1"), grouped by crisis. One description feeds the CLI's text output, the
 * compare list in the app, and the "What changed since the last meeting" briefs.
 */
import type { ScenarioDocument } from '../model';
import type { DocumentDiff, FieldChange } from './diff';
import { RECORD_TYPE_INFO, keyed, type DocRecord, type RecordType } from './records';

export interface ChangeLine {
  change: 'added' | 'removed' | 'changed' | 'moved';
  type: RecordType;
  id: string;
  /** The record in words, e.g. `impact "Port closed"` or `Japan on "Port closed"`. */
  label: string;
  /** The crisis it belongs to, for grouping; null for scenario-wide records. */
  crisisId: string | null;
  /** For changes: one entry per field, `title: "Typhoon" → "Super typhoon"`. */
  fields: { field: string; from: string; to: string }[];
  /** The element to go to on the canvas (a node, or an edge, or a stance's element), if any. */
  focusId: string | null;
}

/** A field's value in words: text in quotes, absent as "(none)". */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return value === '' ? '(empty)' : `"${value.length > 120 ? `${value.slice(0, 117)}…` : value}"`;
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((v) => describeValue(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface Lookup {
  node(id: string): DocRecord | undefined;
  actor(id: string): DocRecord | undefined;
  source(id: string): DocRecord | undefined;
}

function lookupIn(docs: readonly ScenarioDocument[]): Lookup {
  const maps = (type: RecordType) => docs.map((d) => keyed(d, type));
  const nodes = maps('node');
  const actors = maps('actor');
  const sources = maps('source');
  const find = (list: Map<string, DocRecord>[], id: string) => list.map((m) => m.get(id)).find(Boolean);
  return { node: (id) => find(nodes, id), actor: (id) => find(actors, id), source: (id) => find(sources, id) };
}

const quoted = (text: unknown): string => `"${String(text)}"`;

function labelOf(type: RecordType, record: DocRecord, look: Lookup): { label: string; crisisId: string | null; focusId: string | null } {
  const title = (id: unknown) => look.node(String(id))?.title ?? String(id);
  switch (type) {
    case 'scenario': return { label: 'scenario details', crisisId: null, focusId: null };
    case 'actor': return { label: `actor ${quoted(record.name)}`, crisisId: null, focusId: null };
    case 'crisis': return { label: `crisis ${quoted(record.title)}`, crisisId: String(record.id), focusId: null };
    case 'node': return { label: `${String(record.kind)} ${quoted(record.title)}`, crisisId: String(record.crisisId), focusId: String(record.id) };
    case 'edge': return { label: `link ${quoted(title(record.source))} → ${quoted(title(record.target))}`, crisisId: String(record.crisisId), focusId: String(record.id) };
    case 'stance': {
      const actor = look.actor(String(record.actorId))?.name ?? String(record.actorId);
      const node = look.node(String(record.elementId));
      return { label: `${String(actor)}'s stance on ${quoted(node?.title ?? record.elementId)}`, crisisId: node ? String(node.crisisId) : null, focusId: String(record.elementId) };
    }
    case 'source': return { label: `source ${quoted(record.title)}`, crisisId: null, focusId: null };
    case 'provenance': {
      const node = look.node(String(record.elementId));
      const source = look.source(String(record.sourceId));
      return { label: `citation of ${quoted(source?.title ?? record.sourceId)} on ${quoted(node?.title ?? record.elementId)}`, crisisId: node ? String(node.crisisId) : null, focusId: String(record.elementId) };
    }
  }
}

const fieldLines = (fields: Record<string, FieldChange>) =>
  Object.entries(fields).map(([field, c]) => ({ field, from: describeValue(c.from), to: describeValue(c.to) }));

/** Every change of `diff` (from `before` to `after`) in words, in diff order: added, removed, changed, moved. */
export function describeDiff(before: ScenarioDocument, after: ScenarioDocument, diff: DocumentDiff): ChangeLine[] {
  const look = lookupIn([after, before]);
  const afterMaps = new Map<RecordType, Map<string, DocRecord>>();
  const recordAfter = (type: RecordType, id: string): DocRecord | undefined => {
    if (!afterMaps.has(type)) afterMaps.set(type, keyed(after, type));
    return afterMaps.get(type)!.get(id);
  };
  const lines: ChangeLine[] = [];
  for (const a of diff.added) lines.push({ change: 'added', type: a.type, id: a.id, ...labelOf(a.type, a.value, look), fields: [] });
  // A removed record has nothing to go to on the canvas.
  for (const r of diff.removed) lines.push({ change: 'removed', type: r.type, id: r.id, ...labelOf(r.type, r.value, look), focusId: null, fields: [] });
  for (const [change, list] of [['changed', diff.changed], ['moved', diff.moved]] as const) {
    for (const c of list) {
      const record = recordAfter(c.type, c.id);
      const named = record ? labelOf(c.type, record, look) : { label: `${RECORD_TYPE_INFO[c.type].noun} ${c.id}`, crisisId: null, focusId: null };
      lines.push({ change, type: c.type, id: c.id, ...named, fields: fieldLines(c.fields) });
    }
  }
  return lines;
}

/** A record in words ("impact "Port closed"", "Japan's stance on …"), looked up in `docs` in turn. */
export function describeRecord(type: RecordType, record: DocRecord, docs: readonly ScenarioDocument[]): string {
  return labelOf(type, record, lookupIn(docs)).label;
}

/** One line per change, for a terminal. */
export function changeLineText(line: ChangeLine): string {
  const mark = { added: '+', removed: '-', changed: '~', moved: '↔' }[line.change];
  const fields = line.fields.map((f) => `${f.field}: ${f.from} → ${f.to}`).join('; ');
  return `${mark} ${line.label}${fields ? `: ${fields}` : ''}`;
}

/** How the base of a merge is named to the planner. */
export const commonBaseLabel = (snapshotName: string): string => `the snapshot "${snapshotName}", which both files share`;
