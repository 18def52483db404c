/**
 * An undo step in words, for the history panel: "Edited trigger "Typhoon": title",
 * "Added impact "Port closed"", "Deleted response "Evacuate" with 2 links", or, for a step of
 * many changes (a merge, a restore, a paste), what it did in counts. Worked out from the step's
 * own ops, with names looked up in the step (a created or deleted record carries its title) and
 * then in the document as it stands.
 */
import type { HistoryStep } from './history';
import type { ScenarioDocument } from './model';
import type { Op } from './ops';

type Verb = 'create' | 'update' | 'delete' | 'set';
const NOUNS: Record<string, [string, string]> = {
  scenario: ['scenario details', 'scenario details'], actor: ['actor', 'actors'], crisis: ['crisis', 'crises'], node: ['element', 'elements'],
  edge: ['link', 'links'], stance: ['stance', 'stances'], source: ['source', 'sources'], provenance: ['citation', 'citations'],
};
const VERBS: Record<Verb, string> = { create: 'added', update: 'edited', delete: 'deleted', set: 'set' };

const split = (op: Op): [string, Verb] => op.op.split('.') as [string, Verb];
const count = (n: number, type: string): string => `${n} ${NOUNS[type]![n === 1 ? 0 : 1]}`;

/** The names of the document's records as they stand, built once for a whole list of steps. */
function documentNames(doc: ScenarioDocument): Map<string, string> {
  const titles = new Map<string, string>();
  for (const n of doc.nodes) titles.set(`node:${n.id}`, `${n.kind} "${n.title}"`);
  for (const c of doc.crises) titles.set(`crisis:${c.id}`, `crisis "${c.title}"`);
  for (const a of doc.actors) titles.set(`actor:${a.id}`, `actor "${a.name}"`);
  for (const s of doc.sources) titles.set(`source:${s.id}`, `source "${s.title}"`);
  return titles;
}

function namer(step: HistoryStep, current: ReadonlyMap<string, string>): (type: string, id: string) => string {
  // A record the step created or deleted carries its name; the document's name wins when it still has the record.
  const own = new Map<string, string>();
  for (const op of [...step.redo, ...step.undo]) {
    if (op.op === 'node.create') own.set(`node:${op.node.id}`, `${op.node.kind} "${op.node.title}"`);
    if (op.op === 'crisis.create') own.set(`crisis:${op.crisis.id}`, `crisis "${op.crisis.title}"`);
    if (op.op === 'actor.create') own.set(`actor:${op.actor.id}`, `actor "${op.actor.name}"`);
    if (op.op === 'source.create') own.set(`source:${op.source.id}`, `source "${op.source.title}"`);
  }
  return (type, id) => current.get(`${type}:${id}`) ?? own.get(`${type}:${id}`) ?? NOUNS[type]![0];
}

function idOf(op: Op): string {
  switch (op.op) {
    case 'scenario.update': return 'scenario';
    case 'stance.set': return `${op.actorId}/${op.elementId}`;
    case 'actor.create': return op.actor.id;
    case 'crisis.create': return op.crisis.id;
    case 'node.create': return op.node.id;
    case 'edge.create': return op.edge.id;
    case 'source.create': return op.source.id;
    case 'provenance.create': return op.provenance.id;
    default: return op.id;
  }
}

/** The fields an update names, in words ("title, description"). */
function fieldsOf(ops: readonly Op[]): string {
  const fields = new Set<string>();
  for (const op of ops) if ('patch' in op) for (const key of Object.keys(op.patch)) if (key !== 'basis') fields.add(key);
  return [...fields].join(', ');
}

/** Every step in words; the document's names are looked up once for the whole list. */
export function describeSteps(steps: readonly HistoryStep[], doc: ScenarioDocument): string[] {
  const current = documentNames(doc);
  return steps.map((step) => describeStep(step, current));
}

function describeStep(step: HistoryStep, current: ReadonlyMap<string, string>): string {
  const name = namer(step, current);
  const ops = step.redo;
  // The record the step is about: the one a delete or create names last (its cascades come first), or the only one touched.
  const records = new Map<string, Op[]>();
  for (const op of ops) {
    const key = `${split(op)[0]}:${idOf(op)}`;
    records.set(key, [...(records.get(key) ?? []), op]);
  }
  const main = ops.at(-1)!;
  const [type, verb] = split(main);
  if (records.size === 1) {
    if (type === 'stance' && main.op === 'stance.set') {
      const actor = name('actor', main.actorId).replace(/^actor /, '');
      return `Set ${actor}'s stance on ${name('node', main.elementId)} to ${main.position}`;
    }
    if (verb === 'update') {
      const fields = fieldsOf(ops);
      const moved = fields.split(', ').every((f) => ['x', 'y', 'width', 'height', 'viewport'].includes(f));
      return `${moved ? 'Moved' : 'Edited'} ${name(type, idOf(main))}${moved ? '' : `: ${fields}`}`;
    }
    return `${VERBS[verb][0]!.toUpperCase()}${VERBS[verb].slice(1)} ${name(type, idOf(main))}`;
  }
  if (verb === 'delete' && ops.every((op) => split(op)[1] !== 'create')) {
    const deletedMain = ops.filter((op) => split(op)[0] === type && split(op)[1] === 'delete');
    if (deletedMain.length === 1) {
      const others = ops.length - 1;
      return `Deleted ${name(type, idOf(main))}${others ? ` with ${others} ${others === 1 ? 'record' : 'records'} that hung off it` : ''}`;
    }
  }
  // Many records: a merge, a restore, a paste, a multi-selection moved or deleted.
  const byTypeVerb = new Map<string, number>();
  for (const [key, list] of records) {
    const t = key.slice(0, key.indexOf(':'));
    const v = split(list.at(-1)!)[1];
    const k = `${VERBS[v]} ${t}`;
    byTypeVerb.set(k, (byTypeVerb.get(k) ?? 0) + 1);
  }
  const parts = [...byTypeVerb].map(([k, n]) => {
    const [v, t] = k.split(' ') as [string, string];
    return t === 'scenario' ? `${v} the scenario details` : `${count(n, t)} ${v}`;
  });
  const allMoves = ops.every((op) => 'patch' in op && Object.keys(op.patch).every((f) => ['x', 'y', 'width', 'height'].includes(f)));
  if (allMoves) return `Moved ${count(records.size, 'node')}`;
  return `${records.size} changes: ${parts.join(', ')}`;
}
