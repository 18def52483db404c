/**
 * Everything the handlers need from the outside world, behind plain interfaces: dialogs,
 * windows and the shell. Electron implements them in main/electron/; the tests and the e2e
 * bridge implement them in Node. There is no clock here: the one clock for a scenario's
 * modifiedAt is the store's (db/store.ts), which stamps each batch inside its transaction and
 * reports the stamp back in the EditResult.
 */
import type { z } from 'zod';
import type { EVENTS, EventName, ExportFormat, ImportFormat } from '../../core/contract';

export interface DialogProvider {
  /** A scenario file to open, or null when dismissed. */
  chooseScenarioToOpen(): Promise<string | null>;
  /** Where to save a scenario copy, or null when dismissed. */
  chooseScenarioTarget(suggestedName: string): Promise<string | null>;
  chooseExportTarget(suggestedName: string, format: ExportFormat): Promise<string | null>;
  chooseImportSource(format: ImportFormat): Promise<string | null>;
}

export interface WindowHost {
  /**
   * A new, empty window; its id. The window router (window-router.ts) binds the file to it before
   * it loads, so it shows the file on its first call. Null where the host has a single window
   * only (the node test harness): the asking window then takes the file.
   */
  createWindow(): number | null;
  /** Close a window the router created, when the file it was made for could not be opened. */
  closeWindow(windowId: number): void;
  focusWindow(windowId: number): void;
  /** Title-bar text changed for a window. */
  documentChanged(windowId: number, title: string | null): void;
  /** Push a contract event to a window. */
  send<E extends EventName>(windowId: number, event: E, payload: z.input<(typeof EVENTS)[E]>): void;
}

export interface ShellHost {
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
}

export interface AppServices {
  appName: string;
  version: string;
  platform: string;
  /** The app's data folder: untitled scenarios and the recent-files list live here. */
  userDataDir: string;
  /** better-sqlite3 binary built for the running runtime (Electron), if not the default. */
  nativeBinding?: string;
  /** The built import worker (main/import/worker.ts), which reads and validates imports off the main thread. */
  importWorker: string;
  /** The built open check's worker (main/open/worker.ts), which checks large scenario files off the main thread. */
  openWorker: string;
  dialogs: DialogProvider;
  windows: WindowHost;
  shell: ShellHost;
}
