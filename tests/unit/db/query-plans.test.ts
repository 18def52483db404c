/**
 * "No O(N) work per edit": every statement an edit can run must find its rows through an index.
 * Only whole-file reads (load, info) and deleting an actor (which searches the supporting-actor
 * lists, a rare edit) may scan a table.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db';
import { prepareStatements, type Statements } from '../../../db/statements';

const WHOLE_FILE_READS = new Set<keyof Statements>([
  'actorAll', 'crisisAll', 'nodeAll', 'edgeAll', 'stanceAll', 'sourceAll', 'provenanceAll', 'counts', 'nodeKindCounts', 'crisisSummary', 'nodesOfActor',
]);

describe('query plans', () => {
  it('every statement used by edits searches an index instead of scanning a table', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const statements = prepareStatements(db);
    const checked: string[] = [];
    const entries = Object.entries(statements).flatMap(([name, value]) =>
      'source' in value ? [[name, value.source as string] as const] : Object.entries(value as Record<string, { source: string }>).map(([field, st]) => [`${name}.${field}`, st.source] as const),
    );
    for (const [name, sql] of entries) {
      if (WHOLE_FILE_READS.has(name as keyof Statements)) continue;
      const params = sql.includes('@id') ? [{ id: 'x' }] : Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => 'x');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      const scans = plan.filter((d) => /^SCAN (?!CONSTANT|\(subquery)/.test(d));
      expect(scans, `${name}: ${plan.join(' | ')}`).toEqual([]);
      checked.push(name);
    }
    expect(checked.length).toBeGreaterThan(40);
    db.close();
  });
});
