/**
 * The compare view on the canvas: live nodes and edges that were added, changed or (with the
 * moves switch) only moved get a class and say so in their accessible name; nodes and edges the
 * base had and the live scenario lost are appended as ghosts at their old places, which cannot be
 * selected, dragged or connected. Marking is a pass over the flow objects useFlowNodes and
 * useFlowEdges already built, reusing a marked object while its source object is the same, so
 * onlyRenderVisibleElements still mounts only what is on screen.
 */
import { useMemo, useRef } from 'react';
import type { GraphNode } from '../../../core/model';
import type { CompareMark, Comparison } from '../state/compare';
import { flowEdge, flowNode, routeOf, type FlowNode, type FlowNodeData } from './flow-model';
import type { NamedFlowEdge } from './NamedEdge';

const MARK_WORDS: Record<CompareMark, string> = { added: 'added', changed: 'changed', moved: 'moved' };

function markOf(comparison: Comparison, id: string, showMoves: boolean): CompareMark | undefined {
  const mark = comparison.marks.get(id);
  return mark === 'moved' && !showMoves ? undefined : mark;
}

/** A node says its mark in its own accessible name; an edge in the note NamedEdge appends to its name. */
const markNode = (node: FlowNode, words: string): FlowNode => ({ ...node, ariaLabel: `${node.ariaLabel ?? ''}${words}` });
const markEdge = (edge: NamedFlowEdge, words: string): NamedFlowEdge => ({ ...edge, data: edge.data && { ...edge.data, note: `${edge.data.note}${words}` } });

function useMarked<T extends { id: string; className?: string }>(items: T[], comparison: Comparison | undefined, showMoves: boolean, ghosts: T[], say: (item: T, words: string) => T): T[] {
  const cache = useRef(new WeakMap<T, { mark: CompareMark; out: T }>());
  return useMemo(() => {
    if (!comparison) return items;
    const out = items.map((item) => {
      const mark = markOf(comparison, item.id, showMoves);
      if (!mark) return item;
      const hit = cache.current.get(item);
      if (hit && hit.mark === mark) return hit.out;
      const note = comparison.notes.get(item.id);
      const marked = { ...say(item, `, ${MARK_WORDS[mark]}${note && mark === 'changed' ? ` (${note})` : ''}`), className: `${item.className ?? ''} compare-${mark}`.trim() };
      cache.current.set(item, { mark, out: marked });
      return marked;
    });
    return ghosts.length ? [...out, ...ghosts] : out;
  }, [items, comparison, showMoves, ghosts, say]);
}

/** The crisis's flow nodes and edges with the compare view's marks and ghosts, or as given outside it. */
export function useCompareMarks(nodes: FlowNode[], edges: NamedFlowEdge[], comparison: Comparison | undefined, crisisId: string, showMoves: boolean, nodeById: ReadonlyMap<string, GraphNode>): { nodes: FlowNode[]; edges: NamedFlowEdge[] } {
  const ghostNodes = useMemo(() => (comparison ? comparison.removedNodes.filter((n) => n.crisisId === crisisId).map(ghostNode) : []), [comparison, crisisId]);
  const ghostEdges = useMemo(() => {
    if (!comparison) return [];
    const ghostById = new Map(comparison.removedNodes.map((n) => [n.id, n]));
    const end = (id: string) => nodeById.get(id) ?? ghostById.get(id);
    return comparison.removedEdges
      .filter((e) => e.crisisId === crisisId && end(e.source) && end(e.target))
      .map((e): NamedFlowEdge => {
        const flow = markEdge(flowEdge(e, false, routeOf(end(e.source), end(e.target))), ', removed');
        return { ...flow, className: `${flow.className ?? ''} compare-ghost`, selectable: false, focusable: false, style: { ...flow.style, opacity: 0.45 } };
      });
  }, [comparison, crisisId, nodeById]);
  return {
    nodes: useMarked(nodes, comparison, showMoves, ghostNodes, markNode),
    edges: useMarked(edges, comparison, showMoves, ghostEdges, markEdge),
  };
}

function ghostNode(node: GraphNode): FlowNode {
  const data: FlowNodeData = { node, lead: null, stances: [], decoration: undefined, matches: true, reportOnly: false, supported: false };
  return {
    ...flowNode(node, data, false),
    className: 'compare-ghost',
    ariaLabel: `${node.kind}: ${node.title}, removed`,
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
  };
}

/** The nodes Fit and focus frame: the crisis's, plus its ghosts in the compare view, so a removed element can be gone to. */
export function useFramedNodes(nodeById: ReadonlyMap<string, GraphNode>, comparison: Comparison | undefined, crisisId: string): ReadonlyMap<string, GraphNode> {
  return useMemo(() => {
    const ghosts = comparison?.removedNodes.filter((n) => n.crisisId === crisisId) ?? [];
    if (ghosts.length === 0) return nodeById;
    const framed = new Map(nodeById);
    for (const n of ghosts) framed.set(n.id, n);
    return framed;
  }, [nodeById, comparison, crisisId]);
}
