// diff, merge, snapshot and changes as a user runs them: the package's bin, real files.
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { blankNode, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { openScenarioFile, type ScenarioStore } from '../../../db';
import { builtCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'sw-cli-reconcile-'));
const cli = builtCli(() => dir);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function withFile<T>(name: string, use: (store: ScenarioStore) => T, readOnly = false): T {
  const opened = openScenarioFile(join(dir, name), { readOnly });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return use(opened.store);
  } finally {
    opened.store.close();
  }
}
const edit = (name: string, ops: Op[]) => withFile(name, (s) => s.apply(ops));
const load = (name: string): ScenarioDocument => withFile(name, (s) => s.load(), true);

let crisisId = '';

beforeAll(async () => {
  expect((await cli('new', 'ours.scenario', '--title', 'Strait')).code).toBe(0);
  crisisId = load('ours.scenario').crises[0]!.id;
  edit('ours.scenario', [
    { op: 'node.create', node: { ...blankNode('trigger', crisisId, 't1', { x: 0, y: 0 }), title: 'Typhoon' } },
    { op: 'node.create', node: { ...blankNode('impact', crisisId, 'i1', { x: 300, y: 0 }), title: 'Port closed' } },
    { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'agree', note: '' },
  ]);
  // Save a Copy for review, as the app does it: the copy records the snapshot it was made from.
  withFile('ours.scenario', (s) => s.saveCopyForReview(join(dir, 'theirs.scenario'), 'Aiko'));
});

describe('snapshot', () => {
  it('creates, lists and deletes named snapshots', async () => {
    expect((await cli('snapshot', 'create', 'ours.scenario', 'Tokyo', '--author', 'Ben'))).toMatchObject({ code: 0 });
    const list = JSON.parse((await cli('snapshot', 'list', 'ours.scenario', '--json')).stdout) as { name: string; kind: string; author: string }[];
    expect(list.map((s) => [s.name, s.kind, s.author])).toEqual([['Tokyo', 'manual', 'Ben'], ['Copy for review: theirs.scenario', 'copy', 'Aiko']]);
    expect((await cli('snapshot', 'create', 'ours.scenario', 'Scratch')).code).toBe(0);
    expect((await cli('snapshot', 'delete', 'ours.scenario', 'Scratch'))).toMatchObject({ code: 0, stdout: 'deleted snapshot "Scratch"\n' });
    expect((await cli('snapshot', 'delete', 'ours.scenario', 'Nope'))).toMatchObject({ code: 1 });
  });
});

describe('diff', () => {
  it('reports added, removed and changed records field by field as JSON; exit 0 either way', async () => {
    edit('theirs.scenario', [
      { op: 'node.update', id: 't1', patch: { title: 'Super typhoon', x: 40 } },
      { op: 'stance.set', actorId: 'kr', elementId: 'i1', position: 'disagree', note: 'ports reopen fast' },
    ]);
    const same = await cli('diff', 'ours.scenario', 'ours.scenario', '--json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout)).toEqual({ added: [], removed: [], changed: [], moved: [] });
    const result = await cli('diff', 'ours.scenario', 'theirs.scenario', '--json');
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as Record<string, { type: string; id: string; fields?: unknown }[]>;
    expect(diff.changed).toEqual([{ type: 'node', id: 't1', fields: { title: { from: 'Typhoon', to: 'Super typhoon' } } }]);
    expect(diff.moved).toEqual([{ type: 'node', id: 't1', fields: { x: { from: 0, to: 40 } } }]);
    expect(diff.added!.map((a) => [a.type, a.id])).toEqual([['stance', 'kr/i1']]);
    expect(diff.removed).toEqual([]);
    const text = await cli('diff', 'ours.scenario', 'theirs.scenario', '--moves', 'hide');
    expect(text.stdout).toBe('+ Republic of Korea\'s stance on "Port closed"\n~ trigger "Super typhoon": title: "Typhoon" → "Super typhoon"\n');
  });

  it('compares a snapshot with the file as FILE@SNAPSHOT', async () => {
    edit('ours.scenario', [{ op: 'node.update', id: 'i1', patch: { description: 'After the snapshot' } }]);
    const diff = JSON.parse((await cli('diff', 'ours.scenario@Tokyo', 'ours.scenario', '--json')).stdout) as { changed: unknown[] };
    expect(diff.changed).toEqual([{ type: 'node', id: 'i1', fields: { description: { from: '', to: 'After the snapshot' } } }]);
  });
});

describe('merge', () => {
  it('finds the base from the shared snapshot and writes a clean merge to OUT, leaving the inputs alone', async () => {
    const before = [sha(join(dir, 'ours.scenario')), sha(join(dir, 'theirs.scenario'))];
    const result = await cli('merge', 'ours.scenario', 'theirs.scenario', '-o', 'clean.scenario', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ mode: 'three-way', conflicts: [], base: 'their shared snapshot "Copy for review: theirs.scenario"' });
    const merged = load('clean.scenario');
    expect(merged.nodes.find((n) => n.id === 't1')!.title).toBe('Super typhoon');
    expect(merged.nodes.find((n) => n.id === 'i1')!.description).toBe('After the snapshot');
    expect(merged.stances.map((s) => `${s.actorId}/${s.elementId}`).sort()).toEqual(['jp/i1', 'kr/i1']);
    // OUT is a copy of ours: its snapshots, plus one taken before the merge.
    expect(withFile('clean.scenario', (s) => s.listSnapshots().map((x) => x.kind), true)).toEqual(['before-merge', 'manual', 'copy']);
    expect([sha(join(dir, 'ours.scenario')), sha(join(dir, 'theirs.scenario'))]).toEqual(before);
  });

  it('with a conflict and no --prefer writes nothing and exits 1 listing it; --prefer resolves it', async () => {
    edit('ours.scenario', [{ op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'disagree', note: 'ours' }]);
    edit('theirs.scenario', [{ op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'uncertain', note: 'theirs' }]);
    const refused = await cli('merge', 'ours.scenario', 'theirs.scenario', '--base', 'ours.scenario@Tokyo', '-o', 'conflict.scenario', '--json');
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout) as { written: null; conflicts: { type: string; id: string; field: string }[] };
    expect(report.written).toBeNull();
    expect(report.conflicts.map((c) => [c.type, c.id, c.field])).toEqual([['stance', 'jp/i1', 'note'], ['stance', 'jp/i1', 'position']]);
    expect(existsSync(join(dir, 'conflict.scenario'))).toBe(false);
    const theirsWin = await cli('merge', 'ours.scenario', 'theirs.scenario', '--base', 'ours.scenario@Tokyo', '-o', 'conflict.scenario', '--prefer', 'theirs');
    expect(theirsWin.code).toBe(0);
    expect(load('conflict.scenario').stances.find((s) => s.actorId === 'jp')).toMatchObject({ position: 'uncertain', note: 'theirs' });
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses an OUT that is one of its inputs, however it is spelled', async () => {
    symlinkSync(join(dir, 'ours.scenario'), join(dir, 'link.scenario'));
    linkSync(join(dir, 'theirs.scenario'), join(dir, 'hard.scenario'));
    const before = [sha(join(dir, 'ours.scenario')), sha(join(dir, 'theirs.scenario'))];
    for (const out of ['ours.scenario', './ours.scenario', 'link.scenario', 'hard.scenario', join(dir, 'theirs.scenario')]) {
      const result = await cli('merge', 'ours.scenario', 'theirs.scenario', '--prefer', 'ours', '-o', out);
      expect(result.code, out).toBe(1);
      expect(result.stderr).toMatch(/is an input of the merge/);
    }
    expect([sha(join(dir, 'ours.scenario')), sha(join(dir, 'theirs.scenario'))]).toEqual(before);
  });

  it('says so when two files share no base, and merges two-way on request', async () => {
    expect((await cli('new', 'stranger.scenario', '--title', 'Other')).code).toBe(0);
    const refused = await cli('merge', 'ours.scenario', 'stranger.scenario', '-o', 'x.scenario');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/share no snapshot/);
    const twoWay = JSON.parse((await cli('merge', 'ours.scenario', 'stranger.scenario', '--two-way', '-o', 'x.scenario', '--json')).stdout) as { mode: string; conflicts: unknown[] };
    expect(twoWay.mode).toBe('two-way');
    expect(twoWay.conflicts.length).toBeGreaterThan(3);
  });
});

describe('changes', () => {
  it('writes "What changed since the last meeting" as Markdown and as HTML', async () => {
    expect((await cli('changes', 'ours.scenario@Tokyo', 'ours.scenario', '-o', 'brief.md')).code).toBe(0);
    const md = readFileSync(join(dir, 'brief.md'), 'utf8');
    expect(md).toContain('# What changed since the last meeting');
    // Markdown escapes only what Markdown acts on (issue 17): apostrophes and quotes stay as typed.
    expect(md).toContain('Japan\'s stance on "Port closed"');
    expect((await cli('changes', 'ours.scenario@Tokyo', 'ours.scenario', '-o', 'brief.html')).code).toBe(0);
    const html = readFileSync(join(dir, 'brief.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('description&#58; (empty) → &quot;After the snapshot&quot;');
  });
});
