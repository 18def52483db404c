/** Shared test fixtures for db/: temp folders, hashes and a document that uses every kind of record. */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { copyFileSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankNode, DEFAULT_ACTORS, DOCUMENT_FORMAT_VERSION, type GraphNode, type ScenarioDocument } from '../../../core/model';
import { createScenarioFile } from '../../../db';
import type { ScenarioStore } from '../../../db';

export function tempDir(prefix = 'swb-db-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Files SQLite left beside the database (journals, WAL, shared memory). */
export function sideFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => /-(journal|wal|shm)$/.test(f));
}

export function node(kind: GraphNode['kind'], crisisId: string, id: string, extra: Partial<GraphNode> = {}): GraphNode {
  return { ...blankNode(kind, crisisId, id, { x: 10, y: 20 }), ...extra };
}

/** A small scenario that has at least one of everything the format stores. */
export function richDocument(): ScenarioDocument {
  const at = '2026-01-02T03:04:05.000Z';
  const c = 'crisis-a';
  return {
    format: 'scenario-workbench',
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title: 'Strait contingency', description: 'Planning notes', createdAt: at, modifiedAt: at, coreActorIds: ['us', 'jp', 'kr', 'cn'],
      author: 'Planning cell', marking: 'OFFICIAL', markingCaveat: 'REL TO USA, JPN',
      exportAudience: { actorIds: ['us', 'jp'], notes: false, reportOnly: true, crisisIds: null }, asOf: '2016-06-30', language: 'ja',
    },
    actors: [...DEFAULT_ACTORS.map((a) => ({ ...a })), { id: 'asean', name: 'ASEAN', code: 'ASEAN', color: '#123456', order: 4 }],
    crises: [
      { id: c, title: 'Blockade', region: 'East Asia', summary: 'A maritime blockade', status: 'active', viewport: { x: 1.5, y: -2, zoom: 0.75 }, order: 0 },
      { id: 'crisis-b', title: 'Pandemic', region: '', summary: '', status: 'draft', viewport: { x: 0, y: 0, zoom: 1 }, order: 1 },
    ],
    nodes: [
      node('trigger', c, 'n-trigger', { tags: ['naval', 'escalation'], likelihood: 4, horizon: 'weeks', basis: { likelihood: 'report', horizon: 'assumption' } }),
      node('crisis', c, 'n-crisis', { description: '<script>alert(1)</script> ‏RTL 危機 🚢' }),
      node('impact', c, 'n-impact', { severity: 5, basis: { severity: 'inferred' }, gapAccepted: 'Nothing the four can do contains it' }),
      node('impact', c, 'n-impact2', { severity: 2 }),
      node('response', c, 'n-response', {
        leadActorId: 'jp', supportingActorIds: ['us', 'asean'], responseStatus: 'agreed', leadTime: 'days',
        basis: { leadActorId: 'planner', responseStatus: 'report', leadTime: 'assumption' }, statusAsOf: '2016-06-15',
      }),
      node('response', c, 'n-response2', { leadActorId: 'asean', supportingActorIds: [], responseStatus: 'idea', basis: { leadActorId: 'planner', responseStatus: 'planner' } }),
      node('trigger', 'crisis-b', 'n-b-trigger', { unavertable: true, gapAccepted: 'A typhoon: warn, do not avert' }),
    ],
    edges: [
      { id: 'e-1', crisisId: c, source: 'n-trigger', target: 'n-crisis', kind: 'leads-to', label: 'may cause', confidence: 'high', basis: { kind: 'report', confidence: 'inferred' } },
      { id: 'e-2', crisisId: c, source: 'n-crisis', target: 'n-impact', kind: 'leads-to', label: '', confidence: null, basis: {} },
      { id: 'e-3', crisisId: c, source: 'n-impact', target: 'n-impact2', kind: 'leads-to', label: 'cascade', confidence: 'low', basis: {} },
      { id: 'e-4', crisisId: c, source: 'n-response', target: 'n-impact', kind: 'contains', label: '', confidence: 'medium', basis: { kind: 'planner', confidence: 'planner' } },
      { id: 'e-5', crisisId: c, source: 'n-response2', target: 'n-trigger', kind: 'averts', label: '', confidence: null, basis: {} },
    ],
    stances: [
      { actorId: 'asean', elementId: 'n-response', position: 'uncertain', note: '', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null },
      { actorId: 'cn', elementId: 'n-trigger', position: 'disagree', note: 'Rejects the premise', holder: 'official', asOf: '2016-07-12', basis: 'report', provenanceId: 'p-1' },
      { actorId: 'jp', elementId: 'n-response', position: 'unknown', note: 'Awaiting cabinet', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null },
      { actorId: 'us', elementId: 'n-trigger', position: 'agree', note: '', holder: 'participant', asOf: null, basis: 'inferred', provenanceId: null },
    ],
    sources: [
      { id: 's-1', title: 'Tokyo meeting report', author: 'Secretariat', date: '2016', citation: 'Report, p. 1-40' },
      { id: 's-2', title: 'Think tank brief', author: '', date: '', citation: '' },
    ],
    provenance: [
      { id: 'p-1', elementId: 'n-trigger', sourceId: 's-1', locator: 'p. 12', quote: 'naval incidents rose', relation: 'supports' },
      { id: 'p-2', elementId: 'n-impact', sourceId: 's-2', locator: '§3', quote: '', relation: 'contradicts' },
    ],
  };
}

export function createRich(dir: string, name = 'rich.scenario'): ScenarioStore {
  const result = createScenarioFile(join(dir, name), { title: 'ignored', document: richDocument() });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.store;
}

/** The document minus the one field every edit changes. */
export function withoutModifiedAt(doc: ScenarioDocument): unknown {
  return { ...doc, scenario: { ...doc.scenario, modifiedAt: '(aside)' } };
}

/** A small deterministic PRNG (mulberry32) so a failing randomized run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every file in a folder (the scenario and anything beside it, hidden temp files included) by
 * name, with the sha256 of its bytes: compare before and after a refusal to prove nothing
 * changed, appeared or vanished.
 */
export function folderHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = lstatSync(path).isFile() ? sha256(path) : 'not a regular file';
  }
  return out;
}

/**
 * A `-wal` made by another copy of `path`: the copy is switched to WAL mode and edited by
 * `edit` while its connection is open, and its -wal (and -shm) are taken before it closes.
 * Placed beside `path`, SQLite would apply them to it.
 */
export function plantForeignWal(path: string, edit: (db: Database.Database) => void, withShm = true): void {
  const copy = `${path}.other-copy`;
  copyFileSync(path, copy);
  const db = new Database(copy);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  edit(db);
  copyFileSync(`${copy}-wal`, `${path}-wal`);
  if (withShm) copyFileSync(`${copy}-shm`, `${path}-shm`);
  db.close();
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
}
