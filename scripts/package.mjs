#!/usr/bin/env node
// Builds installers with electron-builder from packaging/electron-builder.json: Linux AppImage
// and deb, Windows NSIS, macOS dmg (each only on, or for, a platform electron-builder supports
// from the machine it runs on). electron-builder is fetched by npx at the pinned version, not
// installed as a devDependency, so `npm ci` never downloads it. It rebuilds better-sqlite3 for
// Electron's ABI (npmRebuild), packs only production dependencies, and sets the Electron fuses.
// Needs the network and the Electron binary; it cannot run on machines without them.
import { spawnSync } from 'node:child_process';

export const ELECTRON_BUILDER = 'electron-builder@25.1.8';

const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run('npx', ['electron-vite', 'build']);
run('npx', ['--yes', ELECTRON_BUILDER, '--config', 'packaging/electron-builder.json', ...process.argv.slice(2)]);
