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
