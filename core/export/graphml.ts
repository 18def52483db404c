/**
 * GraphML with yEd's extensions: each node is a y:ShapeNode (geometry, fill, border, shape
 * and a y:NodeLabel), each edge a y:PolyLineEdge with an arrow and a y:EdgeLabel, so yEd
 * opens the diagram as drawn. Plain GraphML data keys carry kind, scores, the basis of each
 * judged value, and per actor a stance with its holder, as-of date, basis and note, for tools
 * that ignore the yEd namespace.
 */
import { JUDGED_EDGE_FIELDS, JUDGED_NODE_FIELDS, type ScenarioDocument, type Stance } from '../model';
import { diagramGeometry } from './geometry';
import { el, fragment, text, trusted, type Markup } from './markup';
import { scopedGraph, type ExportScope } from './scope';
import { num } from './shapes';
import { EDGE_STYLE, KIND_STYLE } from './style';

interface Key {
  id: string;
  for: 'node' | 'edge' | 'graph';
  name: string;
  type: 'string' | 'int' | 'double';
}

/** The data key of each stance detail, beside the position, and the stance field it holds. */
const STANCE_DETAIL_FIELDS = { holder: 'holder', as_of: 'asOf', basis: 'basis', note: 'note' } as const satisfies Record<string, keyof Stance>;
const STANCE_DETAILS = Object.keys(STANCE_DETAIL_FIELDS) as (keyof typeof STANCE_DETAIL_FIELDS)[];

const NODE_KEYS: Key[] = [
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'title', for: 'node', name: 'title', type: 'string' },
  { id: 'description', for: 'node', name: 'description', type: 'string' },
  { id: 'crisis', for: 'node', name: 'crisis', type: 'string' },
  { id: 'likelihood', for: 'node', name: 'likelihood', type: 'int' },
  { id: 'severity', for: 'node', name: 'severity', type: 'int' },
  { id: 'horizon', for: 'node', name: 'horizon', type: 'string' },
  { id: 'lead_actor', for: 'node', name: 'lead actor', type: 'string' },
  { id: 'response_status', for: 'node', name: 'response status', type: 'string' },
  ...JUDGED_NODE_FIELDS.map((f): Key => ({ id: `basis_${f}`, for: 'node', name: `basis ${f}`, type: 'string' })),
];
const EDGE_KEYS: Key[] = [
  { id: 'edge_kind', for: 'edge', name: 'kind', type: 'string' },
  { id: 'edge_label', for: 'edge', name: 'label', type: 'string' },
  { id: 'confidence', for: 'edge', name: 'confidence', type: 'string' },
  ...JUDGED_EDGE_FIELDS.map((f): Key => ({ id: `edge_basis_${f}`, for: 'edge', name: `basis ${f}`, type: 'string' })),
];

/** `marking` is written as the graph's `marking` data. */
export function renderGraphml(doc: ScenarioDocument, scope: ExportScope, marking = ''): string {
  const scoped = scopedGraph(doc, scope);
  // Positions as in the SVG, so crises stacked one below another do not overlap in yEd.
  const boxes = new Map(diagramGeometry(doc, scope).nodes.map((b) => [b.node.id, b]));
  const actors = [...doc.actors].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1));
  const actorById = new Map(actors.map((a) => [a.id, a]));
  // Key ids are ours (stance_0, stance_1…); the actor's name goes in attr.name, escaped.
  // Beside each actor's position: who holds it, as of when, on what basis, and its note.
  const stanceKeys: Key[] = actors.flatMap((a, i): Key[] => [
    { id: `stance_${i}`, for: 'node', name: `stance ${a.code}`, type: 'string' },
    ...STANCE_DETAILS.map((d): Key => ({ id: `stance_${d}_${i}`, for: 'node', name: `stance ${d} ${a.code}`, type: 'string' })),
  ]);
  const stance = new Map(doc.stances.map((s) => [`${s.actorId}\u0000${s.elementId}`, s]));
  const keyEl = (k: Key): Markup => el('key', { id: k.id, for: k.for, 'attr.name': k.name, 'attr.type': k.type });
  const data = (key: string, value: string | number | null): Markup | null => (value === null || value === '' ? null : el('data', { key }, text(String(value))));
  const present = (items: (Markup | null)[]): Markup[] => items.filter((m): m is Markup => m !== null);

  const nodes = scoped.nodes.map((n) => {
    const s = KIND_STYLE[n.kind];
    const lead = n.leadActorId === null ? null : (actorById.get(n.leadActorId)?.code ?? n.leadActorId);
    return el(
      'node',
      { id: n.id },
      present([
        data('kind', n.kind),
        data('title', n.title),
        data('description', n.description),
        data('crisis', n.crisisId),
        data('likelihood', n.likelihood),
        data('severity', n.severity),
        data('horizon', n.horizon),
        data('lead_actor', lead),
        data('response_status', n.responseStatus),
        ...JUDGED_NODE_FIELDS.map((f) => data(`basis_${f}`, n.basis[f] ?? null)),
        ...actors.flatMap((a, i) => {
          const st = stance.get(`${a.id}\u0000${n.id}`);
          return [data(`stance_${i}`, st?.position ?? null), ...STANCE_DETAILS.map((d) => data(`stance_${d}_${i}`, st ? st[STANCE_DETAIL_FIELDS[d]] : null))];
        }),
      ]),
      el(
        'data',
        { key: 'yfiles_node' },
        el(
          'y:ShapeNode',
          {},
          el('y:Geometry', { x: num(boxes.get(n.id)?.x ?? n.x), y: num(boxes.get(n.id)?.y ?? n.y), width: num(n.width), height: num(n.height) }),
          el('y:Fill', { color: s.fill, transparent: 'false' }),
          el('y:BorderStyle', { color: s.stroke, type: 'line', width: s.strokeWidth }),
          el('y:NodeLabel', { alignment: 'center', autoSizePolicy: 'content', fontSize: 12, modelName: 'internal', modelPosition: 'c', textColor: s.text }, text(n.title)),
          el('y:Shape', { type: s.yedShape }),
        ),
      ),
    );
  });
  const edges = scoped.edges.map((e) => {
    const s = EDGE_STYLE[e.kind];
    return el(
      'edge',
      { id: e.id, source: e.source, target: e.target },
      present([
        data('edge_kind', e.kind),
        data('edge_label', e.label),
        data('confidence', e.confidence),
        ...JUDGED_EDGE_FIELDS.map((f) => data(`edge_basis_${f}`, e.basis[f] ?? null)),
      ]),
      el(
        'data',
        { key: 'yfiles_edge' },
        el(
          'y:PolyLineEdge',
          {},
          el('y:LineStyle', { color: s.stroke, type: s.dash ? 'dashed' : 'line', width: 1.5 }),
          el('y:Arrows', { source: 'none', target: 'standard' }),
          (e.label.trim() ? [el('y:EdgeLabel', { fontSize: 10, textColor: s.stroke }, text(e.label))] : []),
        ),
      ),
    );
  });
  const root = el(
    'graphml',
    {
      xmlns: 'http://graphml.graphdrawing.org/xmlns',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:y': 'http://www.yworks.com/xml/graphml',
      'xsi:schemaLocation': 'http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd',
    },
    [...NODE_KEYS, ...stanceKeys, ...EDGE_KEYS].map(keyEl),
    el('key', { id: 'yfiles_node', for: 'node', 'yfiles.type': 'nodegraphics' }),
    el('key', { id: 'yfiles_edge', for: 'edge', 'yfiles.type': 'edgegraphics' }),
    marking ? [el('key', { id: 'marking', for: 'graph', 'attr.name': 'marking', 'attr.type': 'string' })] : [],
    el('graph', { id: 'scenario', edgedefault: 'directed' }, present([marking ? data('marking', marking) : null]), nodes, edges),
  );
  return fragment([trusted('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'), root, trusted('\n')]);
}
