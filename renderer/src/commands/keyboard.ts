/** Routes key presses to the command registry, leaving text fields their own editing keys. */
import type { CommandRegistry } from './registry';

export function isTextField(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'color', 'range'].includes(element.type);
  return element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement || (element as HTMLElement).isContentEditable;
}

export function installKeyboard(commands: CommandRegistry, onError: (error: unknown) => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const command = commands.commandForKey(event, isTextField(document.activeElement));
    if (!command || !commands.isEnabled(command.id)) return;
    event.preventDefault();
    event.stopPropagation();
    commands.run(command.id).catch(onError);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
