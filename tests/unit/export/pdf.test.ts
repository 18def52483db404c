/**
 * The PDF brief, read by poppler: pdfinfo for the paper, pages and tagging; pdftotext page by
 * page for the marking at the top and bottom of every page, the page numbers, the sections,
 * the contents' page numbers, every title, and what an audience cut leaves out.
 */
import { describe, expect, it } from 'vitest';
import { cutForAudience, oneLineText } from '../../../core/export';
import type { ExportAudience, ScenarioDocument } from '../../../core/model';
import { exportDocument } from '../../../main/export';
import { findPdfFont, STANDARD_BOLD_FONT, STANDARD_FONT } from '../../../main/export/fonts';
import { renderPdfBrief } from '../../../main/export/pdf-brief';
import { hostileDocument, largeDocument, sampleDocument } from '../../fixtures/export/builder';
import { runTool, squash, withTempFile } from './tools';

const pdfinfo = (bytes: Uint8Array): Record<string, string> =>
  withTempFile('out.pdf', bytes, (path) => {
    const run = runTool('pdfinfo', [path]);
    expect(run.status).toBe(0);
    return Object.fromEntries(run.stdout.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  });
/** The text of each page, in page order (pdftotext separates pages with a form feed). */
const pdfPages = (bytes: Uint8Array): string[] =>
  withTempFile('out.pdf', bytes, (path) => runTool('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-']).stdout.split('\f').slice(0, -1));
const pdftext = (bytes: Uint8Array): string => squash(pdfPages(bytes).join('\n'));

function marked(doc: ScenarioDocument): ScenarioDocument {
  return { ...doc, scenario: { ...doc.scenario, marking: 'CONFIDENTIAL', markingCaveat: 'REL TO USA, JPN', author: 'J5 Plans' } };
}

async function pdf(doc: ScenarioDocument, audience?: ExportAudience, paper: 'a4' | 'letter' | 'fit' = 'a4'): Promise<Uint8Array> {
  return (await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' }, audience, paper })).bytes;
}

describe('PDF brief', () => {
  it('is tagged, on A4 or Letter text pages, with the scenario as its title', async () => {
    const doc = marked(sampleDocument());
    const a4 = pdfinfo(await pdf(doc));
    expect(a4['Page size']).toMatch(/^595\.28 x 841\.89 pts/);
    expect(a4.Tagged).toBe('yes');
    expect(a4.Title).toBe(doc.scenario.title);
    expect(a4.Author).toBe('J5 Plans');
    expect(a4.JavaScript).toBe('no');
    expect(pdfinfo(await pdf(doc, undefined, 'letter'))['Page size']).toMatch(/^612 x 792 pts/);
  });

  it('prints the marking at the top and the bottom of every page, and numbers every page', async () => {
    const pages = pdfPages(await pdf(marked(sampleDocument())));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(lines[0], `page ${i + 1} top`).toBe('CONFIDENTIAL // REL TO USA, JPN');
      expect(lines[lines.length - 1], `page ${i + 1} bottom`).toMatch(new RegExp(`^CONFIDENTIAL // REL TO USA, JPN\\s+Page ${i + 1} of ${pages.length}$`));
    });
  });

  it('has a cover, a contents page whose numbers are right, and every section of each crisis', async () => {
    const doc = marked(sampleDocument());
    const pages = pdfPages(await pdf(doc));
    expect(squash(pages[0]!)).toContain('Regional flood scenario Crisis brief');
    expect(squash(pages[0]!)).toContain('Date: 2026-01-02 As of: 2016-06-28 Author: J5 Plans');
    expect(pages[1]).toContain('Contents');
    for (const title of ['Reading this brief', ...doc.crises.map((c) => c.title), 'Sources']) {
      const entry = new RegExp(`${title}\\s+(\\d+)\\n`).exec(pages[1]!);
      expect(entry, title).not.toBeNull();
      // The contents point at the crisis's diagram page, whose drawing is titled with the crisis.
      expect(squash(pages[Number(entry![1]) - 1]!)).toContain(title);
    }
    const text = pdftext(await pdf(doc));
    for (const section of ['Summary', 'Elements', 'Coverage gaps', 'Responses by lead actor', 'Consensus', 'Positions', 'Quotes', 'Sources']) expect(text).toContain(section);
    expect(text).toContain('(assumption): the author\'s own judgement; no source states it.');
    expect(text).toContain('Trigger: Storm surge breaches the levee Likelihood: 4/5 (assumption)');
    expect(text).toContain('leads to Delta flooding ("overtops"; link: inferred; confidence high (assumption))');
    expect(text).toContain('Impact: Fuel shortage Severity: unscored · Gap accepted: Stocks cover two weeks; no response is planned.');
    expect(text).toContain('Japan, JP (report) Mobile generators airlift US agreed, as of 2016-06-28 (inferred)');
    // pdftotext's layout interleaves the wrapped cells of one row: the words of each cell come in order.
    expect(text).toMatch(/Delta flooding agree \(official\) agree uncertain disagree contested: PRC \(analyst \(participant\) \(analyst\) \(analyst\) estimate\) disagrees;/);
    expect(text).toContain('Fuel shortage (no response contains it) — accepted: Stocks cover two weeks; no response is planned.');
    expect(text).toContain('PRC on Delta flooding: disagree — analyst estimate, undated (assumption). Note: Disputes surge height.');
    expect(text).toContain('The levee was rated for a 1-in-50-year surge.');
    expect(text).toContain('— Delta resilience review, section 3.2 — supports Delta flooding');
    expect(text).toContain('Evidence against: Both hospitals have generators above the flood line. — Delta resilience review, p. 15 — evidence against Hospital evacuation');
    expect(text).toContain('Delta resilience review. Planning cell, 2016-05. Delta resilience review, internal report');
  });

  it('puts elements in flow order: triggers, crises, impacts, responses', async () => {
    const text = pdftext(await pdf(sampleDocument()));
    const at = (s: string): number => text.indexOf(s);
    expect(at('Trigger: Upstream dam release')).toBeLessThan(at('Crisis: Delta flooding'));
    expect(at('Crisis: Delta flooding')).toBeLessThan(at('Impact: Hospital evacuation'));
    expect(at('Impact: Power grid outage')).toBeLessThan(at('Response: Joint levee reinforcement'));
  });

  it('cut for an audience without China: says so, and holds none of China\'s positions or notes', async () => {
    const doc = marked(sampleDocument());
    const audience: ExportAudience = { actorIds: ['us', 'jp', 'kr'], notes: true, reportOnly: false, crisisIds: null };
    const text = pdftext(await pdf(doc, audience));
    expect(text).toContain('Positions of China (PRC) are left out of this export.');
    expect(text).not.toContain('Disputes surge height');
    expect(text).not.toMatch(/\bPRC on\b/);
    expect(text).toContain('US on Delta flooding: agree — official position, as of 2016-06-28 (report). Note: Consistent with models.');
    // The consensus table has no PRC column: its header row is Element US JP ROK.
    expect(text).toMatch(/Element\s+US\s+JP\s+ROK\s+Rests on\s+Storm/);
  });

  it('without notes: no stance note appears, and the header says notes are left out', async () => {
    const text = pdftext(await pdf(sampleDocument(), { actorIds: null, notes: false, reportOnly: false, crisisIds: null }));
    expect(text).toContain('Notes are left out.');
    expect(text).not.toContain('Consistent with models');
    expect(text).not.toContain('Disputes surge height');
    expect(text).not.toContain('Note:');
  });

  it('report only: says so on the cover, and holds no value, link or position resting on an assumption or a planner, and no note', async () => {
    const pages = pdfPages(await pdf(marked(sampleDocument()), { actorIds: null, notes: true, reportOnly: true, crisisIds: null }));
    expect(squash(pages[0]!)).toContain('Report only: values, links and positions that rest on an assumption or on a planner\'s entry are left out, and so are all notes.');
    const text = squash(pages.join('\n'));
    expect(text).not.toMatch(/\((assumption|planner)\)|link: (assumption|planner)|analyst estimate/);
    for (const note of ['Consistent with models', 'Disputes surge height', 'Stocks cover two weeks', 'within hours']) expect(text).not.toContain(note);
    expect(text).toContain('Trigger: Storm surge breaches the levee Likelihood: left out (not from a source)');
    expect(text).toContain('Impact: Power grid outage Severity: 5/5 (report)');
    expect(text).toContain('Evidence against: Both hospitals have generators above the flood line.');
  });

  it('an unmarked scenario prints no marking line', async () => {
    const pages = pdfPages(await pdf(sampleDocument()));
    expect(pages[0]!.split('\n').map((l) => l.trim()).filter(Boolean)[0]).not.toMatch(/CONFIDENTIAL|\/\//);
  });

  it('finds every node title, also in a large scenario', async () => {
    for (const doc of [sampleDocument(), largeDocument(300)]) {
      const text = pdftext(await pdf(doc, undefined, 'fit'));
      const missing = doc.nodes.filter((n) => !text.includes(squash(n.title)));
      expect(missing.map((n) => n.title)).toEqual([]);
    }
  });

  it('keeps the Latin words of hostile titles findable', async () => {
    const doc = hostileDocument();
    const text = pdftext(await pdf(doc));
    for (const n of doc.nodes) {
      // pdftotext reorders text around right-to-left runs, so compare what comes before them.
      const beforeRtl = oneLineText(n.title).split(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/)[0]!;
      const words = beforeRtl.split(' ').filter((w) => /^[\x21-\x7e]+$/.test(w));
      for (const word of words) expect(text).toContain(word);
    }
  });

  it('finds CJK titles in the text when a CJK font is installed (fonts-noto-cjk)', async (ctx) => {
    if (!findPdfFont().coversCjk) ctx.skip();
    const text = pdftext(await pdf(hostileDocument()));
    expect(text).toContain('洪水対策');
    expect(text).toContain('洪水 対策 대응');
  });

  it('still finds every Latin title with only the built-in Helvetica, CJK becoming "?"', async () => {
    const doc = sampleDocument();
    const cjk = doc.nodes[0]!;
    cjk.title = `${cjk.title} 洪水`;
    const cut = cutForAudience(doc);
    const bytes = await renderPdfBrief(cut.doc, { kind: 'all' }, cut.header, { paper: 'a4', fonts: { regular: STANDARD_FONT, bold: STANDARD_BOLD_FONT } });
    const text = pdftext(bytes);
    for (const n of doc.nodes) expect(text).toContain(squash(n.title.replace('洪水', '??')));
  });

  it('is byte-identical across runs', async () => {
    const doc = marked(sampleDocument());
    const a = await pdf(doc);
    const b = await pdf(doc);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
