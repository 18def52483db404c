/**
 * The canvas's Tab walk. From the canvas surface, Tab visits each node in reading order (left to
 * right, then top to bottom) and then each edge (by its source, then its target), giving each
 * real focus so a screen reader reads its name ("crisis: Refugee exodus", "Refugee exodus →
 * Camps overwhelmed, leads to") and selecting it so the inspector shows it. Past the last edge,
 * Tab leaves for the canvas's controls and then the next region; Shift+Tab walks back to the
 * surface and on to the palette. Focus is never trapped: every step has a way on and back.
 */
import type { ScenarioDocument } from '../../../core/model';
import { FOCUSABLE } from '../shell/regions';

export interface WalkStop {
  kind: 'node' | 'edge';
  id: string;
}

/** Every stop of the walk for the crisis, in order. */
export function walkOrder(doc: ScenarioDocument, crisisId: string): WalkStop[] {
  const nodes = doc.nodes.filter((n) => n.crisisId === crisisId).sort((a, b) => a.x - b.x || a.y - b.y);
  const rank = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = doc.edges
    .filter((e) => e.crisisId === crisisId)
    .sort((a, b) => (rank.get(a.source) ?? 0) - (rank.get(b.source) ?? 0) || (rank.get(a.target) ?? 0) - (rank.get(b.target) ?? 0));
  return [...nodes.map((n): WalkStop => ({ kind: 'node', id: n.id })), ...edges.map((e): WalkStop => ({ kind: 'edge', id: e.id }))];
}

/** Whether an element is in the part of the window a workbench owns (see Workbench.owns). */
export type Owns = (element: Element | null) => boolean;

/** The canvas surface of the workbench that owns it: the window may show two (the live one, and a past state beside it). */
export function canvasPane(owns: Owns): HTMLElement | null {
  for (const surface of document.querySelectorAll<HTMLElement>('[data-testid="canvas"] .react-flow')) if (owns(surface)) return surface;
  return null;
}

/** The element a stop is drawn as, when React Flow has it mounted. */
export function stopElement(stop: WalkStop, owns: Owns): HTMLElement | SVGElement | null {
  const selector = stop.kind === 'node' ? `.react-flow__node[data-id="${CSS.escape(stop.id)}"]` : `.react-flow__edge[data-id="${CSS.escape(stop.id)}"]`;
  return canvasPane(owns)?.querySelector<HTMLElement | SVGElement>(selector) ?? null;
}

/**
 * Where the walk stands: on a stop (focus on a node or an edge), at the surface (focus on the
 * canvas itself), on the first control after the walk (where Tab left it, so Shift+Tab comes back
 * into it at its end), or outside the walk (null; with focus nowhere, Tab takes the window's order).
 */
export function walkPosition(active: Element | null, owns: Owns): WalkStop | 'surface' | 'after' | null {
  const surface = canvasPane(owns);
  if (!surface || !active) return null;
  if (active === surface) return 'surface';
  if (active === firstAfterWalk(surface)) return 'after';
  if (!surface.contains(active)) return null;
  const node = active.closest('.react-flow__node');
  if (node === active) return { kind: 'node', id: node.getAttribute('data-id') ?? '' };
  const edge = active.closest('.react-flow__edge');
  if (edge === active) return { kind: 'edge', id: edge.getAttribute('data-id') ?? '' };
  return null;
}

/** The first control after the walk: the canvas's zoom controls, minimap toggle or legend, else whatever follows the canvas. */
function firstAfterWalk(surface: HTMLElement): HTMLElement | undefined {
  const viewport = surface.querySelector('.react-flow__viewport');
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
  return all.find((el) => el !== surface && !viewport?.contains(el) && surface.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) ?? all[0];
}

/** Tab past the last edge: on to the first control after the walk. */
export function leaveForward(owns: Owns): void {
  const surface = canvasPane(owns);
  if (surface) firstAfterWalk(surface)?.focus();
}

/** Escape on a node or an edge steps back out to the canvas surface. */
export function backToSurface(owns: Owns): void {
  const at = walkPosition(document.activeElement, owns);
  if (at !== null && typeof at === 'object') canvasPane(owns)?.focus({ preventScroll: true });
}
