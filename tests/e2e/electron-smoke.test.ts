// Launches the built app in real Electron and waits for it to be ready. Electron fetches its
// binary on first run; where that binary is absent (machines without internet access, like our
// CI), this test is skipped and says so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper shared with the npm scripts
import { electronBinary } from '../../scripts/electron-paths.mjs';

const root = resolve(import.meta.dirname, '../..');
const binary = (electronBinary as () => string | null)();
const reason = 'skipped: the Electron binary is not downloaded on this machine (Electron fetches it on first run, which needs internet access)';

if (!binary) console.warn(`[electron-smoke] ${reason}`);

describe('Electron smoke', () => {
  it.skipIf(!binary)(`launches the built app and reaches ready${binary ? '' : ` — ${reason}`}`, async () => {
    const native = spawnSync(process.execPath, [join(root, 'scripts/ensure-electron-native.mjs')], { stdio: 'inherit' });
    expect(native.status).toBe(0);
    const userData = mkdtempSync(join(tmpdir(), 'sw-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(root, 'out/main/index.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    try {
      const page = await app.firstWindow();
      await page.locator('#root[data-app-state="ready"]').waitFor({ timeout: 60_000 });
      expect(page.url()).toBe('app://workbench/index.html');
      expect(await page.evaluate(() => typeof Reflect.get(window, 'require'))).toBe('undefined');
      await page.getByTestId('welcome-new').click();
      await page.getByTestId('add-trigger').waitFor();
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});
