/**
 * CSV: nodes and edges, with scores and one stance column per actor. RFC 4180 quoting and
 * CRLF line ends; UTF-8 with an optional byte-order mark so Excel reads CJK correctly.
 * `renderCsvTables` gives nodes.csv and edges.csv; `renderCsv` gives one file whose first
 * column, `record`, says whether a row is a node or an edge (what the CLI writes).
 */
import type { Actor, ScenarioDocument } from '../model';
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

export const NODE_COLUMNS = [
  'id', 'crisis_id', 'crisis_title', 'kind', 'title', 'description', 'tags', 'x', 'y', 'width', 'height',
  'likelihood', 'severity', 'horizon', 'lead_actor', 'supporting_actors', 'response_status', 'lead_time',
] as const;
export const EDGE_COLUMNS = ['id', 'crisis_id', 'source', 'target', 'kind', 'label', 'confidence'] as const;
/** Stance columns are `stance:<actor code>`. */
export const STANCE_PREFIX = 'stance:';
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
  const stance = new Map(doc.stances.map((s) => [`${s.actorId}\u0000${s.elementId}`, s.position]));
  const stanceColumns = actors.map((a) => `${STANCE_PREFIX}${a.code}`);
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
      };
      actors.forEach((a, i) => {
        const position = stance.get(`${a.id}\u0000${n.id}`);
        row[stanceColumns[i]!] = position ?? null;
      });
      return row;
    }),
  );
  const edges = scoped.sections.flatMap((section) =>
    section.edges.map((e): Row => ({ id: e.id, crisis_id: e.crisisId, source: e.source, target: e.target, kind: e.kind, label: e.label, confidence: e.confidence })),
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
