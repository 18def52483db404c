#!/usr/bin/env node
// Before `npm start`: make sure a better-sqlite3 build for Electron's ABI exists in .native/.
// It is built in a scratch copy of the package, so node_modules keeps the Node build that the
// CLI and the tests use: `npm start` and `npm test` work in either order, with no manual step.
// Needs the internet once (Electron headers or a prebuilt binary), like Electron itself.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronBindingPath, electronVersion, projectRoot } from './electron-paths.mjs';

const version = electronVersion();
const target = electronBindingPath(version);
if (existsSync(target)) process.exit(0);

const require = createRequire(join(projectRoot, 'package.json'));
const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
const scratch = mkdtempSync(join(tmpdir(), 'sw-native-'));
const work = join(scratch, 'better-sqlite3');
cpSync(packageDir, work, { recursive: true, filter: (src) => !src.includes(`${join(packageDir, 'build')}`) });

const run = (command, args) => spawnSync(command, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
console.log(`[scenario-workbench] building better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})…`);
const prebuilt = run(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform]);
const built =
  prebuilt ||
  run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers']);
if (!built) {
  rmSync(scratch, { recursive: true, force: true });
  console.error('[scenario-workbench] could not build better-sqlite3 for Electron: is the internet reachable, and are a C++ toolchain and Python installed?');
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(scratch, { recursive: true, force: true });
console.log(`[scenario-workbench] Electron build of better-sqlite3 ready: ${target}`);
