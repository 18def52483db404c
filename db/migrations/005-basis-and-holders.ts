/**
 * Version 4: where each judgement comes from (issue 11). Nodes and edges gain a `basis` JSON
 * object (field → report | inferred | assumption | planner); stances gain who holds them, as of
 * when, on what basis and which quote they cite; quotes gain how they bear on their element;
 * the scenario and response statuses gain as-of dates; gaps can be accepted and triggers marked
 * unavertable. Values already in a file were entered by its users, so they become `planner`,
 * stances the analyst's estimate, and quotes supporting.
 */
import type { Migration } from './types';

const ISO_DATE = (col: string): string => `${col} IS NULL OR (length(${col}) = 10 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
const JSON_OBJECT = (col: string): string => `json_valid(${col}) AND json_type(${col}) = 'object'`;
const BASES = "'report','inferred','assumption','planner'";

/** Node columns that hold a judged value, by the basis key that names them. */
const NODE_JUDGED_COLUMNS = [
  ['likelihood', 'likelihood'], ['severity', 'severity'], ['horizon', 'horizon'],
  ['leadActorId', 'lead_actor_id'], ['responseStatus', 'response_status'], ['leadTime', 'lead_time'],
] as const;

export const basisAndHolders: Migration = {
  version: 5,
  name: 'basis-and-holders',
  up(db) {
    db.exec(`
ALTER TABLE scenario ADD COLUMN as_of TEXT CHECK (${ISO_DATE('as_of')});

ALTER TABLE nodes ADD COLUMN basis TEXT NOT NULL DEFAULT '{}' CHECK (${JSON_OBJECT('basis')});
ALTER TABLE nodes ADD COLUMN status_as_of TEXT CHECK ((${ISO_DATE('status_as_of')}) AND (status_as_of IS NULL OR kind = 'response'));
ALTER TABLE nodes ADD COLUMN gap_accepted TEXT CHECK (gap_accepted IS NULL OR length(gap_accepted) <= 20000);
ALTER TABLE nodes ADD COLUMN unavertable INTEGER NOT NULL DEFAULT 0 CHECK (unavertable IN (0, 1) AND (unavertable = 0 OR kind = 'trigger'));

ALTER TABLE edges ADD COLUMN basis TEXT NOT NULL DEFAULT '{}' CHECK (${JSON_OBJECT('basis')});

ALTER TABLE stances ADD COLUMN holder TEXT NOT NULL DEFAULT 'analyst' CHECK (holder IN ('official','participant','analyst'));
ALTER TABLE stances ADD COLUMN as_of TEXT CHECK (${ISO_DATE('as_of')});
ALTER TABLE stances ADD COLUMN basis TEXT NOT NULL DEFAULT 'planner' CHECK (basis IN (${BASES}));
ALTER TABLE stances ADD COLUMN provenance_id TEXT REFERENCES provenance(id);
CREATE INDEX stances_by_provenance ON stances(provenance_id) WHERE provenance_id IS NOT NULL;

ALTER TABLE provenance ADD COLUMN relation TEXT NOT NULL DEFAULT 'supports' CHECK (relation IN ('supports','contradicts','context'));

UPDATE edges SET basis = json_object('kind', 'planner');
UPDATE edges SET basis = json_set(basis, '$.confidence', 'planner') WHERE confidence IS NOT NULL;
`);
    for (const [key, column] of NODE_JUDGED_COLUMNS) {
      db.exec(`UPDATE nodes SET basis = json_set(basis, '$.${key}', 'planner') WHERE ${column} IS NOT NULL`);
    }
  },
};
