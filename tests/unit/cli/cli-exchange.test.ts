// export, import, analyze and new --from-report as a user runs them: the package's bin, real files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../core/contract';
import { libraryCrises, reportLibrary } from '../../../core/library';
import { checkScenarioFile, exportDocumentJson, openScenarioFile, parseDocumentJson } from '../../../db';
import { builtCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'sw-cli-exchange-'));
const cli = builtCli(() => dir);
const oneLineError = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat \S+:\d+/);
};

const library = join(dir, 'library.scenario');
const firstCrisis = libraryCrises()[0]!;

beforeAll(async () => {
  const created = await cli('new', '--from-report', library);
  expect(created).toMatchObject({ code: 0, stderr: '' });
});

describe('new --from-report', () => {
  it('creates a file holding every library crisis', () => {
    const checked = checkScenarioFile(library);
    if (!checked.ok) throw new Error(checked.error.message);
    const expected = reportLibrary();
    expect(checked.info.title).toBe(expected.scenario.title);
    expect(checked.info.crises.map((c) => c.id)).toEqual(expected.crises.map((c) => c.id));
    expect(checked.info.counts.provenance).toBe(expected.provenance.length);
  });

  it('takes a title, and refuses to replace a file', async () => {
    const titled = join(dir, 'titled.scenario');
    expect((await cli('new', titled, '--from-report', '--title', 'Exercise Blue')).code).toBe(0);
    const checked = checkScenarioFile(titled);
    expect(checked.ok && checked.info.title).toBe('Exercise Blue');
    expect(checked.ok && checked.info.counts.crises).toBe(libraryCrises().length);
    const again = await cli('new', '--from-report', titled);
    expect(again.code).toBe(1);
    oneLineError(again.stderr);
  });
});

describe('export', () => {
  it('writes every format for one crisis', async () => {
    for (const format of EXPORT_FORMATS) {
      const out = join(dir, `crisis.${format}`);
      const result = await cli('export', library, '--format', format, '--crisis', firstCrisis.id, '-o', out);
      expect(result, format).toMatchObject({ code: 0, stderr: '' });
      expect(readFileSync(out).byteLength, format).toBeGreaterThan(100);
    }
    expect(readFileSync(join(dir, 'crisis.svg'), 'utf8')).toMatch(/^<\?xml|^<svg/);
    expect([...readFileSync(join(dir, 'crisis.png')).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(readFileSync(join(dir, 'crisis.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Eleven CLI runs, the PDF brief laid out twice: slow on a loaded machine, not wrong.
  }, 180_000);

  it('exports JSON that is the file, losslessly', async () => {
    const out = join(dir, 'all.json');
    expect((await cli('export', 'library.scenario', '--format', 'json', '-o', 'all.json')).code).toBe(0);
    const parsed = parseDocumentJson(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const opened = openScenarioFile(library, { readOnly: true });
    if (!opened.ok) throw new Error(opened.error.message);
    try {
      expect(exportDocumentJson(parsed.document)).toBe(exportDocumentJson(opened.store.load()));
    } finally {
      opened.store.close();
    }
  });

  it('scales PNG, and adds a BOM to CSV on request', async () => {
    const one = join(dir, 'one.png');
    const two = join(dir, 'two.png');
    expect((await cli('export', library, '--format', 'png', '--crisis', firstCrisis.id, '-o', one)).code).toBe(0);
    expect((await cli('export', library, '--format', 'png', '--crisis', firstCrisis.id, '--scale', '2', '-o', two)).code).toBe(0);
    expect(pngWidth(two)).toBe(pngWidth(one) * 2);

    const bom = join(dir, 'bom.csv');
    expect((await cli('export', library, '--format', 'csv', '--bom', '-o', bom)).code).toBe(0);
    expect([...readFileSync(bom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = join(dir, 'plain.csv');
    expect((await cli('export', library, '--format', 'csv', '-o', plain)).code).toBe(0);
    expect([...readFileSync(plain).subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(readFileSync(bom).subarray(3).equals(readFileSync(plain))).toBe(true);
  });

  it('leaves the source file byte-for-byte unchanged', async () => {
    const before = readFileSync(library);
    expect((await cli('export', library, '--format', 'md', '-o', join(dir, 'brief.md'))).code).toBe(0);
    expect(readFileSync(library).equals(before)).toBe(true);
  });

  it('says clearly when the app holds the file open for editing', async () => {
    const held = join(dir, 'held.scenario');
    expect((await cli('new', held)).code).toBe(0);
    const writer = openScenarioFile(held);
    if (!writer.ok) throw new Error(writer.error.message);
    try {
      const result = await cli('export', held, '--format', 'svg', '-o', join(dir, 'held.svg'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/open for editing/);
      oneLineError(result.stderr);
      expect(existsSync(join(dir, 'held.svg'))).toBe(false);
    } finally {
      writer.store.close();
    }
  });

  it('exits 1 for an unknown crisis or a file that is not a scenario, writing nothing', async () => {
    const out = join(dir, 'never.svg');
    const unknown = await cli('export', library, '--format', 'svg', '--crisis', 'no-such', '-o', out);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no-such');
    oneLineError(unknown.stderr);
    const text = join(dir, 'notes.scenario');
    writeFileSync(text, 'just some notes');
    const notScenario = await cli('export', text, '--format', 'svg', '-o', out);
    expect(notScenario.code).toBe(1);
    oneLineError(notScenario.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 for bad usage', async () => {
    expect((await cli('export', library, '-o', 'x.svg')).code).toBe(2);
    expect((await cli('export', library, '--format', 'gif', '-o', 'x.gif')).code).toBe(2);
    expect((await cli('export', library, '--format', 'svg')).code).toBe(2);
    expect((await cli('export', library, '--format', 'svg', '--scale', '2', '-o', 'x.svg')).code).toBe(2);
    expect((await cli('export', library, '--format', 'png', '--scale', '3', '-o', 'x.png')).code).toBe(2);
    expect((await cli('export', '--format', 'svg', '-o', 'x.svg')).code).toBe(2);
  });
});

describe('import', () => {
  it('round-trips JSON, canvas and CSV exports into new scenario files', async () => {
    for (const ext of ['json', 'canvas', 'csv']) {
      const source = join(dir, `round-trip.${ext}`);
      expect((await cli('export', library, '--format', ext, '--crisis', firstCrisis.id, '-o', source)).code).toBe(0);
      const out = join(dir, `from-${ext}.scenario`);
      const result = await cli('import', source, '-o', out);
      expect(result, ext).toMatchObject({ code: 0, stderr: '' });
      const checked = checkScenarioFile(out);
      if (!checked.ok) throw new Error(checked.error.message);
      const expectedNodes = reportLibrary().nodes.filter((n) => n.crisisId === firstCrisis.id).length;
      const c = checked.info.counts;
      expect(c.trigger + c.crisis + c.impact + c.response, ext).toBe(expectedNodes);
    }
  });

  it('takes the format and the canvas node kind from flags', async () => {
    const canvas = { nodes: [{ id: 'n', type: 'text', text: 'Ferry sinks', x: 0, y: 0, width: 200, height: 60 }], edges: [] };
    writeFileSync(join(dir, 'notes.txt'), JSON.stringify(canvas));
    expect((await cli('import', 'notes.txt', '-o', 'guess.scenario')).code).toBe(2);
    expect((await cli('import', 'notes.txt', '--format', 'canvas', '--kind', 'impact', '-o', 'ferry.scenario')).code).toBe(0);
    const checked = checkScenarioFile(join(dir, 'ferry.scenario'));
    expect(checked.ok && checked.info.counts.impact).toBe(1);
    expect((await cli('import', 'notes.txt', '--format', 'canvas', '--kind', 'volcano', '-o', 'v.scenario')).code).toBe(2);
  });

  it('names the first bad row, and writes nothing on failure', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'kind,title,severity\nimpact,Flooding,3\nimpact,Landslide,12\n');
    const result = await cli('import', 'bad.csv', '-o', 'bad.scenario');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.csv: .*row 3.*severity/);
    oneLineError(result.stderr);
    expect(existsSync(join(dir, 'bad.scenario'))).toBe(false);
  });

  it('never replaces an existing scenario', async () => {
    const existing = join(dir, 'library.scenario');
    const before = readFileSync(existing);
    writeFileSync(join(dir, 'whole.json'), exportDocumentJson(reportLibrary()));
    const result = await cli('import', 'whole.json', '-o', existing);
    expect(result.code).toBe(1);
    expect(readFileSync(existing).equals(before)).toBe(true);
  });
});

describe('export for an audience, with the handling marking', () => {
  const chinaNote = 'for many Chinese a nuclear accident is the top concern';
  const marked = join(dir, 'marked.scenario');
  beforeAll(async () => {
    expect((await cli('new', '--from-report', marked)).code).toBe(0);
    // Setting the marking is the app's job; here the file is prepared through the store.
    const opened = openScenarioFile(marked);
    if (!opened.ok) throw new Error(opened.error.message);
    opened.store.apply([{ op: 'scenario.update', patch: { marking: 'CONFIDENTIAL', markingCaveat: 'REL TO USA, JPN' } }]);
    opened.store.close();
  });

  it('--actors by code or id leaves out the others, says so, and holds none of their notes', async () => {
    const full = join(dir, 'full.md');
    expect((await cli('export', library, '--format', 'md', '-o', full)).code).toBe(0);
    expect(readFileSync(full, 'utf8')).toContain(chinaNote);
    const cut = join(dir, 'no-china.md');
    const result = await cli('export', library, '--format', 'md', '--actors', 'US,jp,kr', '-o', cut);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const md = readFileSync(cut, 'utf8');
    expect(md).toContain('Positions of China (PRC)');
    expect(md).not.toContain(chinaNote);
    expect(md).not.toMatch(/^- PRC on /m);
    const unknown = await cli('export', library, '--format', 'md', '--actors', 'US,XX', '-o', join(dir, 'x.md'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no actor "XX"');
  });

  it('--no-notes leaves every stance note out', async () => {
    const out = join(dir, 'no-notes.html');
    expect((await cli('export', library, '--format', 'html', '--no-notes', '-o', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Notes are left out.');
    expect(html).not.toContain(chinaNote);
  });

  it('--report-only keeps only what the report states or grounds, without notes, and says so', async () => {
    const out = join(dir, 'report-only.md');
    expect((await cli('export', library, '--format', 'md', '--report-only', '-o', out))).toMatchObject({ code: 0, stderr: '' });
    const md = readFileSync(out, 'utf8');
    expect(md).toContain('> Report only: values, links and positions that rest on an assumption or on a planner\'s entry are left out');
    expect(md).not.toContain(chinaNote);
    expect(md).not.toMatch(/\((assumption|planner)\)|link: (assumption|planner)|Note: /);
    expect(md).toMatch(/: \d\/5 \(report\)/);
    expect(md).toContain('left out (not from a source)');
  });

  it('--crisis takes several ids', async () => {
    const [a, b] = libraryCrises();
    const out = join(dir, 'two.md');
    expect((await cli('export', library, '--format', 'md', '--crisis', `${a!.id},${b!.id}`, '-o', out)).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    expect(md.match(/^## (?!Contents|Sources|Reading this brief)/gm)).toHaveLength(2);
  });

  it('a marked file carries its marking in every format; --marking replaces it and cannot remove it', async () => {
    const csv = join(dir, 'marked.csv');
    expect((await cli('export', marked, '--format', 'csv', '-o', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe('"MARKING: CONFIDENTIAL // REL TO USA, JPN"');
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'png' && f !== 'pdf')) {
      const out = join(dir, `marked-any.${format}`);
      expect((await cli('export', marked, '--format', format, '--crisis', firstCrisis.id, '-o', out)).code, format).toBe(0);
      expect(readFileSync(out, 'utf8'), format).toContain('CONFIDENTIAL');
    }
    const override = join(dir, 'override.md');
    expect((await cli('export', marked, '--format', 'md', '--marking', 'SECRET', '-o', override)).code).toBe(0);
    expect(readFileSync(override, 'utf8').split('\n')[0]).toBe('**SECRET // REL TO USA, JPN**');
    const removed = await cli('export', marked, '--format', 'md', '--marking', '', '-o', join(dir, 'unmarked.md'));
    expect(removed.code).toBe(2);
    expect(removed.stderr).toContain('not remove it');
    expect(existsSync(join(dir, 'unmarked.md'))).toBe(false);
  }, 180_000);
});

describe('analyze', () => {
  it('prints the text report and the JSON for one crisis', async () => {
    const text = await cli('analyze', library, '--crisis', firstCrisis.id);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('COVERAGE GAPS');
    const json = await cli('analyze', library, '--crisis', firstCrisis.id, '--json');
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { crisisId: string; crises: { id: string }[] };
    expect(parsed.crisisId).toBe(firstCrisis.id);
    expect(parsed.crises.map((c) => c.id)).toEqual([firstCrisis.id]);
  });

  it('covers the whole file without --crisis, and fails on an unknown crisis', async () => {
    const whole = JSON.parse((await cli('analyze', library, '--json')).stdout) as { crisisId: null; crises: unknown[] };
    expect(whole.crisisId).toBeNull();
    expect(whole.crises).toHaveLength(libraryCrises().length);
    const unknown = await cli('analyze', library, '--crisis', 'no-such');
    expect(unknown.code).toBe(1);
    oneLineError(unknown.stderr);
    expect((await cli('analyze')).code).toBe(2);
  });
});

/** Width from a PNG's IHDR chunk. */
function pngWidth(path: string): number {
  return readFileSync(path).readUInt32BE(16);
}
