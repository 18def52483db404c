import { describe, expect, it } from 'vitest';
import { renderCanvas } from '../../../core/export';
import { importCanvas } from '../../../core/import';
import { documentIssues } from '../../../core/model';
import { importDocument } from '../../../main/export';
import { hostileDocument, sampleDocument } from '../../fixtures/export/builder';

const NOW = '2026-01-02T03:04:05.000Z';

describe('JSON Canvas import', () => {
  it('round-trips our own export: ids, titles, kinds (from colours), crises and edges', () => {
    for (const doc of [sampleDocument(), hostileDocument()]) {
      const back = importCanvas(renderCanvas(doc, { kind: 'all' }), { now: NOW });
      expect(back.ok, back.ok ? '' : back.error.message).toBe(true);
      if (!back.ok) continue;
      expect(back.warnings).toEqual([]);
      expect(documentIssues(back.document)).toEqual([]);
      const view = (nodes: typeof doc.nodes) => nodes.map((n) => ({ id: n.id, kind: n.kind, crisisId: n.crisisId, title: n.title.replace(/\s+/g, ' ').trim() })).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(view(back.document.nodes)).toEqual(view(doc.nodes));
      const crisisView = (crises: typeof doc.crises) => crises.map((c) => [c.id, c.title.replace(/\s+/g, ' ').trim()]);
      expect(crisisView(back.document.crises)).toEqual(crisisView(doc.crises));
      const edgeView = (edges: typeof doc.edges) => edges.map((e) => [e.id, e.source, e.target, e.kind, e.label.replace(/\s+/g, ' ').trim()]).sort();
      expect(edgeView(back.document.edges)).toEqual(edgeView(doc.edges));
    }
  });

  it('makes every text node the chosen kind, keeping only the edges the rules allow', () => {
    const canvas = {
      nodes: [
        { id: 'a', type: 'text', text: '# Grid failure\nSubstations flood', x: 0, y: 0, width: 200, height: 80 },
        { id: 'b', type: 'text', text: 'Water outage', x: 300, y: 0, width: 200, height: 80 },
        { id: 'f', type: 'file', file: 'notes.md', x: 0, y: 200, width: 200, height: 80 },
        { id: 'not a safe id!', type: 'text', text: 'Fuel', x: 600, y: 0, width: 200, height: 80 },
      ],
      edges: [
        { id: 'e1', fromNode: 'a', toNode: 'b', label: 'cascade' },
        { id: 'e2', fromNode: 'a', toNode: 'a' },
        { id: 'e3', fromNode: 'a', toNode: 'f' },
      ],
    };
    const result = importCanvas(JSON.stringify(canvas), { kind: 'impact', crisisTitle: 'Flood', now: NOW });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.nodes.map((n) => [n.id, n.kind, n.title])).toEqual([
      ['a', 'impact', 'Grid failure'],
      ['b', 'impact', 'Water outage'],
      ['node-notasafeid', 'impact', 'Fuel'],
    ]);
    expect(result.document.nodes[0]!.description).toBe('Substations flood');
    expect(result.document.crises.map((c) => c.title)).toEqual(['Flood']);
    expect(result.document.edges.map((e) => [e.id, e.kind, e.label])).toEqual([['e1', 'leads-to', 'cascade']]);
    expect(result.warnings).toEqual([
      'nodes[2]: a file node was left out; only text nodes become graph nodes',
      'edges[1]: left out, A node cannot connect to itself.',
      'edges[2]: left out, it does not join two text nodes',
    ]);
  });

  it('names the bad path, and refuses prototype keys', () => {
    const cases: [string, string][] = [
      ['{"nodes":[{"id":"a","type":"text","text":"x","x":0,"y":0,"width":1,"height":1},{"id":"b","type":"text","text":"y","x":"far","y":0,"width":1,"height":1}]}', 'nodes[1].x'],
      ['{"nodes":[],"edges":[{"id":"e","fromNode":"a"}]}', 'edges[0].toNode'],
      ['{"nodes":[{"id":"a","type":"text","text":"x","x":0,"y":0,"width":1,"height":1,"__proto__":{"polluted":1}}]}', 'nodes[0].__proto__'],
      ['{"nodes":[{"id":"a","type":"text","text":"x","x":1e9,"y":0,"width":1,"height":1}]}', 'nodes[0].x'],
      ['not json', 'Not valid JSON'],
    ];
    for (const [text, where] of cases) {
      const result = importDocument(text, { format: 'canvas', now: NOW });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('IMPORT_INVALID');
      expect(result.error.message.startsWith(where)).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
