/**
 * The command palette (Ctrl+K or Ctrl+Shift+P): every command registered in the window, by its
 * label from core/commands, with its shortcut. Type to narrow, arrows to choose, Enter to run.
 * Commands that cannot run now are listed, greyed, so the user learns they exist.
 */
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { Command } from '../commands/registry';
import { Modal } from '../exchange/Modal';
import { useWorkbench } from '../workspace-context';

const isMac = typeof navigator !== 'undefined' && navigator.platform.toLowerCase().includes('mac');

/** 'Shift+Mod+Z' → 'Ctrl+Shift+Z' (or ⌘ on macOS), for people to read. */
export function shortcutText(keys: string): string {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const mods = parts.map((m) => (m === 'Mod' ? (isMac ? '⌘' : 'Ctrl') : m));
  const order = ['Ctrl', '⌘', 'Alt', 'Shift'];
  mods.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...mods, key.length === 1 ? key.toUpperCase() : key].join('+');
}

export function CommandPalette() {
  const workbench = useWorkbench();
  const [open, setOpen] = useState(false);
  useEffect(
    () => workbench.commands.register({ id: 'view.commandPalette', keys: ['Mod+K', 'Shift+Mod+P'], inTextFields: true, run: () => setOpen(true) }),
    [workbench],
  );
  return open ? <PaletteDialog onClose={() => setOpen(false)} /> : null;
}

function PaletteDialog({ onClose }: { onClose(): void }) {
  const workbench = useWorkbench();
  const { commands } = workbench;
  const version = useSyncExternalStore(commands.subscribe, commands.getVersion);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const all = useMemo(
    () =>
      commands
        .list()
        .filter((c) => c.id !== 'view.commandPalette')
        .map((c) => ({ command: c, label: commands.label(c.id) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    // The registry changes as panels mount; its version says when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [commands, version],
  );
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter(({ label, command }) => words.every((w) => `${label} ${command.id}`.toLocaleLowerCase().includes(w)));
  const current = Math.min(active, Math.max(0, shown.length - 1));

  const run = (command: Command) => {
    if (!commands.isEnabled(command.id)) return;
    onClose();
    // After the dialog has handed focus back, so the command acts where the user was.
    requestAnimationFrame(() => void commands.run(command.id).catch((e: unknown) => workbench.notify(e instanceof Error ? e.message : String(e), 'error')));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(1, shown.length));
    } else if (event.key === 'Enter' && shown[current]) {
      event.preventDefault();
      run(shown[current].command);
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <Modal title="Command palette" testId="command-palette" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-label="Type a command"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown.length ? optionId(current) : undefined}
        aria-autocomplete="list"
        placeholder="Type a command…"
        data-testid="palette-input"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="palette-list" role="listbox" id={listId} aria-label="Commands" data-testid="palette-list">
        {shown.map(({ command, label }, i) => {
          const enabled = commands.isEnabled(command.id);
          return (
            <li
              key={command.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              aria-disabled={!enabled}
              className={`palette-item${i === current ? ' is-active' : ''}${enabled ? '' : ' is-disabled'}`}
              data-testid={`palette-${command.id}`}
              onMouseMove={() => setActive(i)}
              onClick={() => run(command)}
            >
              <span>{label}</span>
              {command.keys?.[0] && <kbd>{shortcutText(command.keys[0])}</kbd>}
            </li>
          );
        })}
        {shown.length === 0 && <li className="palette-empty muted">No command matches.</li>}
      </ul>
    </Modal>
  );
}
