/**
 * The connection rules: which node kinds may be joined, and with which edge kind.
 * Enforced by the store, the importers and the editor alike.
 */
import type { EdgeKind, NodeKind } from './model/graph';

const RULES: Record<NodeKind, Partial<Record<NodeKind, EdgeKind>>> = {
  trigger: { trigger: 'leads-to', crisis: 'leads-to' },
  crisis: { impact: 'leads-to' },
  impact: { impact: 'leads-to' },
  response: { trigger: 'averts', crisis: 'averts', impact: 'contains' },
};

/** The edge kind a `from` → `to` edge must have, or undefined when the two may not be joined. */
export function edgeKindFor(from: NodeKind, to: NodeKind): EdgeKind | undefined {
  return RULES[from][to];
}

export type ConnectionCheck = { ok: true; kind: EdgeKind } | { ok: false; reason: string };

/** The edge kind implied by joining `from` to `to`, or why they cannot be joined. */
export function inferEdgeKind(from: NodeKind, to: NodeKind): ConnectionCheck {
  const kind = edgeKindFor(from, to);
  if (kind) return { ok: true, kind };
  return { ok: false, reason: connectionRefusal(from, to) };
}

export function checkConnection(
  from: { id: string; kind: NodeKind; crisisId: string },
  to: { id: string; kind: NodeKind; crisisId: string },
  kind?: EdgeKind,
): ConnectionCheck {
  if (from.id === to.id) return { ok: false, reason: 'A node cannot connect to itself.' };
  if (from.crisisId !== to.crisisId) return { ok: false, reason: 'Both ends must be in the same crisis.' };
  const inferred = inferEdgeKind(from.kind, to.kind);
  if (!inferred.ok) return inferred;
  if (kind !== undefined && kind !== inferred.kind) {
    return { ok: false, reason: `A ${from.kind} → ${to.kind} edge is "${inferred.kind}", not "${kind}".` };
  }
  return inferred;
}

function connectionRefusal(from: NodeKind, to: NodeKind): string {
  const allowed = Object.keys(RULES[from]) as NodeKind[];
  const targets = allowed.length ? allowed.map(article).join(' or ') : 'nothing';
  const subject = article(from);
  return `${subject[0]!.toUpperCase()}${subject.slice(1)} cannot connect to ${article(to)}: it may connect to ${targets}.`;
}

function article(kind: NodeKind): string {
  return kind === 'impact' ? 'an impact' : `a ${kind}`;
}

/** Every allowed (from, to, kind) triple, for docs and tests. */
export function allowedConnections(): { from: NodeKind; to: NodeKind; kind: EdgeKind }[] {
  return (Object.keys(RULES) as NodeKind[]).flatMap((from) =>
    (Object.entries(RULES[from]) as [NodeKind, EdgeKind][]).map(([to, kind]) => ({ from, to, kind })),
  );
}
