/**
 * The import worker (main/import/worker.ts) bundled from the sources into one plain JavaScript
 * file, as electron-vite builds it into out/main/import-worker.js, so the handler harnesses run
 * the same worker code as the app without a build step. Named by content, written under a
 * temporary name and renamed, so test processes building at once share one file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');
let bundled: string | null = null;

export function importWorkerScript(): string {
  if (bundled) return bundled;
  const dir = join(PROJECT_ROOT, 'node_modules', '.cache', 'scenario-workbench-tests');
  mkdirSync(dir, { recursive: true });
  const built = buildSync({ entryPoints: [join(PROJECT_ROOT, 'main', 'import', 'worker.ts')], bundle: true, write: false, platform: 'node', format: 'esm', target: 'node20', external: ['better-sqlite3'], logLevel: 'warning' });
  const code = built.outputFiles[0]!.contents;
  const out = join(dir, `import-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(out)) {
    const temp = `${out}.${process.pid}.${randomUUID().slice(0, 8)}`;
    writeFileSync(temp, code);
    renameSync(temp, out);
  }
  bundled = out;
  return out;
}
