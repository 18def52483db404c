/** docs/file-format.md must agree with the code it documents. */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HISTORY_BOUND } from '../../../core/history';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, runMigrations } from '../../../db';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'file-format.md'), 'utf8');

describe('docs/file-format.md', () => {
  it('states the application id in decimal and hex, and the current user_version', () => {
    expect(doc).toContain(`**${APPLICATION_ID}**`);
    expect(doc).toContain(`**0x${APPLICATION_ID.toString(16).toUpperCase()}**`);
    expect(doc).toContain(`**${SCHEMA_VERSION}** in this release`);
  });

  it('lists every migration in the versioning table', () => {
    for (const m of MIGRATIONS) expect(doc).toContain(`| ${m.version} | \`${String(m.version).padStart(3, '0')}-${m.name}\` |`);
  });

  it('states the bound of the undo history kept in the file', () => {
    const mib = HISTORY_BOUND.bytes / (1024 * 1024);
    expect(Number.isInteger(mib)).toBe(true);
    expect(doc).toContain(`at most **${HISTORY_BOUND.steps} steps** and at most **${mib} MiB**`);
  });

  it('documents every table and every column of the current schema', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[];
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string }[];
    for (const { name } of tables) {
      expect(doc).toMatch(new RegExp(`### \`${name}\``));
      const section = doc.split(`### \`${name}\``)[1]!.split('\n### ')[0]!;
      for (const { name: column } of db.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]) {
        expect(section, `${name}.${column}`).toContain(`\`${column}\``);
      }
    }
    for (const { name } of indexes) expect(doc).toContain(`\`${name}\``);
    db.close();
  });
});
