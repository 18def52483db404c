// The main-process handlers through the contract, on real temp files.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../core/contract';
import { blankNode, newId } from '../../../core/model';
import { SCHEMA_VERSION, checkScenarioFile, createScenarioFile, openScenarioFile } from '../../../db';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());

describe('scenario lifecycle', () => {
  it('creates an untitled scenario in the data folder and reports it', async () => {
    const view = await h.view('newScenario', { title: 'Yellow Sea' });
    expect(view.untitled).toBe(true);
    expect(view.document.scenario.title).toBe('Yellow Sea');
    expect(view.document.actors.map((a) => a.code)).toEqual(['US', 'JP', 'ROK', 'PRC']);
    expect(readdirSync(join(h.dir, 'userData', 'untitled'))).toHaveLength(1);
    const current = await h.value('currentScenario', {});
    expect(current?.document.scenario.title).toBe('Yellow Sea');
  });

  it('edits, undoes and redoes through the store', async () => {
    const view = await h.view('newScenario', {});
    const crisisId = view.document.crises[0]!.id;
    const node = blankNode('trigger', crisisId, newId(), { x: 10, y: 20 });
    const edit = await h.value('applyOps', { ops: [{ op: 'node.create', node }], mark: null });
    // Only what was applied crosses IPC: the inverse stays in main's history.
    expect(edit.change).toEqual({ applied: [{ op: 'node.create', node }] });
    expect(edit.modifiedAt).toBe((await h.value('currentScenario', {}))?.document.scenario.modifiedAt);
    expect(edit.history).toEqual({ canUndo: true, canRedo: false });
    const undone = await h.value('undo', {});
    expect(undone?.change.applied).toEqual([{ op: 'node.delete', id: node.id }]);
    expect((await h.value('currentScenario', {}))?.document.nodes).toEqual([]);
    const redone = await h.value('redo', {});
    expect(redone?.history).toEqual({ canUndo: true, canRedo: false });
    expect((await h.value('currentScenario', {}))?.document.nodes).toEqual([node]);
    expect(await h.value('redo', {})).toBeNull();
  });

  it('saves as a new file chosen in the dialog and keeps editing it', async () => {
    await h.view('newScenario', { title: 'Piracy' });
    const target = join(h.dir, 'piracy.scenario');
    h.dialogs.save.push(target);
    const saved = await h.value('saveScenarioAs', {});
    expect(saved.untitled).toBe(false);
    expect(saved.fileName).toBe('piracy.scenario');
    expect(readdirSync(join(h.dir, 'userData', 'untitled'))).toEqual([]);
    expect((await h.value('recentFiles', {})).map((r) => r.displayPath)).toEqual([target]);
    await h.value('closeScenario', {});
    const check = checkScenarioFile(target);
    expect(check.ok && check.info.title).toBe('Piracy');
  });

  it('opens a file from the dialog, and reports a cancelled dialog', async () => {
    const path = join(h.dir, 'given.scenario');
    const created = createScenarioFile(path, { title: 'Given' });
    if (created.ok) created.store.close();
    expect(await h.call('openScenario', {})).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    h.dialogs.open.push(path);
    const view = await h.value('openScenario', {});
    expect(view?.document.scenario.title).toBe('Given');
    const [entry] = await h.value('recentFiles', {});
    await h.value('closeScenario', {});
    expect((await h.value('openRecent', { id: entry!.id }))?.fileName).toBe('given.scenario');
  });

  it('focuses the window that already has a file instead of opening it twice', async () => {
    const path = join(h.dir, 'twice.scenario');
    const created = createScenarioFile(path, { title: 'Twice' });
    if (created.ok) created.store.close();
    h.dialogs.open.push(path, path);
    await h.value('openScenario', {}, 1);
    expect(await h.value('openScenario', {}, 2)).toBeNull();
    expect(h.focused).toEqual([1]);
  });

  it('gives a one-line error for a file that is not a scenario', async () => {
    const path = join(h.dir, 'notes.scenario');
    writeFileSync(path, 'just some text\n');
    h.dialogs.open.push(path);
    const result = await h.call('openScenario', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_A_SCENARIO' } });
    if (!result.ok) expect(result.error.message).not.toContain('\n');
  });
});

describe('the contract at the boundary', () => {
  it('rejects unknown keys and wrong types before any handler runs', async () => {
    expect(await h.call('newScenario', { title: 'x', extra: true } as never)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await h.call('openRecent', { id: 42 } as never)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await h.call('applyOps', { ops: [{ op: 'node.explode' }], mark: null } as never)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses an edit without a scenario, and an invalid connection with its reason', async () => {
    expect(await h.call('undo', {})).toMatchObject({ ok: false, error: { code: 'NO_DOCUMENT' } });
    const view = await h.view('newScenario', {});
    const crisisId = view.document.crises[0]!.id;
    const impact = blankNode('impact', crisisId, newId(), { x: 0, y: 0 });
    const trigger = blankNode('trigger', crisisId, newId(), { x: 300, y: 0 });
    await h.value('applyOps', { ops: [{ op: 'node.create', node: impact }, { op: 'node.create', node: trigger }], mark: null });
    const edge = { id: newId(), crisisId, source: impact.id, target: trigger.id, kind: 'leads-to' as const, label: '', confidence: null, basis: {} };
    const refused = await h.call('applyOps', { ops: [{ op: 'edge.create', edge }], mark: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_CONNECTION' } });
    expect((await h.value('currentScenario', {}))?.document.edges).toEqual([]);
  });

  it('defines a request and a response schema for every channel', () => {
    for (const [name, channel] of Object.entries(CHANNELS)) {
      expect(channel.request, name).toBeDefined();
      expect(channel.response, name).toBeDefined();
    }
  });
});

it('leaves no untitled file behind for an empty scenario that is closed', async () => {
  await h.view('newScenario', {});
  await h.value('closeScenario', {});
  expect(existsSync(join(h.dir, 'userData', 'untitled')) && readdirSync(join(h.dir, 'userData', 'untitled'))).toEqual([]);
});

describe('untitled scenarios after a crash', () => {
  it('offers an untitled scenario left behind, and reopens it with its edits', async () => {
    const view = await h.view('newScenario', { title: 'Earthquake relief' });
    const node = blankNode('impact', view.document.crises[0]!.id, newId(), { x: 0, y: 0 });
    await h.value('applyOps', { ops: [{ op: 'node.create', node }], mark: null });
    // The process dies: the store's connection goes away without the window closing it.
    h.main.sessions.get(1)!.store.close();

    const { createHandlers } = await import('../../../main/handlers');
    const { invokeHandler } = await import('../../../main/ipc/adapter');
    const restarted = createHandlers({ ...h.main.services });
    const call = <T,>(name: Parameters<typeof invokeHandler>[1], req: unknown) =>
      invokeHandler(restarted.handlers, name, { windowId: 7 }, req) as Promise<{ ok: boolean; value: T }>;
    const listed = await call<{ id: string; title: string; nodes: number }[]>('recoverableScenarios', {});
    expect(listed.value).toEqual([expect.objectContaining({ title: 'Earthquake relief', nodes: 1 })]);
    const reopened = await call<{ untitled: boolean; document: { nodes: unknown[] } }>('openRecoverable', { id: listed.value[0]!.id });
    expect(reopened.value.untitled).toBe(true);
    expect(reopened.value.document.nodes).toEqual([node]);
    expect((await call<unknown[]>('recoverableScenarios', {})).value).toEqual([]);
    expect(await invokeHandler(restarted.handlers, 'openRecoverable', { windowId: 8 }, { id: '../../etc' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    restarted.sessions.closeAll();
  });
});

describe('one window per file', () => {
  it('gives a new scenario its own window when this one already shows a scenario', async () => {
    const { createHandlers } = await import('../../../main/handlers');
    const { invokeHandler } = await import('../../../main/ipc/adapter');
    const opened: number[] = [];
    const app = createHandlers({ ...h.main.services, windows: { ...h.main.services.windows, createWindow: () => opened.push(10 + opened.length) + 9, closeWindow: () => undefined } });
    const first = await invokeHandler(app.handlers, 'newScenario', { windowId: 3 }, { title: 'First' });
    expect(first).toMatchObject({ ok: true, value: { untitled: true } });
    const second = await invokeHandler(app.handlers, 'newScenario', { windowId: 3 }, { title: 'Second' });
    expect(second).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
    expect(app.sessions.require(opened[0]!).store.info()).toMatchObject({ title: 'Second', readOnly: null });
    const still = await invokeHandler(app.handlers, 'currentScenario', { windowId: 3 }, {});
    expect(still).toMatchObject({ ok: true, value: { document: { scenario: { title: 'First' } } } });
    app.sessions.closeAll();
  });
});

describe('crisis viewports', () => {
  it('saves where a crisis canvas looks without touching undo history', async () => {
    const view = await h.view('newScenario', {});
    const crisisId = view.document.crises[0]!.id;
    await h.value('saveViewport', { crisisId, viewport: { x: -120, y: 40, zoom: 0.8 } });
    const after = await h.value('currentScenario', {});
    expect(after?.document.crises[0]!.viewport).toEqual({ x: -120, y: 40, zoom: 0.8 });
    expect(after?.history).toEqual({ canUndo: false, canRedo: false });
    expect(await h.call('saveViewport', { crisisId, viewport: { x: 0, y: 0, zoom: 99 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('a file from a newer version of the app', () => {
  it('opens in the window read-only, with the reason; edits are refused and viewports are not saved', async () => {
    const path = join(h.dir, 'future.scenario');
    const created = createScenarioFile(path, { title: 'From the future' });
    if (!created.ok) throw new Error(created.error.message);
    created.store.close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(path);
    h.dialogs.open.push(path);
    const view = await h.view('openScenario', {});
    expect(view.readOnly).toMatchObject({ code: 'NEWER_VERSION', message: expect.stringMatching(/newer version .* opens read-only/) });
    expect(view.document.scenario.title).toBe('From the future');
    const crisisId = view.document.crises[0]!.id;
    const node = blankNode('trigger', crisisId, newId(), { x: 0, y: 0 });
    expect(await h.call('applyOps', { ops: [{ op: 'node.create', node }], mark: null })).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    await h.value('saveViewport', { crisisId, viewport: { x: 5, y: 5, zoom: 2 } });
    await h.value('closeScenario', {});
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('save a copy', () => {
  it('writes a sound copy of the scenario as it is now, and the window keeps editing the original', async () => {
    const view = await h.view('newScenario', { title: 'Piracy on the sea lanes' });
    const crisisId = view.document.crises[0]!.id;
    const first = blankNode('trigger', crisisId, newId(), { x: 0, y: 0 });
    await h.value('applyOps', { ops: [{ op: 'node.create', node: first }], mark: null });
    const copy = join(h.dir, 'before the meeting.scenario');
    h.dialogs.save.push(copy);
    expect(await h.value('saveScenarioCopy', {})).toEqual({ fileName: 'before the meeting.scenario' });

    const second = blankNode('impact', crisisId, newId(), { x: 0, y: 100 });
    await h.value('applyOps', { ops: [{ op: 'node.create', node: second }], mark: null });
    const current = await h.value('currentScenario', {});
    expect(current?.untitled).toBe(true);
    expect(current?.document.nodes).toHaveLength(2);
    expect((await h.value('recentFiles', {})).map((r) => r.displayPath)).toEqual([copy]);
    const checked = checkScenarioFile(copy);
    expect(checked.ok && checked.info.counts).toMatchObject({ trigger: 1, impact: 0 });
    // A copy for review: it remembers the snapshot it was made from, which it also holds.
    const opened = openScenarioFile(copy, { readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const lineage = opened.store.lineage();
    expect(opened.store.listSnapshots().map((s) => [s.id, s.kind, s.author])).toEqual([[lineage?.snapshotId, 'copy', 'unnamed']]);
    expect(opened.store.readSnapshot(lineage!.snapshotId).nodes.map((n) => n.id)).toEqual([first.id]);
    opened.store.close();

    h.dialogs.save.push(null);
    expect(await h.call('saveScenarioCopy', {})).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
