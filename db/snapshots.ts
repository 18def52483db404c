/**
 * Named snapshots inside a scenario file, and the lineage of a copy made for review. A snapshot
 * is the whole document as compact JSON (the lossless JSON format); reading one validates it in
 * full, like an import, because the file is untrusted.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../core/errors';
import { newId, type ScenarioDocument } from '../core/model';
import { canonicalDocument, parseDocumentJson } from './json';

export const SNAPSHOT_KINDS = ['manual', 'copy', 'before-merge', 'before-restore'] as const;
export type SnapshotKind = (typeof SNAPSHOT_KINDS)[number];

export interface SnapshotInfo {
  id: string;
  name: string;
  createdAt: string;
  kind: SnapshotKind;
  author: string;
}

export interface Lineage {
  /** The snapshot this file was copied at: present in both files, so it is their common base. */
  snapshotId: string;
  /** The file name of the original when the copy was made (for display only). */
  copiedFrom: string;
  copiedAt: string;
}

interface SnapshotRow {
  id: string;
  name: string;
  created_at: string;
  kind: SnapshotKind;
  author: string;
}

const toInfo = (row: SnapshotRow): SnapshotInfo => ({ id: row.id, name: row.name, createdAt: row.created_at, kind: row.kind, author: row.author });

export const MAX_SNAPSHOT_NAME = 300;

export function createSnapshot(
  db: Database, doc: ScenarioDocument, init: { name: string; kind: SnapshotKind; author: string; at: string },
): SnapshotInfo {
  const name = init.name.trim().slice(0, MAX_SNAPSHOT_NAME);
  if (name === '') throw new AppError('INVALID_DATA', 'A snapshot needs a name.');
  const id = newId();
  db.prepare('INSERT INTO snapshots (id, name, created_at, kind, author, document) VALUES (?, ?, ?, ?, ?, ?)').run(
    id, name, init.at, init.kind, init.author.slice(0, 120), JSON.stringify(canonicalDocument(doc)),
  );
  return { id, name, createdAt: init.at, kind: init.kind, author: init.author.slice(0, 120) };
}

/** Newest first. */
export function listSnapshots(db: Database): SnapshotInfo[] {
  return (db.prepare('SELECT id, name, created_at, kind, author FROM snapshots ORDER BY seq DESC').all() as SnapshotRow[]).map(toInfo);
}

/** A snapshot by id, or by name when no id matches (the newest of that name). */
export function findSnapshot(db: Database, idOrName: string): SnapshotInfo {
  const row = (db.prepare('SELECT id, name, created_at, kind, author FROM snapshots WHERE id = ?').get(idOrName) ??
    db.prepare('SELECT id, name, created_at, kind, author FROM snapshots WHERE name = ? ORDER BY seq DESC LIMIT 1').get(idOrName)) as SnapshotRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `No snapshot named "${idOrName}" in this scenario.`);
  return toInfo(row);
}

export function readSnapshot(db: Database, id: string): ScenarioDocument {
  const row = db.prepare('SELECT name, document FROM snapshots WHERE id = ?').get(id) as { name: string; document: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'That snapshot is no longer in this scenario.');
  const parsed = parseDocumentJson(row.document);
  if (!parsed.ok) throw new AppError('DAMAGED_FILE', `The snapshot "${row.name}" is damaged: ${parsed.error.message}`);
  return parsed.document;
}

export function deleteSnapshot(db: Database, id: string): void {
  const lineage = readLineage(db);
  if (lineage?.snapshotId === id) {
    throw new AppError('INVALID_DATA', 'This snapshot is the one this copy was made from: it is the common base for merging the copy back. It cannot be deleted.');
  }
  const result = db.prepare('DELETE FROM snapshots WHERE id = ?').run(id);
  if (result.changes === 0) throw new AppError('NOT_FOUND', 'That snapshot is no longer in this scenario.');
}

export function readLineage(db: Database): Lineage | null {
  const row = db.prepare('SELECT snapshot_id, copied_from, copied_at FROM lineage WHERE singleton = 1').get() as
    | { snapshot_id: string; copied_from: string; copied_at: string }
    | undefined;
  return row ? { snapshotId: row.snapshot_id, copiedFrom: row.copied_from, copiedAt: row.copied_at } : null;
}

/** `schema` names an attached database (a copy being written), or 'main'. */
export function writeLineage(db: Database, lineage: Lineage, schema = 'main'): void {
  db.prepare(`INSERT OR REPLACE INTO "${schema}".lineage (singleton, snapshot_id, copied_from, copied_at) VALUES (1, ?, ?, ?)`).run(
    lineage.snapshotId, lineage.copiedFrom.slice(0, 4096), lineage.copiedAt,
  );
}

/**
 * The most recent snapshot two files share (same id: one was copied from the other, or both from
 * a third): the base of a three-way merge. Null when they share none.
 */
export function commonBase(ours: readonly SnapshotInfo[], theirs: readonly SnapshotInfo[]): SnapshotInfo | null {
  const theirIds = new Set(theirs.map((s) => s.id));
  let best: SnapshotInfo | null = null;
  for (const s of ours) if (theirIds.has(s.id) && (!best || s.createdAt > best.createdAt)) best = s;
  return best;
}
