// A large scenario file is checked in a worker thread with a time bound (db/open-bounded.ts,
// main/open/run.ts): the main thread keeps turning while every row is read and validated, the
// file opens exactly as the synchronous path opens it, and a check past its bound is refused
// with one line naming the file, which is left byte for byte as it was.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportLibrary } from '../../../core/library';
import { checkScenarioFile, checkScenarioFileBounded, createScenarioFile, openScenarioFile, openScenarioFileBounded, SYNC_CHECK_MAX_BYTES, type ScenarioStore } from '../../../db';
import { SessionRegistry } from '../../../main/app/sessions';
import { openChecksInWorker } from '../../../main/open/run';
import { hashOf, largeLibraryDocument } from '../support/large-document';
import { mainHarness, type MainHarness } from '../support/main-harness';
import { openWorkerScript } from '../support/workers';

let h: MainHarness;
beforeEach(() => void (h = mainHarness()));
afterEach(() => h.dispose());


function scenarioFile(name: string, extra: number): string {
  const path = join(h.dir, name);
  const created = createScenarioFile(path, { title: 'Large', document: largeLibraryDocument(extra, 'A planner-written description of moderate length, repeated to fill the file.') });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  return path;
}

function unwrapStore(result: { ok: true; store: ScenarioStore } | { ok: false; error: { code: string; message: string } }): ScenarioStore {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.store;
}

/** Counts event-loop turns until stopped: a pass on this thread would leave none in between. */
function turnCounter() {
  let turns = 0;
  let counting = true;
  const spin = () => {
    if (!counting) return;
    turns++;
    setImmediate(spin);
  };
  setImmediate(spin);
  return { stop: () => ((counting = false), turns) };
}

describe('the checks of a large scenario file in a worker thread', () => {
  it('opens a large sound file off the main thread, exactly as the synchronous path opens it, holding the writer lock', async () => {
    const path = scenarioFile('large.scenario', 20_000);
    const synchronous = unwrapStore(openScenarioFile(path, { readOnly: true }));
    const expected = { document: synchronous.load(), history: synchronous.historySteps(), info: synchronous.info() };
    synchronous.close();

    const counter = turnCounter();
    // syncMaxBytes 0: this file goes to the worker, whatever its size.
    const opened = await openScenarioFileBounded(path, { syncMaxBytes: 0 }, openChecksInWorker({ script: openWorkerScript() }));
    const turns = counter.stop();
    const store = unwrapStore(opened);
    try {
      expect(turns).toBeGreaterThan(10);
      expect(store.readOnly).toBeNull();
      expect(store.load()).toEqual(expected.document);
      expect(store.historySteps()).toEqual(expected.history);
      expect({ ...store.info(), readOnly: null }).toEqual({ ...expected.info, readOnly: null });
      // The writer lock is held, as after a synchronous open: a second writer is refused.
      expect(openScenarioFile(path)).toMatchObject({ ok: false, error: { code: 'FILE_LOCKED' } });
      // And the store writes: an edit commits and reads back.
      store.apply([{ op: 'node.update', id: 'bulk-0', patch: { title: 'Renamed after a worker-checked open' } }]);
      expect(store.load().nodes.find((n) => n.id === 'bulk-0')?.title).toBe('Renamed after a worker-checked open');
    } finally {
      store.close();
    }
  });

  it('keeps every other writer out from before the worker checks until the store holds the writer lock', async () => {
    const path = scenarioFile('held.scenario', 500);
    const Database = (await import('better-sqlite3')).default;
    const worker = openChecksInWorker({ script: openWorkerScript() });
    const attempts: string[] = [];
    // While the worker checks, another program tries to commit a change to the file.
    const intruding = {
      ...worker,
      contents: (file: string) => {
        const other = new Database(file, { timeout: 0 });
        try {
          other.prepare("UPDATE scenario SET title = 'Changed behind the check'").run();
          attempts.push('committed');
        } catch (err) {
          attempts.push((err as { code?: string }).code ?? 'failed');
        } finally {
          other.close();
        }
        return worker.contents(file);
      },
    };
    const store = unwrapStore(await openScenarioFileBounded(path, { syncMaxBytes: 0 }, intruding));
    try {
      expect(attempts).toEqual(['SQLITE_BUSY']);
      expect(store.load().scenario.title).toBe(reportLibrary().scenario.title);
    } finally {
      store.close();
    }
  });

  it('closes the file again when its window closes while the worker checks it, and the open reports CANCELLED', async () => {
    const path = scenarioFile('closed-meanwhile.scenario', 2_000);
    const before = hashOf(path);
    const sessions = new SessionRegistry(join(h.dir, 'userData'), { syncMaxBytes: 0 }, () => '', openChecksInWorker({ script: openWorkerScript() }));
    const opening = sessions.openFile(7, path).then(() => null, (err: unknown) => err);
    sessions.close(7);
    expect(await opening).toMatchObject({ code: 'CANCELLED', message: `Opening ${path} was cancelled: the window closed or opened another file meanwhile.` });
    expect(sessions.get(7)).toBeUndefined();
    // Nothing holds the file: it opens for editing at once.
    unwrapStore(openScenarioFile(path)).close();
    expect(hashOf(path)).toBe(before);
  });

  it('reads a file to compare with or merge in through the same bound: in the worker past the size, TIMED_OUT past the time', async () => {
    const path = scenarioFile('other.scenario', 2_000);
    const before = hashOf(path);
    const sessions = new SessionRegistry(join(h.dir, 'userData'), { syncMaxBytes: 0 }, () => '', openChecksInWorker({ script: openWorkerScript() }));
    const other = await sessions.readOther(path);
    try {
      expect(other.readOnly).not.toBeNull();
      expect(other.load().nodes.length).toBeGreaterThan(2_000);
    } finally {
      other.close();
    }
    const hurried = new SessionRegistry(join(h.dir, 'userData'), { syncMaxBytes: 0 }, () => '', openChecksInWorker({ script: openWorkerScript(), timeoutMs: 1 }));
    await expect(hurried.readOther(path)).rejects.toMatchObject({ code: 'TIMED_OUT' });
    expect(hashOf(path)).toBe(before);
  });

  it('refuses a bad row found by the worker with the synchronous path\'s message, and changes nothing', async () => {
    const path = scenarioFile('bad-row.scenario', 2_000);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path);
    raw.pragma('ignore_check_constraints = ON');
    raw.prepare("UPDATE nodes SET likelihood = 9 WHERE id = 'bulk-7'").run();
    raw.close();
    const before = hashOf(path);
    const synchronous = openScenarioFile(path);
    const bounded = await openScenarioFileBounded(path, { syncMaxBytes: 0 }, openChecksInWorker({ script: openWorkerScript() }));
    expect(synchronous.ok).toBe(false);
    expect(bounded).toEqual(synchronous);
    const checked = await checkScenarioFileBounded(path, { syncMaxBytes: 0 }, openChecksInWorker({ script: openWorkerScript() }));
    expect(checked).toEqual(checkScenarioFile(path));
    expect(hashOf(path)).toBe(before);
  });

  it('refuses a check past its bound with TIMED_OUT in one line naming the file; the file and its folder are unchanged', async () => {
    const path = scenarioFile('slow.scenario', 20_000);
    const before = hashOf(path);
    const listing = readdirSync(h.dir).sort();
    const mtime = statSync(path).mtimeMs;
    // A bound no worker can meet (it cannot even start in 1 ms) stands in for a check that does not end.
    const checks = openChecksInWorker({ script: openWorkerScript(), timeoutMs: 1 });
    for (const readOnly of [false, true]) {
      const refused = await openScenarioFileBounded(path, { syncMaxBytes: 0, readOnly }, checks);
      expect(refused).toEqual({ ok: false, error: { code: 'TIMED_OUT', message: `Opening ${path} was stopped: checking the file did not finish in 1 ms. Nothing was changed.` } });
    }
    const checked = await checkScenarioFileBounded(path, { syncMaxBytes: 0 }, checks);
    expect(checked).toEqual({ ok: false, error: { code: 'TIMED_OUT', message: `Checking ${path} was stopped: checking the file did not finish in 1 ms. Nothing was changed.` } });
    expect(hashOf(path)).toBe(before);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(readdirSync(h.dir).sort()).toEqual(listing);
  });

  it('opens a file larger than the synchronous limit through the app\'s Open, in the worker, while the main thread keeps turning', async () => {
    // Sized from the limit itself, so the test follows it: comfortably past SYNC_CHECK_MAX_BYTES.
    const path = scenarioFile('beyond-limit.scenario', Math.ceil((SYNC_CHECK_MAX_BYTES * 1.2) / 200));
    expect(statSync(path).size).toBeGreaterThan(SYNC_CHECK_MAX_BYTES);
    const before = hashOf(path);
    const synchronous = unwrapStore(openScenarioFile(path, { readOnly: true }));
    const expected = synchronous.load();
    synchronous.close();
    h.dialogs.open.push(path);
    const counter = turnCounter();
    const view = await h.view('openScenario', {});
    expect(counter.stop()).toBeGreaterThan(10);
    expect(view.document).toEqual(expected);
    expect(view.readOnly).toBeNull();
    h.main.sessions.closeAll();
    expect(hashOf(path)).toBe(before);
  });
});
