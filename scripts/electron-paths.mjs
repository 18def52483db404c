// Where the Electron binary and the Electron build of better-sqlite3 live, without triggering
// Electron's first-run download. Shared by the npm scripts and the smoke test.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectRoot, 'package.json'));

export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/** The Electron executable if it has been downloaded (or overridden), else null. */
export function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const full = join(base, relative);
  return existsSync(full) ? full : null;
}

/** Must match main/app/native-binding.ts electronBindingPath(). */
export function electronBindingPath(version = electronVersion()) {
  return join(projectRoot, '.native', `electron-${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}
