/** The node's connections, each a button that selects the edge so the inspector edits it. */
import type { DocumentView } from '../../../core/contract';
import type { GraphEdge } from '../../../core/model';
import { useWorkbench } from '../workspace-context';
import { Section } from './fields';
import { useDocumentSlice } from './select';

interface Connection {
  edge: GraphEdge;
  outgoing: boolean;
  otherTitle: string;
}

const sameConnections = (a: Connection[], b: Connection[]) =>
  a.length === b.length && a.every((c, i) => c.edge === b[i]!.edge && c.otherTitle === b[i]!.otherTitle);

const KIND_WORDS: Record<GraphEdge['kind'], [string, string]> = {
  'leads-to': ['leads to', 'follows from'],
  averts: ['averts', 'averted by'],
  contains: ['contains', 'contained by'],
};

export function Connections({ nodeId }: { nodeId: string }) {
  const { doc, selection } = useWorkbench();
  const connections = useDocumentSlice(
    doc,
    nodeId,
    (view: DocumentView | null): Connection[] => {
      if (!view) return [];
      const touching = view.document.edges.filter((e) => e.source === nodeId || e.target === nodeId);
      if (touching.length === 0) return [];
      const titles = new Map(view.document.nodes.map((n) => [n.id, n.title]));
      return touching.map((edge) => {
        const outgoing = edge.source === nodeId;
        return { edge, outgoing, otherTitle: titles.get(outgoing ? edge.target : edge.source) ?? '(missing node)' };
      });
    },
    sameConnections,
  );
  if (connections.length === 0) return null;
  return (
    <Section title="Connections" testId="inspector-connections">
      <ul className="insp-connections">
        {connections.map(({ edge, outgoing, otherTitle }) => (
          <li key={edge.id}>
            <button type="button" className="insp-connection" data-testid={`connection-${edge.id}`} onClick={() => selection.selectEdges([edge.id])}>
              <span className="insp-edge-kind">{KIND_WORDS[edge.kind][outgoing ? 0 : 1]}</span>
              <span className="insp-connection-title">{otherTitle}</span>
              {edge.label && <span className="muted">“{edge.label}”</span>}
            </button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
