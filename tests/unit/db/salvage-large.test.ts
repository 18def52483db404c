/**
 * Recovering a file of 2 GiB or more: Node reads at most 2 GiB in one call, so the copy is
 * streamed in chunks (into a private temp file, as sparse as the source), and such a file is
 * recovered instead of being reported as one SQLite cannot read. The file here is sparse: a
 * sound scenario padded with zeros past 2 GiB, which costs no disk space.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openScenarioFile } from '../../../db';
import { runCli } from '../../../main/cli';
import { createRich, richDocument, tempDir } from './helpers';

const TWO_GIB = 2 * 1024 * 1024 * 1024;

let dir: { dir: string; cleanup: () => void };
beforeEach(() => (dir = tempDir('swb-large-')));
afterEach(() => dir.cleanup());

/** Size, mtime and a hash of the first MiB, where the scenario's pages are: hashing 2 GiB of zeros would only cost time. */
function fingerprint(path: string): string {
  const stats = statSync(path);
  const head = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  const read = readSync(fd, head, 0, head.byteLength, 0);
  closeSync(fd);
  return `${stats.size} ${stats.mtimeMs} ${createHash('sha256').update(head.subarray(0, read)).digest('hex')}`;
}

const recoveryTemps = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith('scenario-recovery-'));

describe('recover on a file of 2 GiB or more', () => {
  it('streams the file, recovers every row, leaves the source unchanged and no temp copy behind', async () => {
    const source = join(dir.dir, 'padded.scenario');
    createRich(dir.dir, 'padded.scenario').close();
    truncateSync(source, TWO_GIB + 8192); // still a whole number of pages
    const before = fingerprint(source);
    const tempsBefore = recoveryTemps();
    const out = join(dir.dir, 'recovered.scenario');
    let stdout = '';
    let stderr = '';
    const code = await runCli(['recover', source, '-o', out], { version: 'test', cwd: dir.dir, out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`created ${out}`);
    expect(stdout).toContain(`Recovered 2 crises, ${richDocument().nodes.length} nodes`);
    expect(fingerprint(source)).toBe(before);
    expect(recoveryTemps()).toEqual(tempsBefore);
    const opened = openScenarioFile(out, { readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      expect(opened.store.load().nodes.map((n) => n.id).sort()).toEqual(richDocument().nodes.map((n) => n.id).sort());
    } finally {
      opened.store.close();
    }
  }, 120_000);
});
