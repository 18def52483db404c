/**
 * The command registry: the handlers for the commands core/commands declares (each with its id
 * and label there), with optional shortcuts. The native menu (through the `command` event), the
 * toolbar, context menus and the keyboard all run commands by id, so nothing is wired twice.
 */
import { commandLabel, type CommandId } from '../../../core/commands';

export interface Command {
  id: CommandId;
  /** e.g. 'Mod+Z', 'Shift+Mod+Z', 'Delete'. Mod is Ctrl, or Cmd on macOS. */
  keys?: readonly string[];
  /** Runs even while typing in a text field (the field's own editing is left alone otherwise). */
  inTextFields?: boolean;
  /** Keyboard only: whether the shortcut applies where focus is now (e.g. Tab only on the canvas). */
  when?: () => boolean;
  enabled?: () => boolean;
  run: () => void | Promise<void>;
}

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export class CommandRegistry {
  private readonly commands = new Map<CommandId, Command>();
  private readonly byKey = new Map<string, CommandId>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly isMac = false) {}

  register(command: Command): () => void {
    if (this.commands.has(command.id)) throw new Error(`command ${command.id} registered twice`);
    this.commands.set(command.id, command);
    for (const key of command.keys ?? []) this.byKey.set(normalizeKeys(key), command.id);
    this.changed();
    return () => {
      this.commands.delete(command.id);
      for (const key of command.keys ?? []) if (this.byKey.get(normalizeKeys(key)) === command.id) this.byKey.delete(normalizeKeys(key));
      this.changed();
    };
  }

  /** Toolbars re-render when commands come and go (e.g. the canvas's, as it mounts). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }

  /** The label core/commands gives the command (for tooltips and the palette). */
  label(id: CommandId): string {
    return commandLabel(id);
  }

  has(id: CommandId): boolean {
    return this.commands.has(id);
  }

  get(id: CommandId): Command | undefined {
    return this.commands.get(id);
  }

  list(): Command[] {
    return [...this.commands.values()];
  }

  isEnabled(id: CommandId): boolean {
    const command = this.commands.get(id);
    return !!command && (command.enabled?.() ?? true);
  }

  /** Run a command by id; false if it is unknown or disabled. */
  async run(id: CommandId): Promise<boolean> {
    const command = this.commands.get(id);
    if (!command || !(command.enabled?.() ?? true)) return false;
    await command.run();
    return true;
  }

  /** The command a key press maps to, given whether focus is in a text field. */
  commandForKey(event: KeyInput, inTextField: boolean): Command | undefined {
    const id = this.byKey.get(keyOf(event, this.isMac));
    const command = id ? this.commands.get(id) : undefined;
    if (!command || (inTextField && !command.inTextFields)) return undefined;
    if (command.when && !command.when()) return undefined;
    return command;
  }
}

/** Canonical form of a shortcut: modifiers in a fixed order, key lower-cased. */
export function normalizeKeys(keys: string): string {
  const parts = keys.split('+').map((p) => p.trim());
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return [mods.has('mod') ? 'mod' : '', mods.has('ctrl') ? 'ctrl' : '', mods.has('alt') ? 'alt' : '', mods.has('shift') ? 'shift' : '', key]
    .filter(Boolean)
    .join('+');
}

export function keyOf(event: KeyInput, isMac: boolean): string {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const ctrl = isMac ? event.ctrlKey : false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  return [mod ? 'mod' : '', ctrl ? 'ctrl' : '', event.altKey ? 'alt' : '', event.shiftKey ? 'shift' : '', key].filter(Boolean).join('+');
}
