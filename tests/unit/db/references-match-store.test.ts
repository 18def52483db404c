/**
 * core/diff's REFERENCES (which record points at which, and what happens to it when its target
 * goes) must say what the store does. Two checks that fail on drift either way: every foreign key
 * in the file's schema is listed, and for every listed reference, deleting its target through
 * the store drops the referring record or clears the field, as listed.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFERENCES, RECORD_TYPE_INFO, recordsOf, type RecordType } from '../../../core/diff';
import type { Op } from '../../../core/ops';
import { createRich, richDocument, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

const TABLE_TYPES: Record<string, RecordType> = {
  scenario: 'scenario', actors: 'actor', crises: 'crisis', nodes: 'node', edges: 'edge', stances: 'stance', sources: 'source', provenance: 'provenance',
};
const camel = (column: string): string => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function deleteOf(type: RecordType, id: string): Op {
  switch (type) {
    case 'node': return { op: 'node.delete', id };
    case 'actor': return { op: 'actor.delete', id };
    case 'crisis': return { op: 'crisis.delete', id };
    case 'source': return { op: 'source.delete', id };
    case 'provenance': return { op: 'provenance.delete', id };
    default: throw new Error(`no delete op for ${type}`);
  }
}

describe('core/diff REFERENCES and the store', () => {
  it('lists every foreign key of the schema', () => {
    const store = createRich(dir.dir);
    store.close();
    const db = new Database(join(dir.dir, 'rich.scenario'), { readonly: true });
    try {
      const keys: string[] = [];
      for (const [table, from] of Object.entries(TABLE_TYPES)) {
        const list = db.prepare(`PRAGMA foreign_key_list(${table})`).all() as { table: string; from: string }[];
        for (const fk of list) keys.push(`${from}.${camel(fk.from)} -> ${TABLE_TYPES[fk.table] ?? fk.table}`);
      }
      const listed = new Set(REFERENCES.map((r) => `${r.from}.${r.field} -> ${r.to}`));
      expect(keys.length).toBeGreaterThan(5);
      expect(keys.filter((k) => !listed.has(k))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('drops or clears each referring record as listed when the store deletes its target', () => {
    const doc = richDocument();
    const checked: string[] = [];
    REFERENCES.forEach((ref, i) => {
      const key = RECORD_TYPE_INFO[ref.from].key;
      const targets = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
      const referrer = recordsOf(doc, ref.from).find((r) => targets(r[ref.field]).length > 0);
      if (!referrer) throw new Error(`richDocument has no ${ref.from} with ${ref.field} set: extend it so this reference is checked`);
      const target = targets(referrer[ref.field])[0]!;
      const store = createRich(dir.dir, `ref-${i}.scenario`);
      store.apply([deleteOf(ref.to, target)]);
      const after = recordsOf(store.load(), ref.from).find((r) => key(r) === key(referrer));
      store.close();
      if (ref.onMissing === 'drop') expect(after, `${ref.from}.${ref.field}: dropped with its ${ref.to}`).toBeUndefined();
      else {
        expect(after, `${ref.from}.${ref.field}: kept when its ${ref.to} goes`).toBeDefined();
        expect(targets(after![ref.field]), `${ref.from}.${ref.field}: cleared`).not.toContain(target);
      }
      checked.push(`${ref.from}.${ref.field}`);
    });
    expect(checked).toHaveLength(REFERENCES.length);
  });
});
