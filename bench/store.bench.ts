/**
 * Store benchmark: each figure is the store against raw better-sqlite3 doing the same work on
 * the same file format, in the same run, interleaved round by round so drift hits both alike.
 * The raw peer uses the store's own pragmas (journal DELETE, synchronous FULL, exclusive
 * locking), so the ratio is the cost of the store's validation and bookkeeping, not of a
 * different durability setting.
 *
 * Run alone: node --import tsx bench/store.bench.ts   (prints the markdown section)
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { blankNode, emptyDocument, type GraphEdge, type GraphNode, type ScenarioDocument } from '../core/model';
import { createScenarioFile, openScenarioFile, runMigrations, type ScenarioStore } from '../db';
import { NODE_TABLE } from '../db/node-columns';

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A scenario of `nodeCount` nodes in crises of 1000, with 1.5 rule-abiding edges per node. */
export function syntheticDocument(nodeCount: number): ScenarioDocument {
  const at = '2026-01-01T00:00:00.000Z';
  const crises: ScenarioDocument['crises'] = [];
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const perCrisis = Math.min(1000, nodeCount);
  let seed = 42;
  const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let c = 0; nodes.length < nodeCount; c++) {
    const crisisId = `crisis-${c}`;
    crises.push({ id: crisisId, title: `Crisis ${c}`, region: 'Region', summary: 'Summary of the crisis', status: 'active', viewport: { x: 0, y: 0, zoom: 1 }, order: c });
    const count = Math.min(perCrisis, nodeCount - nodes.length);
    const ids: Record<GraphNode['kind'], string[]> = { trigger: [], crisis: [], impact: [], response: [] };
    for (let i = 0; i < count; i++) {
      const kind: GraphNode['kind'] = i % 20 < 4 ? 'trigger' : i % 20 === 4 ? 'crisis' : i % 20 < 16 ? 'impact' : 'response';
      const id = `n-${c}-${i}`;
      const node = { ...blankNode(kind, crisisId, id, { x: i * 10, y: c * 10 }), title: `Node ${i} of crisis ${c}`, description: 'A planner-written description of moderate length.', tags: i % 3 === 0 ? ['tag-a', 'tag-b'] : [] };
      if (kind === 'response') Object.assign(node, { leadActorId: 'jp', supportingActorIds: ['us', 'kr'] });
      nodes.push(node);
      ids[kind].push(id);
    }
    const target = Math.round(count * 1.5);
    const pick = (list: string[]): string => list[rand(list.length)]!;
    for (let e = 0; e < target; e++) {
      const r = e % 4;
      const [source, dest, kind] =
        r === 0 && ids.trigger.length && ids.crisis.length ? [pick(ids.trigger), pick(ids.crisis), 'leads-to' as const]
        : r === 1 && ids.crisis.length ? [pick(ids.crisis), pick(ids.impact), 'leads-to' as const]
        : r === 2 && ids.response.length ? [pick(ids.response), pick(ids.impact), 'contains' as const]
        : [pick(ids.impact), pick(ids.impact), 'leads-to' as const];
      if (source === dest) { e--; continue; }
      edges.push({ id: `e-${c}-${e}`, crisisId, source, target: dest, kind, label: '', confidence: null, basis: { kind: 'planner' } });
    }
  }
  return { ...emptyDocument({ title: 'Benchmark', now: at }), crises, nodes, edges };
}

/** Raw peer: an empty file with the same schema, the same pragmas, and plain prepared INSERTs in one transaction. */
export function rawImport(path: string, doc: ScenarioDocument): void {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  runMigrations(db);
  // Columns by name, so a column a later migration adds (with its default) cannot shift the
  // values; the node columns come from the store's one list of them (db/node-columns).
  const nodeColumns = NODE_TABLE.map((c) => c.column);
  const insertNode = db.prepare(`INSERT INTO nodes (${nodeColumns.join(', ')}) VALUES (${nodeColumns.map(() => '?').join(', ')})`);
  const insertEdge = db.prepare('INSERT INTO edges (id, crisis_id, source, target, kind, label, confidence, basis) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertCrisis = db.prepare('INSERT INTO crises (id, title, region, summary, status, viewport_x, viewport_y, viewport_zoom, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertActor = db.prepare('INSERT INTO actors (id, name, code, color, ord) VALUES (?, ?, ?, ?, ?)');
  const stored = (value: unknown): unknown => (typeof value === 'boolean' ? Number(value) : Array.isArray(value) || (value !== null && typeof value === 'object') ? JSON.stringify(value) : value);
  db.transaction(() => {
    const s = doc.scenario;
    db.prepare('INSERT INTO scenario (singleton, title, description, created_at, modified_at, core_actor_ids) VALUES (1, ?, ?, ?, ?, ?)').run(s.title, s.description, s.createdAt, s.modifiedAt, JSON.stringify(s.coreActorIds));
    for (const a of doc.actors) insertActor.run(a.id, a.name, a.code, a.color, a.order);
    for (const c of doc.crises) insertCrisis.run(c.id, c.title, c.region, c.summary, c.status, c.viewport.x, c.viewport.y, c.viewport.zoom, c.order);
    for (const n of doc.nodes) insertNode.run(NODE_TABLE.map((c) => stored(n[c.field])));
    for (const e of doc.edges) insertEdge.run(e.id, e.crisisId, e.source, e.target, e.kind, e.label, e.confidence, JSON.stringify(e.basis));
  })();
  db.close();
}

/** Raw peer of open+load: open the file and SELECT the same rows, with no checks or mapping. */
function rawLoad(path: string): number {
  const db = new Database(path, { readonly: true });
  let rows = 0;
  // The same rows in the same (canonical) order the store returns them.
  const queries = [
    'SELECT * FROM scenario', 'SELECT * FROM actors ORDER BY ord, id', 'SELECT * FROM crises ORDER BY ord, id', 'SELECT * FROM nodes ORDER BY id',
    'SELECT * FROM edges ORDER BY id', 'SELECT * FROM stances ORDER BY actor_id, element_id', 'SELECT * FROM sources ORDER BY id', 'SELECT * FROM provenance ORDER BY id',
  ];
  for (const sql of queries) rows += db.prepare(sql).all().length;
  db.close();
  return rows;
}

function openOrThrow(path: string): ScenarioStore {
  const opened = openScenarioFile(path);
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.message}`);
  return opened.store;
}

interface Row {
  measurement: string;
  store: number[];
  raw: number[];
  target: number;
}

async function measureEdits(dir: string, sizes: number[], commits: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of sizes) {
    const doc = syntheticDocument(size);
    const storePath = join(dir, `edit-store-${size}.scenario`);
    const rawPath = join(dir, `edit-raw-${size}.scenario`);
    const created = createScenarioFile(storePath, { title: 'x', document: doc });
    if (!created.ok) throw new Error(created.error.message);
    const store = created.store;
    const copy = createScenarioFile(rawPath, { title: 'x', document: doc });
    if (!copy.ok) throw new Error(copy.error.message);
    copy.store.close();
    const raw = new Database(rawPath);
    raw.pragma('locking_mode = EXCLUSIVE');
    raw.pragma('journal_mode = DELETE');
    raw.pragma('synchronous = FULL');
    const rename = raw.prepare('UPDATE nodes SET title = ? WHERE id = ?');
    const storeTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < commits; i++) {
      const id = doc.nodes[(i * 7919) % doc.nodes.length]!.id;
      let t = now();
      store.apply([{ op: 'node.update', id, patch: { title: `Renamed ${i}` } }]);
      storeTimes.push(now() - t);
      t = now();
      rename.run(`Renamed ${i}`, id);
      rawTimes.push(now() - t);
    }
    store.close();
    raw.close();
    rows.push({ measurement: `one edit commit (rename a node), ${size.toLocaleString('en')} nodes`, store: storeTimes, raw: rawTimes, target: 1.5 });
  }
  return rows;
}

async function measureImport(dir: string, rounds: number): Promise<{ row: Row; doc: ScenarioDocument; path: string }> {
  const doc = syntheticDocument(20_000);
  const storeTimes: number[] = [];
  const rawTimes: number[] = [];
  let keep = '';
  for (let i = 0; i < rounds; i++) {
    const storePath = join(dir, `import-store-${i}.scenario`);
    let t = now();
    const created = createScenarioFile(storePath, { title: 'x', document: doc });
    if (!created.ok) throw new Error(created.error.message);
    created.store.close();
    storeTimes.push(now() - t);
    t = now();
    rawImport(join(dir, `import-raw-${i}.scenario`), doc);
    rawTimes.push(now() - t);
    keep = storePath;
  }
  return { row: { measurement: `bulk import, ${doc.nodes.length.toLocaleString('en')} nodes + ${doc.edges.length.toLocaleString('en')} edges`, store: storeTimes, raw: rawTimes, target: 1.3 }, doc, path: keep };
}

async function measureLoad(path: string, rounds: number): Promise<Row> {
  const storeTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = now();
    const store = openOrThrow(path);
    const doc = store.load();
    store.close();
    storeTimes.push(now() - t);
    t = now();
    const rows = rawLoad(path);
    rawTimes.push(now() - t);
    if (rows < doc.nodes.length) throw new Error('raw peer read fewer rows');
  }
  return { measurement: 'open and load, 20,000-node file', store: storeTimes, raw: rawTimes, target: 1.2 };
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'swb-bench-'));
  try {
    const edits = await measureEdits(dir, [100, 2_000, 20_000], 200);
    const imported = await measureImport(dir, 7);
    const load = await measureLoad(imported.path, 25);
    const rows = [...edits, imported.row, load];
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));
    const lines = [
      '| measurement | store (median ms) | raw better-sqlite3 (median ms) | ratio of medians | ratio of fastest runs | target | met (medians) |',
      '|---|---:|---:|---:|---:|---:|:---:|',
      ...rows.map((r) => {
        const ratio = median(r.store) / median(r.raw);
        const best = Math.min(...r.store) / Math.min(...r.raw);
        return `| ${r.measurement} | ${fmt(median(r.store))} | ${fmt(median(r.raw))} | ${ratio.toFixed(2)}× | ${best.toFixed(2)}× | ≤ ${r.target}× | ${ratio <= r.target ? 'yes' : 'no'} |`;
      }),
      `| peak RSS of the benchmark process | ${peakRssMb.toFixed(0)} MB | | | | reported | |`,
    ];
    const editRatios = edits.map((r) => median(r.store) / median(r.raw));
    const markdown = [
      `Run ${new Date().toISOString()} on Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs, SQLite ${(new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v}, temp folder ${tmpdir()}.`,
      'Both sides use journal_mode=DELETE, synchronous=FULL and exclusive locking; each edit is its own durable commit.',
      'The store side includes op validation, the inverse, the modifiedAt bump and the file-identity check (edits);',
      'document validation, temp file, fsync and link into place, then open (import); and the header, the structural quick_check, the schema comparison',
      'and the validation of every row against the domain schema and the connection rules (open+load). The raw peer opens the file and SELECTs every row',
      'of every table, in the order the store returns them, as objects, with no checks.',
      '',
      ...lines,
      '',
      `Edit ratio across sizes: ${editRatios.map((x) => x.toFixed(2)).join(' / ')} (100 / 2k / 20k nodes).`,
      '',
    ].join('\n');
    return { title: 'Scenario file store', markdown };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((r) => process.stdout.write(r.markdown), (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
