/**
 * The canvas's edge: React Flow's bezier path, interaction path and label, named for assistive
 * technology by the titles of the nodes it joins ("Refugee exodus → Camps overwhelmed, leads
 * to"). The titles are read here, each edge watching only its own two ends in React Flow's node
 * lookup, and not built into the edge objects: a rename then renews no edge object and no edges
 * array, so React Flow does not rebuild its connection lookup over every edge of the crisis.
 * React Flow names the edge's group "Edge from a to b" when it mounts it; this component renames
 * it, and React Flow does not touch the attribute again while the edge joins the same nodes.
 */
import { EdgeText, getBezierPath, useStoreApi, type Edge, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { EdgeKind } from '../../../core/model';
import type { FlowNode } from './flow-model';

export interface NamedEdgeData extends Record<string, unknown> {
  kind: EdgeKind;
  /** The edge's own label, '' for none. */
  label: string;
  /** Appended to the name, as the compare view's ", changed" (or ''). */
  note: string;
}

export type NamedFlowEdge = Edge<NamedEdgeData, 'named'>;

/** "Refugee exodus → Camps overwhelmed, leads to", and the edge's own label when it has one. */
export function edgeName(edge: { kind: EdgeKind; label: string }, sourceTitle: string, targetTitle: string): string {
  const kind = edge.kind.replace('-', ' ');
  return `${sourceTitle} → ${targetTitle}, ${kind}${edge.label ? ` (${edge.label})` : ''}`;
}

/** A node's title as React Flow holds it ('' for a node it does not hold). */
export function titleIn(state: Pick<ReactFlowState<FlowNode>, 'nodeLookup'>, id: string): string {
  return state.nodeLookup.get(id)?.internals.userNode.data.node.title ?? '';
}

function NamedEdgeView({ source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, label, labelStyle, labelBgStyle, style, markerEnd, interactionWidth = 20 }: EdgeProps<NamedFlowEdge>) {
  const store = useStoreApi<FlowNode>();
  const sourceTitle = useSyncExternalStore(store.subscribe, () => titleIn(store.getState(), source));
  const targetTitle = useSyncExternalStore(store.subscribe, () => titleIn(store.getState(), target));
  const name = data ? `${edgeName(data, sourceTitle, targetTitle)}${data.note}` : '';
  const path = useRef<SVGPathElement>(null);
  // The name goes on React Flow's group around this edge, the element Tab focuses.
  useLayoutEffect(() => {
    path.current?.parentElement?.setAttribute('aria-label', name);
  }, [name]);
  const [d, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  return (
    <>
      <path ref={path} d={d} fill="none" className="react-flow__edge-path" style={style} markerEnd={markerEnd} />
      {interactionWidth ? <path d={d} fill="none" strokeOpacity={0} strokeWidth={interactionWidth} className="react-flow__edge-interaction" /> : null}
      {label ? <EdgeText x={labelX} y={labelY} label={label} labelStyle={labelStyle} labelBgStyle={labelBgStyle} /> : null}
    </>
  );
}

export const NamedEdge = memo(NamedEdgeView);
