/** A graph node drawn by kind. Text is always rendered as text, never as HTML. */
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import { memo } from 'react';
import type { GraphNode } from '../../../core/model';

function KindNodeView({ data, selected }: NodeProps<Node<{ node: GraphNode }>>) {
  const node = data.node;
  return (
    <div className={`kind-node kind-${node.kind}${selected ? ' is-selected' : ''}`} data-testid="graph-node" data-kind={node.kind}>
      <Handle type="target" position={Position.Left} />
      <div className="kind-label">{node.kind}</div>
      <div className="kind-title">{node.title}</div>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const KindNode = memo(KindNodeView);
