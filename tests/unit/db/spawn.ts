/** Running child-store.ts in another process and reading its line protocol. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const CHILD_SCRIPT = join(import.meta.dirname, 'child-store.ts');
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');

export interface Child {
  proc: ChildProcess;
  lines: string[];
  /** Resolves with the first line matching, or rejects when the process exits first. */
  waitFor(pattern: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

export function startChild(args: string[], command: string[] = []): Child {
  const argv = [...command, process.execPath, '--import', 'tsx', CHILD_SCRIPT, ...args];
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
