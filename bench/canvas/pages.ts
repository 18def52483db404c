/**
 * The two pages the canvas benchmark drives: the workbench (the built renderer through the e2e
 * harness, with the crisis opened as the window's scenario) and the bare React Flow page (built
 * here with esbuild from our own node_modules). Both run in the same Chromium with the same
 * flags and window size, and show the same crisis from the same viewport.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ScenarioDocument } from '../../core/model';
import { CHROMIUM_ARGS, WINDOW_ID, chromiumPath, launchApp } from '../../tests/e2e/harness/app';
import { WATCH_FIRST_NODE } from './page-probes';

export const WINDOW = { width: 1440, height: 900 };
const BARE_URL = 'https://bare.test/index.html';

export interface OpenedPage {
  page: Page;
  /** ms from navigation to the first node in the DOM. */
  firstNodeMs: number;
  close(): Promise<void>;
}

export async function openWorkbench(doc: ScenarioDocument): Promise<OpenedPage> {
  const app = await launchApp({ viewport: WINDOW });
  app.main.sessions.createUntitled(WINDOW_ID, doc.scenario.title, doc);
  await app.context.addInitScript({ content: WATCH_FIRST_NODE });
  await app.page.reload();
  await app.page.locator('[data-testid="graph-node"]').first().waitFor({ timeout: 180_000 });
  const firstNodeMs = await app.page.evaluate<number>('window.__firstNodeAt');
  return { page: app.page, firstNodeMs, close: () => app.close() };
}

let bareBundle: Promise<{ js: string; css: string }> | undefined;
function buildBare(): Promise<{ js: string; css: string }> {
  bareBundle ??= (async () => {
    const outdir = mkdtempSync(join(tmpdir(), 'sw-bare-'));
    try {
      await build({
        entryPoints: [join(import.meta.dirname, 'bare-page.tsx')],
        bundle: true,
        minify: true,
        format: 'esm',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        outdir,
        logLevel: 'silent',
      });
      return { js: readFileSync(join(outdir, 'bare-page.js'), 'utf8'), css: readFileSync(join(outdir, 'bare-page.css'), 'utf8') };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  })();
  return bareBundle;
}

export interface BareGraph {
  nodes: { id: string; position: { x: number; y: number }; width: number; height: number; data: { label: string } }[];
  edges: { id: string; source: string; target: string }[];
  viewport: { x: number; y: number; zoom: number };
  size: { width: number; height: number };
}

export function bareGraph(doc: ScenarioDocument, crisisId: string, size: { width: number; height: number }): BareGraph {
  const crisis = doc.crises.find((c) => c.id === crisisId)!;
  return {
    nodes: doc.nodes
      .filter((n) => n.crisisId === crisisId)
      .map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, width: n.width, height: n.height, data: { label: n.title } })),
    edges: doc.edges.filter((e) => e.crisisId === crisisId).map((e) => ({ id: e.id, source: e.source, target: e.target })),
    viewport: crisis.viewport,
    size,
  };
}

export async function openBare(graph: BareGraph): Promise<OpenedPage> {
  const { js, css } = await buildBare();
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: WINDOW, ignoreHTTPSErrors: true });
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="bare.css"><style>html,body{margin:0}</style></head><body><div id="root"></div><script type="module" src="bare.js"></script></body></html>`;
  await context.route('https://bare.test/**', (route) => {
    const url = route.request().url();
    if (url.endsWith('.js')) return route.fulfill({ status: 200, body: js, headers: { 'content-type': 'text/javascript' } });
    if (url.endsWith('.css')) return route.fulfill({ status: 200, body: css, headers: { 'content-type': 'text/css' } });
    return route.fulfill({ status: 200, body: html, headers: { 'content-type': 'text/html' } });
  });
  await context.addInitScript({ content: `window.__BARE_GRAPH__ = ${JSON.stringify(graph)};` });
  await context.addInitScript({ content: WATCH_FIRST_NODE });
  const page = await context.newPage();
  await page.goto(BARE_URL);
  await page.locator('.react-flow__node').first().waitFor({ timeout: 180_000 });
  const firstNodeMs = await page.evaluate<number>('window.__firstNodeAt');
  return { page, firstNodeMs, close: () => browser.close() };
}
