/**
 * JSON documents of an earlier `formatVersion`, brought up to the current one before they are
 * validated, so that JSON exported by an earlier version and the snapshots kept inside a file
 * (stored as JSON when they were taken) stay readable. One step per version, like the schema
 * migrations; a step only adds what its version introduced, and never overwrites a value.
 */
type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

interface JsonStep {
  /** The formatVersion this step reads; it writes `from + 1`. */
  from: number;
  up(doc: JsonObject): void;
}

const STEPS: readonly JsonStep[] = [
  {
    // 2: the scenario's author, handling marking and caveat, and its remembered export audience.
    from: 1,
    up(doc) {
      if (!isObject(doc.scenario)) return;
      const defaults: JsonObject = { author: '', marking: '', markingCaveat: '', exportAudience: null };
      for (const [key, value] of Object.entries(defaults)) if (!(key in doc.scenario)) doc.scenario[key] = value;
    },
  },
];

/** `raw` with every step from its formatVersion applied (in place); anything else is left for validation to refuse. */
export function upgradeDocumentJson(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  for (const step of STEPS) {
    if (raw.formatVersion !== step.from) continue;
    step.up(raw);
    raw.formatVersion = step.from + 1;
  }
  return raw;
}
