/**
 * Everything the handlers need from the outside world, behind plain interfaces: dialogs,
 * windows, the shell and the clock. Electron implements them in main/electron/; the tests
 * and the e2e bridge implement them in Node.
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
   * Show a scenario in a window of its own. Returns false where there is only one window
   * (the e2e bridge), in which case the calling window takes the file instead.
   */
  openInNewWindow(path: string): boolean;
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
  dialogs: DialogProvider;
  windows: WindowHost;
  shell: ShellHost;
}
