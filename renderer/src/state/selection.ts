/**
 * What the user has selected, kept apart from the document so that selecting never re-renders
 * the graph or enters undo history. Node and edge ids are in the current crisis.
 */
import { Observable } from './store';

export interface Selection {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { nodeIds: new Set(), edgeIds: new Set() };

export class SelectionStore extends Observable<Selection> {
  constructor() {
    super(EMPTY_SELECTION);
  }
  selectNodes(ids: Iterable<string>): void {
    this.set({ nodeIds: new Set(ids), edgeIds: new Set() });
  }
  selectEdges(ids: Iterable<string>): void {
    this.set({ nodeIds: new Set(), edgeIds: new Set(ids) });
  }
  /**
   * Set both; a set that does not change keeps its object, so what watches only the edges (the
   * canvas's edge objects) is not told of a node selection, and the other way round.
   */
  replace(nodeIds: Iterable<string>, edgeIds: Iterable<string>): void {
    const current = this.get();
    const nodes = new Set(nodeIds);
    const edges = new Set(edgeIds);
    const next = { nodeIds: sameSet(nodes, current.nodeIds) ? current.nodeIds : nodes, edgeIds: sameSet(edges, current.edgeIds) ? current.edgeIds : edges };
    if (next.nodeIds === current.nodeIds && next.edgeIds === current.edgeIds) return;
    this.set(next);
  }
  clear(): void {
    if (this.get().nodeIds.size || this.get().edgeIds.size) this.set(EMPTY_SELECTION);
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
