/**
 * Version 3: named snapshots of the whole scenario kept inside the file, and the lineage of a
 * copy made for review (which snapshot it was made from), so two copies can find their common
 * base when they are merged. A snapshot holds the document as compact JSON in the lossless
 * JSON format (docs/file-format.md), validated in full whenever it is read.
 */
import { ID, TIMESTAMP } from './001-base-schema';
import type { Migration } from './types';

export const snapshots: Migration = {
  version: 3,
  name: 'snapshots',
  up(db) {
    db.exec(`
CREATE TABLE snapshots (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (${ID('id')}),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  created_at TEXT NOT NULL CHECK (${TIMESTAMP('created_at')}),
  kind TEXT NOT NULL CHECK (kind IN ('manual','copy','before-merge','before-restore')),
  author TEXT NOT NULL CHECK (length(author) <= 120),
  document TEXT NOT NULL CHECK (json_valid(document))
) STRICT;

CREATE TABLE lineage (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  snapshot_id TEXT NOT NULL REFERENCES snapshots(id) ON DELETE RESTRICT,
  copied_from TEXT NOT NULL CHECK (length(copied_from) <= 4096),
  copied_at TEXT NOT NULL CHECK (${TIMESTAMP('copied_at')})
) STRICT;
`);
  },
};
