/**
 * Snapshots, restore and Merge a Copy through the same IPC contract the renderer uses: make a
 * copy for review, change both, merge, resolve a conflict, check the file on disk.
 */
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
