// The native menu, built with a mocked electron: the items the issue lists, their standard
// accelerators, and that every command item sends an id from core/commands, the one list the
// renderer's registry is typed to (an id outside it does not compile there).
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_IDS, commandLabel, isCommandId } from '../../../core/commands';
import { EVENTS } from '../../../core/contract';
import { EXPORT_FORMATS } from '../../../core/formats';

type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[]; click?: () => void; type?: string };
const sent: { channel: string; payload: unknown }[] = [];
/** The template handed to the mocked Menu.buildFromTemplate. */
const built = vi.hoisted(() => ({ template: [] as unknown[] }));

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: unknown[]) => { built.template = template; return template; } },
  app: { getAppPath: () => '/app' },
  shell: { openPath: vi.fn() },
}));

const { buildMenu } = await import('../../../main/electron/menu');
const focused = { webContents: { send: (channel: string, payload: unknown) => sent.push({ channel, payload }) } };
buildMenu({
  focused: () => focused as never,
  recent: () => [{ id: 'r1', fileName: 'a.scenario', displayPath: '/x/a.scenario', openedAt: '', exists: true }],
  openRecent: vi.fn(),
  newWindow: vi.fn(),
});
const template = built.template as Item[];

const menu = (label: string) => template.find((m) => m.label?.replace('&', '') === label)!.submenu!;
const names = (items: Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);

describe('the native menu', () => {
  it('has the File, Edit, View and Help items with standard accelerators', () => {
    expect(names(menu('File'))).toEqual(expect.arrayContaining(['New Scenario', 'Open…', 'Open Recent', 'Save As…', 'Export', 'Close Window', 'quit']));
    expect(names(menu('Edit'))).toEqual(['Undo', 'Redo', 'History…', 'cut', 'copy', 'paste', 'Duplicate', 'Delete', 'Select All', 'Find']);
    expect(names(menu('View'))).toEqual(expect.arrayContaining(['Zoom In', 'Zoom Out', 'Fit', 'Minimap', 'Inspector', 'reload']));
    expect(names(menu('Help'))).toEqual(['About Scenario Workbench', 'Documentation']);
    const accel = Object.fromEntries([...menu('File'), ...menu('Edit'), ...menu('View')].filter((i) => i.label).map((i) => [i.label, i.accelerator]));
    expect(accel).toMatchObject({ 'New Scenario': 'CmdOrCtrl+N', 'Open…': 'CmdOrCtrl+O', 'Save As…': 'CmdOrCtrl+Shift+S', Undo: 'CmdOrCtrl+Z', Find: 'CmdOrCtrl+F', 'Select All': 'CmdOrCtrl+A', Fit: 'CmdOrCtrl+0' });
    expect(menu('File').find((i) => i.label === 'Open Recent')!.submenu!.map((i) => i.label)).toEqual(['/x/a.scenario']);
  });

  it('sends command ids from core/commands, labelled from there, so menu, toolbar and palette share one list', () => {
    const items: Item[] = [];
    const collect = (list: Item[]) => list.forEach((i) => (i.submenu ? collect(i.submenu) : items.push(i)));
    collect(template);
    sent.length = 0;
    for (const item of items) if (item.click && !['Documentation', 'New Window'].includes(item.label ?? '') && !item.label?.startsWith('/')) item.click();
    const commands = sent.map((s) => (s.payload as { command: string }).command);
    expect(commands.length).toBeGreaterThan(25);
    for (const { payload } of sent) expect(EVENTS.command.safeParse(payload).success, JSON.stringify(payload)).toBe(true);
    for (const command of commands) expect(isCommandId(command), `${command} is in core/commands`).toBe(true);
    expect(new Set(commands).size).toBe(commands.length);
    // Every export format has its menu item; the rest of the File and Edit items carry the list's label.
    expect(EXPORT_FORMATS.every((format) => commands.includes(`file.export.${format}`))).toBe(true);
    const labelled = items.filter((i) => i.click && i.label && !i.label.startsWith('/') && !['Documentation', 'New Window'].includes(i.label));
    const byLabel = new Map(COMMAND_IDS.map((id) => [commandLabel(id), id]));
    expect(labelled.filter((i) => byLabel.has(i.label!)).length).toBeGreaterThan(20);
    expect(EVENTS.command.safeParse({ command: 'file.explode' }).success).toBe(false);
  });
});
