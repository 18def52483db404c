/**
 * The store benchmark's raw peer writes with plain INSERTs of its own. It must write what the
 * store writes, or the benchmark compares unlike work; and it must keep up with the schema, or
 * the benchmark breaks unseen (it once did, when migrations added node columns).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { rawImport, syntheticDocument } from '../../../bench/store.bench';
import { createScenarioFile } from '../../../db';
import { documentOnDisk } from '../support/on-disk';

const dir = mkdtempSync(join(tmpdir(), 'bench-peer-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));


it("the raw peer writes a file the store opens, holding what the store's own import holds", () => {
  const doc = syntheticDocument(60);
  const raw = join(dir, 'raw.scenario');
  rawImport(raw, doc);
  const imported = join(dir, 'store.scenario');
  const created = createScenarioFile(imported, { title: doc.scenario.title, document: doc });
  if (!created.ok) throw new Error(created.error.message);
  created.store.close();
  const fromRaw = documentOnDisk(raw);
  expect(fromRaw).toEqual(documentOnDisk(imported));
  expect(fromRaw.nodes).toHaveLength(doc.nodes.length);
  expect(fromRaw.edges).toHaveLength(doc.edges.length);
});
