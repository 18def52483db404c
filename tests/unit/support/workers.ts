/**
 * The worker entries (main/import/worker.ts, main/open/worker.ts) bundled from the sources into
 * plain JavaScript files, as electron-vite builds them into out/main/, so the handler harnesses
 * run the same worker code as the app without a build step. Named by content, written under a
 * temporary name and renamed, so test processes building at once share one file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');
const bundled = new Map<string, string>();

function workerScript(name: string, entry: string): string {
  const known = bundled.get(entry);
  if (known) return known;
  const dir = join(PROJECT_ROOT, 'node_modules', '.cache', 'scenario-workbench-tests');
  mkdirSync(dir, { recursive: true });
  const built = buildSync({ entryPoints: [join(PROJECT_ROOT, entry)], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning' });
  const code = built.outputFiles[0]!.contents;
  const out = join(dir, `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(out)) {
    const temp = `${out}.${process.pid}.${randomUUID().slice(0, 8)}`;
    writeFileSync(temp, code);
    renameSync(temp, out);
  }
  bundled.set(entry, out);
  return out;
}

export const importWorkerScript = (): string => workerScript('import-worker', join('main', 'import', 'worker.ts'));
export const openWorkerScript = (): string => workerScript('open-worker', join('main', 'open', 'worker.ts'));
