#!/usr/bin/env node
// Before the tests, the CLI's build and benchmarks: better-sqlite3 in node_modules must load in
// this Node. It only fails if something rebuilt it in place for another ABI; rebuild it then.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectRoot } from './electron-paths.mjs';

const require = createRequire(join(projectRoot, 'package.json'));
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (error) {
  console.log(`[scenario-workbench] better-sqlite3 does not load in Node ${process.version} (${error.message}); rebuilding it`);
  const cwd = dirname(require.resolve('better-sqlite3/package.json'));
  const result = spawnSync('npm', ['run', 'build-release'], { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
