// One text-normalising rule at the boundary, the same for the UI (IPC ops), imports and the CLI:
// NUL and other controls removed, lone surrogates replaced, and no bidi override in a suggested
// file name.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankNode, newId } from '../../../core/model';
import { checkScenarioFile, exportDocumentJson, openScenarioFile } from '../../../db';
import { suggestedExportName } from '../../../main/handlers/exchange';
import { richDocument } from '../db/helpers';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => (h = mainHarness()));
afterEach(() => h.dispose());

const HOSTILE = '\u0000Evacuation\u0007 plan \uD800';
const NORMAL = 'Evacuation plan \uFFFD';

/** Text as SQLite stores it, read as raw bytes: valid UTF-8 with no NUL. */
function storedTitleBytes(path: string, id: string): Buffer {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT CAST(title AS BLOB) AS b FROM nodes WHERE id = ?').get(id) as { b: Buffer }).b;
  } finally {
    db.close();
  }
}

describe('the boundary normalises text', () => {
  it('from the UI: a node titled with a leading NUL and a lone surrogate is stored as valid, checkable text', async () => {
    const view = await h.view('newScenario', {});
    const node = { ...blankNode('trigger', view.document.crises[0]!.id, newId(), { x: 0, y: 0 }), title: HOSTILE };
    const edit = await h.call('applyOps', { ops: [{ op: 'node.create', node }], mark: null });
    expect(edit.ok).toBe(true);
    const doc = (await h.value('currentScenario', {}))!.document;
    expect(doc.nodes[0]!.title).toBe(NORMAL);
    const path = h.main.sessions.require(1).store.path;
    h.main.sessions.closeAll();
    const bytes = storedTitleBytes(path, node.id);
    expect(bytes.includes(0)).toBe(false);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(NORMAL);
    expect(checkScenarioFile(path).ok).toBe(true);
  });

  it('from a JSON import through the CLI: the same rule, and the file passes check', () => {
    const doc = richDocument();
    doc.nodes[0]!.title = HOSTILE;
    doc.scenario.title = '\u0000\u0000Title';
    const json = join(h.dir, 'in.json');
    writeFileSync(json, exportDocumentJson(doc));
    const bin = resolve(import.meta.dirname, '../../../bin/scenario-workbench.mjs');
    const out = join(h.dir, 'out.scenario');
    const result = spawnSync(process.execPath, [bin, 'import', json, '-o', out], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const opened = openScenarioFile(out, { readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    const loaded = opened.store.load();
    opened.store.close();
    expect(loaded.scenario.title).toBe('Title');
    expect(loaded.nodes.find((n) => n.id === doc.nodes[0]!.id)!.title).toBe(NORMAL);
    expect(checkScenarioFile(out).ok).toBe(true);
  });

  it('a title that is nothing but controls is refused by name, not by an unnamed SQLite error', async () => {
    await h.view('newScenario', {});
    const result = await h.call('applyOps', { ops: [{ op: 'scenario.update', patch: { title: '\u0000\u0001' } }], mark: null } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('suggested export names drop bidi overrides (no "report\u202Egpj.exe" spoofing) and path characters', () => {
    const doc = richDocument();
    doc.scenario.title = 'report\u202Egpj.exe \u2066x\u2069/..\\evil';
    const name = suggestedExportName(doc, { format: 'png', scope: { kind: 'all' } });
    expect(name).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069/\\]/);
    expect(name).toBe('reportgpj.exe x .. evil.png');
  });
});
