/**
 * Laying out to the canvas's shape: given the canvas, the layout uses its height instead of
 * growing wide and flat, keeps the rank order trigger → crisis → impact → response, and still
 * never overlaps boxes. Without a canvas it draws the story plan as before.
 */
import { describe, expect, it } from 'vitest';
import { layeredLayoutReport, READABLE_ZOOM, type LayoutInput } from '../../../core/layout';
import { reportLibrary } from '../../../core/library';
import { LIBRARY_CANVAS } from '../../../core/library/place';
import { NODE_KINDS } from '../../../core/model';
import { boxesOf, overlappingPairs } from './generators';

function libraryInputs(): { title: string; input: LayoutInput }[] {
  const doc = reportLibrary();
  return doc.crises.map((crisis) => ({
    title: crisis.title,
    input: {
      nodes: doc.nodes.filter((n) => n.crisisId === crisis.id).map(({ id, kind, width, height }) => ({ id, kind, width, height })),
      edges: doc.edges.filter((e) => e.crisisId === crisis.id).map(({ source, target, kind }) => ({ source, target, kind })),
    },
  }));
}

describe('layout to the canvas shape', () => {
  it('fits every report crisis on the library canvas at a readable zoom, kinds in rank order, no overlaps', () => {
    for (const { title, input } of libraryInputs()) {
      const wide = layeredLayoutReport(input);
      const shaped = layeredLayoutReport(input, { fit: LIBRARY_CANVAS });
      const zoom = Math.min(LIBRARY_CANVAS.width / shaped.width, LIBRARY_CANVAS.height / shaped.height);
      expect(zoom, title).toBeGreaterThanOrEqual(READABLE_ZOOM);
      // The story plan alone would not have fitted: the canvas's height was what made room.
      const wideZoom = Math.min(LIBRARY_CANVAS.width / wide.width, LIBRARY_CANVAS.height / wide.height);
      expect(wideZoom, title).toBeLessThan(READABLE_ZOOM);
      expect(zoom, title).toBeGreaterThan(wideZoom);
      expect(overlappingPairs(boxesOf(input, shaped.positions), 40), title).toEqual([]);
      // Rank order: every node of a kind starts at or right of every node of the kinds before it.
      const left = (kind: string) => Math.min(...input.nodes.filter((n) => n.kind === kind).map((n) => shaped.positions[n.id]!.x));
      const right = (kind: string) => Math.max(...input.nodes.filter((n) => n.kind === kind).map((n) => shaped.positions[n.id]!.x));
      const present = NODE_KINDS.filter((k) => input.nodes.some((n) => n.kind === k));
      for (let i = 1; i < present.length; i++) expect(right(present[i - 1]!), `${title}: ${present[i - 1]} before ${present[i]}`).toBeLessThan(left(present[i]!));
    }
  });

  it('keeps the story plan when it already fits or no canvas is given, and folds responses last when the canvas asks', () => {
    const node = (id: string, kind: 'trigger' | 'crisis' | 'impact' | 'response') => ({ id, kind, width: 220, height: 96 });
    const input: LayoutInput = {
      nodes: [node('t', 'trigger'), node('x', 'crisis'), node('i1', 'impact'), node('i2', 'impact'), node('r1', 'response'), node('r2', 'response')],
      edges: [
        { source: 't', target: 'x', kind: 'leads-to' },
        { source: 'x', target: 'i1', kind: 'leads-to' },
        { source: 'i1', target: 'i2', kind: 'leads-to' },
        { source: 'r1', target: 't', kind: 'averts' },
        { source: 'r2', target: 'i2', kind: 'contains' },
      ],
    };
    // Story plan: r1 | t | x | i1 | r2 | i2, six columns.
    expect(layeredLayoutReport(input).columnCount).toBe(6);
    expect(layeredLayoutReport(input).plan).toBe('story');
    expect(layeredLayoutReport(input, { fit: { width: 2400, height: 700 } }).plan).toBe('story');
    // A squarer canvas: t | x | i1 | i2 | responses, five columns, readable at 0.6.
    const square = layeredLayoutReport(input, { fit: { width: 900, height: 900 } });
    expect(square.plan).toBe('kind-depth');
    expect(square.columnCount).toBe(5);
    for (const r of ['r1', 'r2']) expect(square.positions[r]!.x).toBeGreaterThan(square.positions.i2!.x);
    // Narrower still: one column per kind.
    const narrow = layeredLayoutReport(input, { fit: { width: 720, height: 900 } });
    expect(narrow.plan).toBe('kind');
    expect(narrow.columnCount).toBe(4);
  });
});
