import { describe, expect, it } from 'vitest';
import { diagramGeometry, renderSvg, scopedGraph, svgFromGeometry, FONT_STACK } from '../../../core/export';
import type { ScenarioDocument } from '../../../core/model';
import { hostileDocument, sampleDocument, DocumentBuilder } from '../../fixtures/export/builder';
import { activeContent, runTool, withTempFile, xmllint } from './tools';

const reversed = (doc: ScenarioDocument): ScenarioDocument => ({
  ...doc,
  crises: [...doc.crises].reverse(),
  nodes: [...doc.nodes].reverse(),
  edges: [...doc.edges].reverse(),
  stances: [...doc.stances].reverse(),
});

describe('SVG export', () => {
  it('is well-formed XML for the sample and the hostile fixture (xmllint)', () => {
    for (const doc of [sampleDocument(), hostileDocument()]) {
      const run = xmllint(renderSvg(doc, { kind: 'all' }));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });

  it('prints the marking in a band at the top and the bottom, above and below everything else', () => {
    const doc = sampleDocument();
    const svg = svgFromGeometry(diagramGeometry(doc, { kind: 'all' }, { marking: 'CONFIDENTIAL // REL TO USA, JPN' }));
    expect(xmllint(svg).status).toBe(0);
    const bands = [...svg.matchAll(/<g data-marking="(top|bottom)"[^>]*>.*?<text[^>]* y="([\d.]+)"[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => ({ where: m[1], y: Number(m[2]), text: m[3] }));
    expect(bands.map((b) => [b.where, b.text])).toEqual([['top', 'CONFIDENTIAL // REL TO USA, JPN'], ['bottom', 'CONFIDENTIAL // REL TO USA, JPN']]);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)![1]);
    const g = diagramGeometry(doc, { kind: 'all' }, { marking: 'CONFIDENTIAL' });
    const contentTop = Math.min(g.title.y - 22, ...g.nodes.map((n) => n.y));
    const contentBottom = Math.max(...g.nodes.map((n) => n.y + n.height));
    expect(bands[0]!.y).toBeLessThan(contentTop);
    expect(bands[1]!.y).toBeGreaterThan(contentBottom);
    expect(bands[1]!.y).toBeLessThan(height);
    expect(svgFromGeometry(diagramGeometry(doc, { kind: 'all' }))).not.toContain('data-marking');
  });

  it('is byte-identical for the same input, whatever order the arrays arrive in', () => {
    const doc = sampleDocument();
    const first = renderSvg(doc, { kind: 'all' });
    expect(renderSvg(doc, { kind: 'all' })).toBe(first);
    expect(renderSvg(reversed(doc), { kind: 'all' })).toBe(first);
  });

  it('draws every scoped node and edge, a legend, markers and the CJK font stack', () => {
    const doc = sampleDocument();
    const svg = renderSvg(doc, { kind: 'all' });
    for (const n of doc.nodes) expect(svg).toContain(`data-node="${n.id}"`);
    for (const e of doc.edges) expect(svg).toContain(`data-edge="${e.id}"`);
    expect(svg).toContain('aria-label="Legend"');
    expect(svg).toContain('marker-end="url(#arrow-averts)"');
    expect(svg).toContain('Noto Sans CJK SC');
    expect(FONT_STACK).toContain('Hiragino Sans');
    // Each crisis gets a titled section.
    for (const c of doc.crises) expect(svg).toContain(`>${c.title}</text>`);
  });

  it('draws a badge or lead chip resting on no source with a dotted outline, a sourced one solid, and explains both in the legend (xmllint)', () => {
    const svg = renderSvg(sampleDocument(), { kind: 'all' });
    const xpath = (path: string): string[] => {
      const run = withTempFile('d.svg', svg, (file) => runTool('xmllint', ['--nonet', '--xpath', path, file]));
      // xmllint exits 10 for a query that matches nothing.
      if (run.status === 10 && run.stderr.includes('XPath set is empty')) return [];
      expect(run.status, run.stderr).toBe(0);
      return run.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
    };
    const ns = "*[local-name()='g']";
    const badge = (nodeId: string, attr: string): string[] => xpath(`//${ns}[@data-node='${nodeId}']/${ns}[@data-basis]/*[local-name()='rect']/@${attr}`);
    // Storm surge: likelihood 4 (assumption); Upstream dam: 2 (report); Delta flooding: 3 (inferred); Hospital evacuation: severity 4 (assumption).
    expect(badge('trigger-1', 'stroke-dasharray')).toEqual(['stroke-dasharray="2 2"']);
    expect(badge('trigger-2', 'stroke-dasharray')).toEqual([]);
    expect(badge('trigger-2', 'stroke')).toEqual(['stroke="#3c4350"']);
    expect(badge('crisis-3', 'stroke-dasharray')).toEqual([]);
    expect(badge('impact-5', 'stroke-dasharray')).toEqual(['stroke-dasharray="2 2"']);
    // The airlift's lead (Japan) rests on the report: a chip with no dotted outline.
    expect(xpath(`//${ns}[@data-node='response-6']/${ns}[@data-basis='report']/*[local-name()='text']/text()`)).toEqual(['JP']);
    expect(badge('response-6', 'stroke-dasharray')).toEqual([]);
    const legend = xpath(`//${ns}[@aria-label='Legend']//*[local-name()='text']/text()`);
    expect(legend).toContain('solid badge: from a source (report, inferred)');
    expect(legend).toContain('dotted badge: assumption or planner');
  });

  it('keeps only one crisis, or the selection and the edges inside it', () => {
    const doc = sampleDocument();
    const crisisId = doc.crises[1]!.id;
    const one = renderSvg(doc, { kind: 'crisis', crisisId });
    for (const n of doc.nodes) expect(one.includes(`data-node="${n.id}"`)).toBe(n.crisisId === crisisId);
    const picked = [doc.edges[0]!.source, doc.edges[0]!.target, doc.nodes.find((n) => n.kind === 'response')!.id];
    const selection = renderSvg(doc, { kind: 'selection', nodeIds: picked });
    const scoped = scopedGraph(doc, { kind: 'selection', nodeIds: picked });
    expect(scoped.edges.every((e) => picked.includes(e.source) && picked.includes(e.target))).toBe(true);
    expect(selection.match(/data-edge=/g)?.length ?? 0).toBe(scoped.edges.length);
    expect(selection.match(/data-node=/g)?.length).toBe(3);
  });

  it('truncates a long title in its box and keeps the full text in a <title> child', () => {
    const b = new DocumentBuilder();
    const c = b.crisis('Long titles');
    const long = `${'Evacuation of the coastal districts '.repeat(8)}END`;
    b.node(c, 'impact', long, { severity: 2 });
    const g = diagramGeometry(b.doc, { kind: 'all' });
    expect(g.nodes[0]!.titleTruncated).toBe(true);
    expect(g.nodes[0]!.titleLines.at(-1)!.text.endsWith('…')).toBe(true);
    const svg = renderSvg(b.doc, { kind: 'all' });
    expect(svg).toContain(`<title>${long}</title>`);
    expect(svg.split(long).length).toBe(2);
  });

  it('leaves nothing active from hostile text, and keeps CJK and RTL text as text', () => {
    const svg = renderSvg(hostileDocument(), { kind: 'all' });
    expect(activeContent(svg)).toEqual([]);
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('洪水');
    expect(svg).toContain('\u200F');
  });

  it('lays out stacked crises without overlap, every box inside the canvas', () => {
    const g = diagramGeometry(sampleDocument(), { kind: 'all' });
    for (const box of g.nodes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(g.height);
      expect(box.x + box.width).toBeLessThanOrEqual(g.width);
    }
    const [first, second] = g.sections;
    const lastOfFirst = Math.max(...g.nodes.filter((b) => b.node.crisisId === first!.crisis.id).map((b) => b.y + b.height));
    expect(second!.text.y).toBeGreaterThan(lastOfFirst);
  });
});
