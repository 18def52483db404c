/**
 * JSON Canvas 1.0 (jsoncanvas.org): a text node per graph node with its stored position and
 * size, coloured by kind with the spec's preset colours; a group node per crisis (id `crisis:<id>`,
 * which no node id can equal since ids never contain `:`); and edges
 * with labels. Node text is Markdown, so titles pass through `markdown()`; the importer
 * reverses that escaping.
 */
import type { ScenarioDocument } from '../model';
import { markdown } from './escape';
import { scopedGraph, type ExportScope } from './scope';
import { KIND_STYLE } from './style';
import { maxOf, minOf } from '../arrays';

export interface CanvasTextNode {
  id: string;
  type: 'text';
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
}

export interface CanvasGroupNode {
  id: string;
  type: 'group';
  label?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color?: string;
}

export interface CanvasEdge {
  id: string;
  fromNode: string;
  toNode: string;
  fromSide?: 'top' | 'right' | 'bottom' | 'left';
  toSide?: 'top' | 'right' | 'bottom' | 'left';
  fromEnd?: 'none' | 'arrow';
  toEnd?: 'none' | 'arrow';
  color?: string;
  label?: string;
}

export interface JsonCanvas {
  nodes: (CanvasTextNode | CanvasGroupNode)[];
  edges: CanvasEdge[];
}

const GROUP_PAD = 40;
const GROUP_GAP = 120;

/** The id of the text node that carries a marked export's marking (the importer leaves it out). */
export const CANVAS_MARKING_ID = 'marking';

/**
 * Positions are integers in the spec; crises are stacked so their groups never overlap. A
 * marked export starts with a text node holding the marking, above everything else.
 */
export function canvasDocument(doc: ScenarioDocument, scope: ExportScope, marking = ''): JsonCanvas {
  const scoped = scopedGraph(doc, scope);
  const nodes: JsonCanvas['nodes'] = [];
  if (marking) nodes.push({ id: CANVAS_MARKING_ID, type: 'text', text: `**${markdown(marking)}**`, x: 0, y: -100, width: 600, height: 60 });
  let top = 0;
  for (const section of scoped.sections) {
    const xs = section.nodes.map((n) => n.x);
    const ys = section.nodes.map((n) => n.y);
    const minX = minOf(xs, 0);
    const minY = minOf(ys, 0);
    const maxX = maxOf(section.nodes.map((n) => n.x + n.width), 200);
    const maxY = maxOf(section.nodes.map((n) => n.y + n.height), 100);
    const dx = GROUP_PAD - minX;
    const dy = top + GROUP_PAD - minY;
    const groupHeight = Math.ceil(maxY - minY + GROUP_PAD * 2);
    nodes.push({ id: `crisis:${section.crisis.id}`, type: 'group', label: section.crisis.title, x: 0, y: Math.round(top), width: Math.ceil(maxX - minX + GROUP_PAD * 2), height: groupHeight });
    for (const n of section.nodes) {
      nodes.push({
        id: n.id,
        type: 'text',
        text: markdown(n.title),
        x: Math.round(n.x + dx),
        y: Math.round(n.y + dy),
        width: Math.round(n.width),
        height: Math.round(n.height),
        color: KIND_STYLE[n.kind].canvasColor,
      });
    }
    top += groupHeight + GROUP_GAP;
  }
  const edges = scoped.edges.map((e): CanvasEdge => {
    const edge: CanvasEdge = { id: e.id, fromNode: e.source, toNode: e.target, toEnd: 'arrow' };
    if (e.label.trim()) edge.label = e.label;
    return edge;
  });
  return { nodes, edges };
}

export function renderCanvas(doc: ScenarioDocument, scope: ExportScope, marking = ''): string {
  return `${JSON.stringify(canvasDocument(doc, scope, marking), null, 2)}\n`;
}
