/**
 * Canvas actions shared by the keyboard, the menus and the toolbar: each builds one batch of ops,
 * so each is one undo step.
 */
import { copyNodes, pasteClip, type Clip } from '../../../core/clipboard';
import { NODE_DEFAULT_SIZE, blankNode, newId, type NodeKind } from '../../../core/model';
import type { Op } from '../../../core/ops';
import { placeNewNode } from '../../../core/layout';
import { runArrangeSelection, runLayout } from '../layout/run-layout';
import { visibleSize } from './visible-area';
import { reportError, type Workbench } from '../workspace-context';

const report = (workbench: Workbench) => (e: unknown) => reportError(workbench, e);

export function addNode(workbench: Workbench, crisisId: string, kind: NodeKind, at?: { x: number; y: number }): void {
  const point = at ?? nudgeFromCentre(workbench, crisisId, kind);
  const node = blankNode(kind, crisisId, newId(), { x: Math.round(point.x), y: Math.round(point.y) });
  const mark = `node:new:${node.id}`;
  workbench.doc
    .edit([{ op: 'node.create', node }], mark)
    .then(() => {
      workbench.selection.selectNodes([node.id]);
      workbench.view.patch({ editingNodeId: node.id, editingMark: mark });
    })
    .catch(report(workbench));
}

/**
 * New nodes from the palette land in their kind's column (core/layout/place-new.ts), at the free
 * spot nearest the middle of the view, so a crisis never lands left of its trigger.
 */
function nudgeFromCentre(workbench: Workbench, crisisId: string, kind: NodeKind): { x: number; y: number } {
  const centre = workbench.canvas.current?.centre() ?? { x: 100, y: 100 };
  const boxes = (workbench.current()?.nodes ?? []).filter((n) => n.crisisId === crisisId);
  return placeNewNode(kind, NODE_DEFAULT_SIZE[kind], boxes, { x: centre.x, y: centre.y, width: 0, height: 0 });
}

export function deleteSelection(workbench: Workbench): void {
  const { nodeIds, edgeIds } = workbench.selection.get();
  const doc = workbench.current();
  if (!doc || (nodeIds.size === 0 && edgeIds.size === 0)) return;
  // Edges attached to deleted nodes go with them; delete only the other selected edges explicitly.
  const ops: Op[] = [
    ...[...edgeIds]
      .filter((id) => {
        const edge = doc.edges.find((e) => e.id === id);
        return edge && !nodeIds.has(edge.source) && !nodeIds.has(edge.target);
      })
      .map((id) => ({ op: 'edge.delete' as const, id })),
    ...[...nodeIds].map((id) => ({ op: 'node.delete' as const, id })),
  ];
  if (ops.length === 0) return;
  workbench.selection.clear();
  workbench.doc.edit(ops).catch(report(workbench));
}

export function selectAll(workbench: Workbench, crisisId: string): void {
  const doc = workbench.current();
  if (!doc) return;
  workbench.selection.replace(
    doc.nodes.filter((n) => n.crisisId === crisisId).map((n) => n.id),
    doc.edges.filter((e) => e.crisisId === crisisId).map((e) => e.id),
  );
}

export function copySelection(workbench: Workbench): Clip | null {
  const doc = workbench.current();
  if (!doc) return null;
  const clip = copyNodes(doc, workbench.selection.get().nodeIds);
  if (clip) workbench.clipboard.current = clip;
  return clip;
}

export function paste(workbench: Workbench, crisisId: string, clip: Clip | null, at?: { x: number; y: number }): void {
  const doc = workbench.current();
  const source = clip ?? workbench.clipboard.current;
  if (!doc || !source) return;
  const { ops, nodeIds } = pasteClip(doc, source, crisisId, newId, at);
  workbench.doc
    .edit(ops)
    .then(() => workbench.selection.selectNodes(nodeIds))
    .catch(report(workbench));
}

export function duplicateSelection(workbench: Workbench, crisisId: string): void {
  const doc = workbench.current();
  if (!doc) return;
  const clip = copyNodes(doc, workbench.selection.get().nodeIds);
  if (clip) paste(workbench, crisisId, clip);
}

export function nudgeSelection(workbench: Workbench, dx: number, dy: number): void {
  const doc = workbench.current();
  const ids = workbench.selection.get().nodeIds;
  if (!doc || ids.size === 0) return;
  const ops = doc.nodes.filter((n) => ids.has(n.id)).map((n) => ({ op: 'node.update' as const, id: n.id, patch: { x: n.x + dx, y: n.y + dy } }));
  // A run of nudges of one selection is one undo step; nudging another selection starts a new one.
  workbench.doc.edit(ops, `canvas:nudge:${selectionKey(ids)}`).catch(report(workbench));
}

/** A short, stable name for a set of ids (FNV-1a over the sorted ids), to fit in an undo mark. */
function selectionKey(ids: ReadonlySet<string>): string {
  let hash = 0x811c9dc5;
  for (const id of [...ids].sort()) {
    for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x2c, 0x01000193);
  }
  return `${ids.size}:${(hash >>> 0).toString(36)}`;
}

/** Arrange the crisis (or only the selected nodes) with the layered layout, as one undo step. */
export function arrange(workbench: Workbench, crisisId: string): Promise<void> {
  return workbench.doc.during(() => arrangeNow(workbench, crisisId));
}

async function arrangeNow(workbench: Workbench, crisisId: string): Promise<void> {
  const doc = workbench.current();
  if (!doc) return;
  const selected = workbench.selection.get().nodeIds;
  const inCrisis = doc.nodes.filter((n) => n.crisisId === crisisId);
  if (inCrisis.length === 0) return;
  const edges = doc.edges.filter((e) => e.crisisId === crisisId).map((e) => ({ source: e.source, target: e.target, kind: e.kind }));
  const nodes = inCrisis.map((n) => ({ id: n.id, kind: n.kind, width: n.width, height: n.height, x: n.x, y: n.y }));
  const result =
    selected.size > 1 ? await runArrangeSelection({ nodes, edges }, [...selected]) : await runLayout({ nodes, edges }, { origin: { x: 0, y: 0 }, fit: visibleSize(workbench.view.get().showMinimap) ?? undefined });
  const ops = inCrisis
    .map((n) => ({ n, p: result.positions[n.id] }))
    .filter(({ n, p }) => p && (Math.round(p.x) !== n.x || Math.round(p.y) !== n.y))
    .map(({ n, p }) => ({ op: 'node.update' as const, id: n.id, patch: { x: Math.round(p!.x), y: Math.round(p!.y) } }));
  if (ops.length) await workbench.doc.edit(ops).catch(report(workbench));
  workbench.canvas.current?.fit();
}
