/**
 * CSV: nodes and edges, with scores, the basis of each judged value, the node's quotes (with how
 * each bears on it), and per actor a stance column with its holder, as-of date, basis and note. RFC 4180 quoting and
 * CRLF line ends; UTF-8 with an optional byte-order mark so Excel reads CJK correctly.
 * `renderCsvTables` gives nodes.csv and edges.csv; `renderCsv` gives one file whose first
 * column, `record`, says whether a row is a node or an edge (what the CLI writes).
 */
import { JUDGED_EDGE_FIELDS, JUDGED_NODE_FIELDS, RELATION_LABELS, type Actor, type JudgedNodeField, type ScenarioDocument } from '../model';
import { csvField } from './escape';
import { scopedGraph, type ExportScope } from './scope';

export interface CsvOptions {
  /** Start with U+FEFF so spreadsheet programs detect UTF-8. */
  bom?: boolean;
  /** The handling marking as one line: written as the first record, before the header. */
  marking?: string;
  /** Actors whose stances this export leaves out: they get no stance column. */
  leftOut?: ReadonlySet<string>;
}

/** The first record of a marked CSV file is this prefix and the marking, in one field. */
export const CSV_MARKING_PREFIX = 'MARKING: ';
/** The column of each judged node field. Its basis is in the column named by `basisColumn`. */
export const JUDGED_NODE_COLUMNS: Record<JudgedNodeField, string> = {
  likelihood: 'likelihood', severity: 'severity', horizon: 'horizon', leadActorId: 'lead_actor', responseStatus: 'response_status', leadTime: 'lead_time',
};
export const basisColumn = (column: string): string => `${column}_basis`;

export const NODE_COLUMNS = [
  'id', 'crisis_id', 'crisis_title', 'kind', 'title', 'description', 'tags', 'x', 'y', 'width', 'height',
  'likelihood', 'severity', 'horizon', 'lead_actor', 'supporting_actors', 'response_status', 'lead_time',
  ...JUDGED_NODE_FIELDS.map((f) => basisColumn(JUDGED_NODE_COLUMNS[f])), 'status_as_of', 'gap_accepted', 'unavertable', 'quotes',
] as const;
export const EDGE_COLUMNS = ['id', 'crisis_id', 'source', 'target', 'kind', 'label', 'confidence', ...JUDGED_EDGE_FIELDS.map(basisColumn)] as const;
/** Stance columns are `stance:<actor code>`; beside each, its holder, as-of date, basis and note. */
export const STANCE_PREFIX = 'stance:';
export const STANCE_DETAIL_PREFIXES = { holder: 'stance_holder:', asOf: 'stance_as_of:', basis: 'stance_basis:', note: 'stance_note:' } as const;
/** `unavertable` is written as this (or left empty). */
export const YES = 'yes';
/** Tags and supporting actors share one cell, separated by this. */
export const LIST_SEPARATOR = '; ';

type Cell = string | number | null;
type Row = Record<string, Cell>;

const BOM = '\uFEFF';
const line = (cells: Cell[]): string => cells.map(csvField).join(',');

function table(columns: readonly string[], rows: Row[], options: CsvOptions): string {
  const head = options.marking ? [line([`${CSV_MARKING_PREFIX}${options.marking}`])] : [];
  const body = [...head, line([...columns]), ...rows.map((r) => line(columns.map((c) => r[c] ?? null)))].join('\r\n');
  return `${options.bom ? BOM : ''}${body}\r\n`;
}

function sortedActors(doc: ScenarioDocument): Actor[] {
  return [...doc.actors].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
}

function rowsOf(doc: ScenarioDocument, scope: ExportScope, leftOut: ReadonlySet<string> = new Set()): { nodes: Row[]; edges: Row[]; stanceColumns: string[] } {
  const scoped = scopedGraph(doc, scope);
  const actors = sortedActors(doc).filter((a) => !leftOut.has(a.id));
  const byId = new Map(actors.map((a) => [a.id, a]));
  const code = (id: string): string => byId.get(id)?.code ?? id;
  const crisisTitle = new Map(doc.crises.map((c) => [c.id, c.title]));
  const stance = new Map(doc.stances.map((s) => [`${s.actorId}\u0000${s.elementId}`, s]));
  const sourceTitle = new Map(doc.sources.map((s) => [s.id, s.title]));
  const quotes = new Map<string, string[]>();
  for (const p of doc.provenance) {
    const where = [sourceTitle.get(p.sourceId) ?? p.sourceId, p.locator].filter(Boolean).join(', ');
    const text = `${RELATION_LABELS[p.relation]}: "${p.quote}" (${where})`;
    quotes.set(p.elementId, [...(quotes.get(p.elementId) ?? []), text]);
  }
  const detail = (prefix: string, a: Actor): string => `${prefix}${a.code}`;
  const stanceColumns = actors.flatMap((a) => [`${STANCE_PREFIX}${a.code}`, ...Object.values(STANCE_DETAIL_PREFIXES).map((p) => detail(p, a))]);
  const nodes = scoped.sections.flatMap((section) =>
    section.nodes.map((n): Row => {
      const row: Row = {
        id: n.id,
        crisis_id: n.crisisId,
        crisis_title: crisisTitle.get(n.crisisId) ?? '',
        kind: n.kind,
        title: n.title,
        description: n.description,
        tags: n.tags.join(LIST_SEPARATOR),
        x: n.x,
        y: n.y,
        width: n.width,
        height: n.height,
        likelihood: n.likelihood,
        severity: n.severity,
        horizon: n.horizon,
        lead_actor: n.leadActorId === null ? null : code(n.leadActorId),
        supporting_actors: n.supportingActorIds.map(code).join(LIST_SEPARATOR),
        response_status: n.responseStatus,
        lead_time: n.leadTime,
        status_as_of: n.statusAsOf,
        gap_accepted: n.gapAccepted,
        unavertable: n.unavertable ? YES : null,
        quotes: (quotes.get(n.id) ?? []).join('\n'),
      };
      for (const field of JUDGED_NODE_FIELDS) row[basisColumn(JUDGED_NODE_COLUMNS[field])] = n.basis[field] ?? null;
      for (const a of actors) {
        const s = stance.get(`${a.id}\u0000${n.id}`);
        row[`${STANCE_PREFIX}${a.code}`] = s?.position ?? null;
        row[detail(STANCE_DETAIL_PREFIXES.holder, a)] = s?.holder ?? null;
        row[detail(STANCE_DETAIL_PREFIXES.asOf, a)] = s?.asOf ?? null;
        row[detail(STANCE_DETAIL_PREFIXES.basis, a)] = s?.basis ?? null;
        row[detail(STANCE_DETAIL_PREFIXES.note, a)] = s?.note ?? null;
      }
      return row;
    }),
  );
  const edges = scoped.sections.flatMap((section) =>
    section.edges.map((e): Row => ({
      id: e.id, crisis_id: e.crisisId, source: e.source, target: e.target, kind: e.kind, label: e.label, confidence: e.confidence,
      kind_basis: e.basis.kind ?? null, confidence_basis: e.basis.confidence ?? null,
    })),
  );
  return { nodes, edges, stanceColumns };
}

export function renderCsvTables(doc: ScenarioDocument, scope: ExportScope, options: CsvOptions = {}): { nodes: string; edges: string } {
  const { nodes, edges, stanceColumns } = rowsOf(doc, scope, options.leftOut);
  return {
    nodes: table([...NODE_COLUMNS, ...stanceColumns], nodes, options),
    edges: table(EDGE_COLUMNS, edges, options),
  };
}

/** The combined columns: `record`, then node columns, then the edge-only columns, then stances. */
export function combinedColumns(stanceColumns: string[]): string[] {
  const edgeOnly = EDGE_COLUMNS.filter((c) => !(NODE_COLUMNS as readonly string[]).includes(c));
  return ['record', ...NODE_COLUMNS, ...edgeOnly, ...stanceColumns];
}

export function renderCsv(doc: ScenarioDocument, scope: ExportScope, options: CsvOptions = {}): string {
  const { nodes, edges, stanceColumns } = rowsOf(doc, scope, options.leftOut);
  const rows = [...nodes.map((r) => ({ record: 'node', ...r })), ...edges.map((r) => ({ record: 'edge', ...r }))];
  return table(combinedColumns(stanceColumns), rows, options);
}
