/**
 * Version 1: the base schema. Every table is STRICT and carries CHECK constraints that mirror
 * the core/ zod schemas, so a file that passes quick_check already has the shape load() relies on.
 */
import type { Migration } from './types';

const NODE_KINDS = "'trigger','crisis','impact','response'";
const HORIZONS = "'hours','days','weeks','months','years'";
export const ID = (col: string): string => `length(${col}) BETWEEN 1 AND 64 AND ${col} NOT GLOB '*[^A-Za-z0-9_-]*'`;
export const TIMESTAMP = (col: string): string =>
  `length(${col}) BETWEEN 20 AND 40 AND ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]*'`;
const JSON_ARRAY = (col: string): string => `json_valid(${col}) AND json_type(${col}) = 'array'`;

export const baseSchema: Migration = {
  version: 1,
  name: 'base-schema',
  up(db) {
    db.exec(`
CREATE TABLE scenario (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description TEXT NOT NULL CHECK (length(description) <= 20000),
  created_at TEXT NOT NULL CHECK (${TIMESTAMP('created_at')}),
  modified_at TEXT NOT NULL CHECK (${TIMESTAMP('modified_at')}),
  core_actor_ids TEXT NOT NULL CHECK (${JSON_ARRAY('core_actor_ids')})
) STRICT;

CREATE TABLE actors (
  id TEXT PRIMARY KEY CHECK (${ID('id')}),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 12),
  color TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  ord INTEGER NOT NULL CHECK (ord >= 0)
) STRICT;

CREATE TABLE crises (
  id TEXT PRIMARY KEY CHECK (${ID('id')}),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  region TEXT NOT NULL CHECK (length(region) <= 200),
  summary TEXT NOT NULL CHECK (length(summary) <= 20000),
  status TEXT NOT NULL CHECK (status IN ('draft','active','monitoring','archived')),
  viewport_x REAL NOT NULL CHECK (abs(viewport_x) <= 1e7),
  viewport_y REAL NOT NULL CHECK (abs(viewport_y) <= 1e7),
  viewport_zoom REAL NOT NULL CHECK (viewport_zoom BETWEEN 0.01 AND 10),
  ord INTEGER NOT NULL CHECK (ord >= 0)
) STRICT;

CREATE TABLE nodes (
  id TEXT PRIMARY KEY CHECK (${ID('id')}),
  crisis_id TEXT NOT NULL REFERENCES crises(id),
  kind TEXT NOT NULL CHECK (kind IN (${NODE_KINDS})),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description TEXT NOT NULL CHECK (length(description) <= 20000),
  tags TEXT NOT NULL CHECK (${JSON_ARRAY('tags')} AND json_array_length(tags) <= 50),
  x REAL NOT NULL CHECK (abs(x) <= 1e7),
  y REAL NOT NULL CHECK (abs(y) <= 1e7),
  width REAL NOT NULL CHECK (width BETWEEN 1 AND 10000),
  height REAL NOT NULL CHECK (height BETWEEN 1 AND 10000),
  likelihood INTEGER CHECK (likelihood IS NULL OR (likelihood BETWEEN 1 AND 5 AND kind IN ('trigger','crisis'))),
  severity INTEGER CHECK (severity IS NULL OR (severity BETWEEN 1 AND 5 AND kind = 'impact')),
  horizon TEXT CHECK (horizon IN (${HORIZONS})),
  lead_actor_id TEXT REFERENCES actors(id) CHECK (lead_actor_id IS NULL OR kind = 'response'),
  supporting_actor_ids TEXT NOT NULL CHECK (${JSON_ARRAY('supporting_actor_ids')} AND (kind = 'response' OR supporting_actor_ids = '[]')),
  response_status TEXT CHECK (response_status IS NULL OR (response_status IN ('idea','proposed','agreed','in-place') AND kind = 'response')),
  lead_time TEXT CHECK (lead_time IS NULL OR (lead_time IN (${HORIZONS}) AND kind = 'response'))
) STRICT;

CREATE TABLE edges (
  id TEXT PRIMARY KEY CHECK (${ID('id')}),
  crisis_id TEXT NOT NULL REFERENCES crises(id),
  source TEXT NOT NULL REFERENCES nodes(id),
  target TEXT NOT NULL REFERENCES nodes(id),
  kind TEXT NOT NULL CHECK (kind IN ('leads-to','averts','contains')),
  label TEXT NOT NULL CHECK (length(label) <= 200),
  confidence TEXT CHECK (confidence IN ('low','medium','high')),
  CHECK (source <> target)
) STRICT;

CREATE TABLE stances (
  actor_id TEXT NOT NULL REFERENCES actors(id),
  element_id TEXT NOT NULL REFERENCES nodes(id),
  position TEXT NOT NULL CHECK (position IN ('agree','disagree','uncertain','unknown')),
  note TEXT NOT NULL CHECK (length(note) <= 20000),
  PRIMARY KEY (actor_id, element_id),
  CHECK (position <> 'unknown' OR note <> '')
) STRICT;

CREATE TABLE sources (
  id TEXT PRIMARY KEY CHECK (${ID('id')}),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  author TEXT NOT NULL CHECK (length(author) <= 200),
  date TEXT NOT NULL CHECK (length(date) <= 200),
  citation TEXT NOT NULL CHECK (length(citation) <= 20000)
) STRICT;

CREATE TABLE provenance (
  id TEXT PRIMARY KEY CHECK (${ID('id')}),
  element_id TEXT NOT NULL REFERENCES nodes(id),
  source_id TEXT NOT NULL REFERENCES sources(id),
  locator TEXT NOT NULL CHECK (length(locator) <= 200),
  quote TEXT NOT NULL CHECK (length(quote) <= 4000)
) STRICT;
`);
  },
};
