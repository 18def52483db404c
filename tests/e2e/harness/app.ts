/**
 * The e2e harness: real Chromium (Debian's, via playwright-core) on the built renderer, with the
 * preload API bridged to the real main-process handlers through exposeBinding. Native dialogs
 * are replaced by a scripted provider; every test gets its own temp data folder.
 */
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHANNEL_NAMES, ipcEvent, type ChannelName, type EventName } from '../../../core/contract';
import { APP_SCHEME } from '../../../main/app/security-policy';
import { resolveAppAsset } from '../../../main/app/asset-path';
import type { AppServices, DialogProvider } from '../../../main/app/services';
import { createHandlers, type HandlerContext } from '../../../main/handlers';
import { invokeHandler } from '../../../main/ipc/adapter';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/security-policy';

const root = resolve(import.meta.dirname, '../../..');
const rendererDir = join(root, 'out/renderer');
// https so the page is a secure context, as app:// is in Electron.
const APP_URL = 'https://workbench.test/index.html';
export const SCREENSHOT_DIR = join(root, 'screenshots');
export const WINDOW_ID = 1;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Answers the next native dialog of each kind; null (the default) means the user cancelled. */
export class ScriptedDialogs implements DialogProvider {
  open: string[] = [];
  save: string[] = [];
  exportTargets: string[] = [];
  importSources: string[] = [];
  async chooseScenarioToOpen() { return this.open.shift() ?? null; }
  async chooseScenarioTarget() { return this.save.shift() ?? null; }
  async chooseExportTarget() { return this.exportTargets.shift() ?? null; }
  async chooseImportSource() { return this.importSources.shift() ?? null; }
}

let bridgeScript: Promise<string> | undefined;
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  }).then((out) => out.outputFiles[0]!.text);
  return bridgeScript;
}

export interface AppSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  workDir: string;
  dialogs: ScriptedDialogs;
  main: HandlerContext;
  errors: string[];
  emit(event: EventName, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<string>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export async function launchApp(options: { viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const workDir = mkdtempSync(join(tmpdir(), 'sw-e2e-'));
  const dataDir = join(workDir, 'userData');
  mkdirSync(dataDir);
  const dialogs = new ScriptedDialogs();
  // Events from main reach the page once it exists, as webContents.send does in the app.
  let pushEvent: (event: EventName, payload: unknown) => Promise<void> = async () => undefined;
  const services: AppServices = {
    appName: 'Scenario Workbench',
    version: '0.0.0-test',
    platform: process.platform,
    userDataDir: dataDir,
    dialogs,
    windows: {
      openInNewWindow: () => false,
      focusWindow: () => undefined,
      documentChanged: () => undefined,
      send: (_windowId, event, payload) => void pushEvent(event, payload),
    },
    shell: { openPath: async () => undefined, showInFolder: () => undefined },
  };
  const main = createHandlers(services);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, ignoreHTTPSErrors: true });
  const errors: string[] = [];
  await context.route('https://workbench.test/**', async (route) => {
    const asset = resolveAppAsset(rendererDir, route.request().url().replace(/^https:/, `${APP_SCHEME}:`).replace('//workbench.test', '//workbench'));
    if (!asset.ok) return route.fulfill({ status: asset.status });
    return route.fulfill({
      status: 200,
      body: readFileSync(asset.path),
      headers: { 'content-type': asset.mime, 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  await context.exposeBinding('__swInvoke', async (_source, channel: string, request: unknown) => {
    const name = channel.replace(/^sw:/, '') as ChannelName;
    if (!CHANNEL_NAMES.includes(name)) return { ok: false, error: { code: 'BAD_REQUEST', message: 'unknown channel' } };
    return invokeHandler(main.handlers, name, { windowId: WINDOW_ID }, request);
  });
  await context.addInitScript({ content: await bundleBridge() });
  const page = await context.newPage();
  pushEvent = (event, payload) =>
    page
      .evaluate(([channel, body]) => (window as unknown as { __swEmit(c: string, p: unknown): void }).__swEmit(channel, body), [ipcEvent(event), payload] as const)
      .catch(() => undefined);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(APP_URL);
  await page.locator('#root[data-app-state="ready"]').waitFor();
  return {
    browser,
    context,
    page,
    dataDir,
    workDir,
    dialogs,
    main,
    errors,
    emit: (event, payload) => page.evaluate(([channel, body]) => (window as unknown as { __swEmit(c: string, p: unknown): void }).__swEmit(channel, body), [ipcEvent(event), payload] as const),
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    reload: async () => {
      await page.reload();
      await page.locator('#root[data-app-state="ready"]').waitFor();
    },
    close: async () => {
      await browser.close();
      main.sessions.closeAll();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
