/**
 * The document operations that turn one state into another: how a merge or a snapshot restore
 * reaches the store, as ONE batch (one transaction, one undo step). Which fields an update may
 * carry comes from the ops' own patch schemas (core/ops), so a field added to a patch is used
 * here without change; a change to a field no patch may carry (a node's kind, an edge's ends)
 * becomes a delete and a create, with the record's dependents re-created after it.
 */
import type { ScenarioDocument } from '../model';
import { EdgePatch, NodePatch } from '../model/graph';
import { ActorPatch, CrisisPatch, ProvenancePatch, ScenarioPatch, SourcePatch, type Op } from '../ops';
import { diffDocuments, type RecordChanged } from './diff';
import { REFERENCES, RECORD_TYPE_INFO, keyed, recordsOf, type DocRecord, type RecordType } from './records';
import { pushAll } from '../arrays';

const PATCHABLE: Record<Exclude<RecordType, 'stance'>, ReadonlySet<string>> = {
  scenario: new Set(Object.keys(ScenarioPatch.shape)),
  actor: new Set(Object.keys(ActorPatch.shape)),
  crisis: new Set(Object.keys(CrisisPatch.shape)),
  node: new Set(Object.keys(NodePatch.shape)),
  edge: new Set(Object.keys(EdgePatch.shape)),
  source: new Set(Object.keys(SourcePatch.shape)),
  provenance: new Set(Object.keys(ProvenancePatch.shape)),
};

/** Parents before children (creates); deletes run in the reverse order. */
const CREATE_ORDER: readonly RecordType[] = ['actor', 'crisis', 'source', 'node', 'edge', 'provenance', 'stance'];

/* The casts below narrow a DocRecord back to its model type: every record came out of a
   validated ScenarioDocument of that type (recordsOf), and the store validates each op again. */
function createOp(type: RecordType, record: DocRecord): Op | null {
  switch (type) {
    case 'actor': return { op: 'actor.create', actor: record as ScenarioDocument['actors'][number] };
    case 'crisis': return { op: 'crisis.create', crisis: record as ScenarioDocument['crises'][number] };
    case 'node': return { op: 'node.create', node: record as ScenarioDocument['nodes'][number] };
    case 'edge': return { op: 'edge.create', edge: record as ScenarioDocument['edges'][number] };
    case 'source': return { op: 'source.create', source: record as ScenarioDocument['sources'][number] };
    case 'provenance': return { op: 'provenance.create', provenance: record as ScenarioDocument['provenance'][number] };
    case 'stance': return { op: 'stance.set', ...(record as ScenarioDocument['stances'][number]) };
    case 'scenario': return null;
  }
}

function deleteOp(type: RecordType, record: DocRecord): Op | null {
  const id = String(record.id);
  switch (type) {
    case 'actor': return { op: 'actor.delete', id };
    case 'crisis': return { op: 'crisis.delete', id };
    case 'node': return { op: 'node.delete', id };
    case 'edge': return { op: 'edge.delete', id };
    case 'source': return { op: 'source.delete', id };
    case 'provenance': return { op: 'provenance.delete', id };
    // No stored row means `unknown` with no note (core/model/evidence).
    case 'stance': return { op: 'stance.set', ...(record as ScenarioDocument['stances'][number]), position: 'unknown', note: '' };
    case 'scenario': return null;
  }
}

function updateOp(type: Exclude<RecordType, 'stance'>, id: string, patch: Record<string, unknown>): Op {
  switch (type) {
    case 'scenario': return { op: 'scenario.update', patch: patch as ScenarioDocument['scenario'] };
    case 'actor': return { op: 'actor.update', id, patch };
    case 'crisis': return { op: 'crisis.update', id, patch };
    case 'node': return { op: 'node.update', id, patch };
    case 'edge': return { op: 'edge.update', id, patch };
    case 'source': return { op: 'source.update', id, patch };
    case 'provenance': return { op: 'provenance.update', id, patch };
  }
}

const topField = (path: string): string => path.split('.', 1)[0]!;

export function diffToOps(from: ScenarioDocument, to: ScenarioDocument): Op[] {
  const diff = diffDocuments(from, to, { layout: 'include' });
  const toRecords = new Map<RecordType, Map<string, DocRecord>>();
  const recordIn = (type: RecordType, id: string): DocRecord => {
    if (!toRecords.has(type)) toRecords.set(type, keyed(to, type));
    return toRecords.get(type)!.get(id)!;
  };
  const creates = new Map<RecordType, DocRecord[]>();
  const deletes = new Map<RecordType, DocRecord[]>();
  const updates: Op[] = [];
  const push = (map: Map<RecordType, DocRecord[]>, type: RecordType, record: DocRecord): void => {
    map.set(type, [...(map.get(type) ?? []), record]);
  };
  for (const a of diff.added) push(creates, a.type, a.value);
  for (const r of diff.removed) push(deletes, r.type, r.value);
  const recreated: { type: RecordType; id: string }[] = [];
  for (const c of diff.changed) {
    const after = recordIn(c.type, c.id);
    if (c.type === 'stance') {
      push(creates, 'stance', after);
      continue;
    }
    const patch = patchFor(c, after);
    if (patch) updates.push(updateOp(c.type, c.id, patch));
    else {
      push(deletes, c.type, keyed(from, c.type).get(c.id)!);
      push(creates, c.type, after);
      recreated.push({ type: c.type, id: c.id });
    }
  }
  // A re-created record takes its dependents with it in the store's cascade: create them again.
  for (const { type, id } of recreated) {
    for (const ref of REFERENCES) {
      if (ref.to !== type || ref.onMissing !== 'drop') continue;
      const key = RECORD_TYPE_INFO[ref.from].key;
      for (const child of recordsOf(to, ref.from)) {
        if (child[ref.field] !== id) continue;
        const childId = key(child);
        if (!(creates.get(ref.from) ?? []).some((r) => key(r) === childId)) push(creates, ref.from, child);
      }
    }
  }
  const ops: Op[] = [];
  const recreatedKeys = new Set(recreated.map((r) => `${r.type}:${r.id}`));
  // Deletes of re-created records first (children before parents), then creates, updates, deletes.
  const orderedDeletes = (only: (type: RecordType, record: DocRecord) => boolean): Op[] =>
    [...CREATE_ORDER].reverse().flatMap((type) => (deletes.get(type) ?? []).filter((r) => only(type, r)).flatMap((r) => deleteOp(type, r) ?? []));
  const isRecreated = (type: RecordType, r: DocRecord): boolean => recreatedKeys.has(`${type}:${RECORD_TYPE_INFO[type].key(r)}`);
  pushAll(ops, orderedDeletes(isRecreated));
  for (const type of CREATE_ORDER) {
    for (const r of creates.get(type) ?? []) {
      const op = createOp(type, r);
      if (op) ops.push(op);
    }
  }
  pushAll(ops, updates);
  pushAll(ops, orderedDeletes((type, r) => !isRecreated(type, r)));
  return ops;
}

/** The update patch for a change (whole top-level values, so nested fields travel together), or null when a field is not patchable. */
function patchFor(change: RecordChanged, after: DocRecord): Record<string, unknown> | null {
  const allowed = PATCHABLE[change.type as Exclude<RecordType, 'stance'>];
  const patch: Record<string, unknown> = {};
  for (const path of Object.keys(change.fields)) {
    const field = topField(path);
    if (!allowed.has(field)) return null;
    patch[field] = after[field];
  }
  return patch;
}
