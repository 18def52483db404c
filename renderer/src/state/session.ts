/**
 * The window's session state, kept apart from the document (as tldraw keeps instance and page
 * state apart from shapes): what is selected, the view options, and where each crisis's canvas
 * is looking. None of it enters undo history or the file's dirty state.
 *
 * The document store calls `opened` when a file is shown and `prune` after every change it
 * applies (an edit, an undo or redo, a reload), so session state never points at something the
 * document no longer holds: undo a new node and it leaves the selection in the same pass.
 */
import type { ScenarioDocument } from '../../../core/model';
import type { Beside } from '../workspace-context';
import { SelectionStore } from './selection';
import { Observable } from './store';
import { ViewStore } from './view';
import { ViewportStore, type PersistViewport } from './viewports';

export class SessionStore {
  readonly selection = new SelectionStore();
  readonly view = new ViewStore();
  readonly viewports: ViewportStore;
  /** A past state shown beside the live scenario, if any; closed when another file is shown. */
  readonly beside = new Observable<Beside | null>(null);

  constructor(persistViewport: PersistViewport) {
    this.viewports = new ViewportStore(persistViewport);
  }

  /** A file was opened (or closed): its viewports come from the file; nothing stays selected. */
  opened(doc: ScenarioDocument | null): void {
    this.viewports.seed(doc);
    this.selection.clear();
    this.beside.set(null);
    if (doc) this.prune(doc);
  }

  /** Drop every id the document no longer holds. Costs nothing on big crises while nothing is selected. */
  prune(doc: ScenarioDocument): void {
    const nodes = lazyIds(() => doc.nodes);
    const edges = lazyIds(() => doc.edges);
    const crises = new Set(doc.crises.map((c) => c.id));

    const selection = this.selection.get();
    if ((selection.nodeIds.size && someMissing(selection.nodeIds, nodes)) || (selection.edgeIds.size && someMissing(selection.edgeIds, edges))) {
      this.selection.replace(
        [...selection.nodeIds].filter((id) => nodes.has(id)),
        [...selection.edgeIds].filter((id) => edges.has(id)),
      );
    }

    const view = this.view.get();
    const patch: Parameters<ViewStore['patch']>[0] = {};
    if (view.crisisId !== null && !crises.has(view.crisisId)) {
      // The shown crisis is gone: show the first one left (as the sidebar order shows them).
      patch.crisisId = [...doc.crises].sort((a, b) => a.order - b.order)[0]?.id ?? null;
    }
    if (view.editingNodeId !== null && !nodes.has(view.editingNodeId)) Object.assign(patch, { editingNodeId: null, editingMark: null });
    if (view.whatIf.some((id) => !nodes.has(id))) patch.whatIf = view.whatIf.filter((id) => nodes.has(id));
    if (Object.keys(patch).length) this.view.patch(patch);

    this.viewports.prune(crises);
  }
}

interface IdSet {
  has(id: string): boolean;
}

/** The ids of a list, indexed on first use only. */
function lazyIds(list: () => readonly { id: string }[]): IdSet {
  let ids: Set<string> | null = null;
  return { has: (id) => (ids ??= new Set(list().map((x) => x.id))).has(id) };
}

function someMissing(ids: ReadonlySet<string>, live: IdSet): boolean {
  for (const id of ids) if (!live.has(id)) return true;
  return false;
}
