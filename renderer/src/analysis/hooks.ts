/** What every analysis view needs from the workbench: the document, the view, the crisis, and a safe edit. */
import type { ScenarioDocument } from '../../../core/model';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import type { ViewState } from '../state/view';
import { useWorkbench, type Workbench } from '../workspace-context';

export interface AnalysisContext {
  workbench: Workbench;
  doc: ScenarioDocument | null;
  view: ViewState;
  /** The crisis on screen: the view's choice while it exists, else the first crisis. */
  crisisId: string | null;
  readOnly: boolean;
}

export function useAnalysisContext(): AnalysisContext {
  const workbench = useWorkbench();
  const { view: docView } = useDocument(workbench.doc);
  const view = useObservable(workbench.view);
  const doc = docView?.document ?? null;
  return { workbench, doc, view, crisisId: doc ? currentCrisis(doc, view.crisisId) : null, readOnly: !!docView?.readOnly };
}

export function currentCrisis(doc: ScenarioDocument, chosen: string | null): string | null {
  if (chosen !== null && doc.crises.some((c) => c.id === chosen)) return chosen;
  let first: ScenarioDocument['crises'][number] | null = null;
  for (const c of doc.crises) if (!first || c.order < first.order || (c.order === first.order && c.id < first.id)) first = c;
  return first?.id ?? null;
}

/** Apply ops; a refusal is shown to the user as one line (the shared write path in workspace-context.tsx). */
export { useEdit } from '../workspace-context';

/** Titles of crises by id, for rows that span the whole file. */
export function crisisTitles(doc: ScenarioDocument): Map<string, string> {
  return new Map(doc.crises.map((c) => [c.id, c.title]));
}

/** Does the shared filter text match a node's title, description or tags (case-insensitive)? */
export function matchesFilter(node: { title: string; description: string; tags: readonly string[] }, filter: string): boolean {
  const needle = filter.trim().toLocaleLowerCase();
  if (!needle) return true;
  return (
    node.title.toLocaleLowerCase().includes(needle) ||
    node.description.toLocaleLowerCase().includes(needle) ||
    node.tags.some((t) => t.toLocaleLowerCase().includes(needle))
  );
}
