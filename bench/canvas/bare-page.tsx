/**
 * The peer of the canvas benchmark: a bare React Flow page built from our own node_modules with
 * the default node type and nothing else, given the same nodes, edges, positions, sizes and
 * viewport as the workbench, and the props the workbench itself passes that change how React
 * Flow works (controlled nodes, onlyRenderVisibleElements above 400 nodes, pan on scroll, the
 * zoom range). It reads its graph from window.__BARE_GRAPH__, set by the benchmark.
 */
import { ReactFlow, applyNodeChanges, type Edge, type Node, type NodeChange, type ReactFlowInstance, type Viewport } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface BareGraph {
  nodes: Node[];
  edges: Edge[];
  viewport: Viewport;
  size: { width: number; height: number };
}

declare global {
  interface Window {
    __BARE_GRAPH__: BareGraph;
    /** For the benchmark's overview step (fitView), as the workbench's Fit command does. */
    __flow?: ReactFlowInstance;
  }
}

const PAN_BUTTONS = [1, 2];
const keep = (instance: ReactFlowInstance) => (window.__flow = instance);

function Bare({ graph }: { graph: BareGraph }) {
  const [nodes, setNodes] = useState(graph.nodes);
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  return (
    <div style={{ width: graph.size.width, height: graph.size.height }}>
      <ReactFlow
        nodes={nodes}
        edges={graph.edges}
        onNodesChange={onNodesChange}
        onInit={keep}
        defaultViewport={graph.viewport}
        selectionOnDrag
        panOnDrag={PAN_BUTTONS}
        panOnScroll
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements={nodes.length > 400}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Bare graph={window.__BARE_GRAPH__} />);
