/**
 * After a merge, every reference must still resolve. A record can point at something the other
 * side deleted (ours adds a stance on a node theirs removed). That is a conflict on the parent:
 * keep it (restored from the side that still has it) or let it go, and with it the records that
 * depend on it, each listed in `dropped`. Nothing disappears without being named.
 */
import type { ScenarioDocument } from '../model';
import { REFERENCES, RECORD_TYPE_INFO, keyed, recordsOf, setPath, withRecords, type DocRecord, type RecordType, type Reference } from './records';
import { conflictKey, type Conflict, type DroppedRecord, type ResolvedConflict } from './conflicts';
import { pushAll } from '../arrays';

type Choose = (c: Conflict) => { value: unknown };

interface Orphan {
  ref: Reference;
  id: string;
  target: string;
}

/**
 * Records whose reference points at nothing. `ours` is sound, so a reference can only dangle where
 * the merge changed the records on one of its ends. A record the merge kept as ours had it (the
 * same object) can only dangle by pointing at a target the merge removed; only records the merge
 * added or changed (`fresh`: every record in `doc` that is not one of ours's objects is in it) are
 * checked against every target. So most records are not read at all, and ours's records are
 * never gathered into a set.
 */
function findOrphans(doc: ScenarioDocument, ours: ScenarioDocument, fresh: ReadonlySet<DocRecord>): Orphan[] {
  const present = new Map<RecordType, Set<string>>();
  const idsOf = (type: RecordType): Set<string> => {
    let ids = present.get(type);
    if (!ids) {
      ids = new Set<string>();
      const key = RECORD_TYPE_INFO[type].key;
      for (const record of recordsOf(doc, type)) ids.add(key(record));
      present.set(type, ids);
    }
    return ids;
  };
  const removedCache = new Map<RecordType, Set<string>>();
  /** Targets ours has and the merge does not. */
  const removedOf = (type: RecordType): Set<string> => {
    let removed = removedCache.get(type);
    if (!removed) {
      removed = new Set<string>();
      if (recordsOf(doc, type) !== recordsOf(ours, type)) {
        const ids = idsOf(type);
        const key = RECORD_TYPE_INFO[type].key;
        for (const record of recordsOf(ours, type)) if (!ids.has(key(record))) removed.add(key(record));
      }
      removedCache.set(type, removed);
    }
    return removed;
  };
  const orphans: Orphan[] = [];
  for (const ref of REFERENCES) {
    const fromList = recordsOf(doc, ref.from);
    const fromSame = fromList === recordsOf(ours, ref.from);
    if (fromSame && recordsOf(doc, ref.to) === recordsOf(ours, ref.to)) continue;
    const removed = removedOf(ref.to);
    const key = RECORD_TYPE_INFO[ref.from].key;
    const dangles = (target: unknown, asOurs: boolean): target is string =>
      typeof target === 'string' && (asOurs ? removed.has(target) : !idsOf(ref.to).has(target));
    for (const record of fromList) {
      const asOurs = fromSame || !fresh.has(record);
      if (asOurs && removed.size === 0) continue;
      const value = record[ref.field];
      if (Array.isArray(value)) {
        for (const target of value) if (dangles(target, asOurs)) orphans.push({ ref, id: key(record), target });
      } else if (dangles(value, asOurs)) orphans.push({ ref, id: key(record), target: value });
    }
  }
  return orphans;
}

/**
 * `fresh` holds every record of `merged` that is not one of ours's own objects (what the merge
 * added or changed); records this repair restores or rewrites join it.
 */
export function repairReferences(
  merged: ScenarioDocument, ours: ScenarioDocument, theirs: ScenarioDocument, choose: Choose, conflicts: readonly ResolvedConflict[], fresh: Set<DocRecord>,
): { document: ScenarioDocument; dropped: DroppedRecord[] } {
  let doc = merged;
  const dropped: DroppedRecord[] = [];
  const gone = new Set<string>(); // targets decided gone: their dependents follow without asking again
  // Each round either restores at least one parent or drops at least one record, so it ends.
  for (let round = 0; round < 10_000; round++) {
    const orphans = findOrphans(doc, ours, fresh);
    if (orphans.length === 0) break;
    const byTarget = new Map<string, Orphan[]>();
    for (const o of orphans) {
      const k = conflictKey(o.ref.to, o.target, '*');
      byTarget.set(k, [...(byTarget.get(k) ?? []), o]);
    }
    let restored = false;
    for (const [k, list] of byTarget) {
      if (gone.has(k)) continue;
      const { to } = list[0]!.ref;
      const target = list[0]!.target;
      const existing = conflicts.find((c) => c.key === k);
      const dependents = dedupe(list.map((o) => ({ type: o.ref.from, id: o.id })));
      if (existing) {
        // The parent was already decided (deleted on one side, changed on the other) and is absent.
        pushAll(existing.dependents, dependents.filter((d) => !existing.dependents.some((e) => e.type === d.type && e.id === d.id)));
        gone.add(k);
        continue;
      }
      const o = keyed(ours, to).get(target) ?? null;
      const t = keyed(theirs, to).get(target) ?? null;
      if (!o && !t) {
        gone.add(k);
        continue;
      }
      const { value } = choose({
        key: k, type: to, id: target, field: '*', kind: 'delete', base: null, ours: o, theirs: t,
        records: { base: null, ours: o, theirs: t }, dependents,
      });
      if (value && typeof value === 'object') {
        fresh.add(value as DocRecord);
        doc = withRecords(doc, to, [...recordsOf(doc, to), value as DocRecord]);
        restored = true;
      } else {
        gone.add(k);
      }
    }
    if (restored) continue;
    doc = prune(doc, orphans, gone, dropped, fresh);
  }
  return { document: doc, dropped };
}

function dedupe<T extends { type: string; id: string }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = `${x.type}:${x.id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Apply the store's cascade to references whose target is gone: drop the record or clear the field. */
function prune(doc: ScenarioDocument, orphans: readonly Orphan[], gone: ReadonlySet<string>, dropped: DroppedRecord[], fresh: Set<DocRecord>): ScenarioDocument {
  const byType = new Map<RecordType, Orphan[]>();
  for (const o of orphans) {
    if (!gone.has(conflictKey(o.ref.to, o.target, '*'))) continue;
    byType.set(o.ref.from, [...(byType.get(o.ref.from) ?? []), o]);
  }
  let out = doc;
  for (const [type, list] of byType) {
    const key = RECORD_TYPE_INFO[type].key;
    const drop = new Set(list.filter((o) => o.ref.onMissing === 'drop').map((o) => o.id));
    const clear = new Map<string, Orphan[]>();
    for (const o of list) if (o.ref.onMissing === 'clear' && !drop.has(o.id)) clear.set(o.id, [...(clear.get(o.id) ?? []), o]);
    const next: DocRecord[] = [];
    for (const record of recordsOf(out, type)) {
      const id = key(record);
      if (drop.has(id)) {
        const why = list.find((o) => o.id === id && o.ref.onMissing === 'drop')!;
        dropped.push({ type, id, field: null, missing: { type: why.ref.to, id: why.target } });
        continue;
      }
      const fix = clear.get(id);
      if (!fix) {
        next.push(record);
        continue;
      }
      let updated: Record<string, unknown> = { ...record };
      for (const o of fix) {
        const value = updated[o.ref.field];
        updated = { ...updated, [o.ref.field]: Array.isArray(value) ? value.filter((v) => v !== o.target) : null };
        // A value cleared loses its basis, as the store's cascade does (a basis names only a set value).
        const basis = updated.basis;
        if (!Array.isArray(value) && typeof basis === 'object' && basis !== null && o.ref.field in basis) updated = setPath(updated, `basis.${o.ref.field}`, undefined);
        dropped.push({ type, id, field: o.ref.field, missing: { type: o.ref.to, id: o.target } });
      }
      fresh.add(updated);
      next.push(updated);
    }
    out = withRecords(out, type, next);
  }
  return out;
}
