/**
 * A brief reader must tell report from assumption without the app: every value carries its
 * basis, positions their holder, date, basis, note and quote, quotes how they bear on their
 * element. And a report-only export is proven by absence: nothing resting on an assumption or
 * a planner's entry, and no note, in the Markdown, the HTML (read by xmllint), the CSV (read
 * by Python's csv module) or the JSON.
 */
import { describe, expect, it } from 'vitest';
import { cutForAudience, renderCsv, renderHtmlBrief, renderMarkdownBrief, type ExportScope } from '../../../core/export';
import { SOURCED_BASES, type Basis, type ExportAudience } from '../../../core/model';
import { exportDocument } from '../../../main/export';
import { sampleDocument } from '../../fixtures/export/builder';
import { runTool, squash, withTempFile } from './tools';

const all: ExportScope = { kind: 'all' };
const REPORT_ONLY: ExportAudience = { actorIds: null, notes: true, reportOnly: true, crisisIds: null };
/** Text that only a note, or a value resting on an assumption or a planner's entry, brings into the sample's briefs. */
const NOTES = ['Consistent with models', 'Disputes surge height', 'Stocks cover two weeks'];

/**
 * xmllint's HTML parser: the text of every node an XPath selects, one string per node. Its
 * HTML 4 parser knows neither HTML5 elements (main, nav, figure) nor inline SVG, so an unknown
 * tag name ("Tag main invalid") is the one complaint allowed: no mismatched tag, no bad entity.
 */
function htmlXpath(html: string, xpath: string): string[] {
  const run = withTempFile('brief.html', html, (path) => runTool('xmllint', ['--html', '--nonet', '--xpath', xpath, path]));
  const errors = run.stderr.split('\n').filter((l) => /error/.test(l));
  expect(errors.filter((l) => !/HTML parser error : Tag [a-z]+ invalid$/.test(l))).toEqual([]);
  expect(run.status).toBe(0);
  return run.stdout.split('\n').map((s) => s.trim()).filter(Boolean);
}

function pythonCsvRecords(text: string): Record<string, string>[] {
  const script = 'import csv,sys,json\nrows=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8-sig")))\nprint(json.dumps([dict(zip(rows[0],r)) for r in rows[1:]]))';
  const run = withTempFile('table.csv', text, (path) => runTool('python3', ['-c', script, path]));
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Record<string, string>[];
}

describe('the basis in every brief', () => {
  const doc = sampleDocument();
  const { header } = cutForAudience(doc);
  const md = renderMarkdownBrief(doc, all, header);

  it('opens with a key to every basis and holder, and the scenario’s as-of date', () => {
    expect(md).toContain('Date: 2026-01-02 · As of: 2016-06-28');
    expect(md).toContain('## Reading this brief');
    for (const line of ['(report): stated in a cited source.', '(inferred): drawn from a cited source', '(assumption): the author\'s own judgement', '(planner): entered by a planner', 'unscored: a likelihood or severity nobody has scored']) {
      expect(md).toContain(`- ${line}`);
    }
    for (const holder of ['official: a government\'s stated position.', 'participant: a view voiced by someone from that country, not an official position.', 'analyst: the planner\'s estimate']) {
      expect(md).toContain(`- ${holder}`);
    }
  });

  it('gives each value its basis, a blank score as unscored, a status its date, and accepted gaps their reason', () => {
    expect(md).toContain('Likelihood: 3/5 (inferred) · Horizon: days (assumption)');
    expect(md).toContain('Lead: Japan, JP (report) · Supporting: US · Status: agreed, as of 2016-06-28 (inferred) · Lead time: days (assumption)');
    expect(md).toContain('Lead: none · Status: idea, undated (planner)');
    expect(md).toContain('**Impact: Fuel shortage**\\\nSeverity: unscored · Gap accepted: Stocks cover two weeks; no response is planned.');
    expect(md).toContain('**Trigger: Crane collapse**\\\nLikelihood: 2/5 (assumption) · Unavertable: no response can avert it');
    expect(md).toContain('- leads to Hospital evacuation ("cascade"; link: report; confidence medium (report))');
  });

  it('lists accepted gaps apart from the open ones, with their reason; unavertable triggers as such', () => {
    const port = md.slice(md.indexOf('## Port closure'));
    expect(port).toContain('- Impacts no response contains: none\n- Triggers and crises no response averts: Port shutdown\n');
    expect(port).toContain('_Accepted gaps, listed apart and not counted above:_\n\n- Fuel shortage (no response contains it) — accepted: Stocks cover two weeks; no response is planned.\n- Crane collapse (no response averts it) — unavertable: no response can avert it\n');
    const noNotes = cutForAudience(doc, { actorIds: null, notes: false, reportOnly: false, crisisIds: null });
    const withoutReasons = renderMarkdownBrief(noNotes.doc, all, noNotes.header);
    expect(withoutReasons).toContain('- Fuel shortage (no response contains it) — accepted: reason left out of this export');
    expect(withoutReasons).not.toContain('Stocks cover two weeks');
  });

  it('says in the consensus table what each agreement rests on, over the columns this audience sees', () => {
    expect(md).toContain('| Mobile generators airlift | agree (participant) | – | – | uncertain (participant) | partly unknown: US agree; PRC uncertain; JP, ROK unknown |');
    const noChina = cutForAudience(doc, { actorIds: ['us', 'jp', 'kr'], notes: true, reportOnly: false, crisisIds: null });
    const cutMd = renderMarkdownBrief(noChina.doc, all, noChina.header);
    expect(cutMd).toContain('| Element | US | JP | ROK | Rests on |');
    expect(cutMd).toContain('| Delta flooding | agree (official) | agree (participant) | uncertain (analyst) | partly unknown: US, JP agree; ROK uncertain; weakest: ROK (analyst estimate) |');
  });

  it('shows each position with holder, date, basis, note and the quote it cites', () => {
    expect(md).toContain('- US on Delta flooding: agree — official position, as of 2016-06-28 (report). Note: Consistent with models. Cites: "The levee was rated for a 1-in-50-year surge." (Delta resilience review, section 3.2; supports)');
    expect(md).toContain('- JP on Delta flooding: agree — participant view, as of 2016-06-28 (inferred).');
    expect(md).toContain('- ROK on Delta flooding: uncertain — analyst estimate, undated (planner).');
  });

  it('shows a contradicting quote as evidence against, never as support, in Markdown and HTML', () => {
    expect(md).toContain('> **Evidence against:** Both hospitals have generators above the flood line.\n>\n> — Delta resilience review, p. 15 — evidence against Hospital evacuation');
    expect(md).toContain('> **Context:** Surges of this height were last recorded in 1953.');
    expect(md).not.toMatch(/supports Hospital evacuation/);
    const html = renderHtmlBrief(doc, all, header);
    const against = htmlXpath(html, '//blockquote[@data-relation="contradicts"]//text()').join(' ');
    expect(squash(against)).toBe('Evidence against: Both hospitals have generators above the flood line. — Delta resilience review, p. 15 — evidence against Hospital evacuation');
    const supporting = htmlXpath(html, '//blockquote[@data-relation="supports"]/footer/text()');
    expect(supporting).toHaveLength(3);
    expect(supporting.join('\n')).not.toContain('Hospital evacuation');
    // The consensus table's cells name who holds each position.
    expect(htmlXpath(html, '//table[thead/tr/th="PRC"]//tr[td="Delta flooding"]/td/text()')).toEqual([
      'Delta flooding', 'agree (official)', 'agree (participant)', 'uncertain (analyst)', 'disagree (analyst)', 'contested: PRC (analyst estimate) disagrees; weakest: ROK, PRC (analyst estimate)',
    ]);
  });
});

describe('report only: only what a cited source states or grounds', () => {
  const doc = sampleDocument();
  const cut = cutForAudience(doc, REPORT_ONLY);

  it('leaves no value, link or stance resting on an assumption or a planner\'s entry in the document every format reads', () => {
    const sourced = (b: Basis | undefined): boolean => b !== undefined && SOURCED_BASES.includes(b);
    for (const n of cut.doc.nodes) for (const basis of Object.values(n.basis)) expect(sourced(basis), n.id).toBe(true);
    for (const n of cut.doc.nodes) {
      if (n.likelihood !== null) expect(n.basis.likelihood, n.id).toBeDefined();
      if (n.severity !== null) expect(n.basis.severity, n.id).toBeDefined();
      if (n.horizon !== null) expect(n.basis.horizon, n.id).toBeDefined();
      if (n.leadTime !== null) expect(n.basis.leadTime, n.id).toBeDefined();
    }
    for (const e of cut.doc.edges) {
      expect(sourced(e.basis.kind), e.id).toBe(true);
      if (e.confidence !== null) expect(sourced(e.basis.confidence), e.id).toBe(true);
    }
    expect(cut.doc.stances.map((s) => s.basis).every(sourced)).toBe(true);
    expect(cut.doc.stances.every((s) => s.note === '')).toBe(true);
    expect(cut.doc.nodes.find((n) => n.title === 'Fuel shortage')!.gapAccepted).toBe('');
    // What the sources ground stays, quotes included.
    expect(cut.doc.nodes.find((n) => n.title === 'Power grid outage')!.severity).toBe(5);
    expect(cut.doc.edges.find((e) => e.label === 'overtops')).toMatchObject({ confidence: null, basis: { kind: 'inferred' } });
    expect(cut.doc.provenance).toEqual(doc.provenance);
    expect(cut.header.withheld.get('trigger-1')).toEqual(['likelihood']);
  });

  it('Markdown: says what was cut at its head, and holds no assumption or planner value and no note', () => {
    const md = renderMarkdownBrief(cut.doc, all, cut.header);
    expect(md).toContain('> Report only: values, links and positions that rest on an assumption or on a planner\'s entry are left out, and so are all notes.');
    expect(md).not.toMatch(/\((assumption|planner)\)|link: (assumption|planner)/);
    expect(md).not.toMatch(/analyst estimate/);
    for (const note of NOTES) expect(md).not.toContain(note);
    expect(md).not.toContain('within hours');
    expect(md).not.toContain('confidence high');
    expect(md).toContain('Likelihood: left out (not from a source)');
    expect(md).toContain('Severity: 5/5 (report)');
    expect(md).toContain('> **Evidence against:** Both hospitals have generators above the flood line.');
    expect(md).toContain('| Delta flooding | agree (official) | agree (participant) | – | – |');
  });

  it('HTML (xmllint) and CSV (Python) hold none of it either', async () => {
    const html = (await exportDocument(doc, { format: 'html', scope: all, audience: REPORT_ONLY })).bytes;
    const text = squash(htmlXpath(new TextDecoder().decode(html), '//main//text()').join(' '));
    expect(text).toContain('Report only:');
    expect(text).not.toMatch(/\((assumption|planner)\)/);
    for (const note of NOTES) expect(text).not.toContain(note);

    const csv = new TextDecoder().decode((await exportDocument(doc, { format: 'csv', scope: all, audience: REPORT_ONLY })).bytes);
    const records = pythonCsvRecords(csv);
    const basisCells = records.flatMap((r) => Object.entries(r).filter(([k, v]) => /_basis$|^stance_basis:/.test(k) && v !== '').map(([, v]) => v));
    expect(basisCells.length).toBeGreaterThan(5);
    expect(new Set(basisCells)).toEqual(new Set(['report', 'inferred']));
    expect(records.flatMap((r) => Object.entries(r).filter(([k]) => k.startsWith('stance_note:')).map(([, v]) => v)).every((v) => v === '')).toBe(true);
    expect(csv).not.toContain('within hours');
    // The full export carries what report-only leaves out.
    expect(renderCsv(doc, all)).toContain('within hours');
  });
});
