import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors';
import { EXPORT_FORMATS, exportDocument, importDocument, importFormatOf } from '../../../main/export';
import { DocumentBuilder, hostileDocument, largeDocument, sampleDocument } from '../../fixtures/export/builder';
import { activeContent, decodePng, xmllint } from './tools';

describe('exportDocument and importDocument', () => {
  it('produces every format with its extension and MIME type, reporting progress from 0 to 1', async () => {
    const doc = sampleDocument();
    const seen = new Set<string>();
    for (const format of EXPORT_FORMATS) {
      const progress: number[] = [];
      const file = await exportDocument(doc, { format, scope: { kind: 'all' } }, (f) => progress.push(f));
      expect(file.bytes.length).toBeGreaterThan(100);
      seen.add(file.extension);
      expect(progress[0]).toBe(0);
      expect(progress.at(-1)).toBe(1);
      expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    }
    expect(seen.size).toBe(EXPORT_FORMATS.length);
  });

  it('reports intermediate progress while a large PDF draws', async () => {
    const progress: number[] = [];
    await exportDocument(largeDocument(600), { format: 'pdf', scope: { kind: 'all' } }, (f) => progress.push(f));
    expect(progress.filter((f) => f > 0.1 && f < 1).length).toBeGreaterThanOrEqual(2);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('keeps every text format of the hostile fixture free of active content', async () => {
    const doc = hostileDocument();
    for (const format of ['svg', 'html', 'graphml'] as const) {
      const file = await exportDocument(doc, { format, scope: { kind: 'all' } });
      expect(activeContent(new TextDecoder().decode(file.bytes))).toEqual([]);
    }
  });

  it('exports an empty scenario in every format without failing', async () => {
    const empty = new DocumentBuilder('Empty').doc;
    for (const format of EXPORT_FORMATS) {
      const file = await exportDocument(empty, { format, scope: { kind: 'all' } });
      expect(file.bytes.length).toBeGreaterThan(0);
      if (format === 'svg' || format === 'graphml') expect(xmllint(new TextDecoder().decode(file.bytes)).status).toBe(0);
      if (format === 'png') expect(decodePng(file.bytes).width).toBeGreaterThan(0);
    }
  });

  it('refuses a crisis the document does not have', async () => {
    const err = await exportDocument(sampleDocument(), { format: 'svg', scope: { kind: 'crisis', crisisId: 'nope' } }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('NOT_FOUND');
  });

  it('reads a JSON file saved with a byte-order mark, and names import formats by extension', async () => {
    const doc = sampleDocument();
    const json = new TextDecoder().decode((await exportDocument(doc, { format: 'json', scope: { kind: 'all' } })).bytes);
    const back = importDocument(`\uFEFF${json}`, { format: 'json' });
    expect(back.ok && back.document.nodes.length).toBe(doc.nodes.length);
    expect([importFormatOf('a/b.JSON'), importFormatOf('x.canvas'), importFormatOf('t.csv'), importFormatOf('s.scenario')]).toEqual(['json', 'canvas', 'csv', null]);
  });

  it('imports CSV through the same entry point and reports the bad row', () => {
    const result = importDocument('record,id,kind,title,likelihood\r\nnode,a,trigger,Storm,7', { format: 'csv' });
    expect(result).toEqual({ ok: false, error: { code: 'IMPORT_INVALID', message: 'row 2, column likelihood: must be 1-5' } });
  });
});
