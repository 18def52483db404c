/**
 * The nodes table, once: each GraphNode field with its column and how SQLite stores it, in the
 * table's column order. Everything that names node columns derives from this list: the SELECT
 * and its aliases, the INSERT's column list and parameters (by position), the per-field UPDATEs
 * of the hot edit path, and the readers of a node row, whether the driver gives it as an object
 * or as an array.
 */
import { AppError } from '../core/errors';
import type { GraphNode, NodePatch } from '../core/model';

/** As is; a JSON list of strings; a JSON object; or 0/1 for a boolean. */
type Storage = 'plain' | 'list' | 'object' | 'flag';

interface NodeColumn {
  field: keyof GraphNode;
  column: string;
  storage: Storage;
}

export const NODE_TABLE = [
  { field: 'id', column: 'id', storage: 'plain' },
  { field: 'crisisId', column: 'crisis_id', storage: 'plain' },
  { field: 'kind', column: 'kind', storage: 'plain' },
  { field: 'title', column: 'title', storage: 'plain' },
  { field: 'description', column: 'description', storage: 'plain' },
  { field: 'tags', column: 'tags', storage: 'list' },
  { field: 'x', column: 'x', storage: 'plain' },
  { field: 'y', column: 'y', storage: 'plain' },
  { field: 'width', column: 'width', storage: 'plain' },
  { field: 'height', column: 'height', storage: 'plain' },
  { field: 'likelihood', column: 'likelihood', storage: 'plain' },
  { field: 'severity', column: 'severity', storage: 'plain' },
  { field: 'horizon', column: 'horizon', storage: 'plain' },
  { field: 'leadActorId', column: 'lead_actor_id', storage: 'plain' },
  { field: 'supportingActorIds', column: 'supporting_actor_ids', storage: 'list' },
  { field: 'responseStatus', column: 'response_status', storage: 'plain' },
  { field: 'leadTime', column: 'lead_time', storage: 'plain' },
  { field: 'basis', column: 'basis', storage: 'object' },
  { field: 'statusAsOf', column: 'status_as_of', storage: 'plain' },
  { field: 'gapAccepted', column: 'gap_accepted', storage: 'plain' },
  { field: 'unavertable', column: 'unavertable', storage: 'flag' },
] as const satisfies readonly NodeColumn[];

type TableField = (typeof NODE_TABLE)[number]['field'];
/** Compile-time completeness: a GraphNode field without a column here is a type error. */
const everyFieldHasAColumn: Exclude<keyof GraphNode, TableField> extends never ? true : never = true;
void everyFieldHasAColumn;

/** The fields a node keeps for life; every other field is a patchable column (NodePatch). */
const FIXED_FIELDS: ReadonlySet<string> = new Set<keyof GraphNode>(['id', 'crisisId', 'kind']);
export type NodeField = keyof NodePatch;

/** `SELECT id, crisis_id AS crisisId, …`: the rows come back under the domain's field names. */
export const SELECT_NODE = `SELECT ${NODE_TABLE.map((c) => (c.column === c.field ? c.column : `${c.column} AS ${c.field}`)).join(', ')} FROM nodes`;

export const INSERT_NODE = `INSERT INTO nodes (${NODE_TABLE.map((c) => c.column).join(', ')}) VALUES (${NODE_TABLE.map(() => '?').join(', ')})`;

/** Each patchable field and its column: one single-column UPDATE each (statements.ts). */
export const NODE_FIELD_COLUMNS = NODE_TABLE.filter((c) => !FIXED_FIELDS.has(c.field)).map((c) => [c.field as NodeField, c.column] as const);

const STORAGE_OF = new Map<string, Storage>(NODE_TABLE.map((c) => [c.field, c.storage]));

/** A node value as its column stores it. */
export function encodeNodeField(field: keyof GraphNode, value: unknown): string | number | null {
  return encode(STORAGE_OF.get(field) ?? 'plain', value);
}

function encode(storage: Storage, value: unknown): string | number | null {
  if (storage === 'list' || storage === 'object') return JSON.stringify(value);
  if (storage === 'flag') return value ? 1 : 0;
  return value as string | number | null;
}

/** The INSERT's parameters, in column order. */
export function nodeParams(node: GraphNode): (string | number | null)[] {
  const out = new Array<string | number | null>(NODE_TABLE.length);
  for (let i = 0; i < NODE_TABLE.length; i++) {
    const c = NODE_TABLE[i]!;
    out[i] = encode(c.storage, node[c.field]);
  }
  return out;
}

/** Each field's column position, from the table. */
const AT = Object.fromEntries(NODE_TABLE.map((c, i) => [c.field, i])) as Record<TableField, number>;

/**
 * A node from its stored cells, `cells[AT.field]` being that field's column. Written out as one
 * object literal rather than a loop over the table (a loop of keyed stores is several times
 * slower on the load path); `Record<TableField, unknown>` makes the literal name every field of
 * the table and nothing else. JSON that does not parse is damage, reported with the node and the
 * column; whether the values are right is for the caller's validation (file rows are untrusted).
 */
function decodeNode(r: readonly unknown[]): Record<TableField, unknown> {
  return {
    id: r[AT.id], crisisId: r[AT.crisisId], kind: r[AT.kind], title: r[AT.title], description: r[AT.description],
    tags: decodeJson(r[AT.tags], 'list', r[AT.id], 'tags'),
    x: r[AT.x], y: r[AT.y], width: r[AT.width], height: r[AT.height],
    likelihood: r[AT.likelihood], severity: r[AT.severity], horizon: r[AT.horizon], leadActorId: r[AT.leadActorId],
    supportingActorIds: decodeJson(r[AT.supportingActorIds], 'list', r[AT.id], 'supporting actors'),
    responseStatus: r[AT.responseStatus], leadTime: r[AT.leadTime],
    basis: decodeJson(r[AT.basis], 'object', r[AT.id], 'basis'),
    statusAsOf: r[AT.statusAsOf], gapAccepted: r[AT.gapAccepted],
    unavertable: r[AT.unavertable] === 0 ? false : r[AT.unavertable] === 1 ? true : r[AT.unavertable],
  };
}

/** A raw row (an array in column order), as whole-table reads return it. Not yet validated. */
export const nodeFromCells = (cells: readonly unknown[]): unknown => decodeNode(cells);

/**
 * A row object from SELECT_NODE (its keys are the field names), read back by the store inside an
 * edit: the file passed the whole-document check when it opened and every write since was
 * validated, so the row is taken as a node.
 */
export function nodeFromRow(row: Readonly<Record<string, unknown>>): GraphNode {
  return decodeNode(NODE_TABLE.map((c) => row[c.field])) as GraphNode;
}

/**
 * A JSON list or object column. The empty value is by far the most common, so it skips the
 * parser. Text that is not JSON is damage, reported with the node's id and the column (`what`).
 */
function decodeJson(text: unknown, storage: 'list' | 'object', id: unknown, what: string): unknown {
  if (text === (storage === 'list' ? '[]' : '{}')) return storage === 'list' ? [] : {};
  if (typeof text === 'string') {
    try {
      return JSON.parse(text);
    } catch {
      // fall through to the damage report
    }
  }
  throw new AppError('DAMAGED_FILE', `The scenario file is damaged: node "${String(id)}", ${what} is not a JSON ${storage === 'list' ? 'list' : 'object'}.`);
}
