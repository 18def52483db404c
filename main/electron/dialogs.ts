/** Native dialogs behind DialogProvider: every path main writes to comes from here. */
import { BrowserWindow, dialog } from 'electron';
import { exportFormat, importFormat } from '../../core/formats';
import type { DialogProvider } from '../app/services';

const SCENARIO_FILTER = { name: 'Scenario', extensions: ['scenario'] };

export function electronDialogs(): DialogProvider {
  const parent = () => BrowserWindow.getFocusedWindow() ?? undefined;
  const pickOne = async (options: Electron.OpenDialogOptions) => {
    const win = parent();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const saveTo = async (options: Electron.SaveDialogOptions) => {
    const win = parent();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled ? null : (result.filePath ?? null);
  };
  return {
    chooseScenarioToOpen: () => pickOne({ properties: ['openFile'], filters: [SCENARIO_FILTER] }),
    chooseScenarioTarget: (name) => saveTo({ defaultPath: name, filters: [SCENARIO_FILTER] }),
    chooseExportTarget: (name, format) =>
      saveTo({ defaultPath: name, filters: [{ name: exportFormat(format).label, extensions: [exportFormat(format).extension] }] }),
    chooseImportSource: (format) =>
      pickOne({ properties: ['openFile'], filters: [{ name: importFormat(format).label, extensions: [...importFormat(format).extensions] }] }),
  };
}
