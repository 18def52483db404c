import { describe, expect, it } from 'vitest';
import { copyNodes, parseClip, pasteClip } from '../../../core/clipboard';
import { blankNode, documentIssues, DEFAULT_ACTORS, DOCUMENT_FORMAT_VERSION, UNMARKED, type ScenarioDocument } from '../../../core/model';
import { reduceOps } from '../../../core/patch-document';

function doc(): ScenarioDocument {
  const crisis = (id: string) => ({ id, title: id, region: '', summary: '', status: 'draft' as const, viewport: { x: 0, y: 0, zoom: 1 }, order: 0 });
  return {
    format: 'scenario-workbench',
    formatVersion: DOCUMENT_FORMAT_VERSION,
    scenario: { title: 'S', description: '', createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z', coreActorIds: ['us', 'jp', 'kr', 'cn'], ...UNMARKED, asOf: null, language: null },
    actors: [...DEFAULT_ACTORS, { id: 'asean', name: 'ASEAN', code: 'ASEAN', color: '#111111', order: 4 }],
    crises: [crisis('a'), crisis('b')],
    nodes: [
      blankNode('trigger', 'a', 't', { x: 100, y: 50 }),
      blankNode('crisis', 'a', 'c', { x: 400, y: 50 }),
      { ...blankNode('response', 'a', 'r', { x: 400, y: 250 }), leadActorId: 'asean', supportingActorIds: ['us'] },
    ],
    edges: [
      { id: 'e1', crisisId: 'a', source: 't', target: 'c', kind: 'leads-to', label: 'x', confidence: null, basis: {} },
      { id: 'e2', crisisId: 'a', source: 'r', target: 'c', kind: 'averts', label: '', confidence: null, basis: {} },
    ],
    stances: [{ actorId: 'asean', elementId: 'r', position: 'agree', note: 'n', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null }],
    sources: [{ id: 's', title: 'Report', author: 'A', date: '2016', citation: 'c' }],
    provenance: [{ id: 'p', elementId: 't', sourceId: 's', locator: 'Intro', quote: 'q', relation: 'supports' }],
  };
}

let counter = 0;
const fresh = () => `n${++counter}`;

describe('copy and paste', () => {
  it('copies the selection with the edges between selected nodes only', () => {
    const clip = copyNodes(doc(), ['t', 'c'])!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['t', 'c']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e1']);
    expect(clip.provenance.map((p) => p.id)).toEqual(['p']);
    expect(clip.sources.map((s) => s.id)).toEqual(['s']);
    expect(copyNodes(doc(), ['nope'])).toBeNull();
  });

  it('pastes into another crisis with every id remapped, offset, and the result sound', () => {
    const source = doc();
    const clip = parseClip(JSON.stringify(copyNodes(source, ['t', 'c', 'r'])))!;
    const { ops, nodeIds } = pasteClip(source, clip, 'b', fresh, { x: 0, y: 0 });
    const after = reduceOps(source, ops);
    expect(documentIssues(after)).toEqual([]);
    const pasted = after.nodes.filter((n) => nodeIds.includes(n.id));
    expect(pasted.map((n) => n.crisisId)).toEqual(['b', 'b', 'b']);
    expect(Math.min(...pasted.map((n) => n.x))).toBe(0);
    expect(pasted.find((n) => n.kind === 'response')?.leadActorId).toBe('asean');
    expect(after.edges.filter((e) => e.crisisId === 'b')).toHaveLength(2);
    expect(after.stances).toHaveLength(2);
    expect(after.sources).toHaveLength(1); // the same source is reused
    expect(after.actors).toHaveLength(5); // and the same actors
  });

  it('creates missing actors and sources when pasting into another file', () => {
    const clip = copyNodes(doc(), ['r', 't'])!;
    const target = { ...doc(), actors: DEFAULT_ACTORS.slice(0, 2), sources: [], provenance: [], stances: [], nodes: [], edges: [] };
    target.scenario = { ...target.scenario, coreActorIds: ['us', 'jp'] };
    const { ops } = pasteClip(target, clip, 'a', fresh);
    const after = reduceOps(target, ops);
    expect(documentIssues(after)).toEqual([]);
    expect(after.actors.map((a) => a.code)).toEqual(['US', 'JP', 'ASEAN']);
    expect(after.sources.map((s) => s.title)).toEqual(['Report']);
  });

  it('rejects text that is not a clip', () => {
    expect(parseClip('hello')).toBeNull();
    expect(parseClip('{"format":"scenario-workbench/clip","version":1,"nodes":[]}')).toBeNull();
    expect(parseClip('{"__proto__":{"x":1}}')).toBeNull();
  });
});
