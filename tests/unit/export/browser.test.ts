/**
 * Mermaid text through mermaid's own parser, and the HTML brief as Chromium loads it, both
 * in headless Chromium (mermaid's parser needs a DOM).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cutForAudience, renderHtmlBrief, renderMermaid } from '../../../core/export';
import { hostileDocument, largeDocument, sampleDocument } from '../../fixtures/export/builder';

// The callbacks passed to page.evaluate run inside Chromium; these declarations describe the
// few browser globals they touch, without pulling the DOM library into the node typecheck.
interface MermaidApi {
  initialize(config: object): void;
  parse(text: string): Promise<{ diagramType: string }>;
  render(id: string, text: string): Promise<{ svg: string }>;
}
interface ElementLike {
  textContent: string | null;
  innerHTML: string;
  attributes: ArrayLike<{ name: string }> & Iterable<{ name: string }>;
  getAttribute(name: string): string | null;
  id: string;
  firstElementChild: ElementLike | null;
}
declare const window: { mermaid: MermaidApi };
declare const document: {
  scripts: { length: number };
  body: ElementLike;
  getElementById(id: string): ElementLike | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike> & Iterable<ElementLike>;
};
declare function getComputedStyle(element: ElementLike): { fontFamily: string };

// Chromium start-up and mermaid's first render are slow on a loaded CI machine.
const BROWSER_TEST_MS = 90_000;

const mermaidScript = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function withPage<T>(use: (page: Page, dialogs: string[]) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    return await use(page, dialogs);
  } finally {
    await page.close();
  }
}

describe('Mermaid export, read by mermaid 11', () => {
  it('parses as a flowchart for the sample, the hostile and a large document', async () => {
    await withPage(async (page, dialogs) => {
      await page.setContent('<!DOCTYPE html><html><body></body></html>');
      await page.addScriptTag({ path: mermaidScript });
      await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
      for (const doc of [sampleDocument(), hostileDocument(), largeDocument(200)]) {
        const text = renderMermaid(doc, { kind: 'all' });
        const result = await page.evaluate(async (source) => {
          const m = window.mermaid;
          try {
            const parsed = await m.parse(source);
            const { svg } = await m.render('probe', source);
            return { ok: true as const, type: parsed.diagramType, svg };
          } catch (err) {
            return { ok: false as const, message: String(err) };
          }
        }, text);
        expect(result).toMatchObject({ ok: true });
        if (!result.ok) continue;
        expect(result.type).toMatch(/flowchart/);
        expect(result.svg).not.toMatch(/<script/i);
        // Every node is drawn.
        expect(result.svg.match(/class="node /g)?.length).toBe(doc.nodes.length);
      }
      expect(dialogs).toEqual([]);
    });
  }, BROWSER_TEST_MS);

  it('shows hostile titles as text once rendered', async () => {
    await withPage(async (page) => {
      await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
      await page.addScriptTag({ path: mermaidScript });
      const doc = hostileDocument();
      const labels = await page.evaluate(async (source) => {
        const m = window.mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict' });
        const { svg } = await m.render('probe2', source);
        document.getElementById('out')!.innerHTML = svg;
        return [...document.querySelectorAll('#out .node')].map((n) => n.textContent ?? '');
      }, renderMermaid(doc, { kind: 'all' }));
      expect(labels.some((l) => l.includes(']]><script>x</script>'))).toBe(true);
      expect(labels.some((l) => l.includes('洪水対策'))).toBe(true);
    });
  }, BROWSER_TEST_MS);
});

describe('HTML brief, loaded by Chromium', () => {
  it('runs nothing, loads nothing, applies its own stylesheet and embeds the diagram', async () => {
    await withPage(async (page, dialogs) => {
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
      });
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      });
      const doc = hostileDocument();
      doc.scenario.marking = 'SECRET <b>';
      doc.scenario.markingCaveat = 'REL TO USA, JPN';
      const cut = cutForAudience(doc, { actorIds: ['us', 'jp', 'kr', 'hostile'], notes: true, reportOnly: false, crisisIds: null });
      await page.setContent(renderHtmlBrief(cut.doc, { kind: 'all' }, cut.header));
      const facts = await page.evaluate(() => ({
        scripts: document.scripts.length,
        handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
        // In-page links (the contents) are fine; anything that could load is not.
        hrefs: [...document.querySelectorAll('[href], [src], [xlink\\:href]')].filter((el) => !(el.getAttribute('href') ?? '').startsWith('#')).length,
        markings: [...document.querySelectorAll('body > .marking')].map((el) => `${el.getAttribute('data-marking')}: ${el.textContent}`),
        firstText: document.body.firstElementChild?.textContent ?? '',
        audience: document.querySelector('[data-testid="audience"]')?.textContent ?? '',
        ids: [...document.querySelectorAll('[id]')].map((el) => el.id),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        svgNodes: document.querySelectorAll('svg [data-node]').length,
        font: getComputedStyle(document.body).fontFamily,
        h1: document.querySelector('h1')?.textContent ?? '',
      }));
      expect(facts.scripts).toBe(0);
      expect(facts.handlers).toEqual([]);
      expect(facts.hrefs).toBe(0);
      expect(facts.csp).toContain("default-src 'none'");
      expect(facts.svgNodes).toBe(doc.nodes.length);
      expect(facts.font).toContain('Noto Sans');
      expect(facts.h1).toBe(doc.scenario.title);
      expect(facts.markings).toEqual(['top: SECRET <b> // REL TO USA, JPN', 'bottom: SECRET <b> // REL TO USA, JPN']);
      expect(facts.firstText).toBe('SECRET <b> // REL TO USA, JPN');
      expect(facts.audience).toContain('Positions of China (PRC) are left out of this export.');
      expect(new Set(facts.ids).size).toBe(facts.ids.length);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(violations).toEqual([]);
    });
  }, BROWSER_TEST_MS);
});
