#!/usr/bin/env node
// Scans the built app (out/) with @doyensec/electronegativity and fails on any finding of
// MEDIUM severity or higher. Offline: AvailableSecurityFixesGlobalCheck fetches release data,
// so it is excluded. PRELOAD_JS_CHECK only says "review the use of preload scripts" wherever one
// exists; ours is reviewed and pinned by tests/unit/main/preload-api.test.ts (exactly the
// contract's methods, never ipcRenderer), so that reminder is excluded too.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronVersion, projectRoot } from './electron-paths.mjs';

export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck', 'PreloadJSCheck'];
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

export function scan(input = join(projectRoot, 'out')) {
  const require = createRequire(join(projectRoot, 'package.json'));
  const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
  const dir = mkdtempSync(join(tmpdir(), 'sw-electronegativity-'));
  const csv = join(dir, 'result.csv');
  const run = spawnSync(process.execPath, [cli, '-i', input, '-e', electronVersion(), '-x', EXCLUDED_CHECKS.join(','), '-r', '-v', 'false', '-o', csv], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`electronegativity failed: ${run.stderr || run.stdout}`);
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  rmSync(dir, { recursive: true, force: true });
  const findings = rows.map((line) => {
    const [issue, severity, confidence, file, location] = line.split(',');
    return { issue, severity: severity.replaceAll('"', ''), confidence: confidence.replaceAll('"', ''), file: file.replaceAll('"', ''), location: location.replaceAll('"', '') };
  });
  return { findings, blocking: findings.filter((f) => BLOCKING.has(f.severity)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { findings, blocking } = scan();
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.issue} ${f.file}:${f.location}`);
  console.log(`electronegativity: ${findings.length} findings, ${blocking.length} of medium severity or higher`);
  process.exit(blocking.length ? 1 : 0);
}
