/** The fixed choices the inspector offers, with the words a planner reads. */
import { HORIZONS, RESPONSE_STATUSES, type Actor, type Horizon, type ResponseStatus } from '../../../core/model';
import type { Choice } from './fields';

export const SCORE_CHOICES: readonly Choice<number | null>[] = [
  { value: null, label: '–', hint: 'Not rated' },
  { value: 1, label: '1', hint: 'Very low' },
  { value: 2, label: '2', hint: 'Low' },
  { value: 3, label: '3', hint: 'Moderate' },
  { value: 4, label: '4', hint: 'High' },
  { value: 5, label: '5', hint: 'Very high' },
];

export const HORIZON_CHOICES: readonly Choice<Horizon>[] = HORIZONS.map((h) => ({ value: h, label: h }));

const STATUS_LABELS: Record<ResponseStatus, string> = { idea: 'Idea', proposed: 'Proposed', agreed: 'Agreed', 'in-place': 'In place' };
export const STATUS_CHOICES: readonly Choice<ResponseStatus>[] = RESPONSE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

export function actorChoices(actors: readonly Actor[]): Choice<string>[] {
  return [...actors].sort((a, b) => a.order - b.order).map((a) => ({ value: a.id, label: `${a.name} (${a.code})` }));
}

/** Actors in their display order. */
export function byOrder(actors: readonly Actor[]): Actor[] {
  return [...actors].sort((a, b) => a.order - b.order);
}
