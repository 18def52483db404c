/**
 * Recovering a damaged scenario into a new file: what can be read is kept exactly, what cannot
 * is reported, the result is a sound scenario, and the damaged file is never changed.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDocument } from '../../../bench/fixtures';
import type { ScenarioDocument } from '../../../core/model';
import { canonicalDocument, checkScenarioFile, createScenarioFile, openScenarioFile, salvageScenarioFile, salvageSummary } from '../../../db';
import { createRich, richDocument, sha256, sideFiles, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

function bigFile(name: string): { path: string; doc: ScenarioDocument } {
  const doc = generateDocument({ crises: 3, nodesPerCrisis: 200, edgeFactor: 1.5, seed: 11 });
  const path = join(dir.dir, name);
  const created = createScenarioFile(path, { title: 'x', document: doc });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  return { path, doc };
}

/** Overwrite one leaf page of `table` with garbage, as a failing disk might. */
function garbleLeafPage(path: string, table: string, which: number): void {
  const db = new Database(path, { readonly: true });
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as { pageno: number }[];
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  expect(pages.length).toBeGreaterThan(which);
  const bytes = readFileSync(path);
  const start = (pages[which]!.pageno - 1) * pageSize;
  for (let i = start; i < start + pageSize; i++) bytes[i] = (i * 197 + 13) & 0xff;
  writeFileSync(path, bytes);
}

function recover(source: string, name = 'recovered.scenario') {
  const target = join(dir.dir, name);
  const result = salvageScenarioFile(source, target);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  const doc = result.store.load();
  result.store.close();
  return { target, doc, report: result.report };
}

describe('recovering a damaged scenario', () => {
  it('keeps every readable row exactly, drops what depended on lost rows, and never touches the damaged file', () => {
    const { path, doc: original } = bigFile('damaged.scenario');
    garbleLeafPage(path, 'nodes', 3);
    expect(openScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE' } });
    const before = sha256(path);

    const { target, doc, report } = recover(path);

    expect(sha256(path)).toBe(before);
    expect(sideFiles(dir.dir)).toEqual([]);
    expect(checkScenarioFile(target).ok).toBe(true);
    expect(report.unreadable).toEqual(['nodes']);
    // One page of nodes is lost; the rest are there, unchanged.
    expect(doc.nodes.length).toBeLessThan(original.nodes.length);
    expect(doc.nodes.length).toBeGreaterThan(original.nodes.length * 0.8);
    const originalNodes = new Map(original.nodes.map((n) => [n.id, n]));
    for (const n of doc.nodes) expect(n).toEqual(originalNodes.get(n.id));
    // Edges and stances on lost nodes are left out and counted; the others are kept.
    const kept = new Set(doc.nodes.map((n) => n.id));
    const edgesOnKept = original.edges.filter((e) => kept.has(e.source) && kept.has(e.target));
    expect(doc.edges).toHaveLength(edgesOnKept.length);
    expect(report.dropped.edges).toBe(original.edges.length - edgesOnKept.length);
    expect(doc.stances).toHaveLength(original.stances.filter((st) => kept.has(st.elementId)).length);
    expect(doc.crises).toEqual(original.crises);
    expect(doc.scenario.title).toBe(original.scenario.title);
    expect(salvageSummary(report)).toMatch(new RegExp(`^Recovered 3 crises, ${doc.nodes.length} nodes, ${doc.edges.length} edges, .* Some rows could not be read at all \\(nodes\\)`));
  });

  it('leaves out rows that break the rules, naming each, and keeps the rest as they were', () => {
    createRich(dir.dir, 'planted.scenario').close();
    const path = join(dir.dir, 'planted.scenario');
    const db = new Database(path);
    db.pragma('ignore_check_constraints = ON');
    db.exec(`
      UPDATE nodes SET kind = 'banana' WHERE id = 'n-impact2';
      UPDATE edges SET source = 'n-impact', target = 'n-trigger' WHERE id = 'e-1';
      UPDATE stances SET note = 'x', position = 'maybe' WHERE actor_id = 'cn';`);
    db.close();

    const { doc, report } = recover(path);

    const original = richDocument();
    expect(doc.nodes.map((n) => n.id)).toEqual(original.nodes.map((n) => n.id).filter((id) => id !== 'n-impact2').sort());
    // e-1 breaks the connection rules; e-3 pointed at the node that was left out.
    expect(doc.edges.map((e) => e.id)).toEqual(['e-2', 'e-4', 'e-5']);
    expect(doc.stances.map((st) => st.actorId).sort()).toEqual(['asean', 'jp', 'us']);
    expect(report.dropped).toMatchObject({ nodes: 1, edges: 2, stances: 1 });
    expect(report.problems.join('\n')).toMatch(/node "n-impact2", kind/);
    expect(report.problems.join('\n')).toMatch(/edge "e-1" is left out: An impact cannot connect to a trigger/);
    expect(report.problems.join('\n')).toMatch(/edge "e-3" is left out: its target node was lost/);
    expect(doc.sources).toEqual(original.sources);
    expect(doc.provenance).toEqual(original.provenance);
  });

  it('rebuilds a lost crisis to hold its nodes, and takes a lost title from the file name', () => {
    createRich(dir.dir, 'Yellow Sea.scenario').close();
    const path = join(dir.dir, 'Yellow Sea.scenario');
    const db = new Database(path);
    db.pragma('foreign_keys = OFF');
    db.exec("DELETE FROM crises WHERE id = 'crisis-a'; DELETE FROM scenario; DELETE FROM actors WHERE id = 'asean';");
    db.close();

    const { doc, report } = recover(path);

    expect(doc.scenario.title).toBe('Yellow Sea (recovered)');
    const rebuilt = doc.crises.find((c) => c.id === 'crisis-a');
    expect(rebuilt).toMatchObject({ title: expect.stringMatching(/^Recovered crisis/), status: 'draft' });
    expect(doc.nodes.filter((n) => n.crisisId === 'crisis-a')).toHaveLength(6);
    // ASEAN was lost: its lead is cleared and its stance left out; the node stays.
    expect(doc.nodes.find((n) => n.id === 'n-response2')?.leadActorId).toBeNull();
    expect(doc.nodes.find((n) => n.id === 'n-response')?.supportingActorIds).toEqual(['us']);
    expect(doc.stances.some((st) => st.actorId === 'asean')).toBe(false);
    expect(report.problems.join('\n')).toMatch(/crisis "crisis-a" was lost/);
  });

  it('refuses what is not a scenario, and never replaces an existing file', () => {
    const other = join(dir.dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.close();
    const target = join(dir.dir, 'out.scenario');
    expect(salvageScenarioFile(other, target)).toMatchObject({ ok: false, error: { code: 'NOT_A_SCENARIO' } });
    expect(existsSync(target)).toBe(false);

    createRich(dir.dir, 'good.scenario').close();
    writeFileSync(target, 'keep me');
    expect(salvageScenarioFile(join(dir.dir, 'good.scenario'), target)).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('reads only real tables: a view planted under a table name is not evaluated', () => {
    createRich(dir.dir, 'planted-view.scenario').close();
    const path = join(dir.dir, 'planted-view.scenario');
    const db = new Database(path);
    db.pragma('foreign_keys = OFF');
    // An endless view where the edges table was: reading it would never finish.
    db.exec(`DROP TABLE edges; CREATE VIEW edges AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
      SELECT 'e' || i AS id, 'crisis-a' AS crisis_id, 'n-trigger' AS source, 'n-crisis' AS target, 'leads-to' AS kind, '' AS label, NULL AS confidence, i AS rowid FROM n`);
    db.close();
    const { doc, report } = recover(path);
    expect(doc.edges).toEqual([]);
    expect(report.unreadable).toEqual(['edges']);
    expect(doc.nodes).toHaveLength(richDocument().nodes.length);
  });

  it('recovers a sound file whole', () => {
    createRich(dir.dir, 'fine.scenario').close();
    const { doc, report } = recover(join(dir.dir, 'fine.scenario'));
    expect(doc).toEqual(canonicalDocument(richDocument()));
    expect(report.problemCount).toBe(0);
    expect(report.unreadable).toEqual([]);
  });
});
