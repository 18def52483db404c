/** Nodes and edges of a crisis graph: trigger → crisis → impact → response. */
import { z } from 'zod';
import { EDIT_BASIS, EdgeBasis, IsoDate, JUDGED_NODE_FIELDS, NodeBasis } from './basis';
import { Coord, Horizon, Id, LongText, Score, ShortText, Size, Tags, Title } from './primitives';

export const NODE_KINDS = ['trigger', 'crisis', 'impact', 'response'] as const;
export const NodeKind = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKind>;

export const RESPONSE_STATUSES = ['idea', 'proposed', 'agreed', 'in-place'] as const;
export const ResponseStatus = z.enum(RESPONSE_STATUSES);
export type ResponseStatus = z.infer<typeof ResponseStatus>;

export const EDGE_KINDS = ['leads-to', 'averts', 'contains'] as const;
export const EdgeKind = z.enum(EDGE_KINDS);
export type EdgeKind = z.infer<typeof EdgeKind>;

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

/** Fields every node has. Kind-specific fields are null (or empty) where they do not apply. */
const NodeFields = z.strictObject({
  id: Id,
  crisisId: Id,
  kind: NodeKind,
  title: Title,
  description: LongText,
  tags: Tags,
  x: Coord,
  y: Coord,
  width: Size,
  height: Size,
  /** 1-5, triggers and crises only; null = unscored. */
  likelihood: Score.nullable(),
  /** 1-5, impacts only; null = unscored. */
  severity: Score.nullable(),
  horizon: Horizon.nullable(),
  /** Responses only. */
  leadActorId: Id.nullable(),
  supportingActorIds: z.array(Id).max(100),
  responseStatus: ResponseStatus.nullable(),
  leadTime: Horizon.nullable(),
  /** Where each set judged value comes from. */
  basis: NodeBasis,
  /** When the response status was true (YYYY-MM-DD); responses only. */
  statusAsOf: IsoDate.nullable(),
  /** Why a coverage gap here is accepted; null = not accepted. */
  gapAccepted: LongText.nullable(),
  /** Triggers only: no response can avert it (a typhoon). */
  unavertable: z.boolean(),
});

export const GraphNode = NodeFields.superRefine((node, ctx) => {
  for (const issue of nodeKindIssues(node)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
});
export type GraphNode = z.infer<typeof NodeFields>;

/** The editable fields of a node; id, crisis and kind never change through a patch. */
export const NodePatch = NodeFields.omit({ id: true, crisisId: true, kind: true }).partial();
export type NodePatch = z.infer<typeof NodePatch>;

export function nodeKindIssues(node: GraphNode): { field: keyof GraphNode; message: string }[] {
  const issues: { field: keyof GraphNode; message: string }[] = [];
  const scored = node.kind === 'trigger' || node.kind === 'crisis';
  if (!scored && node.likelihood !== null) issues.push({ field: 'likelihood', message: `a ${node.kind} has no likelihood` });
  if (node.kind !== 'impact' && node.severity !== null) issues.push({ field: 'severity', message: `a ${node.kind} has no severity` });
  if (node.kind !== 'response') {
    if (node.leadActorId !== null) issues.push({ field: 'leadActorId', message: `a ${node.kind} has no lead actor` });
    if (node.supportingActorIds.length > 0) issues.push({ field: 'supportingActorIds', message: `a ${node.kind} has no supporting actors` });
    if (node.responseStatus !== null) issues.push({ field: 'responseStatus', message: `a ${node.kind} has no response status` });
    if (node.leadTime !== null) issues.push({ field: 'leadTime', message: `a ${node.kind} has no lead time` });
    if (node.statusAsOf !== null) issues.push({ field: 'statusAsOf', message: `a ${node.kind} has no response status date` });
  }
  if (node.kind !== 'trigger' && node.unavertable) issues.push({ field: 'unavertable', message: `only a trigger can be unavertable` });
  for (const field of JUDGED_NODE_FIELDS) {
    if (node.basis[field] !== undefined && node[field] === null) issues.push({ field: 'basis', message: `a basis for ${field}, which is not set` });
  }
  return issues;
}

export const NODE_DEFAULT_SIZE: Record<NodeKind, { width: number; height: number }> = {
  // Tall enough for the kind line, two lines of title, and the badge and stance line.
  trigger: { width: 200, height: 84 },
  crisis: { width: 220, height: 96 },
  impact: { width: 200, height: 84 },
  response: { width: 220, height: 92 },
};

/** A blank node of a kind, ready for `node.create`. */
export function blankNode(kind: NodeKind, crisisId: string, id: string, at: { x: number; y: number }): GraphNode {
  const size = NODE_DEFAULT_SIZE[kind];
  return {
    id,
    crisisId,
    kind,
    title: `New ${kind}`,
    description: '',
    tags: [],
    x: at.x,
    y: at.y,
    width: size.width,
    height: size.height,
    // New nodes start unscored: a number nobody chose would look like a judgement.
    likelihood: null,
    severity: null,
    horizon: null,
    leadActorId: null,
    supportingActorIds: [],
    responseStatus: kind === 'response' ? 'idea' : null,
    leadTime: null,
    basis: kind === 'response' ? { responseStatus: 'planner' } : {},
    statusAsOf: null,
    gapAccepted: null,
    unavertable: false,
  };
}

const EdgeFields = z.strictObject({
  id: Id,
  crisisId: Id,
  source: Id,
  target: Id,
  kind: EdgeKind,
  label: ShortText,
  confidence: Confidence.nullable(),
  /** Where its kind and its confidence (when set) come from. */
  basis: EdgeBasis,
});

export const GraphEdge = EdgeFields.superRefine((edge, ctx) => {
  if (edge.basis.confidence !== undefined && edge.confidence === null) {
    ctx.addIssue({ code: 'custom', path: ['basis'], message: 'a basis for confidence, which is not set' });
  }
});
export type GraphEdge = z.infer<typeof EdgeFields>;

export const EdgePatch = EdgeFields.pick({ label: true, confidence: true, basis: true }).partial();
export type EdgePatch = z.infer<typeof EdgePatch>;

/** A new edge a user draws: no label, no confidence, its kind the user's own judgement. */
export function blankEdge(id: string, crisisId: string, ends: { source: string; target: string; kind: EdgeKind }): GraphEdge {
  return { id, crisisId, source: ends.source, target: ends.target, kind: ends.kind, label: '', confidence: null, basis: { kind: EDIT_BASIS } };
}
