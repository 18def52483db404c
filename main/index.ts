/**
 * Electron bootstrap: registers every concern before the first window opens. Everything with
 * logic lives behind plain interfaces in main/app and main/handlers; this file only wires.
 */
import { join, resolve } from 'node:path';
import { Menu, app, session, shell } from 'electron';
import { ipcEvent } from '../core/contract';
import { findElectronBinding } from './app/native-binding';
import type { AppServices } from './app/services';
import { electronDialogs } from './electron/dialogs';
import { registerIpc } from './electron/ipc';
import { buildMenu } from './electron/menu';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { lockDownContents, lockDownSession } from './electron/security';
import { WindowManager } from './electron/windows';
import { createHandlers } from './handlers';
import { routeFile } from './app/window-router';
import { AppError } from '../core/errors';

const here = import.meta.dirname;
const appRoot = resolve(here, '../..');
const windows = new WindowManager(join(here, '../preload/index.cjs'));

registerAppScheme();
app.on('web-contents-created', (_event, contents) => lockDownContents(contents));

if (!app.requestSingleInstanceLock()) app.quit();

/** Files named on the command line (ours or a second instance's). */
const scenarioArgs = (argv: string[]) => argv.slice(1).filter((arg) => arg.endsWith('.scenario') && !arg.startsWith('-'));
const pendingFiles: string[] = scenarioArgs(process.argv);
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (app.isReady()) openInWindow(path);
  else pendingFiles.push(path);
});

let context: ReturnType<typeof createHandlers> | undefined;

/**
 * A file from the OS, a second instance or the Open Recent menu: routed for the focused window
 * (main/app/window-router.ts), and a failure is told to the window that asked, or, when no
 * window asked, to the new window the file was meant for.
 */
function openInWindow(path: string): void {
  if (!context) return;
  const asker = windows.focused()?.id ?? null;
  routeFile(context, asker, path).catch((error: unknown) => tellFailure(asker, path, error));
}

function tellFailure(asker: number | null, path: string, error: unknown): void {
  const text = error instanceof AppError ? error.message : `Could not open ${path}.`;
  const told = asker ?? windows.newest()?.id;
  if (told !== undefined) tellWhenLoaded(told, text);
  else console.error(`[scenario-workbench] could not open ${path}`, error);
}

/** A notice for a window, sent once its page has loaded (a new window has not yet). */
function tellWhenLoaded(windowId: number, text: string): void {
  const contents = windows.get(windowId)?.webContents;
  if (!contents) return;
  const send = () => contents.send(ipcEvent('notice'), { tone: 'error', text });
  if (contents.isLoading()) contents.once('did-finish-load', send);
  else send();
}

function newWindow() {
  return windows.create((windowId) => context?.sessions.close(windowId));
}

function refreshMenu(): void {
  if (!context) return;
  const recent = context.recent;
  Menu.setApplicationMenu(
    buildMenu({
      focused: () => windows.focused(),
      recent: () => recent.list(),
      openRecent: (id) => {
        const path = recent.pathOf(id);
        if (path) openInWindow(path);
      },
      newWindow,
    }),
  );
}

void app.whenReady().then(() => {
  lockDownSession(session.defaultSession);
  serveRenderer(join(here, '../renderer'));
  const services: AppServices = {
    appName: 'Scenario Workbench',
    version: app.getVersion(),
    platform: process.platform,
    userDataDir: app.getPath('userData'),
    importWorker: join(here, 'import-worker.js'),
    openWorker: join(here, 'open-worker.js'),
    nativeBinding: findElectronBinding(appRoot, process.versions, process.arch, process.platform),
    dialogs: electronDialogs(),
    shell: { openPath: async (path) => void (await shell.openPath(path)), showInFolder: (path) => shell.showItemInFolder(path) },
    windows: {
      createWindow: () => newWindow().id,
      closeWindow: (windowId) => windows.get(windowId)?.close(),
      focusWindow: (windowId) => windows.focus(windowId),
      send: (windowId, event, payload) => windows.get(windowId)?.webContents.send(ipcEvent(event), payload),
      documentChanged: (windowId, title) => {
        windows.get(windowId)?.setTitle(title ? `${title} — Scenario Workbench` : 'Scenario Workbench');
        refreshMenu();
      },
    },
  };
  context = createHandlers(services);
  registerIpc(context.handlers, windows);
  refreshMenu();
  app.on('second-instance', (_event, argv) => scenarioArgs(argv).forEach(openInWindow));
  const files = pendingFiles.splice(0);
  if (files.length) files.forEach(openInWindow);
  else newWindow();
  app.on('activate', () => {
    if (windows.count() === 0) newWindow();
  });
});

app.on('window-all-closed', () => {
  context?.sessions.closeAll();
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', () => context?.sessions.closeAll());
