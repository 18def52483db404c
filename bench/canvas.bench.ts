/**
 * The canvas at scale against a bare React Flow page (bench/canvas/bare-page.tsx) in the same
 * run: the same crisis (N nodes, 1.5 N edges, generated), the same positions, sizes and viewport,
 * the same Chromium, flags and window, runs interleaved (workbench, bare, workbench, bare…).
 * Medians of the runs, and workbench / bare ratios. Steps only the workbench has (view modes,
 * rename) are reported as times against the issue's goals. A CPU profile of the workbench's drag
 * at the largest size is summarised by self time.
 */
import { cpus, loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { ScenarioDocument } from '../core/model';
import { generateDocument } from './fixtures';
import { DRAG_STEPS, domNodes, dragNode, flowNodesInDom, heapAfterGc, panByWheel, settle, type Motion } from './canvas/gestures';
import { armEnterTimer, clickAndTime, median, p95 } from './canvas/page-probes';
import { bareGraph, openBare, openWorkbench } from './canvas/pages';
import { summariseProfile, type ProfileSummary } from './canvas/profile';
import { startTrace, stopTracePhases } from './canvas/trace';

const SIZES = (process.env.CANVAS_SIZES ?? '500,2000,5000,20000').split(',').map(Number);
const runsFor = (n: number) => Number(process.env.CANVAS_RUNS ?? (n >= 20_000 ? 1 : n >= 5000 ? 2 : 3));
const VIEWPORT = { x: 40, y: 40, zoom: 0.8 };
const MODES = ['consensus', 'risk', 'coverage', 'what-if', 'normal'] as const;

interface Run {
  open: number;
  drag: Motion;
  pan: Motion;
  heap: number;
  dom: number;
  overview?: { pan: Motion; flowNodes: number; drawn: number };
  modes?: Record<string, { ms: number; flowNodes: number }>;
  select?: number;
  rename?: number;
}

function crisisOf(n: number): ScenarioDocument {
  const doc = generateDocument({ crises: 1, nodesPerCrisis: n, edgeFactor: 1.5, seed: 7 });
  doc.crises[0]!.viewport = VIEWPORT;
  return doc;
}

async function paneSize(page: Page): Promise<{ width: number; height: number }> {
  const box = (await page.locator('.react-flow').boundingBox())!;
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** Fit the whole crisis in view (the workbench's Fit command; fitView on the bare page), then pan it. */
async function overview(page: Page, workbench: boolean): Promise<Run['overview']> {
  if (workbench) {
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+0');
  } else {
    await page.evaluate('window.__flow.fitView({ padding: 0.15, maxZoom: 1.2 })');
  }
  // The workbench says when its Fit animation has settled; the bare page's fitView is instant.
  if (workbench) await page.locator('[data-testid="canvas"][data-canvas-state="still"]').waitFor({ timeout: 300_000 });
  await settle(page);
  const pan = await panByWheel(page);
  await settle(page);
  const flowNodes = await flowNodesInDom(page);
  const drawn = await page.evaluate<number>(`Number(document.querySelector('[data-testid="overview-layer"]')?.getAttribute('data-drawn') ?? 0)`);
  return { pan, flowNodes, drawn };
}

interface DragProfile {
  cpu: ProfileSummary;
  phases: Record<string, number>;
}

async function workbenchRun(doc: ScenarioDocument, profile: boolean): Promise<{ run: Run; size: { width: number; height: number }; profile?: DragProfile }> {
  const opened = await openWorkbench(doc);
  const { page } = opened;
  try {
    await settle(page);
    const size = await paneSize(page);
    const heap = await heapAfterGc(page);
    const dom = await domNodes(page);
    const drag = await dragNode(page);
    await page.locator('[data-testid="save-state"]', { hasText: 'All changes saved' }).waitFor();
    await settle(page);
    // Profiled and traced on a second drag of the same node, so the measured one pays neither.
    const summary = profile ? await profiledDrag(page) : undefined;
    if (summary) {
      await page.locator('[data-testid="save-state"]', { hasText: 'All changes saved' }).waitFor();
      await settle(page);
    }
    const pan = await panByWheel(page);
    await settle(page);

    const modes: Run['modes'] = {};
    for (const mode of MODES) {
      // Done when the canvas shows the new mode's colours (ShownMode.tsx), not when a node happens
      // to carry some tone: after Consensus every node already has one, so Risk looked instant.
      const done = `[data-testid="canvas"][data-shown-mode="${mode}"]`;
      const ms = await page.evaluate<number>(clickAndTime(`[data-testid="mode-${mode}"]`, done));
      await settle(page);
      modes[mode] = { ms, flowNodes: await flowNodesInDom(page) };
    }

    // Select the node nearest the centre by clicking it, then rename it in place.
    const target = page.locator('.react-flow__node').nth(Math.floor((await flowNodesInDom(page)) / 2));
    const id = (await target.getAttribute('data-id'))!;
    const selectStarted = performance.now();
    await target.click();
    await page.locator(`.react-flow__node[data-id="${id}"] .is-selected`).waitFor();
    const select = performance.now() - selectStarted;
    await page.keyboard.press('Enter');
    await page.getByTestId('title-input').fill('Renamed in the benchmark');
    await page.evaluate(armEnterTimer(`.react-flow__node[data-id="${id}"] .kind-title`, 'Renamed in the benchmark'));
    await page.keyboard.press('Enter');
    const rename = await page.evaluate<number>('window.__enterToShown');
    await page.locator('[data-testid="save-state"]', { hasText: 'All changes saved' }).waitFor();

    const view = await overview(page, true);
    return { run: { open: opened.firstNodeMs, drag, pan, heap, dom, overview: view, modes, select, rename }, size, profile: summary };
  } finally {
    await opened.close();
  }
}

/** A drag under the CPU profiler and a performance trace: self time by function, and time by frame phase. */
async function profiledDrag(page: Page): Promise<DragProfile> {
  const cdp = await page.context().newCDPSession(page);
  const browserCdp = await page.context().browser()!.newBrowserCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await startTrace(browserCdp);
  await cdp.send('Profiler.start');
  await dragNode(page);
  const cpu = summariseProfile((await cdp.send('Profiler.stop')).profile);
  const phases = await stopTracePhases(browserCdp);
  await cdp.detach();
  await browserCdp.detach();
  return { cpu, phases };
}

async function bareRun(doc: ScenarioDocument, size: { width: number; height: number }, profile: boolean): Promise<{ run: Run; profile?: DragProfile }> {
  const opened = await openBare(bareGraph(doc, doc.crises[0]!.id, size));
  const { page } = opened;
  try {
    await settle(page);
    const heap = await heapAfterGc(page);
    const dom = await domNodes(page);
    const drag = await dragNode(page);
    await settle(page);
    const summary = profile ? await profiledDrag(page) : undefined;
    if (summary) await settle(page);
    const pan = await panByWheel(page);
    await settle(page);
    const view = await overview(page, false);
    return { run: { open: opened.firstNodeMs, drag, pan, heap, dom, overview: view }, profile: summary };
  } finally {
    await opened.close();
  }
}

const fmt = (ms: number) => (Number.isFinite(ms) ? (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`) : 'n/a');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function run(): Promise<{ title: string; markdown: string }> {
  const loadBefore = loadavg();
  const started = Date.now();
  const rows: string[] = [];
  const uiRows: string[] = [];
  const overviewRows: string[] = [];
  let profile: DragProfile | undefined;
  let bareProfile: DragProfile | undefined;
  const largest = Math.max(...SIZES);
  for (const n of SIZES) {
    const doc = crisisOf(n);
    const w: Run[] = [];
    const b: Run[] = [];
    let size: { width: number; height: number } | null = null;
    for (let i = 0; i < runsFor(n); i++) {
      process.stdout.write(`  canvas ${n}: run ${i + 1} workbench…\n`);
      const result = await workbenchRun(doc, n === largest && i === 0);
      w.push(result.run);
      size ??= result.size;
      profile ??= result.profile;
      process.stdout.write(`  canvas ${n}: run ${i + 1} bare…\n`);
      const bare = await bareRun(doc, size, n === largest && i === 0);
      b.push(bare.run);
      bareProfile ??= bare.profile;
    }
    const m = (runs: Run[], pick: (r: Run) => number) => median(runs.map(pick));
    const cells = (pick: (r: Run) => number, show: (v: number) => string) => {
      const [wv, bv] = [m(w, pick), m(b, pick)];
      return `${show(wv)} / ${show(bv)} (${ratio(wv, bv)})`;
    };
    const movesRatio = (pick: (r: Run) => Motion) => {
      const [wv, bv] = [m(w, (r) => pick(r).perSecond), m(b, (r) => pick(r).perSecond)];
      return `${wv.toFixed(1)} / ${bv.toFixed(1)} (${ratio(wv, bv)})`;
    };
    rows.push(
      `| ${n.toLocaleString('en')} | ${w.length} | ${cells((r) => r.open, fmt)} | ${cells((r) => p95(r.drag.frames), fmt)} | ${movesRatio((r) => r.drag)} | ${cells((r) => p95(r.pan.frames), fmt)} | ${cells((r) => r.heap, mb)} | ${cells((r) => r.dom, (v) => String(Math.round(v)))} |`,
    );
    const modeMs = (mode: string) => fmt(m(w, (r) => r.modes![mode]!.ms));
    const maxFlow = Math.max(...w.flatMap((r) => Object.values(r.modes!).map((x) => x.flowNodes)));
    uiRows.push(`| ${n.toLocaleString('en')} | ${MODES.map(modeMs).join(' | ')} | ${maxFlow} | ${fmt(m(w, (r) => r.select!))} | ${fmt(m(w, (r) => r.rename!))} |`);
    overviewRows.push(
      `| ${n.toLocaleString('en')} | ${cells((r) => p95(r.overview!.pan.frames), fmt)} | ${(1000 / m(w, (r) => p95(r.overview!.pan.frames))).toFixed(0)} fps | ${m(w, (r) => r.overview!.flowNodes)} + ${m(w, (r) => r.overview!.drawn)} drawn / ${m(b, (r) => r.overview!.flowNodes)} |`,
    );
  }
  const loadAfter = loadavg();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const markdown = [
    `One crisis of N nodes and 1.5 N edges (bench/fixtures.ts, seed 7), opened at the viewport ${JSON.stringify(VIEWPORT)}, in Chromium (${cpus().length} cores).`,
    `Runs interleaved, workbench then bare: ${SIZES.map((n) => `${runsFor(n)} at ${n.toLocaleString('en')}`).join(', ')} (by default 3 up to 2,000, 2 at 5,000 and 1 at 20,000, to stay under 20 minutes on 2 cores; CANVAS_SIZES and CANVAS_RUNS override). Medians; each cell is workbench / bare (ratio).`,
    `Open is measured from navigation to the first node in the DOM; the workbench's includes loading the scenario through the e2e harness's bridge (JSON over CDP), which Electron's IPC does not pay, so its ratio is pessimistic.`,
    `The bare page is bench/canvas/bare-page.tsx: React Flow from our node_modules, default node type, controlled nodes, onlyRenderVisibleElements above 400 nodes, pan on scroll, the same zoom range and pane size.`,
    `Load average before / after: ${loadBefore.map((x) => x.toFixed(2)).join(' ')} / ${loadAfter.map((x) => x.toFixed(2)).join(' ')} (the machine is shared; timings are noisy, ratios less so). Took ${minutes} min.`,
    '',
    '| N | runs | open: first node | drag frame p95 | drag moves/s | pan frame p95 | JS heap | DOM elements |',
    '|---:|---:|---|---|---|---|---|---|',
    ...rows,
    '',
    'Workbench only: switching the canvas view mode (click to the first frame in which the canvas shows the nodes decorated for it: `data-shown-mode`, set once React Flow has drawn them), selecting a node (click to its selected style) and renaming one (Enter to the new title on screen). "Nodes in DOM" is the most React Flow nodes mounted after any mode switch.',
    '',
    `| N | → ${MODES.join(' | → ')} | nodes in DOM | select | rename |`,
    `|---:|${MODES.map(() => '---:|').join('')}---:|---:|---:|`,
    ...uiRows,
    '',
    'Overview: the whole crisis fitted in view (Fit), then panned with the wheel. Below React Flow\'s readable zoom the workbench draws every node as a box on one canvas layer (renderer/src/canvas/OverviewLayer.tsx) instead of mounting DOM nodes; the bare page mounts every node.',
    '',
    '| N | pan frame p95 | workbench pan rate | nodes: DOM + drawn / bare DOM |',
    '|---:|---|---:|---|',
    ...overviewRows,
    '',
    ...(profile && bareProfile
      ? [
          `Where a drag's time goes at ${largest.toLocaleString('en')} nodes: one extra drag of the same ${DRAG_STEPS} moves on each page, after the measured one, under a Chromium performance trace (summed over all threads, ms). Raster is software raster (headless Chromium with --disable-gpu, as in CI); Electron on a desktop rasterises on the GPU, so this row overstates what users pay, for both pages alike.`,
          '',
          '| phase | workbench | bare | ratio |',
          '|---|---:|---:|---:|',
          ...Object.keys(profile.phases).map((k) => `| ${k} | ${Math.round(profile!.phases[k]!)} | ${Math.round(bareProfile!.phases[k] ?? NaN)} | ${ratio(profile!.phases[k]!, bareProfile!.phases[k] ?? NaN)} |`),
          '',
          `The same drag on the workbench under the CPU profiler (self time, top functions; ${profile.cpu.totalMs.toFixed(0)} ms sampled; "(program)" is native work outside JavaScript: style, layout, paint):`,
          '',
          '| self ms | share | function | where |',
          '|---:|---:|---|---|',
          ...profile.cpu.top.map((f) => `| ${f.selfMs.toFixed(1)} | ${(f.share * 100).toFixed(1)}% | ${f.name} | ${f.where} |`),
        ]
      : []),
  ].join('\n');
  return { title: 'Canvas at scale (workbench vs bare React Flow)', markdown };
}
