/**
 * A profiling aid, not part of the report: open the workbench on a generated crisis of N nodes
 * and print the top self-time functions of one step (open, drag, pan, consensus, select, rename). Run with
 * `node --import tsx bench/canvas/probe.ts STEP N` after `npx electron-vite build`.
 */
import { invokeHandler } from '../../main/ipc/adapter';
import { WINDOW_ID, launchApp } from '../../tests/e2e/harness/app';
import { generateDocument } from '../fixtures';
import { dragNode, panByWheel, settle } from './gestures';
import { DOM_CENSUS, armEnterTimer, clickAndTime } from './page-probes';
import { summariseProfile } from './profile';
import { startTrace, stopTrace } from './trace';

const [step = 'drag', size = '2000'] = process.argv.slice(2);
const doc = generateDocument({ crises: 1, nodesPerCrisis: Number(size), edgeFactor: 1.5, seed: 7 });
doc.crises[0]!.viewport = { x: 40, y: 40, zoom: 0.8 };
const app = await launchApp({ viewport: { width: 1440, height: 900 } });
app.main.sessions.createUntitled(WINDOW_ID, doc.scenario.title, doc);
// How many nodes were ever mounted at once, and of which kind of element.
await app.context.addInitScript({
  content: `new MutationObserver(() => {
    const n = document.querySelectorAll('.react-flow__node').length;
    const m = document.querySelectorAll('.react-flow__minimap-node').length;
    window.__maxNodes = Math.max(window.__maxNodes || 0, n);
    window.__maxMini = Math.max(window.__maxMini || 0, m);
  }).observe(document, { childList: true, subtree: true });`,
});
// What the harness's bridge costs (JSON over CDP, which Electron's IPC does not pay): each call to
// main through it, by channel, timed in the page from the call to its answer.
await app.context.addInitScript({
  content: `(() => {
    const invoke = window.__swInvoke;
    window.__bridgeCalls = [];
    window.__swInvoke = async (channel, request) => {
      const started = performance.now();
      const answer = await invoke(channel, request);
      window.__bridgeCalls.push([channel, Math.round(performance.now() - started), Math.round(started)]);
      return answer;
    };
  })()`,
});
// The same call main answers, without the bridge: what an Electron window would wait for, less IPC.
const mainStarted = performance.now();
const answer = await invokeHandler(app.main.handlers, 'currentScenario', { windowId: WINDOW_ID }, {});
console.log('currentScenario in main', Math.round(performance.now() - mainStarted), 'ms,', (JSON.stringify(answer).length / 1e6).toFixed(1), 'MB as JSON');
const cdp = await app.page.context().newCDPSession(app.page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
if (step === 'open') await cdp.send('Profiler.start');
const started = performance.now();
await app.page.reload();
await app.page.locator('[data-testid="graph-node"]').first().waitFor({ timeout: 180_000 });
console.log('open', Math.round(performance.now() - started), 'ms; first node at', Math.round(await app.page.evaluate<number>('performance.now()')), 'ms page time');
// The bridge calls of the open that took over 50 ms: [channel, ms, started at (page time)].
console.log('bridge calls over 50 ms', JSON.stringify(await app.page.evaluate<unknown[]>('window.__bridgeCalls.filter((c) => c[1] > 50)')));
await settle(app.page);
// An experiment: extra CSS for the page (PROBE_CSS), to see what a style rule costs or saves.
// Through the CSSOM: the page's CSP refuses inline style elements.
for (const rule of (process.env.PROBE_CSS ?? '').split('}').filter((r) => r.trim())) {
  await app.page.evaluate((text) => document.styleSheets[0]!.insertRule(text, document.styleSheets[0]!.cssRules.length), `${rule}}`);
}
await settle(app.page);
// Select and rename are timed REPEAT times (PROBE_REPEAT, 3 by default) on one open page, since
// the open is most of a probe's time at 20,000 nodes; the profile covers every repeat.
const repeat = Number(process.env.PROBE_REPEAT ?? 3);
// The two mounted nodes nearest the middle of the window, picked by id: the middle one in DOM order
// can sit under the inspector, and a locator by index moves on as nodes mount and unmount.
// A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
const middleIds = await app.page.evaluate<string[]>(`(() => {
  const [cx, cy] = [window.innerWidth / 2, window.innerHeight / 2];
  const distance = (node) => {
    const r = node.getBoundingClientRect();
    return Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy);
  };
  const nodes = [...document.querySelectorAll('.react-flow__node')].sort((a, b) => distance(a) - distance(b));
  return nodes.slice(0, 2).map((node) => node.getAttribute('data-id') ?? '');
})()`);
const nodeAt = (id: string) => app.page.locator(`.react-flow__node[data-id="${id}"]`);
const middleId = middleIds[0]!;
const times: number[] = [];
const browserCdp = process.env.TRACE ? await app.browser.newBrowserCDPSession() : null;
const startProfiling = async () => {
  if (times.length > 0 || step === 'open') return;
  await cdp.send('Profiler.start');
  if (browserCdp) await startTrace(browserCdp);
};
if (step === 'rename') {
  // Each rename is timed from its Enter only: the node is selected and its title typed first.
  for (let i = 0; i < repeat; i++) {
    const renamed = `Renamed in the probe ${i}`;
    await nodeAt(middleId).click();
    await app.page.locator(`.react-flow__node[data-id="${middleId}"] .is-selected`).waitFor();
    await app.page.keyboard.press('Enter');
    await app.page.getByTestId('title-input').fill(renamed);
    await app.page.evaluate(armEnterTimer(`.react-flow__node[data-id="${middleId}"] .kind-title`, renamed));
    await settle(app.page);
    await startProfiling();
    await app.page.keyboard.press('Enter');
    times.push(Math.round(await app.page.evaluate<number>('window.__enterToShown')));
  }
}
if (step === 'select') {
  // Alternately the two middle nodes, so each click selects one and leaves the other.
  for (let i = 0; i < repeat; i++) {
    const id = middleIds[i % middleIds.length]!;
    await settle(app.page);
    await startProfiling();
    const started = performance.now();
    await nodeAt(id).click();
    await app.page.locator(`.react-flow__node[data-id="${id}"] .is-selected`).waitFor({ timeout: 300_000 });
    times.push(Math.round(performance.now() - started));
  }
}
if (times.length > 0) console.log(step, times.join(' '), 'ms; median', [...times].sort((a, b) => a - b)[times.length >> 1], 'ms');
await startProfiling();
if (step === 'pan') console.log('pan', await panByWheel(app.page).then((m) => m.perSecond.toFixed(1) + ' steps/s'));
if (step === 'drag') console.log('drag', await dragNode(app.page).then((m) => m.perSecond.toFixed(1) + ' moves/s'));
if (step === 'consensus') console.log('consensus', await app.page.evaluate<number>(clickAndTime('[data-testid="mode-consensus"]', '[data-testid="canvas"][data-shown-mode="consensus"]')));
if (step === 'census') console.log('census', JSON.stringify(await app.page.evaluate(DOM_CENSUS)));
if (step === 'handles') {
  console.log(await app.page.evaluate(`[...document.querySelectorAll('.react-flow__node')].slice(0, 4).map((node) => {
    const r = node.getBoundingClientRect();
    const zoom = r.width / node.offsetWidth;
    return [node.getAttribute('data-id'), node.offsetWidth, node.offsetHeight, ...[...node.querySelectorAll('.react-flow__handle')].map((h) => {
      const b = h.getBoundingClientRect();
      return [(b.left - r.left) / zoom, (b.top - r.top) / zoom, b.width / zoom, b.height / zoom].map((v) => Math.round(v * 100) / 100).join(',');
    })];
  })`));
}
const { profile } = await cdp.send('Profiler.stop');
if (browserCdp) for (const t of await stopTrace(browserCdp)) console.log('trace', t.ms.toFixed(0).padStart(7), t.key);
console.log('most nodes mounted at once', await app.page.evaluate('window.__maxNodes'), 'minimap nodes', await app.page.evaluate('window.__maxMini'));
const summary = summariseProfile(profile, 25);
for (const f of summary.top) console.log(f.selfMs.toFixed(0).padStart(7), (f.share * 100).toFixed(1).padStart(5) + '%', f.name, f.where);
await app.close();
