// Untitled scenarios left behind by a crash in the worst places: mid-commit, or damaged.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecoverableScenario } from '../../../core/contract';
import { blankNode, newId, type GraphNode } from '../../../core/model';
import { createHandlers } from '../../../main/handlers';
import { invokeHandler } from '../../../main/ipc/adapter';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());

/** An untitled scenario with one acknowledged node, whose process then died. Returns its path and the node. */
async function leftBehind(title: string): Promise<{ path: string; node: GraphNode }> {
  const view = await h.view('newScenario', { title });
  const node = blankNode('impact', view.document.crises[0]!.id, newId(), { x: 0, y: 0 });
  await h.value('applyOps', { ops: [{ op: 'node.create', node }], mark: null });
  const store = h.main.sessions.get(1)!.store;
  store.close(); // the process dies: the connection goes, the window never closes it
  return { path: store.path, node };
}

/** A fresh app on the same data folder, as after a restart. */
function restart() {
  const app = createHandlers({ ...h.main.services });
  const call = async <T,>(name: 'recoverableScenarios' | 'openRecoverable', req: unknown): Promise<T> => {
    const envelope = await invokeHandler(app.handlers, name, { windowId: 7 }, req);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value as T;
  };
  return { app, call };
}

describe('untitled scenarios after a crash', () => {
  it('are offered even when the crash came mid-commit, and reopen without the half-written edit', async () => {
    const { path, node } = await leftBehind('Fisheries collapse');
    // Crash in the middle of a commit: pages already written to the file, and the hot rollback
    // journal that undoes them, as a kill leaves them. (A tiny cache makes SQLite spill early.)
    const db = new Database(path);
    db.pragma('cache_size = 1');
    db.exec('BEGIN');
    db.exec(`UPDATE nodes SET description = '${'half-written '.repeat(1500)}'`);
    db.exec(`UPDATE crises SET summary = '${'half-written '.repeat(1500)}'`);
    const crashed = { file: readFileSync(path), journal: readFileSync(`${path}-journal`) };
    db.exec('ROLLBACK');
    db.close();
    writeFileSync(path, crashed.file);
    writeFileSync(`${path}-journal`, crashed.journal);
    expect(crashed.journal.subarray(0, 8).toString('hex')).toBe('d9d505f920a163d7'); // a live journal's magic: it is hot

    const { app, call } = restart();
    const listed = await call<RecoverableScenario[]>('recoverableScenarios', {});
    expect(listed).toEqual([expect.objectContaining({ title: 'Fisheries collapse', nodes: 1, damaged: false })]);
    const reopened = await call<{ document: { nodes: GraphNode[] } }>('openRecoverable', { id: listed[0]!.id });
    expect(reopened.document.nodes).toEqual([node]);
    app.sessions.closeAll();
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('are offered when damaged, and opening one recovers what can be read into a fresh untitled scenario', async () => {
    const { path, node } = await leftBehind('Typhoon season');
    const db = new Database(path);
    db.pragma('ignore_check_constraints = ON');
    db.exec("UPDATE crises SET status = 'unknown-status'");
    db.close();
    const damagedBytes = readFileSync(path);

    const { app, call } = restart();
    const listed = await call<RecoverableScenario[]>('recoverableScenarios', {});
    expect(listed).toEqual([expect.objectContaining({ damaged: true, nodes: 0 })]);
    const reopened = await call<{ untitled: boolean; document: { nodes: GraphNode[]; crises: { title: string }[] } }>('openRecoverable', { id: listed[0]!.id });
    expect(reopened.untitled).toBe(true);
    // The crisis row was invalid and is rebuilt; the node inside it is kept as it was.
    expect(reopened.document.nodes).toEqual([node]);
    expect(reopened.document.crises[0]!.title).toMatch(/^Recovered crisis/);
    const notice = h.events.find((e) => e.event === 'notice')?.payload as { tone: string; text: string } | undefined;
    expect(notice?.text).toMatch(/^Recovered 1 crises, 1 nodes/);
    // The damaged file is kept, byte for byte, out of the way; it is not offered again.
    const kept = join(h.dir, 'userData', 'untitled', 'damaged');
    expect(readdirSync(kept).map((name) => readFileSync(join(kept, name)).equals(damagedBytes))).toEqual([true]);
    expect(existsSync(path)).toBe(false);
    expect((await call<RecoverableScenario[]>('recoverableScenarios', {})).filter((r) => r.damaged)).toEqual([]);
    app.sessions.closeAll();
  });

  it('skip a file that is not a scenario at all, leaving it in place', async () => {
    await h.view('newScenario', {});
    await h.value('closeScenario', {});
    const stray = join(h.dir, 'userData', 'untitled', 'stray.scenario');
    writeFileSync(stray, 'not a database');
    const { call } = restart();
    expect(await call<RecoverableScenario[]>('recoverableScenarios', {})).toEqual([]);
    expect(existsSync(stray)).toBe(true);
  });
});
