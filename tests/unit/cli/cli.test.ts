// The CLI as a user runs it: the package's bin, a real process, real files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../../db';
import { binCli } from './run';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'sw-cli-'));
const cli = binCli(() => dir);

describe('scenario-workbench CLI', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('creates a scenario file with our application_id, and describes it as JSON', () => {
    const file = join(dir, 'a.scenario');
    expect(cli('new', file, '--title', 'Typhoon relief').code).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    const info = cli('info', 'a.scenario');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as { title: string; counts: { actors: number } };
    expect(parsed.title).toBe('Typhoon relief');
    expect(parsed.counts.actors).toBe(4);
    expect(cli('check', file)).toMatchObject({ code: 0 });
  });

  it('refuses to overwrite an existing file', () => {
    const file = join(dir, 'exists.scenario');
    writeFileSync(file, 'keep me');
    const result = cli('new', file);
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('exits 1 with one line and no stack for a user error', () => {
    const result = cli('info', '/etc/hostname');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+/);
    expect(cli('check', join(dir, 'missing.scenario')).code).toBe(1);
  });

  it('check reads every row: a row planted by another tool fails it with one line naming the row', () => {
    const file = join(dir, 'planted.scenario');
    expect(cli('new', file, '--title', 'Fisheries collapse').code).toBe(0);
    const db = new Database(file);
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE crises SET status = 'on fire'").run();
    db.close();
    const before = readFileSync(file);
    const result = cli('check', file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/damaged: crisis "[^"]+", status/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('recover copies what can be read from a damaged file into a new one, leaving the damaged file alone', () => {
    const file = join(dir, 'to-recover.scenario');
    expect(cli('new', file, '--from-report').code).toBe(0);
    const db = new Database(file);
    db.pragma('ignore_check_constraints = ON');
    const victim = (db.prepare("SELECT id FROM nodes WHERE kind = 'impact' ORDER BY id LIMIT 1").get() as { id: string }).id;
    db.prepare("UPDATE nodes SET severity = 11 WHERE id = ?").run(victim);
    const nodeCount = (db.prepare('SELECT count(*) AS n FROM nodes').get() as { n: number }).n;
    db.close();
    const before = readFileSync(file);
    expect(cli('check', file).code).toBe(1);

    const result = cli('recover', file, '-o', 'recovered.scenario', '--json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as { kept: { nodes: number }; dropped: { nodes: number }; problems: string[] };
    expect(report.kept.nodes).toBe(nodeCount - 1);
    expect(report.dropped.nodes).toBe(1);
    expect(report.problems[0]).toContain(`node "${victim}", severity`);
    expect(cli('check', join(dir, 'recovered.scenario')).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);

    const again = cli('recover', file, '-o', 'recovered.scenario');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(cli('recover', file).code).toBe(2);
  });

  it('info describes a file from a newer version, read-only, while check declines to vouch for it', () => {
    const file = join(dir, 'future.scenario');
    expect(cli('new', file, '--title', 'Later').code).toBe(0);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const info = cli('info', file);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ title: 'Later', formatVersion: SCHEMA_VERSION + 1, readOnly: { code: 'NEWER_VERSION' } });
    const check = cli('check', file);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/newer version of the app/);
  });

  it('exits 2 for bad usage', () => {
    expect(cli().code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('info').code).toBe(2);
    expect(cli('new', 'x.scenario', '--colour', 'red').code).toBe(2);
  });
});
