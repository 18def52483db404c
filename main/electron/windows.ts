/** One window per scenario file: creation with the secure preferences, lookup, and focus. */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../app/security-policy';
import { lockDownContents } from './security';

export class WindowManager {
  private readonly windows = new Map<number, BrowserWindow>();

  constructor(private readonly preloadPath: string) {}

  create(onClosed: (windowId: number) => void): BrowserWindow {
    const win = new BrowserWindow({
      width: 1440,
      height: 900,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Scenario Workbench',
      backgroundColor: '#f6f7f9',
      // Spelled out here, not built elsewhere, so scanners and reviewers see every flag at the call.
      webPreferences: {
        preload: this.preloadPath,
        contextIsolation: true,
        sandbox: true,
        webSecurity: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        spellcheck: false,
      },
    });
    const id = win.id;
    this.windows.set(id, win);
    lockDownContents(win.webContents);
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      this.windows.delete(id);
      onClosed(id);
    });
    void win.loadURL(APP_ENTRY_URL);
    return win;
  }

  get(windowId: number): BrowserWindow | undefined {
    return this.windows.get(windowId);
  }

  /** The window a trusted IPC sender belongs to, or undefined for anyone else. */
  owning(contents: Electron.WebContents): BrowserWindow | undefined {
    const win = BrowserWindow.fromWebContents(contents);
    return win && this.windows.get(win.id) === win ? win : undefined;
  }

  focus(windowId: number): void {
    const win = this.windows.get(windowId);
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  focused(): BrowserWindow | undefined {
    const win = BrowserWindow.getFocusedWindow();
    return win && this.windows.has(win.id) ? win : undefined;
  }

  /** The window created last, if it is still open. */
  newest(): BrowserWindow | undefined {
    return [...this.windows.values()].at(-1);
  }

  count(): number {
    return this.windows.size;
  }
}
