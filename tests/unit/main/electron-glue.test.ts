// The Electron glue, with a mocked `electron`: security flags, CSP, navigation, window-open,
// permissions, and the IPC sender check.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const mock = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  class FakeContents {
    listeners = new Map<string, Listener[]>();
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    on(event: string, listener: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send = () => undefined;
  }
  let nextId = 1;
  class FakeWindow {
    static all: FakeWindow[] = [];
    id = nextId++;
    webContents = new FakeContents();
    loaded: string | null = null;
    constructor(public options: { webPreferences: Record<string, unknown> }) {
      FakeWindow.all.push(this);
    }
    once() { return this; }
    on() { return this; }
    loadURL(url: string) { this.loaded = url; return Promise.resolve(); }
    static fromWebContents(contents: unknown) {
      return FakeWindow.all.find((w) => w.webContents === contents) ?? null;
    }
    static getFocusedWindow() { return null; }
  }
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  return {
    FakeWindow,
    FakeContents,
    handlers,
    openExternal: vi.fn(async () => undefined),
  };
});

vi.mock('electron', () => ({
  BrowserWindow: mock.FakeWindow,
  shell: { openExternal: mock.openExternal },
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => mock.handlers.set(channel, listener),
    removeHandler: (channel: string) => mock.handlers.delete(channel),
  },
}));

const { WindowManager } = await import('../../../main/electron/windows');
const { lockDownContents, lockDownSession } = await import('../../../main/electron/security');
const { registerIpc } = await import('../../../main/electron/ipc');
const { CONTENT_SECURITY_POLICY, APP_ENTRY_URL } = await import('../../../main/app/security-policy');
const { ipcChannel } = await import('../../../core/contract');

describe('the window', () => {
  it('is created with every security flag and loads the app protocol', () => {
    const manager = new WindowManager('/app/out/preload/index.cjs');
    manager.create(() => undefined);
    const win = mock.FakeWindow.all.at(-1)!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      nodeIntegrationInSubFrames: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(win.loaded).toBe(APP_ENTRY_URL);
    expect(APP_ENTRY_URL.startsWith('app://')).toBe(true);
  });

  it('denies window.open and blocks navigation', () => {
    const contents = new mock.FakeContents();
    lockDownContents(contents as never);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://www.electronjs.org/docs' })).toEqual({ action: 'deny' });
    expect(mock.openExternal).not.toHaveBeenCalled();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault).toHaveBeenCalled();
    }
  });
});

describe('the session', () => {
  it('denies every permission and sets the CSP on every response', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers: ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    lockDownSession({
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);
    const done = vi.fn();
    headers?.({ responseHeaders: { 'X-Other': ['1'] } }, done);
    expect(done).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('IPC registration', () => {
  beforeEach(() => mock.handlers.clear());

  it('refuses senders that are not our windows, and bad arguments', async () => {
    const manager = new WindowManager('/p.cjs');
    manager.create(() => undefined);
    const win = mock.FakeWindow.all.at(-1)!;
    const appInfo = vi.fn(() => ({ name: 'n', version: 'v', platform: 'p' }));
    registerIpc({ appInfo } as never, manager);
    const listener = mock.handlers.get(ipcChannel('appInfo'))!;
    const frame = (url: string, parent: unknown = null) => ({ url, parent });

    const stranger = { sender: new mock.FakeContents(), senderFrame: frame('app://workbench/index.html') };
    expect(await listener(stranger, {})).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });

    const wrongOrigin = { sender: win.webContents, senderFrame: frame('https://evil.example/') };
    expect(await listener(wrongOrigin, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });

    const subFrame = { sender: win.webContents, senderFrame: frame('app://workbench/index.html', {}) };
    expect(await listener(subFrame, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });

    const ours = { sender: win.webContents, senderFrame: frame('app://workbench/index.html') };
    expect(await listener(ours, { extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(appInfo).not.toHaveBeenCalled();
    expect(await listener(ours, {})).toEqual({ ok: true, value: { name: 'n', version: 'v', platform: 'p' } });
    expect(appInfo).toHaveBeenCalledTimes(1);
  });
});
