/**
 * The compare view's model: what the live scenario changed since a base (a snapshot of this file,
 * or another scenario file), computed once when the view opens. The canvas marks and the list
 * beside it both read it, so the diff is never worked out twice; the words come from core/diff's
 * describer, as in the CLI and the briefs.
 */
import type { CompareBase } from '../../../core/contract';
import { describeDiff, diffDocuments, type ChangeLine, type DocumentDiff } from '../../../core/diff';
import type { GraphEdge, GraphNode, ScenarioDocument } from '../../../core/model';

/** How a record on the live canvas differs from the base. */
export type CompareMark = 'added' | 'changed' | 'moved';

export interface Comparison {
  /** What the live scenario is compared with, in words ("the snapshot “Before the meeting”"). */
  baseLabel: string;
  /** Where that state comes from, for main to read it again (the changes brief). */
  against: CompareBase;
  diff: DocumentDiff;
  /** Every change in words, in diff order: added, removed, changed, moved. */
  lines: readonly ChangeLine[];
  /** Live nodes and edges that were added, changed (real fields) or only moved, by id. */
  marks: ReadonlyMap<string, CompareMark>;
  /** Base nodes and edges no longer in the live scenario: drawn as ghosts where they were. */
  removedNodes: readonly GraphNode[];
  removedEdges: readonly GraphEdge[];
  /** Per node or edge id: the changed fields in words, for its name and tooltip. */
  notes: ReadonlyMap<string, string>;
}

export function compareDocuments(baseLabel: string, against: CompareBase, base: ScenarioDocument, live: ScenarioDocument): Comparison {
  const diff = diffDocuments(base, live, { layout: 'apart' });
  const lines = describeDiff(base, live, diff);
  const marks = new Map<string, CompareMark>();
  const notes = new Map<string, string>();
  const canvasRecord = (type: string) => type === 'node' || type === 'edge';
  for (const line of lines) {
    if (line.change === 'removed') continue;
    // A stance or citation is part of its element: the element is marked changed.
    const id = canvasRecord(line.type) ? line.id : line.focusId;
    if (id === null) continue;
    const mark: CompareMark = line.change === 'added' && canvasRecord(line.type) ? 'added' : line.change === 'moved' ? 'moved' : 'changed';
    const had = marks.get(id);
    if (had === undefined || had === 'moved' || (had === 'changed' && mark === 'added')) marks.set(id, mark);
    if (line.change === 'changed') {
      const words = line.fields.map((f) => `${f.field}: ${f.from} → ${f.to}`).join('; ');
      const prefix = canvasRecord(line.type) ? '' : `${line.label}: `;
      notes.set(id, [notes.get(id), `${prefix}${words}`].filter(Boolean).join('; '));
    }
  }
  const removed = new Set(diff.removed.filter((r) => r.type === 'node' || r.type === 'edge').map((r) => r.id));
  const removedNodes = removed.size ? base.nodes.filter((n) => removed.has(n.id)) : [];
  const removedEdges = removed.size ? base.edges.filter((e) => removed.has(e.id)) : [];
  return { baseLabel, against, diff, lines, marks, removedNodes, removedEdges, notes };
}
