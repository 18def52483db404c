/**
 * Snapshots, restore and Merge a Copy through the same IPC contract the renderer uses: make a
 * copy for review, change both, merge, resolve a conflict, check the file on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, type ScenarioDocument } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { createScenarioFile, openScenarioFile } from '../../../db';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());

function onDisk(path: string): { doc: ScenarioDocument; snapshots: string[] } {
  const opened = openScenarioFile(path, { readOnly: true });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return { doc: opened.store.load(), snapshots: opened.store.listSnapshots().map((s) => `${s.kind}: ${s.name} (${s.author})`) };
  } finally {
    opened.store.close();
  }
}

/** A named scenario in window 1 with a trigger and an impact, and Japan's stance on the impact. */
async function namedScenario(): Promise<{ path: string; crisisId: string }> {
  const view = await h.view('newScenario', { title: 'Strait' });
  const crisisId = view.document.crises[0]!.id;
  const ops: Op[] = [
    { op: 'node.create', node: { ...blankNode('trigger', crisisId, 't1', { x: 0, y: 0 }), title: 'Typhoon' } },
    { op: 'node.create', node: { ...blankNode('impact', crisisId, 'i1', { x: 300, y: 0 }), title: 'Port closed' } },
    { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'agree', note: '' },
  ];
  await h.value('applyOps', { ops, mark: null });
  const path = join(h.dir, 'ours.scenario');
  h.dialogs.save.push(path);
  await h.value('saveScenarioAs', {});
  return { path, crisisId };
}

describe('snapshots through the contract', () => {
  it('creates, lists, restores as one undoable step (after a before-restore snapshot), and deletes', async () => {
    await h.value('updateSettings', { userName: 'Aiko Tanaka' });
    const { path } = await namedScenario();
    const snap = await h.value('createSnapshot', { name: 'Before Tokyo' });
    expect(snap).toMatchObject({ name: 'Before Tokyo', kind: 'manual', author: 'Aiko Tanaka' });
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }], mark: null });
    await h.value('applyOps', { ops: [{ op: 'node.delete', id: 'i1' }], mark: null });

    const restored = await h.value('restoreSnapshot', { id: snap.id });
    expect(restored.history.canUndo).toBe(true);
    let doc = (await h.value('currentScenario', {}))!.document;
    expect(doc.nodes.map((n) => n.title).sort()).toEqual(['Port closed', 'Typhoon']);
    expect(doc.stances).toHaveLength(1);
    expect((await h.value('snapshots', {})).map((s) => s.kind)).toEqual(['before-restore', 'manual']);

    // One undo takes the whole restore back.
    await h.value('undo', {});
    doc = (await h.value('currentScenario', {}))!.document;
    expect(doc.nodes.map((n) => n.title)).toEqual(['Super typhoon']);

    await h.value('deleteSnapshot', { id: snap.id });
    expect((await h.value('snapshots', {})).map((s) => s.kind)).toEqual(['before-restore']);
    await h.value('closeScenario', {});
    expect(onDisk(path).snapshots).toEqual(['before-restore: Before restoring "Before Tokyo" (Aiko Tanaka)']);
    expect(onDisk(path).doc.nodes.map((n) => n.title)).toEqual(['Super typhoon']);
  });
});

describe('Merge a Copy', () => {
  it('merges a copy for review changed on both sides, with a conflict resolved, as one undoable step', async () => {
    const { path } = await namedScenario();
    const copy = join(h.dir, 'review.scenario');
    h.dialogs.save.push(copy);
    await h.value('saveScenarioCopy', {});

    // The colleague's changes, in their copy.
    const theirs = openScenarioFile(copy);
    if (!theirs.ok) throw new Error(theirs.error.message);
    theirs.store.apply([
      { op: 'node.update', id: 't1', patch: { description: 'Category 5 by Thursday' } },
      { op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'disagree', note: 'Ports reopen in a day' },
      { op: 'stance.set', actorId: 'kr', elementId: 'i1', position: 'agree', note: '' },
    ]);
    theirs.store.close();
    // Ours, meanwhile.
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }], mark: null });
    await h.value('applyOps', { ops: [{ op: 'stance.set', actorId: 'jp', elementId: 'i1', position: 'uncertain', note: 'Waiting for MLIT' }], mark: null });

    h.dialogs.open.push(copy);
    const preview = await h.value('previewMerge', { twoWay: false });
    expect(preview.mode).toBe('three-way');
    expect(preview.base).toMatch(/which both files share/);
    expect(preview.incoming).toEqual(expect.arrayContaining([
      '+ Republic of Korea\'s stance on "Port closed"',
      '~ trigger "Super typhoon": description: (empty) → "Category 5 by Thursday"',
    ]));
    expect(preview.conflicts.map((c) => [c.label, c.field, c.ours, c.theirs])).toEqual([
      // Each side's view of a stance says whose it is and on what basis (issue 11).
      ['Japan\'s stance on "Port closed"', 'note', '"Waiting for MLIT" (holder "analyst", basis "planner")', '"Ports reopen in a day" (holder "analyst", basis "planner")'],
      ['Japan\'s stance on "Port closed"', 'position', '"uncertain" (holder "analyst", basis "planner")', '"disagree" (holder "analyst", basis "planner")'],
    ]);

    // Unresolved conflicts are refused; nothing changes.
    expect(await h.call('applyMerge', { resolutions: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_DATA' } });
    const merged = await h.value('applyMerge', { resolutions: preview.conflicts.map((c) => ({ key: c.key, pick: 'theirs' as const })) });
    expect(merged.history.canUndo).toBe(true);

    await h.value('closeScenario', {});
    const { doc, snapshots } = onDisk(path);
    expect(doc.nodes.find((n) => n.id === 't1')).toMatchObject({ title: 'Super typhoon', description: 'Category 5 by Thursday' });
    expect(doc.stances.map((s) => [s.actorId, s.position, s.note]).sort()).toEqual([['jp', 'disagree', 'Ports reopen in a day'], ['kr', 'agree', '']]);
    expect(snapshots[0]).toBe('before-merge: Before merging review.scenario (unnamed)');
  });

  it('takes an edited value for a text or number conflict, and refuses one the model refuses', async () => {
    const { path } = await namedScenario();
    const copy = join(h.dir, 'review.scenario');
    h.dialogs.save.push(copy);
    await h.value('saveScenarioCopy', {});
    const theirs = openScenarioFile(copy);
    if (!theirs.ok) throw new Error(theirs.error.message);
    theirs.store.apply([
      { op: 'node.update', id: 't1', patch: { title: 'Typhoon Hagibis' } },
      { op: 'node.update', id: 'i1', patch: { severity: 5 } },
    ]);
    theirs.store.close();
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }, { op: 'node.update', id: 'i1', patch: { severity: 3 } }], mark: null });

    h.dialogs.open.push(copy);
    const preview = await h.value('previewMerge', { twoWay: false });
    const byField = new Map(preview.conflicts.map((c) => [c.field, c]));
    expect(byField.get('title')!.editable).toEqual({ kind: 'text', ours: 'Super typhoon' });
    expect(byField.get('severity')!.editable).toEqual({ kind: 'number', ours: '3' });
    const title = byField.get('title')!.key;
    const severity = byField.get('severity')!.key;

    // A severity of 9 is outside the model's 1–5: refused with the reason, nothing written.
    const refused = await h.call('applyMerge', { resolutions: [{ key: title, pick: 'edited', value: 'Super typhoon Hagibis' }, { key: severity, pick: 'edited', value: 9 }] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_DATA', message: expect.stringContaining('An edited value is not allowed here') } });

    await h.value('applyMerge', { resolutions: [{ key: title, pick: 'edited', value: 'Super typhoon Hagibis' }, { key: severity, pick: 'edited', value: 4 }] });
    await h.value('closeScenario', {});
    const { doc } = onDisk(path);
    expect(doc.nodes.find((n) => n.id === 't1')!.title).toBe('Super typhoon Hagibis');
    expect(doc.nodes.find((n) => n.id === 'i1')!.severity).toBe(4);
  });

  it('lists the history with authors and gives the state before any step, without writing', async () => {
    await h.value('updateSettings', { userName: 'Aiko Tanaka' });
    const { path } = await namedScenario();
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }], mark: null });
    await h.value('applyOps', { ops: [{ op: 'node.delete', id: 'i1' }], mark: null });
    await h.value('undo', {});
    const steps = await h.value('history', {});
    expect(steps.map((s) => [s.state, s.author, s.summary])).toEqual([
      ['done', 'Aiko Tanaka', '3 changes: 2 elements added, 1 stance set'],
      ['done', 'Aiko Tanaka', 'Edited trigger "Super typhoon": title'],
      ['undone', 'Aiko Tanaka', 'Deleted impact "Port closed" with 1 record that hung off it'],
    ]);
    expect((await h.value('historyState', { index: 1 })).nodes.map((n) => n.title).sort()).toEqual(['Port closed', 'Typhoon']);
    expect((await h.value('historyState', { index: 0 })).nodes).toEqual([]);
    expect((await h.value('historyState', { index: 2 })).nodes.map((n) => n.title).sort()).toEqual(['Port closed', 'Super typhoon']);
    expect(await h.call('historyState', { index: 3 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const snap = await h.value('createSnapshot', { name: 'Now' });
    expect((await h.value('snapshotDocument', { id: snap.id })).nodes.map((n) => n.title).sort()).toEqual(['Port closed', 'Super typhoon']);
    await h.value('closeScenario', {});
    expect(onDisk(path).doc.nodes.map((n) => n.title).sort()).toEqual(['Port closed', 'Super typhoon']);
  });

  it('says when a file shares no base, and then merges two-way on request', async () => {
    await namedScenario();
    const stranger = join(h.dir, 'stranger.scenario');
    const created = createScenarioFile(stranger, { title: 'Other' });
    if (!created.ok) throw new Error(created.error.message);
    created.store.close();
    h.dialogs.open.push(stranger);
    expect(await h.call('previewMerge', { twoWay: false })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    h.dialogs.open.push(stranger);
    const preview = await h.value('previewMerge', { twoWay: true });
    expect(preview.mode).toBe('two-way');
    expect(preview.incoming).toEqual([]);
    expect(preview.conflicts.length).toBeGreaterThan(0);
  });
});

describe('the changes brief through the contract', () => {
  it('writes what changed since a snapshot, and refuses what it cannot know or must not touch', async () => {
    const { path } = await namedScenario();
    const snap = await h.value('createSnapshot', { name: 'Before Tokyo' });
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }], mark: null });

    const out = join(h.dir, 'changes.md');
    h.dialogs.exportTargets.push(out);
    expect(await h.value('saveChangesBrief', { against: { kind: 'snapshot', id: snap.id }, format: 'md', moves: false })).toMatchObject({ fileName: 'changes.md' });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('From the snapshot “Before Tokyo” to ours.scenario now');
    expect(text).toContain('Super typhoon');

    // No file compared in this window yet; the open scenario is never a brief's output; a cancelled dialog writes nothing.
    const noFile = await h.call('saveChangesBrief', { against: { kind: 'file' }, format: 'html', moves: false });
    expect(noFile.ok ? null : noFile.error.code).toBe('NOT_FOUND');
    const before = readFileSync(path);
    h.dialogs.exportTargets.push(path);
    const onto = await h.call('saveChangesBrief', { against: { kind: 'snapshot', id: snap.id }, format: 'html', moves: false });
    expect(onto.ok ? null : onto.error.code).not.toBeNull();
    expect(readFileSync(path)).toEqual(before);
    const cancelled = await h.call('saveChangesBrief', { against: { kind: 'snapshot', id: snap.id }, format: 'html', moves: false });
    expect(cancelled.ok ? null : cancelled.error.code).toBe('CANCELLED');

    // A snapshot deleted since the compare view opened is said before any dialog is shown.
    await h.value('deleteSnapshot', { id: snap.id });
    const target = join(h.dir, 'never.md');
    h.dialogs.exportTargets.push(target);
    const gone = await h.call('saveChangesBrief', { against: { kind: 'snapshot', id: snap.id }, format: 'md', moves: false });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    expect(h.dialogs.exportTargets).toEqual([target]);
    expect(existsSync(target)).toBe(false);
  });
});
