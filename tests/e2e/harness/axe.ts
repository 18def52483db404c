/**
 * axe-core in the page the user sees: the engine is evaluated into the page (as DevTools would;
 * the app's CSP allows no inline script tag, and the page itself is not changed), then run
 * against WCAG 2.0/2.1 A and AA. Only serious and critical findings fail a test; each is reported
 * with its rule, help text and the first few elements it names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

export interface AxeFinding {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  targets: string[];
}

/** The serious and critical WCAG 2.1 AA violations on the page as it stands, one line each. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(
    async (context) => {
      const axe = (window as Window & { axe?: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe!;
      const found = await axe.run(context ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return found.violations.map((v) => ({ rule: v.id, impact: v.impact ?? undefined, help: v.help, targets: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`.trim()) }));
    },
    include ?? null,
  );
  return (results as AxeFinding[])
    .filter((f) => f.impact !== undefined && FAILING.includes(f.impact))
    .map((f) => `${f.impact} ${f.rule}: ${f.help}\n    ${f.targets.join('\n    ')}`);
}
