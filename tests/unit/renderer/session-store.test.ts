// The session store follows the document: after any change, nothing selected, edited, chosen
// or remembered points at something the document no longer holds.
import { describe, expect, it, vi } from 'vitest';
import { blankNode, emptyDocument, type ScenarioDocument } from '../../../core/model';
import { SelectionStore } from '../../../renderer/src/state/selection';
import { SessionStore } from '../../../renderer/src/state/session';

function scenario(): ScenarioDocument {
  const doc = emptyDocument({ title: 'Session', now: '2026-01-01T00:00:00.000Z' });
  doc.crises.push(
    { id: 'a', title: 'A', region: '', summary: '', status: 'draft', viewport: { x: 10, y: 20, zoom: 0.5 }, order: 1 },
    { id: 'b', title: 'B', region: '', summary: '', status: 'draft', viewport: { x: 0, y: 0, zoom: 1 }, order: 0 },
  );
  doc.nodes.push(blankNode('trigger', 'a', 't', { x: 0, y: 0 }), blankNode('crisis', 'a', 'k', { x: 300, y: 0 }));
  doc.edges.push({ id: 'e', crisisId: 'a', source: 't', target: 'k', kind: 'leads-to', label: '', confidence: null, basis: {} });
  return doc;
}

describe('session store', () => {
  it('seeds viewports from the file when it opens, and only from there', () => {
    const session = new SessionStore(() => undefined);
    const doc = scenario();
    session.opened(doc);
    expect(session.viewports.get('a')).toEqual({ x: 10, y: 20, zoom: 0.5 });
    expect(session.viewports.get('b')).toBeNull(); // never looked at: the canvas fits it
    session.viewports.remember('a', { x: 1, y: 2, zoom: 1 }, false);
    // The document's copy is not read again: the session owns the viewport while the file is open.
    session.prune(doc);
    expect(session.viewports.get('a')).toEqual({ x: 1, y: 2, zoom: 1 });
  });

  it('drops selected, edited and what-if ids the document lost, and moves off a deleted crisis', () => {
    const session = new SessionStore(() => undefined);
    const doc = scenario();
    session.opened(doc);
    session.view.patch({ crisisId: 'a', editingNodeId: 'k', editingMark: 'node:new:k', whatIf: ['t'] });
    session.selection.replace(['t', 'k'], ['e']);
    session.viewports.remember('a', { x: 1, y: 2, zoom: 1 }, false);

    // Undo the new crisis node: it and its edge are gone.
    const undone = { ...doc, nodes: doc.nodes.filter((n) => n.id !== 'k'), edges: [] };
    session.prune(undone);
    expect([...session.selection.get().nodeIds]).toEqual(['t']);
    expect([...session.selection.get().edgeIds]).toEqual([]);
    expect(session.view.get().editingNodeId).toBeNull();
    expect(session.view.get().editingMark).toBeNull();
    expect(session.view.get().whatIf).toEqual(['t']);

    // Delete crisis A and everything in it.
    const deleted = { ...undone, crises: undone.crises.filter((c) => c.id !== 'a'), nodes: [] };
    session.prune(deleted);
    expect(session.selection.get().nodeIds.size).toBe(0);
    expect(session.view.get().whatIf).toEqual([]);
    expect(session.view.get().crisisId).toBe('b');
    expect(session.viewports.get('a')).toBeNull();
  });

  it('leaves an unchanged session alone (no needless re-render)', () => {
    const session = new SessionStore(() => undefined);
    const doc = scenario();
    session.opened(doc);
    session.selection.selectNodes(['t']);
    const selection = session.selection.get();
    const view = session.view.get();
    session.prune(doc);
    expect(session.selection.get()).toBe(selection);
    expect(session.view.get()).toBe(view);
  });

  it('writes a remembered viewport to the file once the user stops moving, unless read-only', () => {
    vi.useFakeTimers();
    const saved: [string, unknown][] = [];
    const session = new SessionStore((crisisId, viewport) => saved.push([crisisId, viewport]));
    session.opened(scenario());
    session.viewports.remember('a', { x: 1, y: 1, zoom: 1 }, true);
    session.viewports.remember('a', { x: 2, y: 2, zoom: 1 }, true);
    session.viewports.remember('b', { x: 3, y: 3, zoom: 1 }, false);
    vi.advanceTimersByTime(599);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([['a', { x: 2, y: 2, zoom: 1 }]]);
    vi.useRealTimers();
  });

  it('keeps the edge selection object when only the nodes selected change, so the canvas rebuilds no edge', () => {
    const selection = new SelectionStore();
    selection.replace(['t'], ['e']);
    const edges = selection.get().edgeIds;
    selection.replace(['k'], ['e']);
    expect(selection.get().nodeIds).toEqual(new Set(['k']));
    expect(selection.get().edgeIds).toBe(edges);
    const before = selection.get();
    selection.replace(['k'], ['e']);
    expect(selection.get()).toBe(before);
  });
});
