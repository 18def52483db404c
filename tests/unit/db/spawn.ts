/** Running child-store.ts in another process and reading its line protocol. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export const CHILD_SCRIPT = join(import.meta.dirname, 'child-store.ts');
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');

let bundled: string | null = null;

/**
 * child-store.ts and the db/ and core/ code it runs, bundled once per test process into one plain
 * JavaScript file, so each child starts with plain `node`: `--import tsx` compiles those sources
 * again in every child, about five times the start-up cost (4 s against 0.8 s a child on a loaded
 * machine), and the kill test alone starts 50 children. The child runs the same code either way.
 * The bundle lives inside the project so `better-sqlite3`, kept external as a native addon,
 * resolves from node_modules. It is named by its content, written under a temporary name and
 * renamed, so test processes building at once share one file and an edit to the sources makes a
 * new one.
 */
export function childScript(): string {
  if (bundled) return bundled;
  const dir = join(PROJECT_ROOT, 'node_modules', '.cache', 'scenario-workbench-tests');
  mkdirSync(dir, { recursive: true });
  const built = buildSync({ entryPoints: [CHILD_SCRIPT], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning' });
  const code = built.outputFiles[0]!.contents;
  const out = join(dir, `child-store-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(out)) {
    const temp = `${out}.${process.pid}.${randomUUID().slice(0, 8)}`;
    writeFileSync(temp, code);
    renameSync(temp, out);
  }
  bundled = out;
  return out;
}

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching, or rejects when the process exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

export function startChild(args: string[], command: string[] = []): Child {
  const argv = [...command, process.execPath, childScript(), ...args];
  const proc = spawn(argv[0]!, argv.slice(1), { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  let buffer = '';
  let stderr = '';
  proc.stdout!.setEncoding('utf8');
  proc.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.pattern.test(line)) waiters.splice(i, 1)[0]!.resolve(line);
      }
    }
  });
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exited,
    waitFor(pattern) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before ${pattern}: ${lines.join(' | ')} ${stderr}`)));
      });
    },
  };
}

/** Run a child to completion and return its stdout lines. */
export async function runChild(args: string[], command: string[] = []): Promise<string[]> {
  const child = startChild(args, command);
  await child.exited;
  return child.lines;
}
