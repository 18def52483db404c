/** Routes key presses to the command registry, leaving text fields their own editing keys. */
import type { Command, CommandRegistry, KeyInput } from './registry';

export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(element.type);
  return element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element as HTMLElement).isContentEditable;
}

/**
 * Where a key press goes, given the registries to ask in turn for the focus of the moment: the
 * first that has a command for the key decides, and a disabled command there stops the key (so
 * Delete in the read-only pane beside the live scenario never falls through to the live canvas).
 */
export function routeKey(registries: readonly CommandRegistry[], event: KeyInput, inTextField: boolean): { commands: CommandRegistry; command: Command } | null {
  for (const commands of registries) {
    const command = commands.commandForKey(event, inTextField);
    if (!command) continue;
    return commands.isEnabled(command.id) ? { commands, command } : null;
  }
  return null;
}

export function installKeyboard(registries: () => readonly CommandRegistry[], onError: (error: unknown) => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const route = routeKey(registries(), event, isTextField(document.activeElement));
    if (!route) return;
    event.preventDefault();
    event.stopPropagation();
    route.commands.run(route.command.id).catch(onError);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
