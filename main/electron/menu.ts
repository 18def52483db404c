/**
 * The native menu. Items carry command ids (core/commands, with their labels) and are sent to
 * the focused window, whose command registry runs them, so the menu and the toolbar run the
 * same code. Only what must happen in main (quit, close, reload, recent files) is handled here.
 */
import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { commandLabel, exportCommandId, type CommandId } from '../../core/commands';
import { ipcEvent } from '../../core/contract';
import type { RecentFile } from '../../core/contract';
import { EXPORT_FORMATS, exportFormat } from '../../core/formats';

export interface MenuActions {
  focused(): BrowserWindow | undefined;
  recent(): RecentFile[];
  openRecent(id: string): void;
  newWindow(): void;
}

export function buildMenu(actions: MenuActions): Menu {
  const send = (command: CommandId) => () => actions.focused()?.webContents.send(ipcEvent('command'), { command });
  const item = (command: CommandId, accelerator?: string, label = commandLabel(command)): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: send(command),
  });
  const recent = actions.recent();
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('file.new', 'CmdOrCtrl+N'),
        item('file.newFromLibrary'),
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
        item('file.open', 'CmdOrCtrl+O'),
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((r) => ({ label: r.displayPath, enabled: r.exists, click: () => actions.openRecent(r.id) }))
            : [{ label: 'No recent files', enabled: false }],
        },
        { type: 'separator' },
        item('file.saveAs', 'CmdOrCtrl+Shift+S'),
        item('file.saveCopy'),
        item('file.mergeCopy'),
        item('file.snapshots'),
        item('file.recoverDamaged'),
        {
          label: 'Export',
          submenu: [
            item('file.export', 'CmdOrCtrl+E'),
            { type: 'separator' },
            ...EXPORT_FORMATS.map((format) => item(exportCommandId(format), undefined, exportFormat(format).menuLabel)),
          ],
        },
        item('file.import'),
        item('file.insertFromLibrary'),
        { type: 'separator' },
        { role: 'close', label: 'Close Window' },
        ...(process.platform === 'darwin' ? [] : [{ role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('edit.undo', 'CmdOrCtrl+Z'),
        item('edit.redo', process.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
        item('edit.history'),
        { type: 'separator' },
        // Roles, so the page gets real cut/copy/paste events with the system clipboard (which
        // carries our JSON between windows) without any clipboard permission being granted.
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('edit.duplicate', 'CmdOrCtrl+D'),
        item('edit.delete'),
        item('edit.selectAll', 'CmdOrCtrl+A'),
        { type: 'separator' },
        item('edit.find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('view.zoomIn', 'CmdOrCtrl+='),
        item('view.zoomOut', 'CmdOrCtrl+-'),
        item('view.fit', 'CmdOrCtrl+0'),
        item('view.toggleMinimap', 'CmdOrCtrl+Shift+M'),
        item('view.toggleInspector', 'CmdOrCtrl+I'),
        item('view.toggleAnalysis', 'CmdOrCtrl+Shift+A'),
        item('view.reportOnly'),
        item('view.arrange', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        item('view.compareSnapshot'),
        item('view.compareFile'),
        item('view.besideSnapshot'),
        item('view.closeBeside'),
        item('view.compareMoves'),
        item('view.changesBriefMarkdown'),
        item('view.changesBriefHtml'),
        item('view.leaveCompare'),
        { type: 'separator' },
        { role: 'reload' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        item('help.about'),
        { label: 'Documentation', click: () => void shell.openPath(`${app.getAppPath()}/README.md`) },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
