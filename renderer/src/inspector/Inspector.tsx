/**
 * The inspector: edits whatever is selected. Nothing selected shows the crisis's details; one
 * node shows all its fields, stances and provenance; one edge its label and confidence; several
 * nodes the fields they share. Each panel subscribes only to the records it shows.
 */
import { useSyncExternalStore } from 'react';
import type { DocumentView } from '../../../core/contract';
import { GAP_KINDS } from '../../../core/analysis';
import type { Actor, GraphNode, Provenance, Source, Stance } from '../../../core/model';
import { gapsOf } from '../analysis/memo';
import { useObservable } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { Connections } from './Connections';
import { CrisisDetails } from './CrisisDetails';
import { EdgeDetails } from './EdgeDetails';
import { GapAcceptance } from './GapAcceptance';
import { useReadOnly } from './field-edits';
import { MultiNode } from './MultiNode';
import { NodeDetails } from './NodeDetails';
import { ProvenanceSection } from './Provenance';
import { sameItems, useDocumentSlice } from './select';
import { SourceList } from './Sources';
import { Stances } from './Stances';
import './inspector.css';

const NO_ACTORS: Actor[] = [];
const NO_SOURCES: Source[] = [];
const NO_IDS: string[] = [];

export function Inspector() {
  const { selection } = useWorkbench();
  const { nodeIds, edgeIds } = useObservable(selection);
  const readOnly = useReadOnly();
  let body;
  if (nodeIds.size === 1) {
    const [id] = nodeIds;
    body = <NodeInspector key={id} nodeId={id!} readOnly={readOnly} />;
  } else if (nodeIds.size > 1) {
    body = <MultiInspector nodeIds={[...nodeIds].sort()} readOnly={readOnly} />;
  } else if (edgeIds.size === 1) {
    const [id] = edgeIds;
    body = <EdgeInspector key={id} edgeId={id!} readOnly={readOnly} />;
  } else if (edgeIds.size > 1) {
    body = <p className="muted insp-empty">{edgeIds.size} connections selected. Select one to edit it.</p>;
  } else {
    body = <CrisisInspector readOnly={readOnly} />;
  }
  return (
    <aside className="inspector" data-testid="inspector" aria-label="Inspector">
      {readOnly && (
        <p className="insp-readonly" data-testid="inspector-read-only">
          This file is read-only: fields cannot be changed.
        </p>
      )}
      {body}
    </aside>
  );
}

const actorsOf = (view: DocumentView | null) => view?.document.actors ?? NO_ACTORS;
const sourcesOf = (view: DocumentView | null) => view?.document.sources ?? NO_SOURCES;

function NodeInspector({ nodeId, readOnly }: { nodeId: string; readOnly: boolean }) {
  const { doc } = useWorkbench();
  const node = useDocumentSlice(doc, nodeId, (view) => view?.document.nodes.find((n) => n.id === nodeId) ?? null);
  const actors = useDocumentSlice(doc, 'actors', actorsOf);
  const sources = useDocumentSlice(doc, 'sources', sourcesOf);
  const stances = useDocumentSlice<Stance[]>(doc, nodeId, (view) => view?.document.stances.filter((s) => s.elementId === nodeId) ?? [], sameItems);
  const quotes = useDocumentSlice<Provenance[]>(doc, nodeId, (view) => view?.document.provenance.filter((p) => p.elementId === nodeId) ?? [], sameItems);
  const coreActorIds = useDocumentSlice(doc, 'core-actors', (view) => view?.document.scenario.coreActorIds ?? NO_IDS);
  // The node's gaps, open or accepted, as one string so an edit elsewhere leaves the panel alone.
  const gapKinds = useDocumentSlice(doc, `gaps:${nodeId}`, (view) => {
    const found = view?.document.nodes.find((n) => n.id === nodeId);
    if (!view || !found) return '';
    const { gaps, accepted } = gapsOf(view.document, found.crisisId);
    return [...gaps, ...accepted].filter((g) => g.nodeId === nodeId).map((g) => g.kind).join(' ');
  });
  if (!node) return <p className="muted insp-empty">The selected node no longer exists.</p>;
  return (
    <>
      <SectionJumps quoteCount={quotes.length} />
      <NodeDetails node={node} actors={actors} coreActorIds={coreActorIds} readOnly={readOnly} hasSupport={quotes.some((q) => q.relation === 'supports')} />
      <GapAcceptance node={node} gapKinds={GAP_KINDS.filter((k) => gapKinds.split(' ').includes(k))} readOnly={readOnly} />
      <Stances nodeId={node.id} kind={node.kind} actors={actors} coreActorIds={coreActorIds} stances={stances} quotes={quotes} readOnly={readOnly} />
      <ProvenanceSection nodeId={node.id} quotes={quotes} sources={sources} readOnly={readOnly} />
      <Connections nodeId={node.id} />
      <SourceList sources={sources} readOnly={readOnly} />
    </>
  );
}

/**
 * Scroll the panel that holds `section` so the section starts at its top, and nothing else:
 * scrollIntoView also scrolls clipped ancestors, and near the panel's end it moved the whole
 * window up, title bar and toolbar off the screen.
 */
function scrollPanelTo(section: HTMLElement) {
  for (let box = section.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
    box.scrollTop += section.getBoundingClientRect().top - box.getBoundingClientRect().top;
    return;
  }
}

/** Links to the node's sections, so its quotes and sources are one click away however long its details are. */
function SectionJumps({ quoteCount }: { quoteCount: number }) {
  const jump = (testId: string) => {
    const section = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
    if (section) scrollPanelTo(section);
    section?.querySelector<HTMLElement>('summary, button, input, select, textarea')?.focus({ preventScroll: true });
  };
  const links: [string, string][] = [
    ['inspector-stances', 'Stances'],
    ['inspector-provenance', `Quotes (${quoteCount})`],
    ['inspector-connections', 'Connections'],
    ['inspector-sources', 'Sources'],
  ];
  return (
    <nav className="insp-jumps" aria-label="Sections of this node">
      {links.map(([testId, label]) => (
        <button key={testId} type="button" className="insp-link" data-testid={`jump-${testId}`} onClick={() => jump(testId)}>
          {label}
        </button>
      ))}
    </nav>
  );
}

function MultiInspector({ nodeIds, readOnly }: { nodeIds: string[]; readOnly: boolean }) {
  const { doc } = useWorkbench();
  const key = nodeIds.join(',');
  const nodes = useDocumentSlice<GraphNode[]>(
    doc,
    key,
    (view) => {
      const wanted = new Set(nodeIds);
      return view?.document.nodes.filter((n) => wanted.has(n.id)) ?? [];
    },
    sameItems,
  );
  const actors = useDocumentSlice(doc, 'actors', actorsOf);
  if (nodes.length === 0) return <p className="muted insp-empty">The selected nodes no longer exist.</p>;
  return <MultiNode nodes={nodes} actors={actors} readOnly={readOnly} />;
}

function EdgeInspector({ edgeId, readOnly }: { edgeId: string; readOnly: boolean }) {
  const { doc } = useWorkbench();
  const edge = useDocumentSlice(doc, edgeId, (view) => view?.document.edges.find((e) => e.id === edgeId) ?? null);
  // Only the two titles, so a rename elsewhere does not re-render the panel.
  const ends = useDocumentSlice(
    doc,
    `${edgeId}:${edge?.source}:${edge?.target}`,
    (view) => {
      const titleOf = (id: string | undefined) => view?.document.nodes.find((n) => n.id === id)?.title ?? '(missing node)';
      return `${titleOf(edge?.source)}\u0000${titleOf(edge?.target)}`;
    },
  );
  if (!edge) return <p className="muted insp-empty">The selected connection no longer exists.</p>;
  const [sourceTitle = '', targetTitle = ''] = ends.split('\u0000');
  return <EdgeDetails key={edge.id} edge={edge} sourceTitle={sourceTitle} targetTitle={targetTitle} readOnly={readOnly} />;
}

function CrisisInspector({ readOnly }: { readOnly: boolean }) {
  const { doc, view } = useWorkbench();
  const chosen = useSyncExternalStore(view.subscribe, () => view.get().crisisId);
  const crisis = useDocumentSlice(doc, `crisis:${chosen}`, (v) => {
    const crises = v?.document.crises ?? [];
    // Before the workspace has chosen a crisis, the canvas shows the first one.
    return crises.find((c) => c.id === chosen) ?? [...crises].sort((a, b) => a.order - b.order)[0] ?? null;
  });
  const sources = useDocumentSlice(doc, 'sources', sourcesOf);
  return (
    <>
      {crisis ? <CrisisDetails key={crisis.id} crisis={crisis} readOnly={readOnly} /> : <p className="muted insp-empty">No crisis yet. Add one in the sidebar.</p>}
      <SourceList sources={sources} readOnly={readOnly} />
    </>
  );
}
