// Imports run in a worker thread with a time bound: the main thread keeps turning while a large
// file is parsed and validated, and an import past its bound is stopped with one line naming it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportLibrary } from '../../../core/library';
import { exportDocumentJson } from '../../../db';
import { importInWorker } from '../../../main/import/run';
import { importWorkerScript } from '../support/workers';
import { hashOf, largeLibraryDocument } from '../support/large-document';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => void (h = mainHarness()));
afterEach(() => h.dispose());


describe('import in a worker thread', () => {
  it('keeps the main thread turning while a large file is parsed and validated', async () => {
    const source = join(h.dir, 'large.json');
    writeFileSync(source, exportDocumentJson(largeLibraryDocument(20_000)));
    const before = hashOf(source);
    // Counts event-loop turns from the moment the worker has read the file until its answer:
    // parsing and validating on this thread would leave no turn in between.
    let turns = 0;
    let counting = false;
    let read = false;
    const spin = () => {
      if (!counting) return;
      turns++;
      setImmediate(spin);
    };
    const imported = await importInWorker(source, { format: 'json', title: 'large' }, {
      script: importWorkerScript(),
      onRead: () => {
        read = true;
        counting = true;
        setImmediate(spin);
      },
    }).finally(() => void (counting = false));
    expect(read).toBe(true);
    expect(turns).toBeGreaterThan(10);
    expect(imported.document.nodes).toHaveLength(reportLibrary().nodes.length + 20_000);
    expect(hashOf(source)).toBe(before);
  });

  it('stops an import that runs past its bound, with one line naming the file', async () => {
    const source = join(h.dir, 'slow.json');
    writeFileSync(source, exportDocumentJson(largeLibraryDocument(20_000)));
    const before = hashOf(source);
    // A bound no worker can meet (it cannot even start in 1 ms) stands in for a source that never ends.
    const refusal = await importInWorker(source, { format: 'json', title: 'slow' }, { script: importWorkerScript(), timeoutMs: 1 }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refusal).toMatchObject({ code: 'TIMED_OUT', message: `Import of ${source} was stopped: reading and checking it did not finish in 1 ms.` });
    expect(hashOf(source)).toBe(before);
  });

  it('refuses a FIFO nobody writes to at once, through the app handler, and creates nothing', async () => {
    const { execFileSync } = await import('node:child_process');
    const fifo = join(h.dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    h.dialogs.importSources.push(fifo);
    const result = await h.call('importScenario', { format: 'json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_PATH', message: expect.stringContaining(`${fifo} is not a regular file`) } });
  });

  it('reports a bad import through the worker as before: the file name and the first bad path', async () => {
    const source = join(h.dir, 'bad.json');
    writeFileSync(source, '{"format": 1, "scenario": 5}');
    h.dialogs.importSources.push(source);
    const result = await h.call('importScenario', { format: 'json' });
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', message: expect.stringMatching(/^bad\.json: /) } });
  });
});
