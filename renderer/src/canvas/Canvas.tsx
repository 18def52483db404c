/** The crisis canvas: React Flow over the crisis's nodes and edges. */
import { Background, Controls, MiniMap, ReactFlow, type Edge, type Node, type NodeChange, applyNodeChanges } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { NODE_KINDS, blankNode, newId, type GraphNode, type NodeKind } from '../../../core/model';
import type { DocumentStore } from '../state/document-store';
import { useDocument } from '../state/document-store';
import { KindNode } from './KindNode';

const nodeTypes = { kind: KindNode };

export function Canvas({ store, crisisId }: { store: DocumentStore; crisisId: string }) {
  const { view } = useDocument(store);
  const doc = view!.document;
  const modelNodes = useMemo(() => doc.nodes.filter((n) => n.crisisId === crisisId), [doc.nodes, crisisId]);
  const [nodes, setNodes] = useState<Node<{ node: GraphNode }>[]>([]);
  useEffect(() => {
    setNodes((previous) => {
      const selected = new Set(previous.filter((n) => n.selected).map((n) => n.id));
      return modelNodes.map((n) => ({
        id: n.id,
        type: 'kind',
        position: { x: n.x, y: n.y },
        width: n.width,
        height: n.height,
        selected: selected.has(n.id),
        data: { node: n },
      }));
    });
  }, [modelNodes]);
  const edges: Edge[] = useMemo(
    () => doc.edges.filter((e) => e.crisisId === crisisId).map((e) => ({ id: e.id, source: e.source, target: e.target, label: e.label || e.kind })),
    [doc.edges, crisisId],
  );

  const addNode = (kind: NodeKind) => {
    const offset = modelNodes.length * 24;
    void store.edit([{ op: 'node.create', node: blankNode(kind, crisisId, newId(), { x: 80 + offset, y: 80 + offset }) }]);
  };

  return (
    <div className="canvas">
      <div className="palette" role="toolbar" aria-label="Add node">
        {NODE_KINDS.map((kind) => (
          <button key={kind} className={`palette-${kind}`} data-testid={`add-${kind}`} onClick={() => addNode(kind)}>
            + {kind}
          </button>
        ))}
      </div>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={(changes: NodeChange<Node<{ node: GraphNode }>>[]) => setNodes((ns) => applyNodeChanges(changes, ns))}
        onNodeDragStop={(_event, _node, dragged) => {
          const ops = dragged.map((n) => ({ op: 'node.update' as const, id: n.id, patch: { x: Math.round(n.position.x), y: Math.round(n.position.y) } }));
          if (ops.length) void store.edit(ops);
        }}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
