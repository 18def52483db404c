/**
 * A Chromium performance trace (CDP Tracing, devtools.timeline) summarised by where the time
 * went: total duration of top-level events per thread and event name (script, style, layout,
 * paint, raster, GC…). Used by the probe to find work the CPU profile only shows as "(program)".
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc', 'gpu', 'toplevel'].join(',');

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

/** Stops the trace and returns the summed duration (ms) per "thread / event", largest first. */
export async function stopTrace(cdp: CDPSession, top = 25): Promise<{ key: string; ms: number }[]> {
  return summarise(await readTrace(cdp), top);
}

/**
 * The phases of drawing a frame, summed over every thread (ms): what a benchmark report sets side
 * by side for two pages. Raster is software raster here (headless Chromium, --disable-gpu).
 */
export const FRAME_PHASES = {
  script: 'FunctionCall',
  'style recalc': 'UpdateLayoutTree',
  layout: 'Layout',
  paint: 'Paint',
  'raster (software)': 'DisplayItemList::Raster',
  'whole main-thread frames': 'ProxyMain::BeginMainFrame',
} as const;

export async function stopTracePhases(cdp: CDPSession): Promise<Record<string, number>> {
  const events = await readTrace(cdp);
  const out: Record<string, number> = {};
  for (const [phase, name] of Object.entries(FRAME_PHASES)) {
    out[phase] = events.filter((e) => e.ph === 'X' && e.name === name).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  }
  return out;
}

async function readTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  return (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents;
}

function summarise(events: TraceEvent[], top: number): { key: string; ms: number }[] {
  const threads = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} / ${e.name}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
  }
  return [...sums.entries()]
    .map(([key, ms]) => ({ key, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
