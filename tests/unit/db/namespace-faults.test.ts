/**
 * Disk full and read-only disk, simulated with a private tmpfs in a user+mount namespace
 * (`unshare -rm`), because as root chmod cannot stop us writing. Skipped, visibly, where
 * namespaces are unavailable.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';
import { PROJECT_ROOT } from './spawn';

const SCRIPT = join(import.meta.dirname, 'namespace-child.ts');
const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt && echo ok'], { encoding: 'utf8' });
const namespacesWork = probe.stdout.trim() === 'ok';
if (!namespacesWork) console.warn(`SKIPPED disk-full and read-only tests: unshare -rm with tmpfs is unavailable here (${probe.stderr.trim() || probe.error?.message})`);

function inNamespace(mode: string, sizeKb: number, outside: string): Record<string, unknown> {
  const mount = join(outside, 'mnt');
  const script = `mkdir -p ${mount} && mount -t tmpfs -o size=${sizeKb}k tmpfs ${mount} && exec "${process.execPath}" --import tsx "${SCRIPT}" ${mode} ${mount} ${outside}`;
  const run = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  if (!last.startsWith('{')) throw new Error(`namespace child failed: ${run.stdout} ${run.stderr}`);
  return JSON.parse(last) as Record<string, unknown>;
}

describe.skipIf(!namespacesWork)('faults on a private tmpfs', () => {
  it('disk full: SQLITE_FULL reaches the caller as DISK_FULL and the file stays valid', () => {
    const { dir, cleanup } = tempDir('swb-full-');
    try {
      const result = inNamespace('disk-full', 1024, dir);
      expect(result).toMatchObject({ step: 'done', error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full/) }, checkOk: true });
      expect(result.committed as number).toBeGreaterThan(3);
      // Every committed edit is in the file, and the failed one is not.
      expect(result.nodesAfter).toBe(result.committed);
      expect(result.loaded).toBe(result.committed);
    } finally {
      cleanup();
    }
  });

  it('read-only disk: opens read-only with the reason, refuses edits, and Save As elsewhere works', () => {
    const { dir, cleanup } = tempDir('swb-ro-');
    try {
      const result = inNamespace('read-only', 4096, dir);
      expect(result).toMatchObject({
        step: 'done',
        readOnly: { code: 'READ_ONLY', message: expect.stringMatching(/read-only/) },
        editError: { code: 'READ_ONLY' },
        nodes: ['before-ro'],
        rescuedNodes: ['before-ro'],
      });
    } finally {
      cleanup();
    }
  });

  it('a read-only folder: create, Save As, export and recover each refuse with one line naming the folder, and leave nothing', () => {
    const { dir, cleanup } = tempDir('swb-rofolder-');
    try {
      const result = inNamespace('read-only-folder', 4096, dir);
      const mount = join(dir, 'mnt');
      const errors = result.errors as Record<string, { code: string; message: string }>;
      for (const [what, error] of Object.entries(errors)) {
        expect(error, what).toMatchObject({ code: 'READ_ONLY' });
        expect(error.message, what).toContain(`the folder ${mount} is on a read-only disk`);
        expect(error.message, what).not.toMatch(/\n|could not be read or written/);
      }
      expect(result.left).toEqual(['plan.scenario']);
    } finally {
      cleanup();
    }
  });

  it('recover onto a nearly full disk: DISK_FULL said once, naming the file, and no temp file or -journal left', () => {
    const { dir, cleanup } = tempDir('swb-recfull-');
    try {
      const result = inNamespace('recover-full', 1024, dir);
      const error = result.error as { code: string; message: string };
      expect(error.code).toBe('DISK_FULL');
      expect(error.message).toContain(join(dir, 'mnt', 'recovered.scenario'));
      expect(error.message.match(/disk is full/g)).toHaveLength(1);
      expect(error.message).not.toMatch(/not saved|\n/);
      // Exactly what was there before: no .recovered.scenario.creating-* and no -journal beside it.
      expect(result.left).toEqual(result.before);
    } finally {
      cleanup();
    }
  });
});
