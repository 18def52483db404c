// CSV as spreadsheets read it: with `,`, `;` (Excel in many European locales) or tab as the
// delimiter, honouring quotes or not, no cell may start with = + - @. And the guard round-trips:
// what was exported is what comes back, apostrophes included.
import { describe, expect, it } from 'vitest';
import { renderCsv, type ExportScope } from '../../../core/export';
import { inertCsvText, restoreCsvText } from '../../../core/export/escape';
import { importCsv } from '../../../core/import';
import { DocumentBuilder } from '../../fixtures/export/builder';

const all: ExportScope = { kind: 'all' };
const FORMULA = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Cells as a reader that splits on `delimiter` sees them, quote-aware or not. */
function cellsAsRead(csv: string, delimiter: string, honourQuotes: boolean): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (honourQuotes && ch === '"') {
      if (quoted && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (quoted || cell === '') quoted = !quoted;
      else cell += ch;
    } else if (!quoted && (ch === delimiter || ch === '\n' || ch === '\r')) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const HOSTILE_TEXT = [
  'a;=1+1;@SUM(2)', 'x,=HYPERLINK("http://evil")', 'tab\t=cmd|x', 'line\n@SUM(1)', '  =lead space', '-2+3', '+cmd', '@at',
  '\uFF1D1+1', "'=already quoted", "''=two", "don't;'=x", 'plain; text, fine', '=', "'", 'a;', ';-',
];

function hostileCsv(): { csv: string; titles: string[] } {
  const b = new DocumentBuilder('=Scenario;@x');
  const c = b.crisis('=crisis;+1');
  const titles = HOSTILE_TEXT.filter((t) => t.trim().length > 0 && t.trim() === t);
  for (const [i, title] of titles.entries()) b.node(c, 'trigger', title, { description: HOSTILE_TEXT[i % HOSTILE_TEXT.length]!, tags: ['=tag', 'ok,@tag'], x: i * 10, y: 0 });
  return { csv: renderCsv(b.doc, all), titles };
}

describe('CSV formula guard', () => {
  for (const delimiter of [',', ';', '\t']) {
    for (const honourQuotes of [true, false]) {
      it(`no cell starts a formula when read with ${JSON.stringify(delimiter)}${honourQuotes ? '' : ', quotes ignored'}`, () => {
        const { csv } = hostileCsv();
        const bad = cellsAsRead(csv, delimiter, honourQuotes).filter((cell) => FORMULA.test(cell.trimStart()) && !/^-?\d+(\.\d+)?$/.test(cell));
        expect(bad).toEqual([]);
      });
    }
  }

  it('quotes every field holding a comma, a semicolon or a tab', () => {
    const b = new DocumentBuilder('t');
    const c = b.crisis('c');
    b.node(c, 'trigger', 'semi;colon', { description: 'tab\there', x: 0, y: 0 });
    const csv = renderCsv(b.doc, all);
    expect(csv).toContain('"semi;colon"');
    expect(csv).toContain('"tab\there"');
  });

  it('round-trips every hostile text exactly, apostrophes included', () => {
    for (const text of HOSTILE_TEXT) expect(restoreCsvText(inertCsvText(text)), text).toBe(text);
    const { csv, titles } = hostileCsv();
    const back = importCsv(csv, { now: '2026-01-02T03:04:05.000Z' });
    if (!back.ok) throw new Error(back.error.message);
    expect(back.document.nodes.map((n) => n.title).sort()).toEqual([...titles].sort());
    expect(back.document.nodes.map((n) => n.tags)).toContainEqual(['=tag', 'ok,@tag']);
    expect(back.document.crises[0]!.title).toBe('=crisis;+1');
  });
});

describe('CSV import without x/y', () => {
  it('places 420,000 rows inside the coordinate limit (a 5-wide grid overflowed past 416,671)', () => {
    const rows = ['kind,title'];
    for (let i = 0; i < 420_000; i++) rows.push(`trigger,t${i}`);
    const result = importCsv(rows.join('\n'), { now: '2026-01-02T03:04:05.000Z' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.document.nodes).toHaveLength(420_000);
    expect(Math.max(...result.document.nodes.slice(-10).map((n) => n.y))).toBeLessThan(1e6);
  }, 120_000);
});
