/** The main-process handlers in plain Node, called exactly as the renderer calls them. */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, DocumentView, Envelope, RequestOf, ResponseOf } from '../../../core/contract';
import type { AppServices, DialogProvider } from '../../../main/app/services';
import { createHandlers, type HandlerContext } from '../../../main/handlers';
import { invokeHandler } from '../../../main/ipc/adapter';
import { importWorkerScript, openWorkerScript } from './workers';

export class QueueDialogs implements DialogProvider {
  open: (string | null)[] = [];
  save: (string | null)[] = [];
  exportTargets: (string | null)[] = [];
  importSources: (string | null)[] = [];
  async chooseScenarioToOpen() { return this.open.shift() ?? null; }
  async chooseScenarioTarget() { return this.save.shift() ?? null; }
  async chooseExportTarget() { return this.exportTargets.shift() ?? null; }
  async chooseImportSource() { return this.importSources.shift() ?? null; }
}

export interface MainHarness {
  dir: string;
  dialogs: QueueDialogs;
  main: HandlerContext;
  focused: number[];
  revealed: { path: string; how: string }[];
  /** Events main pushed to windows. */
  events: { windowId: number; event: string; payload: unknown }[];
  call<K extends ChannelName>(name: K, request: RequestOf<K>, windowId?: number): Promise<Envelope<ResponseOf<K>>>;
  value<K extends ChannelName>(name: K, request: RequestOf<K>, windowId?: number): Promise<ResponseOf<K>>;
  /** A call that must leave this window showing a scenario (the harness has only one window). */
  view<K extends 'newScenario' | 'newFromLibrary' | 'importScenario' | 'openScenario' | 'openRecent'>(name: K, request: RequestOf<K>, windowId?: number): Promise<DocumentView>;
  dispose(): void;
}

export function mainHarness(): MainHarness {
  const dir = mkdtempSync(join(tmpdir(), 'sw-main-'));
  const userDataDir = join(dir, 'userData');
  mkdirSync(userDataDir);
  const dialogs = new QueueDialogs();
  const focused: number[] = [];
  const revealed: { path: string; how: string }[] = [];
  const events: { windowId: number; event: string; payload: unknown }[] = [];
  const services: AppServices = {
    appName: 'Scenario Workbench',
    version: '9.9.9',
    platform: 'linux',
    userDataDir,
    importWorker: importWorkerScript(),
    openWorker: openWorkerScript(),
    dialogs,
    windows: {
      // One window only: the window that asks takes the file (see main/app/window-router.ts).
      createWindow: () => null,
      closeWindow: () => undefined,
      focusWindow: (id) => void focused.push(id),
      documentChanged: () => undefined,
      send: (windowId, event, payload) => void events.push({ windowId, event, payload }),
    },
    shell: {
      openPath: async (path) => void revealed.push({ path, how: 'open' }),
      showInFolder: (path) => void revealed.push({ path, how: 'folder' }),
    },
  };
  const main = createHandlers(services);
  const call = <K extends ChannelName>(name: K, request: RequestOf<K>, windowId = 1) =>
    invokeHandler(main.handlers, name, { windowId }, request, { error: () => undefined });
  return {
    dir,
    dialogs,
    main,
    focused,
    revealed,
    events,
    call,
    async value(name, request, windowId = 1) {
      const envelope = await call(name, request, windowId);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value;
    },
    async view(name, request, windowId = 1) {
      const envelope = await call(name, request, windowId);
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
      if (!envelope.value) throw new Error(`${name} opened elsewhere`);
      return envelope.value as DocumentView;
    },
    dispose() {
      main.sessions.closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
