// Library, export and import handlers through the contract, on real temp files.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canvasDocument, renderCsv } from '../../../core/export';
import { libraryCrises, reportLibrary } from '../../../core/library';
import { exportDocumentJson, parseDocumentJson } from '../../../db';
import type { DialogProvider } from '../../../main/app/services';
import { mainHarness, type MainHarness } from '../support/main-harness';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());

const untitledFiles = () => readdirSync(join(h.dir, 'userData', 'untitled'));

describe('report library', () => {
  it('creates an untitled scenario holding every library crisis', async () => {
    const view = await h.view('newFromLibrary', {});
    const library = reportLibrary();
    expect(view.untitled).toBe(true);
    expect(view.document.scenario.title).toBe(library.scenario.title);
    expect(view.document.crises.map((c) => c.id)).toEqual(library.crises.map((c) => c.id));
    expect(view.document.nodes).toHaveLength(library.nodes.length);
    expect(view.document.provenance).toHaveLength(library.provenance.length);
    expect(untitledFiles()).toHaveLength(1);
  });

  it('lists the catalogue with title, region and summary', async () => {
    const entries = await h.value('libraryCrises', {});
    expect(entries).toEqual(libraryCrises());
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const entry of entries) expect(entry.title && entry.summary).toBeTruthy();
  });

  it('inserts one crisis as a single undoable step, twice without id clashes', async () => {
    const start = await h.view('newScenario', { title: 'Planning' });
    const [first] = await h.value('libraryCrises', {});
    const inserted = await h.value('insertLibraryCrisis', { crisisId: first!.id });
    const created = inserted.change.applied.filter((op) => op.op === 'crisis.create');
    expect(created).toHaveLength(1);
    const after = (await h.value('currentScenario', {}))!.document;
    expect(after.crises).toHaveLength(start.document.crises.length + 1);
    const newCrisisNodes = after.nodes.filter((n) => created[0]!.op === 'crisis.create' && n.crisisId === created[0]!.crisis.id);
    expect(newCrisisNodes.length).toBeGreaterThan(0);
    expect(after.provenance.length).toBeGreaterThan(0);

    await h.value('insertLibraryCrisis', { crisisId: first!.id });
    const twice = (await h.value('currentScenario', {}))!.document;
    expect(twice.crises).toHaveLength(start.document.crises.length + 2);
    expect(twice.nodes).toHaveLength(newCrisisNodes.length * 2);

    // Two undos remove both insertions entirely: each was one step.
    await h.value('undo', {});
    await h.value('undo', {});
    const undone = (await h.value('currentScenario', {}))!.document;
    expect(undone.crises).toEqual(start.document.crises);
    expect(undone.nodes).toEqual([]);
    expect(undone.provenance).toEqual([]);
    expect(undone.sources).toEqual(start.document.sources);
  });

  it('refuses an unknown library crisis and a window without a scenario', async () => {
    const none = await h.call('insertLibraryCrisis', { crisisId: 'no-such-crisis' });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_DOCUMENT' } });
    await h.view('newScenario', {});
    const unknown = await h.call('insertLibraryCrisis', { crisisId: 'no-such-crisis' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await h.value('currentScenario', {}))!.history.canUndo).toBe(false);
  });
});

describe('export', () => {
  it('tells the window how far a long export has got, ending at 1', async () => {
    const view = await h.view('newFromLibrary', {});
    h.dialogs.exportTargets.push(join(h.dir, 'brief.pdf'));
    await h.value('exportScenario', { format: 'pdf', scope: { kind: 'crisis', crisisId: view.document.crises[0]!.id } });
    const fractions = h.events.filter((e) => e.event === 'exportProgress' && e.windowId === 1).map((e) => (e.payload as { fraction: number }).fraction);
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('writes the chosen file and reveals it by id', async () => {
    const view = await h.view('newFromLibrary', {});
    const crisis = view.document.crises[0]!;
    const target = join(h.dir, 'diagram.svg');
    h.dialogs.exportTargets.push(target);
    const done = await h.value('exportScenario', { format: 'svg', scope: { kind: 'crisis', crisisId: crisis.id } });
    expect(done.fileName).toBe('diagram.svg');
    const svg = readFileSync(target, 'utf8');
    expect(done.bytes).toBe(Buffer.byteLength(svg));
    expect(svg).toContain('<svg');
    expect(svg).toContain(crisis.title.replace(/&/g, '&amp;'));
    // Only the target is left in the folder: the temp file was renamed, not copied.
    expect(readdirSync(h.dir).filter((n) => n.includes('diagram'))).toEqual(['diagram.svg']);

    await h.value('revealExport', { exportId: done.exportId, how: 'open' });
    await h.value('revealExport', { exportId: done.exportId, how: 'folder' });
    expect(h.revealed).toEqual([
      { path: target, how: 'open' },
      { path: target, how: 'folder' },
    ]);
  });

  it('exports the selection, and CSV with a byte-order mark on request', async () => {
    const view = await h.view('newFromLibrary', {});
    const picked = view.document.nodes.slice(0, 3).map((n) => n.id);
    const target = join(h.dir, 'picked.csv');
    h.dialogs.exportTargets.push(target);
    await h.value('exportScenario', { format: 'csv', scope: { kind: 'selection', nodeIds: picked }, bom: true });
    const bytes = readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toBe(renderCsv(view.document, { kind: 'selection', nodeIds: picked }, { bom: true }));
    for (const id of picked) expect(text).toContain(id);
  });

  it('replaces an existing file whole', async () => {
    await h.view('newFromLibrary', {});
    const target = join(h.dir, 'all.json');
    writeFileSync(target, 'old contents that are longer than nothing');
    h.dialogs.exportTargets.push(target);
    await h.value('exportScenario', { format: 'json', scope: { kind: 'all' } });
    const parsed = parseDocumentJson(readFileSync(target, 'utf8'));
    expect(parsed.ok).toBe(true);
  });

  it('reports a cancelled dialog, a missing crisis, and an unknown export id', async () => {
    await h.view('newScenario', {});
    expect(await h.call('exportScenario', { format: 'svg', scope: { kind: 'all' } })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    h.dialogs.exportTargets.push(join(h.dir, 'never.svg'));
    const missing = await h.call('exportScenario', { format: 'svg', scope: { kind: 'crisis', crisisId: 'gone' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The dialog was not shown for a scope that names nothing.
    expect(h.dialogs.exportTargets).toHaveLength(1);
    const reveal = await h.call('revealExport', { exportId: 'never-exported', how: 'open' });
    expect(reveal).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.revealed).toEqual([]);
  });

  it('refuses a selection none of whose elements exist, before the dialog', async () => {
    await h.view('newFromLibrary', {});
    h.dialogs.exportTargets.push(join(h.dir, 'never.svg'));
    const result = await h.call('exportScenario', { format: 'svg', scope: { kind: 'selection', nodeIds: ['gone-1', 'gone-2'] } });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(h.dialogs.exportTargets).toHaveLength(1);
  });

  it('suggests a file name from the scope and the format', async () => {
    const view = await h.view('newFromLibrary', {});
    const crisis = view.document.crises[0]!;
    let suggested = '';
    const dialogs: DialogProvider = h.dialogs;
    dialogs.chooseExportTarget = async (name) => {
      suggested = name;
      return null;
    };
    await h.call('exportScenario', { format: 'mermaid', scope: { kind: 'crisis', crisisId: crisis.id } });
    expect(suggested).toBe(`${crisis.title}.mmd`);
    await h.call('exportScenario', { format: 'graphml', scope: { kind: 'all' } });
    expect(suggested).toBe(`${view.document.scenario.title}.graphml`);
  });

  it('fails cleanly into a missing folder, leaving nothing behind', async () => {
    await h.view('newScenario', {});
    h.dialogs.exportTargets.push(join(h.dir, 'no-such-folder', 'x.svg'));
    const result = await h.call('exportScenario', { format: 'svg', scope: { kind: 'all' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
  });

  it('keeps export ids per handler context', async () => {
    await h.view('newScenario', {});
    h.dialogs.exportTargets.push(join(h.dir, 'a.md'));
    const done = await h.value('exportScenario', { format: 'md', scope: { kind: 'all' } });
    const other = mainHarness();
    try {
      expect(await other.call('revealExport', { exportId: done.exportId, how: 'folder' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      other.dispose();
    }
  });
});

describe('import', () => {
  it('imports our JSON into a new untitled scenario', async () => {
    const library = reportLibrary();
    const source = join(h.dir, 'library.json');
    writeFileSync(source, exportDocumentJson(library));
    h.dialogs.importSources.push(source);
    const view = await h.view('importScenario', { format: 'json' });
    expect(view.untitled).toBe(true);
    expect(view.document.crises.map((c) => c.id)).toEqual(library.crises.map((c) => c.id));
    expect(view.document.edges).toHaveLength(library.edges.length);
  });

  it('imports JSON Canvas text nodes as the chosen kind, keeping edges', async () => {
    const canvas = {
      nodes: [
        { id: 'a', type: 'text', text: 'Harbour closed', x: 0, y: 0, width: 200, height: 80 },
        { id: 'b', type: 'text', text: 'Food prices rise', x: 300, y: 0, width: 200, height: 80 },
      ],
      edges: [{ id: 'e', fromNode: 'a', toNode: 'b', label: 'leads to' }],
    };
    const source = join(h.dir, 'Port strike.canvas');
    writeFileSync(source, JSON.stringify(canvas));
    h.dialogs.importSources.push(source);
    const view = await h.view('importScenario', { format: 'canvas', kind: 'impact' });
    expect(view.document.scenario.title).toBe('Port strike');
    expect(view.document.nodes.map((n) => [n.kind, n.title]).sort()).toEqual([
      ['impact', 'Food prices rise'],
      ['impact', 'Harbour closed'],
    ]);
    expect(view.document.edges).toHaveLength(1);
  });

  it('tells the window what a canvas import left out', async () => {
    const canvas = {
      nodes: [
        { id: 'a', type: 'text', text: 'Harbour closed', x: 0, y: 0, width: 200, height: 80 },
        { id: 'b', type: 'text', text: 'Food prices rise', x: 300, y: 0, width: 200, height: 80 },
      ],
      edges: [{ id: 'loop', fromNode: 'a', toNode: 'a' }],
    };
    const source = join(h.dir, 'loops.canvas');
    writeFileSync(source, JSON.stringify(canvas));
    h.dialogs.importSources.push(source);
    const view = await h.view('importScenario', { format: 'canvas', kind: 'impact' });
    expect(view.document.edges).toEqual([]);
    const notices = h.events.filter((e) => e.event === 'notice').map((e) => e.payload as { tone: string; text: string });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/^Imported, leaving out 1 item: edges\[0\].*itself/);
  });

  it('round-trips a library crisis through CSV', async () => {
    const library = reportLibrary();
    const crisisId = library.crises[0]!.id;
    const source = join(h.dir, 'crisis.csv');
    writeFileSync(source, renderCsv(library, { kind: 'crisis', crisisId }, { bom: true }));
    h.dialogs.importSources.push(source);
    const view = await h.view('importScenario', { format: 'csv' });
    const expected = library.nodes.filter((n) => n.crisisId === crisisId);
    expect(view.document.nodes.map((n) => n.title).sort()).toEqual(expected.map((n) => n.title).sort());
  });

  it('names the bad path or row, writes nothing, and keeps the open scenario', async () => {
    const open = await h.view('newScenario', { title: 'Keep me' });
    const before = untitledFiles();
    const library = JSON.parse(exportDocumentJson(reportLibrary())) as { nodes: { kind: string }[] };
    library.nodes[2]!.kind = 'volcano';
    const badJson = join(h.dir, 'bad.json');
    writeFileSync(badJson, JSON.stringify(library));
    h.dialogs.importSources.push(badJson);
    const json = await h.call('importScenario', { format: 'json' });
    expect(json).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    expect(!json.ok && json.error.message).toMatch(/^bad\.json: .*nodes\[2\]\.kind/);

    const badCsv = join(h.dir, 'bad.csv');
    writeFileSync(badCsv, 'kind,title,severity\nimpact,Flooding,9\n');
    h.dialogs.importSources.push(badCsv);
    const csv = await h.call('importScenario', { format: 'csv' });
    expect(csv).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    expect(!csv.ok && csv.error.message).toMatch(/row 2/);

    const badCanvas = join(h.dir, 'bad.canvas');
    writeFileSync(badCanvas, JSON.stringify(canvasDocumentWithBadX()));
    h.dialogs.importSources.push(badCanvas);
    const canvas = await h.call('importScenario', { format: 'canvas' });
    expect(!canvas.ok && canvas.error.message).toMatch(/nodes\[0\]\.x/);

    expect(untitledFiles()).toEqual(before);
    expect((await h.value('currentScenario', {}))?.document.scenario.title).toBe(open.document.scenario.title);
  });

  it('refuses a folder, binary bytes, and a cancelled dialog', async () => {
    const folder = join(h.dir, 'folder.json');
    mkdirSync(folder);
    h.dialogs.importSources.push(folder);
    expect(await h.call('importScenario', { format: 'json' })).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
    const binary = join(h.dir, 'image.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]));
    h.dialogs.importSources.push(binary);
    expect(await h.call('importScenario', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID' } });
    expect(await h.call('importScenario', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(await h.value('currentScenario', {})).toBeNull();
  });
});

/** A canvas our own exporter wrote, with the first node's x broken. */
function canvasDocumentWithBadX(): unknown {
  const library = reportLibrary();
  const canvas = canvasDocument(library, { kind: 'crisis', crisisId: library.crises[0]!.id });
  const nodes = canvas.nodes.map((n, i) => (i === 0 ? { ...n, x: 'left' } : n));
  return { ...canvas, nodes };
}
