// The app hands better-sqlite3 an explicit binary (the Electron build in .native/). Here the
// Node build is copied elsewhere and passed the same way, so the option is proven to be used
// on every path: create, open, check, Save As and the in-memory schema comparison.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBindingPath, findElectronBinding } from '../../../main/app/native-binding';
import { checkScenarioFile, createScenarioFile, openScenarioFile } from '../../../db';

const dir = mkdtempSync(join(tmpdir(), 'sw-native-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the better-sqlite3 binding chosen at run time', () => {
  it('finds the Electron build only under Electron, and only where it was built', () => {
    const expected = electronBindingPath(dir, '45.5.0', 'x64', 'linux');
    expect(expected).toBe(join(dir, '.native', 'electron-45.5.0-linux-x64', 'better_sqlite3.node'));
    expect(findElectronBinding(dir, { ...process.versions, electron: '45.5.0' }, 'x64', 'linux')).toBeUndefined();
    mkdirSync(dirname(expected), { recursive: true });
    copyFileSync(nodeBuild(), expected);
    expect(findElectronBinding(dir, { ...process.versions, electron: '45.5.0' }, 'x64', 'linux')).toBe(expected);
    expect(findElectronBinding(dir, process.versions, 'x64', 'linux')).toBeUndefined();
  });

  it('runs every store path through the binary it is given', () => {
    const binding = join(dir, 'elsewhere', 'better_sqlite3.node');
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(nodeBuild(), binding);
    const file = join(dir, 'bound.scenario');
    const created = createScenarioFile(file, { title: 'Bound' }, { nativeBinding: binding });
    expect(created.ok).toBe(true);
    if (created.ok) created.store.close();
    const opened = openScenarioFile(file, { nativeBinding: binding });
    expect(opened.ok).toBe(true);
    if (opened.ok) {
      opened.store.saveAs(join(dir, 'copy.scenario'));
      opened.store.close();
    }
    expect(checkScenarioFile(join(dir, 'copy.scenario'), { nativeBinding: binding })).toMatchObject({ ok: true, info: { title: 'Bound' } });
    const missing = openScenarioFile(file, { nativeBinding: join(dir, 'no-such.node') });
    expect(missing.ok).toBe(false);
  });
});

function nodeBuild(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
}
