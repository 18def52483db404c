/**
 * The consensus matrix's keys, in one list: the key handler and the hint bar both read it, so
 * the hint always says exactly what each key does. Setting keys change only the selected cell
 * (or, with Shift, its row) and never move the selection.
 */
import type { Position } from '../../../core/model';

export interface PositionKey {
  /** Keys (event.key, lower-cased) that set the position on the selected cell. */
  keys: readonly string[];
  /** The key as the hint shows it; Shift with it sets the whole row. */
  shown: string;
  position: Position;
  label: string;
}

export const POSITION_KEYS: readonly PositionKey[] = [
  { keys: ['a', '1'], shown: 'A', position: 'agree', label: 'Agree' },
  { keys: ['d', '2'], shown: 'D', position: 'disagree', label: 'Disagree' },
  { keys: ['u', '3', '?'], shown: 'U', position: 'uncertain', label: 'Uncertain' },
  { keys: ['n', '4', 'delete', 'backspace'], shown: 'N', position: 'unknown', label: 'Unknown' },
];

export const POSITION_LABEL = Object.fromEntries(POSITION_KEYS.map((k) => [k.position, k.label])) as Record<Position, string>;

/** What a key press asks for on the selected cell, if anything. */
export type CellKeyAction =
  | { kind: 'set'; position: Position; row: boolean }
  | { kind: 'move'; row: number; col: number }
  | { kind: 'note' }
  | { kind: 'menu' };

const MOVES: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function cellKeyAction(event: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): CellKeyAction | null {
  const move = MOVES[event.key];
  if (move && !event.altKey) return { kind: 'move', row: move[0], col: move[1] };
  if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) return { kind: 'menu' };
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === 'Enter' || event.key === 'F2') return { kind: 'note' };
  const key = event.key.toLowerCase();
  const match = POSITION_KEYS.find((k) => k.keys.includes(key));
  if (!match) return null;
  // Shift only widens the letters to the row: Shift+1 is "!" and Shift+Delete is a cut.
  const row = event.shiftKey && /^[a-z]$/.test(key);
  return { kind: 'set', position: match.position, row };
}

/** The hint bar: every key and what it does. */
export const MATRIX_HINT: readonly string[] = [
  'Click or arrows: select a cell (nothing changes)',
  ...POSITION_KEYS.map((k) => `${k.shown}: ${k.label.toLocaleLowerCase()}`),
  'Shift+letter: the whole row',
  'Enter: edit the note',
  'Shift+F10: menu',
];
