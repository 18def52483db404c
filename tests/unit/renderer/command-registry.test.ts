import { describe, expect, it, vi } from 'vitest';
import { routeKey } from '../../../renderer/src/commands/keyboard';
import { CommandRegistry, keyOf, normalizeKeys } from '../../../renderer/src/commands/registry';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('the command registry', () => {
  it('runs commands by id, once, and refuses unknown or disabled ones', async () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    let enabled = true;
    registry.register({ id: 'edit.undo', run, enabled: () => enabled });
    expect(await registry.run('edit.undo')).toBe(true);
    enabled = false;
    expect(await registry.run('edit.undo')).toBe(false);
    expect(await registry.run('edit.find')).toBe(false); // never registered here
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('refuses a second registration of the same id, and forgets a command once unregistered', () => {
    const registry = new CommandRegistry();
    const off = registry.register({ id: 'view.fit', keys: ['Mod+0'], run: () => undefined });
    expect(() => registry.register({ id: 'view.fit', run: () => undefined })).toThrow(/twice/);
    off();
    expect(registry.has('view.fit')).toBe(false);
    expect(registry.commandForKey(key('0', { ctrlKey: true }), false)).toBeUndefined();
  });

  it('maps shortcuts with Mod to Ctrl, or to Cmd on macOS', () => {
    const pc = new CommandRegistry(false);
    const mac = new CommandRegistry(true);
    for (const r of [pc, mac]) r.register({ id: 'edit.redo', keys: ['Shift+Mod+Z', 'Mod+Y'], inTextFields: true, run: () => undefined });
    expect(pc.commandForKey(key('Z', { ctrlKey: true, shiftKey: true }), false)?.id).toBe('edit.redo');
    expect(pc.commandForKey(key('y', { ctrlKey: true }), false)?.id).toBe('edit.redo');
    expect(pc.commandForKey(key('z', { metaKey: true, shiftKey: true }), false)).toBeUndefined();
    expect(mac.commandForKey(key('z', { metaKey: true, shiftKey: true }), false)?.id).toBe('edit.redo');
    expect(normalizeKeys('shift+mod+z')).toBe(normalizeKeys('Mod+Shift+Z'));
    expect(keyOf(key('Delete'), false)).toBe('delete');
  });

  it('leaves text fields their own keys unless a command asks for them, and honours `when`', () => {
    const registry = new CommandRegistry();
    let onCanvas = true;
    registry.register({ id: 'edit.delete', keys: ['Backspace'], when: () => onCanvas, run: () => undefined });
    registry.register({ id: 'edit.find', keys: ['Mod+F'], inTextFields: true, run: () => undefined });
    expect(registry.commandForKey(key('Backspace'), false)?.id).toBe('edit.delete');
    expect(registry.commandForKey(key('Backspace'), true)).toBeUndefined();
    onCanvas = false;
    expect(registry.commandForKey(key('Backspace'), false)).toBeUndefined();
    expect(registry.commandForKey(key('f', { ctrlKey: true }), true)?.id).toBe('edit.find');
  });

  it('tells subscribers when commands come and go', () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    registry.subscribe(listener);
    const off = registry.register({ id: 'help.about', run: () => undefined });
    off();
    expect(listener).toHaveBeenCalledTimes(2);
    expect(registry.getVersion()).toBe(2);
  });
});

describe('routing a key between the live scenario and the pane beside it', () => {
  const beside = () => {
    const registry = new CommandRegistry();
    const deleted = vi.fn();
    const copied = vi.fn();
    registry.register({ id: 'edit.delete', keys: ['Delete'], enabled: () => false, run: deleted });
    registry.register({ id: 'edit.copy', keys: ['Mod+C'], run: copied });
    return { registry, deleted, copied };
  };
  const live = () => {
    const registry = new CommandRegistry();
    registry.register({ id: 'edit.delete', keys: ['Delete'], run: vi.fn() });
    registry.register({ id: 'edit.copy', keys: ['Mod+C'], run: vi.fn() });
    registry.register({ id: 'edit.undo', keys: ['Mod+Z'], run: vi.fn() });
    return registry;
  };

  it('gives the key to the first registry that has a command for it', () => {
    const pane = beside();
    const window = live();
    expect(routeKey([pane.registry, window], key('c', { ctrlKey: true }), false)).toEqual({ commands: pane.registry, command: pane.registry.get('edit.copy') });
    // A key the pane has no command for goes on to the window's own (undo stays window-wide).
    expect(routeKey([pane.registry, window], key('z', { ctrlKey: true }), false)).toEqual({ commands: window, command: window.get('edit.undo') });
  });

  it('stops a key whose command is disabled where focus is, instead of passing it on', () => {
    const pane = beside();
    const window = live();
    expect(routeKey([pane.registry, window], key('Delete'), false)).toBeNull();
    // With focus outside the pane the window's Delete runs as before.
    expect(routeKey([window], key('Delete'), false)?.command.id).toBe('edit.delete');
  });
});
