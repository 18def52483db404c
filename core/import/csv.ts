/**
 * CSV import: the combined file (`record` column, as `renderCsv` writes it), a nodes table
 * alone, or nodes.csv plus edges.csv. Every value is checked as it is read, so the first
 * error names its row and column ("row 7, column severity: must be 1-5"), and the result
 * is a whole document or nothing.
 */
import {
  GraphNode,
  HORIZONS,
  NODE_KINDS,
  POSITIONS,
  RESPONSE_STATUSES,
  CONFIDENCES,
  EDGE_KINDS,
  NODE_DEFAULT_SIZE,
  BASES,
  JUDGED_EDGE_FIELDS,
  JUDGED_NODE_FIELDS,
  STANCE_DEFAULTS,
  STANCE_HOLDERS,
  isIsoDate,
  type Basis,
  type Actor,
  type GraphEdge,
  type ScenarioDocument,
  type Stance,
} from '../model';
import { checkConnection } from '../rules';
import { CSV_MARKING_PREFIX } from '../export/csv';
import { restoreCsvText } from '../export/escape';
import { JUDGED_NODE_COLUMNS, STANCE_DETAIL_PREFIXES, STANCE_PREFIX, YES, basisColumn } from '../export/csv';
import { parseCsv, type CsvRow } from './csv-parse';
import { emptyDocument, finishImport, importFailure, newCrisis, type ImportResult } from './result';
import { pushAll } from '../arrays';

export interface CsvImportOptions {
  title?: string;
  now?: string;
}

const FIELD_COLUMN: Record<string, string> = {
  crisisId: 'crisis_id', leadActorId: 'lead_actor', supportingActorIds: 'supporting_actors', responseStatus: 'response_status', leadTime: 'lead_time',
};

/** Thrown inside this module only, to stop at the first bad cell; never escapes `importCsv`. */
class CellError extends Error {}

interface Table {
  columns: string[];
  rows: CsvRow[];
}

function readTable(text: string, name: string): Table | string {
  const parsed = parseCsv(text);
  if (!parsed.ok) return `${name}line ${parsed.line}: ${parsed.message}`;
  // A marked export starts with one record holding the marking; it is not part of the table.
  const first = parsed.rows[0];
  const marked = first !== undefined && first.cells.length === 1 && first.cells[0]!.startsWith(CSV_MARKING_PREFIX);
  const [header, ...rows] = marked ? parsed.rows.slice(1) : parsed.rows;
  if (!header) return `${name}the file is empty`;
  return { columns: header.cells.map((c) => c.trim()), rows };
}

class RowReader {
  constructor(private readonly table: Table, readonly row: CsvRow, private readonly where: string) {}
  has(column: string): boolean {
    return this.table.columns.includes(column);
  }
  /** A cell as exported: the apostrophes that kept formulas inert are removed (restoreCsvText). */
  raw(column: string): string {
    const i = this.table.columns.indexOf(column);
    return i === -1 ? '' : restoreCsvText(this.row.cells[i] ?? '');
  }
  text(column: string): string {
    return this.raw(column);
  }
  fail(column: string, message: string): never {
    throw new CellError(`${this.where}row ${this.row.line}, column ${column}: ${message}`);
  }
  oneOf<T extends string>(column: string, allowed: readonly T[], fallback: T | null): T | null {
    const v = this.raw(column).trim();
    if (v === '') return fallback;
    if (!(allowed as readonly string[]).includes(v)) this.fail(column, `must be one of ${allowed.join(', ')}`);
    return v as T;
  }
  number(column: string, fallback: number): number {
    const v = this.raw(column).trim();
    if (v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n)) this.fail(column, 'must be a number');
    return n;
  }
  score(column: string): number | null {
    const v = this.raw(column).trim();
    if (v === '') return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 5) this.fail(column, 'must be 1-5');
    return n;
  }
  date(column: string): string | null {
    const v = this.raw(column).trim();
    if (v === '') return null;
    if (!isIsoDate(v)) this.fail(column, 'must be a date YYYY-MM-DD');
    return v;
  }
  /** The basis of a value in `valueColumn`: its basis column where the table has one (blank: none), else `planner` (a spreadsheet's values are its user's own). */
  basis(valueColumn: string, value: unknown): Basis | undefined {
    if (value === null) return undefined;
    const column = basisColumn(valueColumn);
    return this.has(column) ? (this.oneOf(column, BASES, null) ?? undefined) : 'planner';
  }
  list(column: string): string[] {
    return this.text(column).split(';').map((s) => s.trim()).filter(Boolean);
  }
}

export function importCsv(text: string, options: CsvImportOptions = {}): ImportResult {
  const table = readTable(text, '');
  if (typeof table === 'string') return importFailure(table);
  if (!table.columns.includes('record')) return importCsvTables(text, null, options);
  const split = (kind: string): Table => ({ columns: table.columns, rows: table.rows.filter((r) => (r.cells[table.columns.indexOf('record')] ?? '').trim() === kind) });
  const bad = table.rows.find((r) => !['node', 'edge'].includes((r.cells[table.columns.indexOf('record')] ?? '').trim()));
  if (bad) return importFailure(`row ${bad.line}, column record: must be node or edge`);
  return build(split('node'), split('edge'), '', '', options);
}

/** nodes.csv and, optionally, edges.csv. */
export function importCsvTables(nodesText: string, edgesText: string | null, options: CsvImportOptions = {}): ImportResult {
  const nodes = readTable(nodesText, edgesText === null ? '' : 'nodes.csv, ');
  if (typeof nodes === 'string') return importFailure(nodes);
  const edges = edgesText === null ? { columns: [], rows: [] } : readTable(edgesText, 'edges.csv, ');
  if (typeof edges === 'string') return importFailure(edges);
  return build(nodes, edges, edgesText === null ? '' : 'nodes.csv, ', 'edges.csv, ', options);
}

function build(nodeTable: Table, edgeTable: Table, nodeWhere: string, edgeWhere: string, options: CsvImportOptions): ImportResult {
  for (const column of ['title', 'kind']) {
    if (nodeTable.rows.length > 0 && !nodeTable.columns.includes(column)) return importFailure(`${nodeWhere}row 1: missing column ${column}`);
  }
  const doc = emptyDocument({ title: options.title ?? 'Imported scenario', now: options.now ?? new Date().toISOString() });
  const rowOfNode: number[] = [];
  const rowOfEdge: number[] = [];
  try {
    const actorByCode = actorsFor(doc, nodeTable);
    readNodes(doc, nodeTable, nodeWhere, actorByCode, rowOfNode);
    readEdges(doc, edgeTable, edgeWhere, rowOfEdge);
  } catch (err) {
    if (err instanceof CellError) return importFailure(err.message);
    throw err;
  }
  return finishImport(doc, [], (path) => {
    const [list, index, field] = path;
    const column = typeof field === 'string' ? (FIELD_COLUMN[field] ?? field) : null;
    const at = (where: string, line: number | undefined): string => `${where}row ${line ?? '?'}${column ? `, column ${column}` : ''}`;
    if (list === 'nodes' && typeof index === 'number') return at(nodeWhere, rowOfNode[index]);
    if (list === 'edges' && typeof index === 'number') return at(edgeWhere, rowOfEdge[index]);
    return path.join('.');
  });
}

/** Actors by code: the defaults, plus any code a stance column or lead cell names. */
function actorsFor(doc: ScenarioDocument, table: Table): Map<string, Actor> {
  const byCode = new Map(doc.actors.map((a) => [a.code.toLowerCase(), a]));
  const codes = table.columns.filter((c) => c.startsWith(STANCE_PREFIX)).map((c) => c.slice(STANCE_PREFIX.length).trim());
  const lead = table.columns.indexOf('lead_actor');
  const support = table.columns.indexOf('supporting_actors');
  for (const row of table.rows) {
    if (lead !== -1 && row.cells[lead]?.trim()) codes.push(row.cells[lead]!.trim());
    if (support !== -1) pushAll(codes, (row.cells[support] ?? '').split(';').map((s) => s.trim()).filter(Boolean));
  }
  for (const code of codes) {
    if (!code || byCode.has(code.toLowerCase())) continue;
    const base = code.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'actor';
    let id = base;
    for (let n = 2; doc.actors.some((a) => a.id === id); n++) id = `${base}-${n}`;
    const actor: Actor = { id, name: code.slice(0, 120), code: code.slice(0, 12), color: '#6b7280', order: doc.actors.length };
    doc.actors.push(actor);
    byCode.set(code.toLowerCase(), actor);
  }
  return byCode;
}

function readNodes(doc: ScenarioDocument, table: Table, where: string, actorByCode: Map<string, Actor>, rowOfNode: number[]): void {
  const crisisOrder = new Map<string, number>();
  const seen = new Set<string>();
  const stanceColumns = table.columns.filter((c) => c.startsWith(STANCE_PREFIX));
  // Rows without x/y go on a grid about as wide as it is tall (5 across for small imports),
  // so even a million rows stay well inside the coordinate limit.
  const columns = Math.max(5, Math.ceil(Math.sqrt(table.rows.length)));
  for (const row of table.rows) {
    const r: RowReader = new RowReader(table, row, where);
    const kind = r.oneOf('kind', NODE_KINDS, null) ?? r.fail('kind', `must be one of ${NODE_KINDS.join(', ')}`);
    const id = r.raw('id').trim() || `row-${row.line}`;
    if (seen.has(id)) r.fail('id', `duplicate id "${id}"`);
    seen.add(id);
    const crisisId = r.raw('crisis_id').trim() || 'imported';
    if (!crisisOrder.has(crisisId)) {
      crisisOrder.set(crisisId, crisisOrder.size);
      doc.crises.push(newCrisis(crisisId, r.text('crisis_title').trim() || (crisisId === 'imported' ? 'Imported crisis' : crisisId), crisisOrder.size - 1));
    }
    const actorId = (column: string, code: string): string => actorByCode.get(code.toLowerCase())?.id ?? r.fail(column, `unknown actor "${code}"`);
    const size = NODE_DEFAULT_SIZE[kind];
    const index = doc.nodes.length;
    const node: GraphNode = {
      id,
      crisisId,
      kind,
      title: r.text('title').trim(),
      description: r.text('description'),
      tags: r.list('tags'),
      x: r.number('x', (index % columns) * 260),
      y: r.number('y', Math.floor(index / columns) * 120),
      width: r.number('width', size.width),
      height: r.number('height', size.height),
      likelihood: r.score('likelihood'),
      severity: r.score('severity'),
      horizon: r.oneOf('horizon', HORIZONS, null),
      leadActorId: r.raw('lead_actor').trim() ? actorId('lead_actor', r.raw('lead_actor').trim()) : null,
      supportingActorIds: r.list('supporting_actors').map((code) => actorId('supporting_actors', code)),
      responseStatus: r.oneOf('response_status', RESPONSE_STATUSES, null),
      leadTime: r.oneOf('lead_time', HORIZONS, null),
      basis: {},
      statusAsOf: r.date('status_as_of'),
      gapAccepted: r.text('gap_accepted').trim() || null,
      unavertable: [YES, 'true', '1'].includes(r.raw('unavertable').trim().toLowerCase()),
    };
    for (const field of JUDGED_NODE_FIELDS) {
      const basis = r.basis(JUDGED_NODE_COLUMNS[field], node[field]);
      if (basis) node.basis[field] = basis;
    }
    const checked = GraphNode.safeParse(node);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = String(issue.path[0] ?? 'title');
      r.fail(FIELD_COLUMN[field] ?? field, issue.message);
    }
    doc.nodes.push(node);
    rowOfNode.push(row.line);
    for (const column of stanceColumns) {
      const position = r.oneOf(column, POSITIONS, null);
      const actor = actorByCode.get(column.slice(STANCE_PREFIX.length).trim().toLowerCase());
      if (!actor) continue;
      const detail = (prefix: string): string => `${prefix}${column.slice(STANCE_PREFIX.length)}`;
      const note = r.text(detail(STANCE_DETAIL_PREFIXES.note));
      if (!position && !note) continue;
      doc.stances.push({
        actorId: actor.id, elementId: id, position: position ?? 'unknown', note,
        holder: r.oneOf(detail(STANCE_DETAIL_PREFIXES.holder), STANCE_HOLDERS, STANCE_DEFAULTS.holder) ?? STANCE_DEFAULTS.holder,
        asOf: r.date(detail(STANCE_DETAIL_PREFIXES.asOf)),
        basis: r.oneOf(detail(STANCE_DETAIL_PREFIXES.basis), BASES, STANCE_DEFAULTS.basis) ?? STANCE_DEFAULTS.basis,
        provenanceId: null,
      } satisfies Stance);
    }
  }
}

function readEdges(doc: ScenarioDocument, table: Table, where: string, rowOfEdge: number[]): void {
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set(doc.nodes.map((n) => n.id));
  for (const row of table.rows) {
    const r: RowReader = new RowReader(table, row, where);
    const from = nodes.get(r.raw('source').trim()) ?? r.fail('source', `unknown node "${r.raw('source').trim()}"`);
    const to = nodes.get(r.raw('target').trim()) ?? r.fail('target', `unknown node "${r.raw('target').trim()}"`);
    const kind = r.oneOf('kind', EDGE_KINDS, null) ?? undefined;
    const check = checkConnection(from, to, kind);
    if (!check.ok) r.fail(kind ? 'kind' : 'target', check.reason);
    const id = r.raw('id').trim() || `edge-row-${row.line}`;
    if (seen.has(id)) r.fail('id', `duplicate id "${id}"`);
    seen.add(id);
    const edge: GraphEdge = {
      id,
      crisisId: from.crisisId,
      source: from.id,
      target: to.id,
      kind: check.kind,
      label: r.text('label'),
      confidence: r.oneOf('confidence', CONFIDENCES, null),
      basis: {},
    };
    for (const field of JUDGED_EDGE_FIELDS) {
      const basis = r.basis(field, edge[field]);
      if (basis) edge.basis[field] = basis;
    }
    doc.edges.push(edge);
    rowOfEdge.push(row.line);
  }
}
