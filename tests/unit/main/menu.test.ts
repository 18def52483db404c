// The native menu, built with a mocked electron: the items the issue lists, their standard
// accelerators, and that every command item names a command the renderer registers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[]; click?: () => void; type?: string };
const sent: { channel: string; payload: unknown }[] = [];

vi.mock('electron', () => ({
  Menu: { buildFromTemplate: (template: Item[]) => template },
  app: { getAppPath: () => '/app' },
  shell: { openPath: vi.fn() },
}));

const { buildMenu } = await import('../../../main/electron/menu');
const focused = { webContents: { send: (channel: string, payload: unknown) => sent.push({ channel, payload }) } };
const template = buildMenu({
  focused: () => focused as never,
  recent: () => [{ id: 'r1', fileName: 'a.scenario', displayPath: '/x/a.scenario', openedAt: '', exists: true }],
  openRecent: vi.fn(),
  newWindow: vi.fn(),
}) as unknown as Item[];

const menu = (label: string) => template.find((m) => m.label?.replace('&', '') === label)!.submenu!;
const names = (items: Item[]) => items.filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);

/** Every command id the renderer registers, read from its source. */
function rendererCommandIds(): Set<string> {
  const ids = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name)) for (const m of readFileSync(path, 'utf8').matchAll(/id: [`']([a-zA-Z.]+)(\$\{format\})?[`']/g)) ids.add(m[1]! + (m[2] ? '*' : ''));
    }
  };
  walk(resolve(import.meta.dirname, '../../../renderer/src'));
  return ids;
}

describe('the native menu', () => {
  it('has the File, Edit, View and Help items with standard accelerators', () => {
    expect(names(menu('File'))).toEqual(expect.arrayContaining(['New Scenario', 'Open…', 'Open Recent', 'Save As…', 'Export', 'Close Window', 'quit']));
    expect(names(menu('Edit'))).toEqual(['Undo', 'Redo', 'cut', 'copy', 'paste', 'Duplicate', 'Delete', 'Select All', 'Find']);
    expect(names(menu('View'))).toEqual(expect.arrayContaining(['Zoom In', 'Zoom Out', 'Fit', 'Minimap', 'Inspector', 'reload']));
    expect(names(menu('Help'))).toEqual(['About Scenario Workbench', 'Documentation']);
    const accel = Object.fromEntries([...menu('File'), ...menu('Edit'), ...menu('View')].filter((i) => i.label).map((i) => [i.label, i.accelerator]));
    expect(accel).toMatchObject({ 'New Scenario': 'CmdOrCtrl+N', 'Open…': 'CmdOrCtrl+O', 'Save As…': 'CmdOrCtrl+Shift+S', Undo: 'CmdOrCtrl+Z', Find: 'CmdOrCtrl+F', 'Select All': 'CmdOrCtrl+A', Fit: 'CmdOrCtrl+0' });
    expect(menu('File').find((i) => i.label === 'Open Recent')!.submenu!.map((i) => i.label)).toEqual(['/x/a.scenario']);
  });

  it('sends command ids that the renderer registers, so menu and toolbar share one registry', () => {
    const registered = rendererCommandIds();
    const items: Item[] = [];
    const collect = (list: Item[]) => list.forEach((i) => (i.submenu ? collect(i.submenu) : items.push(i)));
    collect(template);
    sent.length = 0;
    for (const item of items) if (item.click && !['Documentation', 'New Window'].includes(item.label ?? '') && !item.label?.startsWith('/')) item.click();
    const commands = sent.map((s) => (s.payload as { command: string }).command);
    expect(commands.length).toBeGreaterThan(25);
    for (const command of commands) {
      const known = registered.has(command) || [...registered].some((id) => id.endsWith('*') && command.startsWith(id.slice(0, -1)));
      expect(known, `${command} is registered by the renderer`).toBe(true);
    }
  });
});
