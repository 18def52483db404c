import { describe, expect, it } from 'vitest';
import { diagramGeometry, oneLineText } from '../../../core/export';
import { exportDocument } from '../../../main/export';
import { findPdfFont, STANDARD_FONT } from '../../../main/export/fonts';
import { pageLayout, renderPdf } from '../../../main/export/pdf';
import { hostileDocument, largeDocument, sampleDocument } from '../../fixtures/export/builder';
import { runTool, squash, withTempFile } from './tools';

const pdfinfo = (bytes: Uint8Array): Record<string, string> =>
  withTempFile('out.pdf', bytes, (path) => {
    const run = runTool('pdfinfo', [path]);
    expect(run.status).toBe(0);
    return Object.fromEntries(run.stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  });
const pdftext = (bytes: Uint8Array): string => withTempFile('out.pdf', bytes, (path) => runTool('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout);

describe('PDF export', () => {
  it('opens in pdfinfo with a page that fits the diagram', async () => {
    const doc = sampleDocument();
    const file = await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } });
    const info = pdfinfo(file.bytes);
    const { size } = pageLayout(diagramGeometry(doc, { kind: 'all' }), 'fit');
    expect(info['Page size']).toBe(`${Math.round(size[0])} x ${Math.round(size[1])} pts`);
    expect(info.Title).toBe(doc.scenario.title);
    expect(info.JavaScript).toBe('no');
  });

  it('uses A4 and Letter landscape when asked', async () => {
    const doc = sampleDocument();
    const a4 = pdfinfo((await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' }, paper: 'a4' })).bytes);
    expect(a4['Page size']).toMatch(/^841\.89 x 595\.28 pts/);
    const letter = pdfinfo((await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' }, paper: 'letter' })).bytes);
    expect(letter['Page size']).toMatch(/^792 x 612 pts/);
  });

  it('has selectable text in which pdftotext finds every node title', async () => {
    for (const doc of [sampleDocument(), largeDocument(300)]) {
      const text = squash(pdftext((await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } })).bytes));
      const missing = doc.nodes.filter((n) => !text.includes(squash(n.title)));
      expect(missing.map((n) => n.title)).toEqual([]);
    }
  });

  it('keeps the Latin words of hostile titles findable', async () => {
    const doc = hostileDocument();
    const text = squash(pdftext((await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } })).bytes));
    for (const n of doc.nodes) {
      // pdftotext reorders text around right-to-left runs, so compare what comes before them.
      const beforeRtl = oneLineText(n.title).split(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/)[0]!;
      const words = beforeRtl.split(' ').filter((w) => /^[\x21-\x7e]+$/.test(w));
      for (const word of words) expect(text).toContain(word);
    }
  });

  it('finds CJK titles in the text when a CJK font is installed (fonts-noto-cjk)', async (ctx) => {
    if (!findPdfFont().coversCjk) ctx.skip();
    const doc = hostileDocument();
    const text = squash(pdftext((await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } })).bytes));
    expect(text).toContain('洪水対策');
    expect(text).toContain('洪水 対策 대응');
  });

  it('still finds every Latin title with only the built-in Helvetica, CJK becoming "?"', async () => {
    const doc = sampleDocument();
    const cjk = doc.nodes[0]!;
    cjk.title = `${cjk.title} 洪水`;
    const g = diagramGeometry(doc, { kind: 'all' });
    const text = squash(pdftext(await renderPdf(g, g.title.text, { font: STANDARD_FONT })));
    for (const n of doc.nodes) expect(text).toContain(squash(n.title.replace('洪水', '??')));
  });

  it('is byte-identical across runs', async () => {
    const doc = sampleDocument();
    const a = await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } });
    const b = await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });
});
