/**
 * JSON Canvas 1.0 import. Text nodes become graph nodes (of the chosen kind, or, when no
 * kind is chosen, the kind our own exporter encodes in the preset colour); group nodes
 * become crises and hold the text nodes whose centres they contain; edges are kept when
 * the connection rules allow them and otherwise listed in `warnings`. The canvas is
 * validated field by field, and errors name the path, e.g. `nodes[3].x`.
 */
import { z } from 'zod';
import { LIMITS, NODE_KINDS, blankNode, formatPath, type GraphEdge, type GraphNode, type NodeKind, type ScenarioDocument } from '../model';
import { checkConnection } from '../rules';
import { CANVAS_MARKING_ID } from '../export/canvas';
import { unescapeMarkdown } from '../export/escape';
import { KIND_STYLE } from '../export/style';
import { oneLineText, truncate } from '../export/text';
import { emptyDocument, finishImport, importFailure, newCrisis, type ImportResult } from './result';

export interface CanvasImportOptions {
  /** The kind every text node becomes. Omitted: from our preset colours, else trigger. */
  kind?: NodeKind;
  /** The crisis for text nodes outside any group. */
  crisisTitle?: string;
  title?: string;
  now?: string;
}

const Side = z.enum(['top', 'right', 'bottom', 'left']);
const End = z.enum(['none', 'arrow']);
const Base = { id: z.string().min(1), x: z.number().finite(), y: z.number().finite(), width: z.number().finite(), height: z.number().finite(), color: z.string().optional() };
const CanvasNode = z.discriminatedUnion('type', [
  z.object({ ...Base, type: z.literal('text'), text: z.string() }),
  z.object({ ...Base, type: z.literal('file'), file: z.string(), subpath: z.string().optional() }),
  z.object({ ...Base, type: z.literal('link'), url: z.string() }),
  z.object({ ...Base, type: z.literal('group'), label: z.string().optional(), background: z.string().optional(), backgroundStyle: z.enum(['cover', 'ratio', 'repeat']).optional() }),
]);
const CanvasEdge = z.object({
  id: z.string().min(1),
  fromNode: z.string(),
  toNode: z.string(),
  fromSide: Side.optional(),
  toSide: Side.optional(),
  fromEnd: End.optional(),
  toEnd: End.optional(),
  color: z.string().optional(),
  label: z.string().optional(),
});
export const JsonCanvasSchema = z.object({ nodes: z.array(CanvasNode).max(1_000_000).default([]), edges: z.array(CanvasEdge).max(1_000_000).default([]) });
type CanvasNode = z.infer<typeof CanvasNode>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function forbiddenKeyPath(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = forbiddenKeyPath(value[i], [...path, i]);
      if (hit) return hit;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) return [...path, key];
      const hit = forbiddenKeyPath(inner, [...path, key]);
      if (hit) return hit;
    }
  }
  return null;
}

const KIND_BY_COLOR = new Map<string, NodeKind>(NODE_KINDS.map((k) => [KIND_STYLE[k].canvasColor, k]));
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

function titleAndDescription(text: string): { title: string; description: string } {
  const lines = unescapeMarkdown(text).split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first === -1) return { title: 'Untitled', description: '' };
  const title = truncate(oneLineText(lines[first]!.replace(/^#{1,6}\s+/, '')), LIMITS.title) || 'Untitled';
  const description = lines.slice(first + 1).join('\n').trim().slice(0, LIMITS.description);
  return { title, description };
}

export function importCanvas(text: string, options: CanvasImportOptions = {}): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return importFailure(`Not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const forbidden = forbiddenKeyPath(raw, []);
  if (forbidden) return importFailure(`${formatPath(forbidden)}: the key "${String(forbidden.at(-1))}" is not allowed`);
  const parsed = JsonCanvasSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return importFailure(`${formatPath(issue.path.filter((p): p is string | number => typeof p !== 'symbol')) || 'canvas'}: ${issue.message}`);
  }
  const canvas = parsed.data;
  const doc = emptyDocument({ title: options.title ?? 'Imported canvas', now: options.now ?? new Date().toISOString() });
  const warnings: string[] = [];
  const sourceIndex: number[] = [];

  const usedIds = new Set<string>();
  const idFor = (canvasId: string, prefix: string): string => {
    let id = SAFE_ID.test(canvasId) ? canvasId : `${prefix}-${canvasId.replace(/[^A-Za-z0-9_-]+/g, '').slice(0, 40) || 'x'}`;
    for (let n = 2; usedIds.has(id); n++) id = `${id.slice(0, 58)}-${n}`;
    usedIds.add(id);
    return id;
  };

  const groups = canvas.nodes.filter((n): n is Extract<CanvasNode, { type: 'group' }> => n.type === 'group');
  // Smaller groups first, so a node in nested groups joins the innermost one.
  const groupsBySize = [...groups].sort((a, b) => a.width * a.height - b.width * b.height);
  const crisisOfGroup = new Map<string, string>();
  const crisisFor = (node: CanvasNode): string => {
    const cx = node.x + node.width / 2;
    const cy = node.y + node.height / 2;
    const group = groupsBySize.find((g) => cx >= g.x && cx <= g.x + g.width && cy >= g.y && cy <= g.y + g.height);
    const key = group ? group.id : '';
    let crisisId = crisisOfGroup.get(key);
    if (!crisisId) {
      crisisId = idFor(group ? group.id.replace(/^crisis:/, '') : 'canvas', 'crisis');
      const title = group ? truncate(oneLineText(group.label ?? ''), LIMITS.title) || 'Untitled group' : (options.crisisTitle ?? 'Imported canvas');
      doc.crises.push(newCrisis(crisisId, title, doc.crises.length));
      crisisOfGroup.set(key, crisisId);
    }
    return crisisId;
  };

  const nodeByCanvasId = new Map<string, GraphNode>();
  canvas.nodes.forEach((cn, index) => {
    if (cn.type === 'group' || cn.id === CANVAS_MARKING_ID) return;
    if (cn.type !== 'text') {
      warnings.push(`nodes[${index}]: a ${cn.type} node was left out; only text nodes become graph nodes`);
      return;
    }
    const kind = options.kind ?? KIND_BY_COLOR.get(cn.color ?? '') ?? 'trigger';
    const { title, description } = titleAndDescription(cn.text);
    const node: GraphNode = {
      ...blankNode(kind, crisisFor(cn), idFor(cn.id, 'node'), { x: Math.round(cn.x), y: Math.round(cn.y) }),
      title,
      description,
      width: Math.min(10_000, Math.max(1, cn.width)),
      height: Math.min(10_000, Math.max(1, cn.height)),
    };
    doc.nodes.push(node);
    sourceIndex.push(index);
    nodeByCanvasId.set(cn.id, node);
  });

  const edgeIndex: number[] = [];
  canvas.edges.forEach((ce, index) => {
    const from = nodeByCanvasId.get(ce.fromNode);
    const to = nodeByCanvasId.get(ce.toNode);
    if (!from || !to) {
      warnings.push(`edges[${index}]: left out, it does not join two text nodes`);
      return;
    }
    const check = checkConnection(from, to);
    if (!check.ok) {
      warnings.push(`edges[${index}]: left out, ${check.reason}`);
      return;
    }
    const edge: GraphEdge = { id: idFor(ce.id, 'edge'), crisisId: from.crisisId, source: from.id, target: to.id, kind: check.kind, label: truncate(oneLineText(ce.label ?? ''), LIMITS.shortText), confidence: null, basis: { kind: 'planner' } };
    doc.edges.push(edge);
    edgeIndex.push(index);
  });

  return finishImport(doc as ScenarioDocument, warnings, (path) => {
    const [list, i, ...rest] = path;
    if (list === 'nodes' && typeof i === 'number') return formatPath(['nodes', sourceIndex[i] ?? i, ...rest.map((p) => (p === 'title' ? 'text' : p))]);
    if (list === 'edges' && typeof i === 'number') return formatPath(['edges', edgeIndex[i] ?? i, ...rest]);
    return formatPath(path);
  });
}
