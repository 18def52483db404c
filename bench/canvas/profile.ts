/** Summarises a CDP CPU profile by self time per function, for the benchmark report. */

/** The parts of a CDP Profiler.Profile read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  top: { name: string; where: string; selfMs: number; share: number }[];
}

export function summariseProfile(profile: CpuProfile, count = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; ms: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const ms = (deltas[i] ?? 0) / 1000;
    if (!node) continue;
    total += ms;
    const frame = node.callFrame;
    const file = frame.url.split('/').pop() || '(native)';
    const name = frame.functionName || '(anonymous)';
    const key = `${name}@${file}:${frame.lineNumber}`;
    const entry = self.get(key) ?? { name, where: `${file}:${frame.lineNumber + 1}`, ms: 0 };
    entry.ms += ms;
    self.set(key, entry);
  }
  const top = [...self.values()]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.ms, share: total ? e.ms / total : 0 }));
  return { totalMs: total, top };
}
