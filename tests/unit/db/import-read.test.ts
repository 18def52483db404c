// Import sources: only regular files are read, at once refused otherwise (a FIFO would block
// forever, /dev/zero never ends), and the size cap counts the bytes read, not what stat claims.
import { execFileSync } from 'node:child_process';
import { statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImportText } from '../../../db';
import { folderHashes, tempDir } from './helpers';

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.cleanup());

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected a refusal');
}

describe('readImportText', () => {
  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir.dir, 'p.json');
    execFileSync('mkfifo', [fifo]);
    const before = folderHashes(dir.dir);
    const error = await refusal(readImportText(fifo));
    expect(error).toMatchObject({ code: 'BAD_PATH', message: expect.stringMatching(/p\.json is not a regular file/) });
    expect(folderHashes(dir.dir)).toEqual(before);
  }, 10_000);

  it('refuses a device, even behind a link with an import extension', async () => {
    const link = join(dir.dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    expect(await refusal(readImportText(link))).toMatchObject({ code: 'BAD_PATH', message: expect.stringMatching(/not a regular file/) });
    expect(await refusal(readImportText('/dev/null'))).toMatchObject({ code: 'BAD_PATH' });
  });

  it('caps the bytes actually read, not the size stat reports', async () => {
    const proc = '/proc/self/maps';
    expect(statSync(proc).size).toBe(0); // what stat claims
    expect(await refusal(readImportText(proc, 64))).toMatchObject({ code: 'IMPORT_INVALID', message: expect.stringMatching(/too large to import \(over 64 bytes\)/) });
    const file = join(dir.dir, 'ok.json');
    writeFileSync(file, 'x'.repeat(64));
    expect(await readImportText(file, 64)).toHaveLength(64);
    writeFileSync(file, 'x'.repeat(65));
    expect(await refusal(readImportText(file, 64))).toMatchObject({ code: 'IMPORT_INVALID' });
  });

  it('refuses a folder and text that is not UTF-8, each with one line', async () => {
    expect(await refusal(readImportText(dir.dir))).toMatchObject({ code: 'BAD_PATH', message: expect.stringMatching(/is a folder/) });
    const latin1 = join(dir.dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    expect(await refusal(readImportText(latin1))).toMatchObject({ code: 'IMPORT_INVALID', message: 'latin1.csv is not UTF-8 text.' });
  });
});
