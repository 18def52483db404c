/** Every text format honours the scope: one crisis, or a selection and the edges inside it. */
import { describe, expect, it } from 'vitest';
import { scopedDocument, scopedGraph, type ExportScope } from '../../../core/export';
import { documentIssues } from '../../../core/model';
import { exportDocument, type ExportFormat } from '../../../main/export';
import { pageLayout } from '../../../main/export/pdf';
import { sampleDocument } from '../../fixtures/export/builder';

const TEXT_FORMATS: ExportFormat[] = ['svg', 'json', 'csv', 'mermaid', 'dot', 'graphml', 'canvas', 'html'];

/** How each format writes a node id, so we can ask whether a node is in the output. */
const idToken = (format: ExportFormat, id: string): string => {
  switch (format) {
    case 'svg':
    case 'html':
      return `data-node="${id}"`;
    case 'json':
    case 'canvas':
      return `"id": "${id}"`;
    case 'csv':
      return `node,${id},`;
    case 'mermaid':
      return `n_${id.replace(/_/g, '__').replace(/-/g, '_h')}`;
    case 'dot':
      return `"${id}" [`;
    case 'graphml':
      return `<node id="${id}">`;
    default:
      return id;
  }
};

async function text(format: ExportFormat, scope: ExportScope): Promise<string> {
  const file = await exportDocument(sampleDocument(), { format, scope });
  return new TextDecoder().decode(file.bytes);
}

describe('export scope', () => {
  it('a crisis scope holds exactly that crisis’s nodes in every text format', async () => {
    const doc = sampleDocument();
    const crisisId = doc.crises[1]!.id;
    for (const format of TEXT_FORMATS) {
      const out = await text(format, { kind: 'crisis', crisisId });
      for (const n of doc.nodes) expect(out.includes(idToken(format, n.id)), `${format} ${n.id}`).toBe(n.crisisId === crisisId);
    }
  });

  it('a selection keeps the selected nodes and only the edges with both ends selected', async () => {
    const doc = sampleDocument();
    const picked = [doc.edges[0]!.source, doc.edges[0]!.target, doc.edges[2]!.target];
    const scope: ExportScope = { kind: 'selection', nodeIds: picked };
    const scoped = scopedGraph(doc, scope);
    const inside = doc.edges.filter((e) => picked.includes(e.source) && picked.includes(e.target)).map((e) => e.id);
    const halfIn = doc.edges.filter((e) => picked.includes(e.source) !== picked.includes(e.target));
    expect(inside.length).toBeGreaterThan(0);
    expect(halfIn.length).toBeGreaterThan(0);
    expect(scoped.edges.map((e) => e.id)).toEqual(inside);
    const svg = await text('svg', scope);
    for (const e of doc.edges) expect(svg.includes(`data-edge="${e.id}"`)).toBe(inside.includes(e.id));
    for (const format of TEXT_FORMATS) {
      const out = await text(format, scope);
      for (const n of doc.nodes) expect(out.includes(idToken(format, n.id)), `${format} ${n.id}`).toBe(picked.includes(n.id));
    }
    const cut = scopedDocument(doc, scope);
    expect(documentIssues(cut)).toEqual([]);
    expect(cut.stances.every((s) => picked.includes(s.elementId))).toBe(true);
  });

  it('the brief has a section only for the crises in scope', async () => {
    const doc = sampleDocument();
    const md = await text('md', { kind: 'crisis', crisisId: doc.crises[0]!.id });
    expect(md).toContain(`## ${doc.crises[0]!.title}`);
    expect(md).not.toContain(doc.crises[1]!.title);
  });
});

describe('PDF page layout', () => {
  it('never exceeds the 14,400 pt page limit, and fits A4 with margins', () => {
    const huge = pageLayout({ width: 60_000, height: 3_000 }, 'fit');
    expect(Math.max(...huge.size)).toBeLessThanOrEqual(14_400);
    const a4 = pageLayout({ width: 3_000, height: 3_000 }, 'a4');
    expect(a4.size).toEqual([841.89, 595.28]);
    expect(3_000 * a4.scale).toBeLessThanOrEqual(595.28 - 48 + 1e-9);
  });
});
