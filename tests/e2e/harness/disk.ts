/**
 * Reads a scenario file as it is on disk while the app still holds it open. The app keeps
 * SQLite's exclusive lock, so a copy of the bytes is read instead: every acknowledged edit is
 * committed to the main file (journal mode DELETE), so the copy is exactly what is on disk.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function readOnDisk<T>(path: string, read: (db: Database.Database) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sw-disk-'));
  const copy = join(dir, 'copy.scenario');
  copyFileSync(path, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function nodeRows(path: string): { id: string; kind: string; title: string; crisis_id: string }[] {
  return readOnDisk(path, (db) => db.prepare('SELECT id, kind, title, crisis_id FROM nodes ORDER BY rowid').all() as never);
}

const TABLES = ['scenario', 'actors', 'crises', 'nodes', 'edges', 'stances', 'sources', 'provenance'] as const;

/** Every row of every document table, in a stable order; the scenario's modified time is left out. */
export function dumpScenario(path: string): Record<string, unknown[]> {
  return readOnDisk(path, (db) => {
    const dump: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      dump[table] = rows
        .map((row) => {
          const { modified_at: _modified, ...rest } = row;
          return table === 'scenario' ? rest : row;
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return dump;
  });
}
