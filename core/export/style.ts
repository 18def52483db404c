/**
 * How each node and edge kind looks in every diagram export, and in the editor.
 * One table so the SVG, PDF, GraphML, Canvas and the UI never disagree on a colour.
 */
import type { EdgeKind, NodeKind } from '../model';

export type NodeShape = 'parallelogram' | 'octagon' | 'rounded' | 'stadium';

export interface KindStyle {
  label: string;
  shape: NodeShape;
  fill: string;
  stroke: string;
  strokeWidth: number;
  text: string;
  /** JSON Canvas preset colour ("1" red … "6" purple). */
  canvasColor: '1' | '2' | '3' | '4' | '5' | '6';
  /** yEd shape names for GraphML. */
  yedShape: string;
  /** Graphviz shape names for DOT. */
  dotShape: string;
}

export const KIND_STYLE: Readonly<Record<NodeKind, KindStyle>> = {
  trigger: {
    label: 'Trigger',
    shape: 'parallelogram',
    fill: '#fdf0cf',
    stroke: '#b7791f',
    strokeWidth: 1.5,
    text: '#4a3410',
    canvasColor: '3',
    yedShape: 'parallelogram',
    dotShape: 'parallelogram',
  },
  crisis: {
    label: 'Crisis',
    shape: 'octagon',
    fill: '#fbdcd8',
    stroke: '#b3261e',
    strokeWidth: 3,
    text: '#4d0f0b',
    canvasColor: '1',
    yedShape: 'octagon',
    dotShape: 'octagon',
  },
  impact: {
    label: 'Impact',
    shape: 'rounded',
    fill: '#fde4d2',
    stroke: '#d0561b',
    strokeWidth: 1.5,
    text: '#4f2107',
    canvasColor: '2',
    yedShape: 'roundrectangle',
    dotShape: 'box',
  },
  response: {
    label: 'Response',
    shape: 'stadium',
    fill: '#d7f2e1',
    stroke: '#1e7d45',
    strokeWidth: 1.5,
    text: '#0d3b20',
    canvasColor: '4',
    yedShape: 'ellipse',
    dotShape: 'ellipse',
  },
};

export interface EdgeStyle {
  label: string;
  stroke: string;
  /** SVG dash array; empty for a solid line. */
  dash: string;
}

export const EDGE_STYLE: Readonly<Record<EdgeKind, EdgeStyle>> = {
  'leads-to': { label: 'leads to', stroke: '#5b6270', dash: '' },
  averts: { label: 'averts', stroke: '#2457a6', dash: '6 4' },
  contains: { label: 'contains', stroke: '#1e7d45', dash: '2 3' },
};

/**
 * How a diagram shows the basis of a value drawn on a node (a likelihood or severity badge, a
 * lead chip): sourced values (report, inferred) get a solid outline, the rest (assumption,
 * planner, or none recorded) a dotted one, so a printed diagram tells them apart in black and
 * white. The legend explains both.
 */
export const BASIS_STYLE = {
  sourced: { dash: '', label: 'solid badge: from a source (report, inferred)' },
  unsourced: { dash: '2 2', label: 'dotted badge: assumption or planner' },
  outline: '#3c4350',
} as const;

/**
 * Latin faces first, then CJK fallbacks: viewers pick the first listed font that has each
 * character, so Latin text stays in a compact Latin face (CJK faces are large and slow to
 * rasterise) and Chinese, Japanese and Korean fall through to whichever CJK font exists.
 */
export const FONT_STACK =
  '"Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Microsoft YaHei", "Hiragino Sans", sans-serif';

export const DIAGRAM_COLORS = {
  background: '#ffffff',
  title: '#1d2330',
  sectionTitle: '#2f3747',
  muted: '#5b6270',
  sectionRule: '#d5d9e0',
  badgeFill: '#ffffff',
  labelHalo: '#ffffff',
  markingFill: '#e9ecf1',
  markingText: '#111111',
} as const;
