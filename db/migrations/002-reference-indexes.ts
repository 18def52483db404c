/**
 * Version 2: indexes on every reference column. Without them, deleting a node or actor makes
 * SQLite scan whole tables for foreign-key checks, so an edit costs O(file size).
 */
import type { Migration } from './types';

export const referenceIndexes: Migration = {
  version: 2,
  name: 'reference-indexes',
  up(db) {
    db.exec(`
CREATE INDEX nodes_by_crisis ON nodes(crisis_id);
CREATE INDEX nodes_by_lead_actor ON nodes(lead_actor_id) WHERE lead_actor_id IS NOT NULL;
CREATE INDEX edges_by_crisis ON edges(crisis_id);
CREATE INDEX edges_by_source ON edges(source);
CREATE INDEX edges_by_target ON edges(target);
CREATE INDEX stances_by_element ON stances(element_id);
CREATE INDEX provenance_by_element ON provenance(element_id);
CREATE INDEX provenance_by_source ON provenance(source_id);
`);
  },
};
