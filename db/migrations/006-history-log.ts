/**
 * Version 6: the undo history kept in the file, so undo and redo survive closing and reopening.
 * One row per undo step, in order (`seq`): the steps that can be undone are `done`, those that
 * can be redone `undone` (always after every `done` row). A step holds the ops that redo it and
 * the ops that undo it, as JSON arrays of document operations (core/ops.ts), with when and by
 * whom it was made. The app keeps the table within HISTORY_BOUND (core/history.ts).
 */
import { TIMESTAMP } from './001-base-schema';
import type { Migration } from './types';

const OP_LIST = (col: string): string => `json_valid(${col}) AND json_type(${col}) = 'array' AND json_array_length(${col}) >= 1`;

export const historyLog: Migration = {
  version: 6,
  name: 'history-log',
  up(db) {
    db.exec(`
CREATE TABLE history (
  seq INTEGER PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('done','undone')),
  at TEXT NOT NULL CHECK (${TIMESTAMP('at')}),
  author TEXT NOT NULL CHECK (length(author) <= 120),
  redo TEXT NOT NULL CHECK (${OP_LIST('redo')}),
  undo TEXT NOT NULL CHECK (${OP_LIST('undo')})
) STRICT;
`);
  },
};
