/**
 * The native menu. Items carry command ids from the renderer's command registry and are sent
 * to the focused window, so the menu and the toolbar run the same code. Only what must happen
 * in main (quit, close, reload, recent files) is handled here.
 */
import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { ipcEvent } from '../../core/contract';
import type { ExportFormat, RecentFile } from '../../core/contract';

const EXPORT_MENU: [ExportFormat, string][] = [
  ['pdf', 'PDF…'], ['png', 'PNG Image…'], ['svg', 'SVG Image…'], ['html', 'HTML Brief…'], ['md', 'Markdown Brief…'],
  ['csv', 'CSV…'], ['json', 'JSON…'], ['graphml', 'GraphML (yEd)…'], ['canvas', 'JSON Canvas (Obsidian)…'],
  ['mermaid', 'Mermaid…'], ['dot', 'Graphviz DOT…'],
];

export interface MenuActions {
  focused(): BrowserWindow | undefined;
  recent(): RecentFile[];
  openRecent(id: string): void;
  newWindow(): void;
}

export function buildMenu(actions: MenuActions): Menu {
  const send = (command: string) => () => actions.focused()?.webContents.send(ipcEvent('command'), { command });
  const item = (label: string, command: string, accelerator?: string): MenuItemConstructorOptions => ({
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
        item('New Scenario', 'file.new', 'CmdOrCtrl+N'),
        item('New from Report Library', 'file.newFromLibrary'),
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newWindow() },
        item('Open…', 'file.open', 'CmdOrCtrl+O'),
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((r) => ({ label: r.displayPath, enabled: r.exists, click: () => actions.openRecent(r.id) }))
            : [{ label: 'No recent files', enabled: false }],
        },
        { type: 'separator' },
        item('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
        item('Save a Copy…', 'file.saveCopy'),
        item('Recover Damaged Scenario…', 'file.recoverDamaged'),
        {
          label: 'Export',
          submenu: [
            item('Export…', 'file.export', 'CmdOrCtrl+E'),
            { type: 'separator' },
            ...EXPORT_MENU.map(([format, label]) => item(label, `file.export.${format}`)),
          ],
        },
        item('Import…', 'file.import'),
        item('Insert Contingency from Library…', 'file.insertFromLibrary'),
        { type: 'separator' },
        { role: 'close', label: 'Close Window' },
        ...(process.platform === 'darwin' ? [] : [{ role: 'quit' as const }]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        item('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
        item('Redo', 'edit.redo', process.platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z'),
        { type: 'separator' },
        // Roles, so the page gets real cut/copy/paste events with the system clipboard (which
        // carries our JSON between windows) without any clipboard permission being granted.
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        item('Duplicate', 'edit.duplicate', 'CmdOrCtrl+D'),
        item('Delete', 'edit.delete'),
        item('Select All', 'edit.selectAll', 'CmdOrCtrl+A'),
        { type: 'separator' },
        item('Find', 'edit.find', 'CmdOrCtrl+F'),
      ],
    },
    {
      label: '&View',
      submenu: [
        item('Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
        item('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
        item('Fit', 'view.fit', 'CmdOrCtrl+0'),
        item('Minimap', 'view.toggleMinimap', 'CmdOrCtrl+Shift+M'),
        item('Inspector', 'view.toggleInspector', 'CmdOrCtrl+I'),
        item('Analysis Panel', 'view.toggleAnalysis', 'CmdOrCtrl+Shift+A'),
        item('Arrange', 'view.arrange', 'CmdOrCtrl+Shift+L'),
        { type: 'separator' },
        { role: 'reload' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        item('About Scenario Workbench', 'help.about'),
        { label: 'Documentation', click: () => void shell.openPath(`${app.getAppPath()}/README.md`) },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
