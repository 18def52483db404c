/**
 * How each node and edge kind looks in every diagram export, and in the editor.
 * One table so the SVG, PDF, GraphML, Canvas and the UI never disagree on a colour.
 */
import { CJK_LANGUAGES, type CjkLanguage, type EdgeKind, type NodeKind } from '../model';

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

/** Each CJK language's faces, the Noto CJK one (as Linux installs it) first, then macOS's and Windows's. */
export const CJK_FACES: Record<CjkLanguage, readonly string[]> = {
  ja: ['Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', 'Meiryo'],
  ko: ['Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic'],
  'zh-Hans': ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei'],
  'zh-Hant': ['Noto Sans CJK TC', 'PingFang TC', 'Microsoft JhengHei'],
};

const LATIN_FACES = ['Noto Sans', 'DejaVu Sans', 'Liberation Sans', 'Arial'];

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
 * The font list for text in the scenario's language. Viewers that fall back glyph by glyph
 * through the list (browsers: the canvas, the HTML brief) get the Latin faces first, so Latin
 * text stays in a compact Latin face, then the CJK faces with the scenario's language first, so
 * Han characters take that language's glyph forms (Japanese is not drawn with Chinese forms).
 * The diagram ('diagram') puts the language's CJK face first when there is one: resvg, which
 * draws the PNG, sets a whole run in the first family it finds and falls back to any face with
 * the glyph (a serif one, here), and a CJK face has Latin glyphs too. Without a language (no CJK
 * text) the Chinese (Simplified) faces close the list, as before. Names are left unquoted (all
 * are plain identifiers): resvg drops the whole list when a quoted first name is not installed.
 * One source for the canvas, SVG, PNG and HTML.
 */
export function fontStack(language: CjkLanguage | null, use: 'text' | 'diagram' = 'text'): string {
  const cjk = [language ?? 'zh-Hans', ...CJK_LANGUAGES.filter((l) => l !== (language ?? 'zh-Hans'))].flatMap((l) => CJK_FACES[l]);
  const faces = language && use === 'diagram' ? [...CJK_FACES[language], ...LATIN_FACES, ...cjk.slice(CJK_FACES[language].length)] : [...LATIN_FACES, ...cjk];
  return [...faces, 'sans-serif'].join(', ');
}

export const FONT_STACK = fontStack(null);

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
