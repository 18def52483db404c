/** CSV (round trip, and Python's csv module as the reader), JSON round trip, and the Markdown brief. */
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { cutForAudience, renderCsv, renderCsvTables, renderMarkdownBrief, type ExportScope } from '../../../core/export';
import { importCsv, importCsvTables } from '../../../core/import';
import { documentIssues, type ScenarioDocument } from '../../../core/model';
import { exportDocument, importDocument } from '../../../main/export';
import { hostileDocument, sampleDocument } from '../../fixtures/export/builder';
import { runTool, withTempFile } from './tools';

const all: ExportScope = { kind: 'all' };
const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const stanceKey = (s: { actorId: string; elementId: string }): string => `${s.actorId}/${s.elementId}`;

/** What CSV carries: nodes (with bases, dates, accepted gaps), edges (with bases), stances with holder, date, basis and note, crisis ids and titles. */
function csvView(doc: ScenarioDocument) {
  return {
    crises: byId(doc.crises).map((c) => ({ id: c.id, title: c.title })),
    nodes: byId(doc.nodes),
    edges: byId(doc.edges),
    stances: doc.stances
      .map((s) => ({ key: stanceKey(s), position: s.position, note: s.note, holder: s.holder, asOf: s.asOf, basis: s.basis }))
      .sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

/** Python's csv module reads the file; we get back its row count and the widest row. */
function pythonCsv(text: string): { rows: number; widths: number[]; cells: string[][] } {
  const script = 'import csv,sys,json\nrows=list(csv.reader(open(sys.argv[1],newline="",encoding="utf-8-sig")))\nprint(json.dumps({"rows":len(rows),"widths":sorted(set(len(r) for r in rows)),"cells":rows}))';
  const run = withTempFile('table.csv', text, (path) => runTool('python3', ['-c', script, path]));
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { rows: number; widths: number[]; cells: string[][] };
}

describe('CSV export and import', () => {
  it('round-trips nodes, edges and stances of the sample and the hostile fixture', () => {
    for (const doc of [sampleDocument(), hostileDocument()]) {
      const back = importCsv(renderCsv(doc, all), { now: doc.scenario.createdAt });
      expect(back.ok, back.ok ? '' : back.error.message).toBe(true);
      if (!back.ok) continue;
      // Stances of actors are kept by code; the hostile actor comes back as a new actor with that code.
      const codeOf = (d: ScenarioDocument, id: string): string => d.actors.find((a) => a.id === id)!.code;
      const remap = (d: ScenarioDocument): ScenarioDocument => ({
        ...d,
        nodes: d.nodes.map((n) => ({ ...n, leadActorId: n.leadActorId && codeOf(d, n.leadActorId), supportingActorIds: n.supportingActorIds.map((a) => codeOf(d, a)) })),
        stances: d.stances.map((s) => ({ ...s, actorId: codeOf(d, s.actorId) })),
      });
      expect(csvView(remap(back.document))).toEqual(csvView(remap(doc)));
    }
  });

  it('parses in Python csv with one row per node and edge and a constant width', () => {
    for (const doc of [sampleDocument(), hostileDocument()]) {
      const parsed = pythonCsv(renderCsv(doc, all, { bom: true }));
      expect(parsed.rows).toBe(1 + doc.nodes.length + doc.edges.length);
      expect(parsed.widths.length).toBe(1);
      const title = parsed.cells[0]!.indexOf('title');
      expect(parsed.cells.slice(1).filter((r) => r[0] === 'node').map((r) => r[title]).sort()).toEqual(
        doc.nodes.map((n) => (/^[=+\-@]/.test(n.title) ? `'${n.title}` : n.title)).sort(),
      );
    }
  });

  it('writes a BOM only when asked, CRLF line ends, and stance columns per actor', () => {
    const doc = sampleDocument();
    const plain = renderCsv(doc, all);
    expect(plain.startsWith('record,')).toBe(true);
    expect(renderCsv(doc, all, { bom: true }).startsWith('\uFEFFrecord,')).toBe(true);
    expect(plain.split('\r\n')[0]).toContain('stance:US,stance_holder:US,stance_as_of:US,stance_basis:US,stance_note:US,stance:JP,');
    expect(plain.split('\r\n')[0]).toContain(',likelihood_basis,severity_basis,horizon_basis,lead_actor_basis,response_status_basis,lead_time_basis,');
    const tables = renderCsvTables(doc, all);
    expect(tables.edges.split('\r\n')[0]).toBe('id,crisis_id,source,target,kind,label,confidence,kind_basis,confidence_basis');
    const back = importCsvTables(tables.nodes, tables.edges, { now: doc.scenario.createdAt });
    expect(back.ok && back.document.edges.length).toBe(doc.edges.length);
  });

  it('a marked file heads with its marking in Python\'s reader, imports back, and an audience drops the left-out stance columns', async () => {
    const doc = sampleDocument();
    doc.scenario.marking = 'CONFIDENTIAL';
    doc.scenario.markingCaveat = 'REL TO USA, JPN';
    const audience = { actorIds: ['us', 'jp', 'kr'], notes: true, reportOnly: false, crisisIds: null };
    const text = new TextDecoder().decode((await exportDocument(doc, { format: 'csv', scope: all, audience })).bytes);
    const read = pythonCsv(text);
    expect(read.cells[0]).toEqual(['MARKING: CONFIDENTIAL // REL TO USA, JPN']);
    expect(read.cells[1]!.filter((c) => c.startsWith('stance:'))).toEqual(['stance:US', 'stance:JP', 'stance:ROK']);
    expect(read.rows).toBe(2 + doc.nodes.length + doc.edges.length);
    const back = importDocument(text, { format: 'csv', now: '2026-01-01T00:00:00.000Z' });
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.document.nodes).toHaveLength(doc.nodes.length);
  });

  it('keeps formulas inert: a title starting with = is written with a leading apostrophe', () => {
    const csv = renderCsv(hostileDocument(), all);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"") -->"`);
  });

  it('names the row and column of the first bad value, and returns no document', () => {
    const doc = sampleDocument();
    const lines = renderCsv(doc, all).split('\r\n');
    const header = lines[0]!.split(',');
    const sev = header.indexOf('severity');
    const impactLine = lines.findIndex((l) => l.includes(',impact,'));
    const cells = lines[impactLine]!.split(',');
    cells[sev] = '9';
    lines[impactLine] = cells.join(',');
    const result = importCsv(lines.join('\r\n'));
    expect(result).toEqual({ ok: false, error: { code: 'IMPORT_INVALID', message: `row ${impactLine + 1}, column severity: must be 1-5` } });
  });

  it('refuses unknown kinds, dangling edges, forbidden connections and broken quoting', () => {
    const head = 'record,id,crisis_id,kind,title,source,target';
    const cases: [string, string][] = [
      [`${head}\r\nnode,a,c,villain,X,,`, 'row 2, column kind: must be one of trigger, crisis, impact, response'],
      [`${head}\r\nnode,a,c,trigger,X,,\r\nedge,e,c,,,a,zz`, 'row 3, column target: unknown node "zz"'],
      [`${head}\r\nnode,a,c,impact,X,,\r\nnode,b,c,trigger,Y,,\r\nedge,e,c,,,a,b`, 'row 4, column target: An impact cannot connect to a trigger: it may connect to an impact.'],
      [`${head}\r\nnode,a,c,trigger,"X,,`, 'line 2: a quoted field is never closed'],
      [`${head}\r\nnode,a,c,trigger,,,`, 'row 2, column title: must not be empty'],
      [`${head}\r\nnode,a,c,trigger,X,,\r\nnode,a,c,trigger,Y,,`, 'row 3, column id: duplicate id "a"'],
    ];
    for (const [text, message] of cases) expect(importCsv(text)).toEqual({ ok: false, error: { code: 'IMPORT_INVALID', message } });
  });
});

describe('JSON export and import', () => {
  it('round-trips the whole document through the lossless format', async () => {
    for (const doc of [sampleDocument(), hostileDocument()]) {
      const file = await exportDocument(doc, { format: 'json', scope: all });
      const back = importDocument(new TextDecoder().decode(file.bytes), { format: 'json' });
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      const again = await exportDocument(back.document, { format: 'json', scope: all });
      expect(Buffer.from(again.bytes).equals(Buffer.from(file.bytes))).toBe(true);
      expect(csvView(back.document)).toEqual(csvView(doc));
      expect(back.document.provenance).toEqual(byId(doc.provenance));
    }
  });

  it('exports one crisis as a smaller document that is still sound', async () => {
    const doc = sampleDocument();
    const crisisId = doc.crises[0]!.id;
    const file = await exportDocument(doc, { format: 'json', scope: { kind: 'crisis', crisisId } });
    const back = importDocument(new TextDecoder().decode(file.bytes), { format: 'json' });
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(documentIssues(back.document)).toEqual([]);
    expect(back.document.crises.map((c) => c.id)).toEqual([crisisId]);
    expect(back.document.nodes.length).toBe(doc.nodes.filter((n) => n.crisisId === crisisId).length);
  });
});

describe('Markdown brief', () => {
  it('has a section per crisis with elements and their links, gaps, leads, consensus, positions, quotes and sources', () => {
    const doc = sampleDocument();
    const md = renderMarkdownBrief(doc, all, cutForAudience(doc).header);
    for (const c of doc.crises) expect(md).toContain(`## ${c.title}`);
    expect(md).toContain('**Trigger: Storm surge breaches the levee**\\\nLikelihood: 4/5 (assumption)');
    expect(md).toContain('- leads to Delta flooding ("overtops"; link: inferred; confidence high (assumption))');
    expect(md).toContain('- averted by Joint levee reinforcement (link: planner)');
    expect(md).toContain('**Impact: Power grid outage**\\\nSeverity: 5/5 (report)');
    expect(md).toContain('| Japan, JP (report) | Mobile generators airlift | US | agreed, as of 2016-06-28 (inferred) |');
    expect(md).toContain('- Impacts no response contains: Hospital evacuation');
    expect(md).toContain('- Responses with no lead actor: Joint levee reinforcement');
    expect(md).toContain('| Delta flooding | agree (official) | agree (participant) | uncertain (analyst) | disagree (analyst) | contested: PRC (analyst estimate) disagrees; weakest: ROK, PRC (analyst estimate) |');
    expect(md).toContain('- PRC on Delta flooding: disagree — analyst estimate, undated (assumption). Note: Disputes surge height.');
    expect(md).toContain('> Substations sit below the flood line.');
    expect(md).toContain('> — Delta resilience review, p. 14 — supports Power grid outage');
    expect(md).toContain('## Sources\n\n- Delta resilience review. Planning cell, 2016-05. Delta resilience review, internal report');
    expect(md).toContain('## Contents\n\n1. Reading this brief\n2. Typhoon landfall on the delta\n3. Port closure\n4. Sources');
  });

  it('escapes only what Markdown needs: 1.4, de-conflict and (p. 3) stay as typed', () => {
    const doc = sampleDocument();
    doc.crises[0]!.summary = 'Surge 1.4 m above the levee; de-conflict air lanes (p. 3). 2016. A_B *x*';
    const md = renderMarkdownBrief(doc, all, cutForAudience(doc).header);
    expect(md).toContain('Surge 1.4 m above the levee; de-conflict air lanes (p. 3). 2016. A\\_B \\*x\\*');
  });

  it('heads and ends with the marking, and says whose positions it leaves out', () => {
    const doc = sampleDocument();
    doc.scenario.marking = 'OFFICIAL-SENSITIVE';
    doc.scenario.markingCaveat = 'FOR DISCUSSION ONLY';
    const cut = cutForAudience(doc, { actorIds: ['us', 'jp', 'kr'], notes: true, reportOnly: false, crisisIds: null });
    const md = renderMarkdownBrief(cut.doc, all, cut.header);
    expect(md.split('\n')[0]).toBe('**OFFICIAL-SENSITIVE // FOR DISCUSSION ONLY**');
    expect(md.trimEnd().split('\n').at(-1)).toBe('**OFFICIAL-SENSITIVE // FOR DISCUSSION ONLY**');
    expect(md).toContain('> Positions of China (PRC) are left out of this export.');
    expect(md).not.toContain('Disputes surge height');
    expect(md).not.toContain('| PRC');
  });

  it('renders the hostile fixture through marked without any live HTML', async () => {
    const doc = hostileDocument();
    const html = await marked.parse(renderMarkdownBrief(doc, all, cutForAudience(doc).header));
    // Every "<" in user text is escaped, so any tag left in the HTML is one marked made.
    expect(html).not.toMatch(/<script|<img|<[a-z][^>]*\son[a-z]+=|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
  });
});
