/**
 * Version 4: how a scenario is handled outside the app (issue 17). The scenario record gains
 * its author (for a brief's cover), its handling marking and caveat line (printed on every
 * export; '' = unmarked), and the audience its last export was cut for (a JSON object, or NULL
 * before the first). Existing files stay unmarked: nobody has chosen a marking for them yet.
 */
import type { Migration } from './types';

const ONE_LINE = (col: string, max: number): string => `length(${col}) <= ${max} AND ${col} NOT GLOB '*[' || char(10) || char(13) || ']*'`;

export const handlingMarking: Migration = {
  version: 4,
  name: 'handling-marking',
  up(db) {
    db.exec(`
ALTER TABLE scenario ADD COLUMN author TEXT NOT NULL DEFAULT '' CHECK (length(author) <= 200);
ALTER TABLE scenario ADD COLUMN marking TEXT NOT NULL DEFAULT '' CHECK (${ONE_LINE('marking', 80)});
ALTER TABLE scenario ADD COLUMN marking_caveat TEXT NOT NULL DEFAULT '' CHECK (${ONE_LINE('marking_caveat', 200)});
ALTER TABLE scenario ADD COLUMN export_audience TEXT CHECK (export_audience IS NULL OR (json_valid(export_audience) AND json_type(export_audience) = 'object'));
`);
  },
};
