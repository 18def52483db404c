/** DOT through Graphviz, GraphML through xmllint, JSON Canvas against the 1.0 spec. */
import { describe, expect, it } from 'vitest';
import { canvasDocument, renderCanvas, renderDot, renderGraphml, type ExportScope } from '../../../core/export';
import { hostileDocument, largeDocument, sampleDocument } from '../../fixtures/export/builder';
import { runTool, withTempFile, xmllint } from './tools';

const all: ExportScope = { kind: 'all' };

describe('DOT export, read by Graphviz', () => {
  it('lays out with dot -Tsvg, one drawn node per node and one edge per edge', () => {
    for (const doc of [sampleDocument(), hostileDocument(), largeDocument(120)]) {
      const run = runTool('dot', ['-Tsvg'], renderDot(doc, all));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.match(/class="node"/g)?.length).toBe(doc.nodes.length);
      expect(run.stdout.match(/class="edge"/g)?.length).toBe(doc.edges.length);
      expect(run.stdout.match(/class="cluster"/g)?.length).toBe(doc.crises.length);
    }
  });

  it('keeps hostile labels as literal text: Graphviz escapes like \\N are not expanded', () => {
    const doc = hostileDocument();
    const svg = runTool('dot', ['-Tsvg'], renderDot(doc, all)).stdout;
    expect(svg).not.toMatch(/<script/i);
    // \N would become the node id if it reached Graphviz unescaped.
    expect(svg).toContain('\\N');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(runTool('xmllint', ['--noout', '-'], svg).status).toBe(0);
  });
});

describe('GraphML export', () => {
  it('is well-formed (xmllint) with yEd labels and data keys for kind, scores and stances', () => {
    const doc = sampleDocument();
    const xml = renderGraphml(doc, all);
    expect(xmllint(xml).status).toBe(0);
    expect(xml).toContain('xmlns:y="http://www.yworks.com/xml/graphml"');
    expect(xml.match(/<y:ShapeNode>/g)?.length).toBe(doc.nodes.length);
    expect(xml.match(/<y:NodeLabel /g)?.length).toBe(doc.nodes.length);
    expect(xml).toContain('attr.name="stance ROK"');
    const crisisNode = doc.nodes.find((n) => n.kind === 'crisis' && doc.stances.some((s) => s.elementId === n.id))!;
    const block = xml.slice(xml.indexOf(`<node id="${crisisNode.id}">`), xml.indexOf('</node>', xml.indexOf(`<node id="${crisisNode.id}">`)));
    expect(block).toContain(`<data key="likelihood">${crisisNode.likelihood}</data>`);
    for (const s of doc.stances.filter((x) => x.elementId === crisisNode.id)) expect(block).toContain(`>${s.position}</data>`);
  });

  it('reads back through networkx (read_graphml, which also parses the yEd labels)', () => {
    const script = [
      'import json, sys, networkx as nx',
      'g = nx.read_graphml(sys.argv[1])',
      'print(json.dumps({"nodes": {n: d for n, d in g.nodes(data=True)}, "edges": [[u, v, d] for u, v, d in g.edges(data=True)]}))',
    ].join('\n');
    for (const doc of [sampleDocument(), hostileDocument()]) {
      const run = withTempFile('g.graphml', renderGraphml(doc, all), (path) => runTool('python3', ['-c', script, path]));
      if (run.stderr.includes("No module named 'networkx'")) throw new Error('networkx is missing: install Debian package python3-networkx');
      expect(run.stderr).toBe('');
      const read = JSON.parse(run.stdout) as { nodes: Record<string, Record<string, string | number>>; edges: [string, string, Record<string, string>][] };
      expect(Object.keys(read.nodes).sort()).toEqual(doc.nodes.map((n) => n.id).sort());
      for (const n of doc.nodes) {
        const got = read.nodes[n.id]!;
        expect([got.kind, got.title, got.label, got.likelihood ?? null, got.severity ?? null]).toEqual([n.kind, n.title, n.title, n.likelihood, n.severity]);
        expect([got['basis likelihood'] ?? null, got['basis severity'] ?? null, got['basis leadActorId'] ?? null]).toEqual([n.basis.likelihood ?? null, n.basis.severity ?? null, n.basis.leadActorId ?? null]);
      }
      for (const s of doc.stances) {
        const code = doc.actors.find((a) => a.id === s.actorId)!.code;
        const got = read.nodes[s.elementId]!;
        expect([got[`stance ${code}`], got[`stance holder ${code}`], got[`stance as_of ${code}`] ?? null, got[`stance basis ${code}`], got[`stance note ${code}`] ?? '']).toEqual([s.position, s.holder, s.asOf, s.basis, s.note]);
      }
      expect(read.edges.map(([u, v, d]) => [d.id, u, v, d.kind, d.label ?? '', d['basis kind'] ?? null, d['basis confidence'] ?? null]).sort()).toEqual(
        doc.edges.map((e) => [e.id, e.source, e.target, e.kind, e.label, e.basis.kind ?? null, e.basis.confidence ?? null]).sort(),
      );
    }
  });

  it('stays well-formed with hostile text', () => {
    const xml = renderGraphml(hostileDocument(), all);
    const run = xmllint(xml);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(xml).not.toMatch(/<script/i);
  });
});

/** The JSON Canvas 1.0 spec (jsoncanvas.org/spec/1.0), field by field. */
function canvasSpecProblems(value: unknown): string[] {
  const problems: string[] = [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isColor = (v: unknown): boolean => v === undefined || (typeof v === 'string' && /^([1-6]|#[0-9a-fA-F]{6})$/.test(v));
  if (!isObj(value)) return ['top level is not an object'];
  const nodes = value.nodes;
  const edges = value.edges;
  if (nodes !== undefined && !Array.isArray(nodes)) problems.push('nodes is not an array');
  if (edges !== undefined && !Array.isArray(edges)) problems.push('edges is not an array');
  const ids = new Set<string>();
  for (const [i, n] of ((nodes as unknown[]) ?? []).entries()) {
    if (!isObj(n)) { problems.push(`nodes[${i}] is not an object`); continue; }
    if (typeof n.id !== 'string' || ids.has(n.id)) problems.push(`nodes[${i}].id`);
    ids.add(String(n.id));
    if (!['text', 'file', 'link', 'group'].includes(String(n.type))) problems.push(`nodes[${i}].type`);
    for (const k of ['x', 'y', 'width', 'height']) if (!Number.isInteger(n[k])) problems.push(`nodes[${i}].${k} is not an integer`);
    if (!isColor(n.color)) problems.push(`nodes[${i}].color`);
    if (n.type === 'text' && typeof n.text !== 'string') problems.push(`nodes[${i}].text`);
    if (n.type === 'group' && n.label !== undefined && typeof n.label !== 'string') problems.push(`nodes[${i}].label`);
  }
  for (const [i, e] of ((edges as unknown[]) ?? []).entries()) {
    if (!isObj(e)) { problems.push(`edges[${i}] is not an object`); continue; }
    if (typeof e.id !== 'string' || ids.has(e.id)) problems.push(`edges[${i}].id`);
    ids.add(String(e.id));
    if (typeof e.fromNode !== 'string' || !ids.has(e.fromNode)) problems.push(`edges[${i}].fromNode`);
    if (typeof e.toNode !== 'string' || !ids.has(e.toNode)) problems.push(`edges[${i}].toNode`);
    for (const k of ['fromSide', 'toSide']) if (e[k] !== undefined && !['top', 'right', 'bottom', 'left'].includes(String(e[k]))) problems.push(`edges[${i}].${k}`);
    for (const k of ['fromEnd', 'toEnd']) if (e[k] !== undefined && !['none', 'arrow'].includes(String(e[k]))) problems.push(`edges[${i}].${k}`);
    if (!isColor(e.color)) problems.push(`edges[${i}].color`);
    if (e.label !== undefined && typeof e.label !== 'string') problems.push(`edges[${i}].label`);
  }
  return problems;
}

describe('JSON Canvas export', () => {
  it('meets the 1.0 spec fields and types, for the sample and the hostile fixture', () => {
    for (const doc of [sampleDocument(), hostileDocument()]) {
      expect(canvasSpecProblems(JSON.parse(renderCanvas(doc, all)))).toEqual([]);
    }
  });

  it('has a text node per node coloured by kind, groups per crisis and labelled edges', () => {
    const doc = sampleDocument();
    const canvas = canvasDocument(doc, all);
    const text = canvas.nodes.filter((n) => n.type === 'text');
    expect(text.length).toBe(doc.nodes.length);
    expect(canvas.nodes.filter((n) => n.type === 'group').length).toBe(doc.crises.length);
    const crisisNode = doc.nodes.find((n) => n.kind === 'crisis')!;
    expect(text.find((n) => n.id === crisisNode.id)?.color).toBe('1');
    expect(canvas.edges.length).toBe(doc.edges.length);
    const labelled = doc.edges.find((e) => e.label)!;
    expect(canvas.edges.find((e) => e.id === labelled.id)?.label).toBe(labelled.label);
    // Every text node sits inside its crisis group.
    for (const n of text) {
      const crisisId = doc.nodes.find((d) => d.id === n.id)!.crisisId;
      const g = canvas.nodes.find((x) => x.id === `crisis:${crisisId}`)!;
      expect(n.x >= g.x && n.y >= g.y && n.x + n.width <= g.x + g.width && n.y + n.height <= g.y + g.height).toBe(true);
    }
  });
});
