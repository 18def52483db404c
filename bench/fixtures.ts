/**
 * Big, valid, reproducible scenario documents for benchmarks and stress tests. The same
 * options and seed always give the same document, byte for byte, and every document passes
 * the schema and documentIssues (connection rules included).
 *
 * Shape per crisis: 20% triggers, 5% crisis nodes, 25% responses, the rest impacts. A
 * backbone gives every crisis node a trigger, every impact a cause and (almost) every
 * response a target; random extra edges then bring the crisis to its edge budget, a few of
 * them pointing backwards so trigger and impact cycles occur as they do in real files.
 * Some scores and leads are left empty, and some responses target nothing, so gaps exist.
 */
import { BASES, DEFAULT_ACTORS, DEFAULT_VIEWPORT, NODE_DEFAULT_SIZE, RESPONSE_STATUSES, emptyDocument, uniformNodeBasis } from '../core/model';
import type { Actor, Crisis, GraphEdge, GraphNode, NodeKind, ScenarioDocument, Stance } from '../core/model';

export interface GenerateOptions {
  crises: number;
  nodesPerCrisis: number;
  /** Edges per node: each crisis gets round(nodesPerCrisis × edgeFactor) edges. */
  edgeFactor: number;
  seed: number;
}

const TIMESTAMP = '2026-01-01T00:00:00.000Z';
const EXTRA_ACTORS: Actor[] = [
  { id: 'eu', name: 'European Union', code: 'EU', color: '#1f4e9c', order: 4 },
  { id: 'un', name: 'United Nations', code: 'UN', color: '#4a90c2', order: 5 },
];
const BACKWARD_SHARE = 0.03;
const ORPHAN_SHARE = 0.03;

/** Mulberry32: a small seeded PRNG, good enough for test data and fully deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDocument(options: GenerateOptions): ScenarioDocument {
  const { crises: crisisCount, nodesPerCrisis, edgeFactor, seed } = options;
  if (nodesPerCrisis < 4) throw new RangeError('nodesPerCrisis must be at least 4 (one node of each kind)');
  const random = seededRandom(seed);
  const actors = [...DEFAULT_ACTORS, ...EXTRA_ACTORS];
  const base = emptyDocument({ title: `Generated scenario (seed ${seed})`, now: TIMESTAMP });
  const doc: ScenarioDocument = {
    ...base,
    scenario: { ...base.scenario, description: `${crisisCount} crises × ${nodesPerCrisis} nodes, edge factor ${edgeFactor}.` },
    actors,
  };
  for (let k = 0; k < crisisCount; k++) {
    const crisis: Crisis = {
      id: `crisis-${k}`,
      title: `Crisis ${k + 1}`,
      region: `Region ${(k % 7) + 1}`,
      summary: '',
      status: 'active',
      viewport: DEFAULT_VIEWPORT,
      order: k,
    };
    doc.crises.push(crisis);
    new CrisisBuilder(doc, crisis.id, random).build(nodesPerCrisis, Math.round(nodesPerCrisis * edgeFactor));
  }
  return doc;
}

class CrisisBuilder {
  private readonly byKind: Record<NodeKind, GraphNode[]> = { trigger: [], crisis: [], impact: [], response: [] };
  private readonly pairs = new Set<string>();
  private edgeCount = 0;

  constructor(
    private readonly doc: ScenarioDocument,
    private readonly crisisId: string,
    private readonly random: () => number,
  ) {}

  build(nodeCount: number, edgeBudget: number): void {
    const crises = Math.max(1, Math.round(nodeCount * 0.05));
    const triggers = Math.max(1, Math.round(nodeCount * 0.2));
    const responses = Math.max(1, Math.round(nodeCount * 0.25));
    const impacts = Math.max(1, nodeCount - crises - triggers - responses);
    const plan: [NodeKind, number][] = [['trigger', triggers], ['crisis', crises], ['impact', impacts], ['response', responses]];
    let made = 0;
    for (const [kind, count] of plan) {
      for (let i = 0; i < count && made < nodeCount; i++, made++) this.addNode(kind, made);
    }
    this.backbone(edgeBudget);
    for (let attempts = 0; this.edgeCount < edgeBudget && attempts < edgeBudget * 20; attempts++) this.randomEdge();
    if (this.edgeCount < edgeBudget) throw new RangeError(`could not place ${edgeBudget} distinct edges in ${this.crisisId}`);
    this.addStances();
  }

  private addNode(kind: NodeKind, serial: number): void {
    const r = this.random;
    const scored = kind === 'trigger' || kind === 'crisis';
    const isResponse = kind === 'response';
    const lead = r() < 0.1 ? null : this.pickActor();
    const supporters = isResponse ? [...new Set([this.pickActor(), this.pickActor()])].filter((a) => a !== lead).slice(0, Math.floor(r() * 3)) : [];
    const node: GraphNode = {
      id: `${this.crisisId}-n${serial}`,
      crisisId: this.crisisId,
      kind,
      title: `${kind[0]!.toUpperCase()}${kind.slice(1)} ${serial + 1}`,
      description: '',
      tags: r() < 0.2 ? ['generated'] : [],
      x: (serial % 50) * 260,
      y: Math.floor(serial / 50) * 120,
      ...NODE_DEFAULT_SIZE[kind],
      likelihood: scored ? this.score() : null,
      severity: kind === 'impact' ? this.score() : null,
      horizon: null,
      leadActorId: isResponse ? lead : null,
      supportingActorIds: supporters,
      responseStatus: isResponse ? RESPONSE_STATUSES[Math.floor(r() * RESPONSE_STATUSES.length)]! : null,
      leadTime: null,
      basis: {},
      statusAsOf: null,
      gapAccepted: null,
      unavertable: false,
    };
    // Mixed bases, without drawing on the random stream (so the rest of the fixture is unchanged).
    node.basis = uniformNodeBasis(node, BASES[serial % BASES.length]!);
    this.byKind[kind].push(node);
    this.doc.nodes.push(node);
  }

  /** Every crisis node gets a trigger, every other trigger and every impact a cause, every
   *  response but a few a target, so the graph hangs together like a drawn one. */
  private backbone(edgeBudget: number): void {
    const { trigger, crisis, impact, response } = this.byKind;
    crisis.forEach((c, i) => this.connect(trigger[i % trigger.length]!, c));
    for (let i = crisis.length; i < trigger.length && this.edgeCount < edgeBudget; i++) {
      this.connect(trigger[i]!, this.random() < 0.7 ? this.pick(crisis) : trigger[Math.floor(this.random() * i)]!);
    }
    for (let i = 0; i < impact.length && this.edgeCount < edgeBudget; i++) {
      const cause = i === 0 || this.random() < 0.3 ? this.pick(crisis) : impact[Math.floor(this.random() * i)]!;
      this.connect(cause, impact[i]!);
    }
    for (const r of response) {
      if (this.edgeCount >= edgeBudget) break;
      if (this.random() >= ORPHAN_SHARE) this.connect(r, this.responseTarget());
    }
  }

  private randomEdge(): void {
    const { trigger, crisis, impact, response } = this.byKind;
    const roll = this.random();
    if (roll < 0.15) this.forward(trigger);
    else if (roll < 0.3) this.connect(this.pick(trigger), this.pick(crisis));
    else if (roll < 0.45) this.connect(this.pick(crisis), this.pick(impact));
    else if (roll < 0.75) this.forward(impact);
    else this.connect(this.pick(response), this.responseTarget());
  }

  /** An edge between two nodes of one kind, mostly from earlier to later so cycles stay rare. */
  private forward(list: GraphNode[]): void {
    if (list.length < 2) return;
    let a = Math.floor(this.random() * list.length);
    let b = Math.floor(this.random() * list.length);
    if (a === b) return;
    if (a > b !== this.random() < BACKWARD_SHARE) [a, b] = [b, a];
    this.connect(list[a]!, list[b]!);
  }

  private responseTarget(): GraphNode {
    const roll = this.random();
    const { trigger, crisis, impact } = this.byKind;
    return roll < 0.25 ? this.pick(trigger) : roll < 0.35 ? this.pick(crisis) : this.pick(impact);
  }

  private connect(source: GraphNode, target: GraphNode): void {
    const key = `${source.id}>${target.id}`;
    if (source.id === target.id || this.pairs.has(key)) return;
    this.pairs.add(key);
    const kind: GraphEdge['kind'] = source.kind !== 'response' ? 'leads-to' : target.kind === 'impact' ? 'contains' : 'averts';
    const edge: GraphEdge = { id: `${this.crisisId}-e${this.edgeCount++}`, crisisId: this.crisisId, source: source.id, target: target.id, kind, label: '', confidence: null, basis: { kind: BASES[this.edgeCount % BASES.length]! } };
    this.doc.edges.push(edge);
  }

  /** Core actors have a position on about half the elements; unknown is never stored without a note. */
  private addStances(): void {
    const positions: Stance['position'][] = ['agree', 'agree', 'agree', 'disagree', 'uncertain'];
    for (const kind of ['trigger', 'crisis', 'impact', 'response'] as const) {
      for (const node of this.byKind[kind]) {
        if (this.random() < 0.5) continue;
        for (const actor of this.doc.scenario.coreActorIds) {
          if (this.random() < 0.3) continue;
          this.doc.stances.push({ actorId: actor, elementId: node.id, position: positions[Math.floor(this.random() * positions.length)]!, note: '', holder: 'analyst', asOf: null, basis: 'planner', provenanceId: null });
        }
      }
    }
  }

  private score(): number | null {
    return this.random() < 0.1 ? null : 1 + Math.floor(this.random() * 5);
  }

  private pickActor(): string {
    return this.pick(this.doc.actors).id;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
}
