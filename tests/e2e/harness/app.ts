/**
 * The e2e harness: real Chromium (Debian's, via playwright-core) on the built renderer, with the
 * preload API bridged to the real main-process handlers through exposeBinding. Native dialogs
 * are replaced by a scripted provider; every test gets its own temp data folder. Each page is a
 * window: when main's window router asks for a new window, a new page opens, so a file that goes
 * to a window of its own takes the same path as in the app.
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
import { importWorkerScript, openWorkerScript } from '../../unit/support/workers';
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
  /** The page of a window main opened (window 1 is `page`), once it has loaded. */
  window(windowId: number): Promise<Page>;
  /** The windows open now, by id. */
  windowIds(): number[];
  /** Windows main focused, in order. */
  focused: number[];
  screenshot(name: string): Promise<string>;
  /** Reload the page and wait for the app to be ready (a large document may need a longer `timeout`, in ms). */
  reload(options?: { timeout?: number }): Promise<void>;
  close(): Promise<void>;
}

/**
 * `windows: 'many'` lets main open windows of its own (a page each), as the app does; by default
 * the harness has one window, and a file main would give a new window goes to the window that
 * asked (WindowHost.createWindow returns null), which most tests, written for one page, expect.
 */
export async function launchApp(options: { viewport?: { width: number; height: number }; windows?: 'one' | 'many' } = {}): Promise<AppSession> {
  const workDir = mkdtempSync(join(tmpdir(), 'sw-e2e-'));
  const dataDir = join(workDir, 'userData');
  mkdirSync(dataDir);
  const dialogs = new ScriptedDialogs();
  // Windows: each is a page; main creates them through WindowHost, as the app does.
  const windowOfPage = new Map<Page, number>();
  const windowPages = new Map<number, Promise<Page>>();
  const focused: number[] = [];
  let nextWindowId = WINDOW_ID + 1;
  let openWindowPage: (windowId: number) => Promise<Page> = () => Promise.reject(new Error('no browser yet'));
  const pushEvent = async (windowId: number, event: EventName, payload: unknown) => {
    const target = await windowPages.get(windowId)?.catch(() => undefined);
    await target
      ?.evaluate(([channel, body]) => window.__swEmit(channel, body), [ipcEvent(event), payload] as const)
      .catch(() => undefined);
  };
  const services: AppServices = {
    appName: 'Scenario Workbench',
    version: '0.0.0-test',
    platform: process.platform,
    userDataDir: dataDir,
    importWorker: importWorkerScript(),
    openWorker: openWorkerScript(),
    dialogs,
    windows: {
      createWindow: () => {
        if (options.windows !== 'many') return null;
        const windowId = nextWindowId++;
        windowPages.set(windowId, openWindowPage(windowId));
        return windowId;
      },
      closeWindow: (windowId) => {
        const closing = windowPages.get(windowId);
        windowPages.delete(windowId);
        void closing?.then((closed) => closed.close()).catch(() => undefined);
      },
      focusWindow: (windowId) => void focused.push(windowId),
      documentChanged: () => undefined,
      send: (windowId, event, payload) => void pushEvent(windowId, event, payload),
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
  await context.exposeBinding('__swInvoke', async (source, channel: string, request: unknown) => {
    const name = channel.replace(/^sw:/, '') as ChannelName;
    if (!CHANNEL_NAMES.includes(name)) return { ok: false, error: { code: 'BAD_REQUEST', message: 'unknown channel' } };
    return invokeHandler(main.handlers, name, { windowId: windowOfPage.get(source.page) ?? WINDOW_ID }, request);
  });
  await context.addInitScript({ content: await bundleBridge() });
  openWindowPage = async (windowId) => {
    const opened = await context.newPage();
    windowOfPage.set(opened, windowId);
    opened.on('pageerror', (error) => errors.push(`pageerror (window ${windowId}): ${error.message}`));
    opened.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console (window ${windowId}): ${message.text()}`);
    });
    await opened.goto(APP_URL);
    await opened.locator('#root[data-app-state="ready"]').waitFor();
    return opened;
  };
  const first = openWindowPage(WINDOW_ID);
  windowPages.set(WINDOW_ID, first);
  const page = await first;
  return {
    browser,
    context,
    page,
    dataDir,
    workDir,
    dialogs,
    main,
    errors,
    emit: (event, payload) => page.evaluate(([channel, body]) => window.__swEmit(channel, body), [ipcEvent(event), payload] as const),
    window: (windowId) => windowPages.get(windowId) ?? Promise.reject(new Error(`no window ${windowId}`)),
    windowIds: () => [...windowPages.keys()],
    focused,
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    reload: async (options = {}) => {
      await page.reload({ timeout: options.timeout });
      await page.locator('#root[data-app-state="ready"]').waitFor({ timeout: options.timeout });
    },
    close: async () => {
      await browser.close();
      main.sessions.closeAll();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
