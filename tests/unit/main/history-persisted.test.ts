/**
 * Undo and redo survive closing: edits made through the contract, the window closed, the file
 * opened again, and undo and redo carry on where they were, checked in the file on disk.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, type ScenarioDocument } from '../../../core/model';
import { mainHarness, type MainHarness } from '../support/main-harness';
import { documentOnDisk } from '../support/on-disk';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());


function logRows(path: string): { state: string; author: string }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT state, author FROM history ORDER BY seq').all() as { state: string; author: string }[];
  } finally {
    db.close();
  }
}

async function reopen(path: string): Promise<void> {
  await h.value('closeScenario', {});
  h.dialogs.open.push(path);
  await h.view('openScenario', {});
}

/** Close the window's scenario (the app holds the writer lock), read the file, open it again. */
async function readThenReopen(path: string): Promise<ScenarioDocument> {
  await h.value('closeScenario', {});
  const doc = documentOnDisk(path);
  h.dialogs.open.push(path);
  await h.view('openScenario', {});
  return doc;
}

describe('history kept in the file', () => {
  it('undo and redo carry on after close and reopen, typing folded into one step, with its author', async () => {
    await h.value('updateSettings', { userName: 'Aiko Tanaka' });
    const view = await h.view('newScenario', { title: 'Strait' });
    const crisisId = view.document.crises[0]!.id;
    const path = join(h.dir, 'plan.scenario');
    h.dialogs.save.push(path);
    await h.value('saveScenarioAs', {});
    await h.value('applyOps', { ops: [{ op: 'node.create', node: { ...blankNode('trigger', crisisId, 't1', { x: 0, y: 0 }), title: 'New trigger' } }], mark: 'new:t1' });
    for (const title of ['T', 'Ty', 'Typhoon']) await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title } }], mark: 'new:t1' });
    await h.value('sealHistory', {});
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { description: 'Season peaks in August' } }], mark: null });
    await h.value('undo', {});
    await h.value('closeScenario', {});
    expect(logRows(path)).toEqual([{ state: 'done', author: 'Aiko Tanaka' }, { state: 'undone', author: 'Aiko Tanaka' }]);

    h.dialogs.open.push(path);
    const reopened = await h.view('openScenario', {});
    expect(reopened.history).toEqual({ canUndo: true, canRedo: true });
    await h.value('redo', {});
    expect((await readThenReopen(path)).nodes[0]).toMatchObject({ title: 'Typhoon', description: 'Season peaks in August' });

    await h.value('undo', {});
    await h.value('undo', {});
    expect((await readThenReopen(path)).nodes).toEqual([]);
    expect((await h.value('currentScenario', {}))!.history).toEqual({ canUndo: false, canRedo: true });
    await h.value('redo', {});
    expect((await readThenReopen(path)).nodes[0]).toMatchObject({ title: 'Typhoon', description: '' });
    // A new edit after reopening drops the redo step from the file too.
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 't1', patch: { title: 'Super typhoon' } }], mark: null });
    await h.value('closeScenario', {});
    expect(logRows(path).map((r) => r.state)).toEqual(['done', 'done']);
  });

  it('a merge of a copy is one undoable step after reopening, and Save As carries the history with it', async () => {
    const view = await h.view('newScenario', { title: 'Strait' });
    const crisisId = view.document.crises[0]!.id;
    await h.value('applyOps', { ops: [{ op: 'node.create', node: { ...blankNode('impact', crisisId, 'i1', { x: 0, y: 0 }), title: 'Port closed' } }], mark: null });
    const path = join(h.dir, 'ours.scenario');
    h.dialogs.save.push(path);
    await h.value('saveScenarioAs', {});
    const copy = join(h.dir, 'theirs.scenario');
    h.dialogs.save.push(copy);
    await h.value('saveScenarioCopy', {});
    await reopen(copy);
    await h.value('applyOps', { ops: [{ op: 'node.update', id: 'i1', patch: { severity: 4 } }], mark: null });
    await reopen(path);
    h.dialogs.open.push(copy);
    await h.value('previewMerge', { twoWay: false });
    await h.value('applyMerge', { resolutions: [] });
    expect((await readThenReopen(path)).nodes[0]!.severity).toBe(4);
    await h.value('undo', {});
    expect((await readThenReopen(path)).nodes[0]!.severity).toBeNull();
    await h.value('undo', {});
    expect((await readThenReopen(path)).nodes).toEqual([]);
  });
});
