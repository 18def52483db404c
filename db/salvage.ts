/**
 * Recovering what can be read from a damaged scenario into a new file. The damaged file is only
 * ever read as bytes (salvage-read.ts); the result is a new, fully valid scenario at `target`,
 * made by createScenarioFile, so it passes every open-time check.
 *
 * Every row that can be read is validated on its own. Rows that break the schema are left out,
 * and so are rows whose references cannot be honoured (an edge to a lost node, a stance on one).
 * Where a row can be kept by letting go of a reference, it is: a node whose crisis was lost goes
 * into a rebuilt crisis, and a lead or supporting actor that was lost is cleared. The report says
 * how many rows of each table were kept and dropped, and why, for the planner to review.
 */
import { statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { z } from 'zod';
import { AppError, oneLine, type AppErrorShape } from '../core/errors';
import {
  Actor, Crisis, DEFAULT_VIEWPORT, DOCUMENT_FORMAT, DOCUMENT_FORMAT_VERSION, GraphEdge, GraphNode, Provenance, ScenarioMeta, Source, Stance,
  UNMARKED, documentIssues, formatPath, settleNodePatch, type ScenarioDocument,
} from '../core/model';
import { checkConnection } from '../core/rules';
import { createScenarioFile, type OpenOptions } from './open';
import { nodeFromCells } from './node-columns';
import { edgeFromCells, provenanceFromCells, stanceFromCells } from './rows';
import { damageDetail } from './load';
import { sideFilesBeside } from './file-checks';
import { SALVAGE_TABLES, openCopy, readTable, type RawTable, type SalvageTable } from './salvage-read';
import { toAppError } from './sqlite-errors';
import type { ScenarioStore } from './store';

export interface SalvageReport {
  /** Rows read and kept, per table. */
  kept: Record<SalvageTable, number>;
  /** Rows read but left out (invalid, or pointing at something lost), per table. */
  dropped: Record<SalvageTable, number>;
  /** Tables in which some rows could not be read at all (damaged pages). */
  unreadable: SalvageTable[];
  /** Why rows were dropped or changed: the first MAX_PROBLEMS, one line each. */
  problems: string[];
  /** How many problems there were in all. */
  problemCount: number;
  /**
   * SQLite files found beside the damaged file and deliberately not applied: a `-journal` holds
   * an interrupted edit's uncommitted changes, a `-wal` content from elsewhere. Left as they were.
   */
  notApplied: string[];
}

export type SalvageResult = { ok: true; store: ScenarioStore; report: SalvageReport } | { ok: false; error: AppErrorShape };

const MAX_PROBLEMS = 20;

type Cells = unknown[];
const CELLS: Record<'actors' | 'crises' | 'sources', (r: Cells) => unknown> = {
  actors: (r) => ({ id: r[0], name: r[1], code: r[2], color: r[3], order: r[4] }),
  crises: (r) => ({ id: r[0], title: r[1], region: r[2], summary: r[3], status: r[4], viewport: { x: r[5], y: r[6], zoom: r[7] }, order: r[8] }),
  sources: (r) => ({ id: r[0], title: r[1], author: r[2], date: r[3], citation: r[4] }),
};

class Salvage {
  readonly report: SalvageReport = {
    kept: zeroCounts(), dropped: zeroCounts(), unreadable: [], problems: [], problemCount: 0, notApplied: [],
  };

  problem(table: SalvageTable, text: string, dropped: boolean): void {
    if (dropped) this.report.dropped[table]++;
    this.report.problemCount++;
    if (this.report.problems.length < MAX_PROBLEMS) this.report.problems.push(oneLine(text));
  }

  /** Build and validate each row of a table; rows that fail are dropped with their reason. */
  rows<T>(table: SalvageTable, raw: RawTable, build: (r: Cells) => unknown, schema: z.ZodType<T>, label: (r: Cells) => string): T[] {
    if (raw.lost) this.report.unreadable.push(table);
    const out: T[] = [];
    for (const cells of raw.rows) {
      let parsed;
      try {
        parsed = schema.safeParse(build(cells));
      } catch (err) {
        // A list column that is not JSON: the message already names the row.
        this.problem(table, `${damageDetail(toAppError(err).message)}.`, true);
        continue;
      }
      if (parsed.success) out.push(parsed.data);
      else this.problem(table, `${label(cells)}, ${formatPath(parsed.error.issues[0]?.path as (string | number)[])}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, true);
    }
    return out;
  }
}

function zeroCounts(): Record<SalvageTable, number> {
  return Object.fromEntries(SALVAGE_TABLES.map((t) => [t, 0])) as Record<SalvageTable, number>;
}

const named = (kind: string) => (r: Cells): string => `${kind} "${String(r[0])}"`;

/** Read, validate and repair: the most of the damaged file that makes a sound document. */
export function salvageDocument(source: string, now: Date = new Date(), nativeBinding?: string): { document: ScenarioDocument; report: SalvageReport } {
  const copy = openCopy(source, nativeBinding);
  const raw = {} as Record<SalvageTable, RawTable>;
  try {
    for (const table of SALVAGE_TABLES) raw[table] = readTable(copy.db, table);
  } finally {
    copy.dispose();
  }
  const s = new Salvage();
  s.report.notApplied = sideFilesBeside(source).filter((side) => statSync(side).size > 0).map((side) => basename(side));
  const read = readValidRows(s, raw);
  const actorIds = new Set(read.actors.map((a) => a.id));
  const fallbackTitle = `${basename(source, extname(source)) || 'Scenario'} (recovered)`.slice(0, 300);
  const meta = read.meta ?? { title: fallbackTitle, description: '', createdAt: now.toISOString(), modifiedAt: now.toISOString(), coreActorIds: read.actors.slice(0, 4).map((a) => a.id), ...UNMARKED, asOf: null, language: null };
  if (!read.meta) s.problem('scenario', 'The scenario record was lost: the title is taken from the file name.', false);
  meta.coreActorIds = meta.coreActorIds.filter((id) => actorIds.has(id));
  keepNodesWhole(s, read.nodes, read.crises, actorIds);

  const byId = new Map(read.nodes.map((n) => [n.id, n]));
  const edges = keepIf(s, 'edges', unique(s, 'edges', read.edges, 'edge', new Set(byId.keys())), (e) => `edge "${e.id}"`, (e) => {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    if (!from || !to) return `its ${from ? 'target' : 'source'} node was lost`;
    const check = checkConnection(from, to, e.kind);
    if (!check.ok) return check.reason;
    return e.crisisId !== from.crisisId ? 'its crisis differs from its ends' : null;
  });
  const stanceKeys = new Set<string>();
  const stances = keepIf(s, 'stances', read.stances, (st) => `the stance of "${st.actorId}" on "${st.elementId}"`, (st) => {
    const key = `${st.actorId}\u0000${st.elementId}`;
    const duplicate = stanceKeys.has(key);
    stanceKeys.add(key);
    return !actorIds.has(st.actorId) ? 'its actor was lost' : !byId.has(st.elementId) ? 'its node was lost' : duplicate ? 'it is a duplicate' : null;
  });
  const sourceIds = new Set(read.sources.map((x) => x.id));
  const provenance = keepIf(s, 'provenance', read.provenance, (p) => `provenance record "${p.id}"`, (p) =>
    !byId.has(p.elementId) ? 'its node was lost' : !sourceIds.has(p.sourceId) ? 'its source was lost' : null,
  );
  // A stance is kept when the quote it cites was lost; it only stops citing it.
  const quoteOn = new Map(provenance.map((p) => [p.id, p.elementId]));
  for (const st of stances) {
    if (st.provenanceId !== null && quoteOn.get(st.provenanceId) !== st.elementId) {
      s.problem('stances', `the stance of "${st.actorId}" on "${st.elementId}": the quote it cited was lost, so it cites none.`, false);
      st.provenanceId = null;
    }
  }

  const document: ScenarioDocument = {
    format: DOCUMENT_FORMAT, formatVersion: DOCUMENT_FORMAT_VERSION, scenario: meta,
    actors: read.actors, crises: read.crises, nodes: read.nodes, edges, stances, sources: read.sources, provenance,
  };
  const issue = documentIssues(document, 1)[0];
  if (issue) throw new AppError('INTERNAL', `Recovery built an unsound document (${formatPath(issue.path)}: ${issue.message}).`);
  s.report.kept = {
    scenario: read.meta ? 1 : 0, actors: read.actors.length, crises: read.crises.length, nodes: read.nodes.length,
    edges: edges.length, stances: stances.length, sources: read.sources.length, provenance: provenance.length,
  };
  return { document, report: s.report };
}

/** Every readable row that passes its schema on its own; ids used twice keep their first row. */
function readValidRows(s: Salvage, raw: Record<SalvageTable, RawTable>) {
  const metas = s.rows('scenario', raw.scenario, (r) => ({ title: r[0], description: r[1], createdAt: r[2], modifiedAt: r[3], coreActorIds: parseList(r[4]), author: r[5], marking: r[6], markingCaveat: r[7], exportAudience: r[8] === null ? null : parseList(r[8]), asOf: r[9], language: r[10] }), ScenarioMeta, () => 'the scenario record');
  return {
    meta: metas[0],
    actors: unique(s, 'actors', s.rows('actors', raw.actors, CELLS.actors, Actor, named('actor')), 'actor'),
    crises: unique(s, 'crises', s.rows('crises', raw.crises, CELLS.crises, Crisis, named('crisis')), 'crisis'),
    sources: unique(s, 'sources', s.rows('sources', raw.sources, CELLS.sources, Source, named('source')), 'source'),
    nodes: unique(s, 'nodes', s.rows('nodes', raw.nodes, nodeFromCells, GraphNode, named('node')), 'node'),
    edges: s.rows('edges', raw.edges, edgeFromCells, GraphEdge, named('edge')),
    stances: s.rows('stances', raw.stances, stanceFromCells, Stance, (r) => `the stance of "${String(r[0])}" on "${String(r[1])}"`),
    provenance: unique(s, 'provenance', s.rows('provenance', raw.provenance, provenanceFromCells, Provenance, named('provenance record')), 'provenance record'),
  };
}

/** Nodes are what planners wrote: keep each one, rebuilding a lost crisis and clearing lost actors. */
function keepNodesWhole(s: Salvage, nodes: GraphNode[], crises: Crisis[], actorIds: ReadonlySet<string>): void {
  const crisisIds = new Set(crises.map((c) => c.id));
  for (const node of nodes) {
    if (!crisisIds.has(node.crisisId)) {
      crisisIds.add(node.crisisId);
      crises.push({ id: node.crisisId, title: `Recovered crisis ${crises.length + 1}`, region: '', summary: 'Rebuilt by recovery: its details were lost.', status: 'draft', viewport: { ...DEFAULT_VIEWPORT }, order: crises.length });
      s.problem('crises', `crisis "${node.crisisId}" was lost; its nodes are kept in a rebuilt crisis.`, false);
    }
    if (node.leadActorId !== null && !actorIds.has(node.leadActorId)) {
      s.problem('nodes', `node "${node.id}": its lead actor "${node.leadActorId}" was lost and is cleared.`, false);
      Object.assign(node, settleNodePatch(node, { leadActorId: null }));
    }
    const supporting = node.supportingActorIds.filter((id) => actorIds.has(id));
    if (supporting.length !== node.supportingActorIds.length) {
      s.problem('nodes', `node "${node.id}": supporting actors that were lost are cleared.`, false);
      node.supportingActorIds = supporting;
    }
  }
}

/** The rows `why` finds nothing wrong with; the others are dropped and reported. */
function keepIf<T>(s: Salvage, table: SalvageTable, rows: T[], name: (row: T) => string, why: (row: T) => string | null): T[] {
  return rows.filter((row) => {
    const reason = why(row);
    if (reason) s.problem(table, `${name(row)} is left out: ${reason}`, true);
    return !reason;
  });
}

/** Recover what can be read from `source` into a new scenario file at `target`. `source` is never written. */
export function salvageScenarioFile(source: string, target: string, options: OpenOptions = {}): SalvageResult {
  let salvaged;
  try {
    salvaged = salvageDocument(source, new Date(), options.nativeBinding);
  } catch (err) {
    const e = toAppError(err);
    return { ok: false, error: { code: e.code, message: oneLine(e.message) } };
  }
  const created = createScenarioFile(target, { title: salvaged.document.scenario.title, document: salvaged.document }, options);
  return created.ok ? { ok: true, store: created.store, report: salvaged.report } : created;
}

/** One line for people: what was kept and what was lost. */
export function salvageSummary(report: SalvageReport): string {
  const part = (table: SalvageTable, noun: string) => `${report.kept[table]} ${noun}`;
  const lost = report.unreadable.length ? ` Some rows could not be read at all (${report.unreadable.join(', ')}).` : '';
  const pending = report.notApplied.length ? ` Uncommitted changes were found in ${report.notApplied.join(' and ')} and not applied (left as they were).` : '';
  const dropped = SALVAGE_TABLES.reduce((n, t) => n + report.dropped[t], 0);
  return (
    `Recovered ${part('crises', 'crises')}, ${part('nodes', 'nodes')}, ${part('edges', 'edges')}, ${part('stances', 'stances')} and ${part('provenance', 'provenance records')}; ` +
    `${dropped} unusable row${dropped === 1 ? '' : 's'} left out.${lost}${pending} Please review the recovered scenario.`
  );
}

function parseList(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text; // the schema then names it
  }
}

/** Drop rows whose id was already seen (possible only in a damaged file). */
function unique<T extends { id: string }>(s: Salvage, table: SalvageTable, rows: T[], noun: string, taken: Set<string> = new Set()): T[] {
  return rows.filter((row) => {
    if (taken.has(row.id)) {
      s.problem(table, `${noun} "${row.id}" is left out: its id is used twice.`, true);
      return false;
    }
    taken.add(row.id);
    return true;
  });
}
