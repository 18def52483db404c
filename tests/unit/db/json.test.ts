import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FORMAT_VERSION } from '../../../core/model';
import { canonicalDocument, documentJsonSchema, exportDocumentJson, parseDocumentJson } from '../../../db';
import { richDocument } from './helpers';

function bad(mutate: (doc: Record<string, unknown> & ReturnType<typeof richDocument>) => void): string {
  const doc = richDocument() as ReturnType<typeof richDocument> & Record<string, unknown>;
  mutate(doc);
  return JSON.stringify(doc);
}

describe('JSON export', () => {
  it('is deterministic: 2-space indent, keys in schema order, arrays in canonical order', () => {
    const text = exportDocumentJson(richDocument());
    expect(text).toBe(exportDocumentJson(JSON.parse(JSON.stringify(richDocument()))));
    expect(text.startsWith(`{\n  "format": "scenario-workbench",\n  "formatVersion": ${DOCUMENT_FORMAT_VERSION},\n  "scenario": {\n    "title"`)).toBe(true);
    const doc = JSON.parse(text) as ReturnType<typeof richDocument>;
    expect(doc.nodes.map((n) => n.id)).toEqual([...doc.nodes.map((n) => n.id)].sort());
    expect(Object.keys(doc.nodes[0]!)).toEqual(['id', 'crisisId', 'kind', 'title', 'description', 'tags', 'x', 'y', 'width', 'height', 'likelihood', 'severity', 'horizon', 'leadActorId', 'supportingActorIds', 'responseStatus', 'leadTime', 'basis', 'statusAsOf', 'gapAccepted', 'unavertable']);
    // A basis lists its fields in the model's order, whatever order it was built in.
    expect(Object.keys(doc.nodes.find((n) => n.id === 'n-response')!.basis)).toEqual(['leadActorId', 'responseStatus', 'leadTime']);
    expect(Object.keys(doc.edges[0]!.basis)).toEqual(['kind', 'confidence']);
  });

  it('import(export(x)) is x, and export(import(export(x))) is byte-identical', () => {
    const text = exportDocumentJson(richDocument());
    const parsed = parseDocumentJson(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document).toEqual(canonicalDocument(richDocument()));
    expect(exportDocumentJson(parsed.document)).toBe(text);
  });
});

describe('JSON import rejects bad input, naming the first bad path', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"format": ', /^Not valid JSON/],
    ['wrong type', bad((d) => Reflect.set(d.nodes[3]!, 'kind', 'volcano')), /^nodes\[3\]\.kind: /],
    ['a string where a number belongs', bad((d) => Reflect.set(d.nodes[0]!, 'x', '10')), /^nodes\[0\]\.x: /],
    ['unknown key', bad((d) => Reflect.set(d.sources[1]!, 'url', 'http://x')), /^sources\[1\]: .*url/],
    ['__proto__ key', bad(() => undefined).replace('"title":"Strait contingency"', '"__proto__":{"polluted":true},"title":"Strait contingency"'), /^scenario\.__proto__: the key "__proto__" is not allowed/],
    ['constructor key', bad(() => undefined).replace('"id":"s-2"', '"constructor":{"prototype":{}},"id":"s-2"'), /^sources\[1\]\.constructor: /],
    ['duplicate ids', bad((d) => (d.nodes[2]!.id = 'n-trigger')), /^nodes\[2\]\.id: duplicate id "n-trigger"/],
    ['an edge id equal to a node id', bad((d) => (d.edges[0]!.id = 'n-crisis')), /^edges\[0\]\.id: duplicate id/],
    ['a dangling edge', bad((d) => (d.edges[1]!.target = 'ghost')), /^edges\[1\]\.target: unknown node "ghost"/],
    ['an edge breaking the rules', bad((d) => (d.edges[1]!.kind = 'averts')), /^edges\[1\]\.kind: /],
    ['a stance on a missing actor', bad((d) => (d.stances[0]!.actorId = 'ghost')), /^stances\[0\]\.actorId: unknown actor/],
    ['an over-long label', bad((d) => (d.nodes[0]!.title = 'x'.repeat(1_000_000))), /^nodes\[0\]\.title: /],
    ['a severity on a trigger', bad((d) => (d.nodes[0]!.severity = 2)), /^nodes\[0\]\.severity: a trigger has no severity/],
    ['a bad timestamp', bad((d) => (d.scenario.createdAt = 'yesterday')), /^scenario\.createdAt: /],
    ['a basis for a value that is not set', bad((d) => (d.nodes[0]!.basis = { severity: 'report' })), /^nodes\[0\]\.basis: a basis for severity, which is not set/],
    ['an unknown basis', bad((d) => ((d.nodes[0]!.basis as Record<string, unknown>).likelihood = 'rumour')), /^nodes\[0\]\.basis\.likelihood: /],
    ['an edge basis for a blank confidence', bad((d) => (d.edges[1]!.basis = { confidence: 'report' })), /^edges\[1\]\.basis: a basis for confidence/],
    ['an unknown stance holder', bad((d) => Reflect.set(d.stances[0]!, 'holder', 'rumour')), /^stances\[0\]\.holder: /],
    ['a date that does not exist', bad((d) => (d.stances[0]!.asOf = '2016-02-30')), /^stances\[0\]\.asOf: no such date/],
    ['a stance citing a quote on another node', bad((d) => (d.stances[1]!.provenanceId = 'p-2')), /^stances\[\d\]\.provenanceId: no quote "p-2" on this node/],
    ['an unavertable impact', bad((d) => (d.nodes[2]!.unavertable = true)), /^nodes\[2\]\.unavertable: only a trigger/],
    ['an unknown quote relation', bad((d) => Reflect.set(d.provenance[0]!, 'relation', 'maybe')), /^provenance\[0\]\.relation: /],
    ['the wrong format name', bad((d) => ((d as Record<string, unknown>).format = 'other-app')), /^format: /],
  ];
  for (const [name, text, message] of cases) {
    it(name, () => {
      const result = parseDocumentJson(text);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('IMPORT_INVALID');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toMatch(/\n/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

describe('JSON of an earlier format version', () => {
  it('version 1 (before markings) reads as an unmarked scenario, so old exports and snapshots stay readable', () => {
    const current = JSON.parse(exportDocumentJson(richDocument())) as { formatVersion: number; scenario: Record<string, unknown> };
    const { author: _a, marking: _m, markingCaveat: _c, exportAudience: _e, ...v1Scenario } = current.scenario;
    const parsed = parseDocumentJson(JSON.stringify({ ...current, formatVersion: 1, scenario: v1Scenario }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.formatVersion).toBe(DOCUMENT_FORMAT_VERSION);
    expect(parsed.document.scenario).toMatchObject({ title: 'Strait contingency', author: '', marking: '', markingCaveat: '', exportAudience: null });
    const wrongType = parseDocumentJson(JSON.stringify({ ...current, formatVersion: 1, scenario: { ...v1Scenario, marking: 7 } }));
    expect(wrongType.ok).toBe(false);
  });
});

describe('JSON import of older formats', () => {
  /** The rich document as format 2 wrote it (marked, but none of the fields issue 11 added), or as format 1 (unmarked too). */
  function olderVersion(version: 1 | 2 | 3): Record<string, unknown> {
    const doc = JSON.parse(exportDocumentJson(richDocument())) as Record<string, unknown> & ReturnType<typeof richDocument>;
    const strip = (record: object, keys: string[]) => { for (const k of keys) delete (record as Record<string, unknown>)[k]; };
    strip(doc.scenario, ['language']);
    if (version === 3) return { ...doc, formatVersion: version };
    strip(doc.scenario, version === 1 ? ['asOf', 'author', 'marking', 'markingCaveat', 'exportAudience'] : ['asOf']);
    for (const n of doc.nodes) strip(n, ['basis', 'statusAsOf', 'gapAccepted', 'unavertable']);
    for (const e of doc.edges) strip(e, ['basis']);
    for (const st of doc.stances) strip(st, ['holder', 'asOf', 'basis', 'provenanceId']);
    for (const p of doc.provenance) strip(p, ['relation']);
    return { ...doc, formatVersion: version };
  }
  const version1 = (): Record<string, unknown> => olderVersion(1);

  it.each([1, 2] as const)('upgrades format %i: set values become planner, stances the analyst estimate, quotes supporting', (version) => {
    const parsed = parseDocumentJson(JSON.stringify(olderVersion(version)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const doc = parsed.document;
    expect(doc.formatVersion).toBe(DOCUMENT_FORMAT_VERSION);
    expect(doc.scenario.asOf).toBeNull();
    expect(doc.scenario.language).toBeNull();
    expect(doc.scenario.marking).toBe(version === 1 ? '' : 'OFFICIAL');
    const byId = new Map(doc.nodes.map((n) => [n.id, n]));
    expect(byId.get('n-trigger')!.basis).toEqual({ likelihood: 'planner', horizon: 'planner' });
    expect(byId.get('n-response')!.basis).toEqual({ leadActorId: 'planner', responseStatus: 'planner', leadTime: 'planner' });
    expect(byId.get('n-crisis')!.basis).toEqual({});
    expect(doc.nodes.every((n) => n.statusAsOf === null && n.gapAccepted === null && !n.unavertable)).toBe(true);
    expect(doc.edges.find((e) => e.id === 'e-1')!.basis).toEqual({ kind: 'planner', confidence: 'planner' });
    expect(doc.edges.find((e) => e.id === 'e-2')!.basis).toEqual({ kind: 'planner' });
    expect(doc.stances.map((st) => [st.holder, st.asOf, st.basis, st.provenanceId])).toEqual(doc.stances.map(() => ['analyst', null, 'planner', null]));
    expect(doc.stances.find((st) => st.actorId === 'cn')!.note).toBe('Rejects the premise');
    expect(doc.provenance.map((p) => p.relation)).toEqual(['supports', 'supports']);
  });

  it('upgrades format 3: everything kept, and the language unset, so it is detected from the text as before', () => {
    const parsed = parseDocumentJson(JSON.stringify(olderVersion(3)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document).toEqual(canonicalDocument({ ...richDocument(), scenario: { ...richDocument().scenario, language: null } }));
  });

  it('a language outside the list is refused at that field', () => {
    const parsed = parseDocumentJson(bad((d) => Object.assign(d.scenario, { language: 'fr' })));
    expect(parsed.ok || parsed.error.message).toMatch(/^scenario\.language: /);
  });

  it('a format 1 file with a bad row is still refused at that row', () => {
    const doc = version1() as { nodes: Record<string, unknown>[] };
    doc.nodes[0]!.likelihood = 9;
    const parsed = parseDocumentJson(JSON.stringify(doc));
    expect(parsed.ok || parsed.error.message).toMatch(/^nodes\[0\]\.likelihood: /);
  });

  it('a format it does not know is refused', () => {
    const parsed = parseDocumentJson(JSON.stringify({ ...version1(), formatVersion: DOCUMENT_FORMAT_VERSION + 1 }));
    expect(parsed.ok || parsed.error.message).toMatch(/^formatVersion: /);
  });
});

describe('docs/scenario-json.schema.json', () => {
  it('is exactly the schema generated from the zod model (regenerate with documentJsonSchema() if this fails)', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'scenario-json.schema.json'), 'utf8');
    expect(committed).toBe(documentJsonSchema());
    const schema = JSON.parse(committed) as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['format', 'formatVersion', 'scenario', 'actors', 'crises', 'nodes', 'edges', 'stances', 'sources', 'provenance']);
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('hostile nesting', () => {
  it('a value nested 200,000 levels deep is refused by path, not with an internal error', () => {
    const deep = `{"format":"scenario-workbench","formatVersion":1,"scenario":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const parsed = parseDocumentJson(deep);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'IMPORT_INVALID', message: expect.stringMatching(/^nested too deeply at scenario\[0\]\[0\]/) } });
  });
});
