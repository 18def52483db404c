/**
 * The lossless JSON form of a scenario. Export is deterministic: keys in schema order, arrays
 * in the store's canonical order, two-space indent. Import treats the text as hostile: prototype
 * keys are refused before zod sees the value, then the schema, then the referential checks.
 */
import { z } from 'zod';
import { AppError, oneLine, type AppErrorShape } from '../core/errors';
import {
  Actor, Crisis, EdgeBasis, GraphEdge, GraphNode, NodeBasis, Provenance, ScenarioDocument, ScenarioMeta, Source, Stance, Viewport, formatPath, upgradeDocument,
} from '../core/model';
import { validateDocument } from './validate-document';

const keysOf = (schema: { shape: Record<string, unknown> }): string[] => Object.keys(schema.shape);

const ORDER = {
  document: keysOf(ScenarioDocument),
  scenario: keysOf(ScenarioMeta),
  actors: keysOf(Actor),
  crises: keysOf(Crisis),
  viewport: keysOf(Viewport),
  nodes: keysOf(GraphNode),
  nodeBasis: keysOf(NodeBasis),
  edges: keysOf(GraphEdge),
  edgeBasis: keysOf(EdgeBasis),
  stances: keysOf(Stance),
  sources: keysOf(Source),
  provenance: keysOf(Provenance),
} as const;

function ordered(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value) out[key] = value[key];
  return out;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byOrderThenId = <T extends { id: string; order: number }>(a: T, b: T): number => a.order - b.order || byId(a, b);

/** The canonical form: the array order load() returns, so export(load()) and export(import(x)) agree. */
export function canonicalDocument(doc: ScenarioDocument): ScenarioDocument {
  return {
    ...doc,
    actors: [...doc.actors].sort(byOrderThenId),
    crises: [...doc.crises].sort(byOrderThenId),
    nodes: [...doc.nodes].sort(byId),
    edges: [...doc.edges].sort(byId),
    stances: doc.stances
      .filter((s) => s.position !== 'unknown' || s.note !== '')
      .sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : a.elementId < b.elementId ? -1 : a.elementId > b.elementId ? 1 : 0)),
    sources: [...doc.sources].sort(byId),
    provenance: [...doc.provenance].sort(byId),
  };
}

export function exportDocumentJson(doc: ScenarioDocument): string {
  const c = canonicalDocument(doc);
  const shaped = ordered(
    {
      ...c,
      scenario: ordered(c.scenario, ORDER.scenario),
      actors: c.actors.map((a) => ordered(a, ORDER.actors)),
      crises: c.crises.map((x) => ({ ...ordered(x, ORDER.crises), viewport: ordered(x.viewport, ORDER.viewport) })),
      nodes: c.nodes.map((n) => ({ ...ordered(n, ORDER.nodes), basis: ordered(n.basis, ORDER.nodeBasis) })),
      edges: c.edges.map((e) => ({ ...ordered(e, ORDER.edges), basis: ordered(e.basis, ORDER.edgeBasis) })),
      stances: c.stances.map((s) => ordered(s, ORDER.stances)),
      sources: c.sources.map((s) => ordered(s, ORDER.sources)),
      provenance: c.provenance.map((p) => ordered(p, ORDER.provenance)),
    },
    ORDER.document,
  );
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any scenario document (which nests about 4 levels): refused, not walked. */
const MAX_DEPTH = 64;

/**
 * The first prototype-polluting key or over-deep nesting, depth first, or null. Walked with an
 * explicit stack, so a hostile file nested a million levels deep cannot overflow the call stack.
 */
function findHostileShape(root: unknown): { path: (string | number)[]; problem: 'key' | 'depth' } | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) return { path, problem: 'depth' };
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (let k = entries.length - 1; k >= 0; k--) {
      const [key, child] = entries[k]!;
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) return { path: [...path, key], problem: 'key' };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

export function parseDocumentJson(text: string): { ok: true; document: ScenarioDocument } | { ok: false; error: AppErrorShape } {
  const fail = (message: string) => ({ ok: false as const, error: { code: 'IMPORT_INVALID' as const, message: oneLine(message) } });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(`Not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const hostile = findHostileShape(raw);
  if (hostile?.problem === 'depth') return fail(`nested too deeply at ${formatPath(hostile.path.slice(0, 8))}…`);
  if (hostile) return fail(`${formatPath(hostile.path)}: the key "${String(hostile.path.at(-1))}" is not allowed`);
  try {
    return { ok: true, document: validateDocument(upgradeDocument(raw), 'IMPORT_INVALID') };
  } catch (err) {
    if (err instanceof AppError) return fail(err.message);
    throw err;
  }
}

/** JSON Schema (draft 2020-12) of the JSON format, generated from the zod schema; committed as docs/scenario-json.schema.json. */
export function documentJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioDocument, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = schema;
  const titled = { $schema, $id: 'https://scenario-workbench.invalid/scenario-json.schema.json', title: 'Scenario Workbench document', ...rest };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
