/**
 * What a screen reader's list of controls shows, region by region: two controls of one role
 * with one name ("Agree" four times, "Actor name" four times) cannot be told apart there, and a
 * name with no letter ("+", "✎", "4") says nothing out of sight of its label. Read from the
 * accessibility tree Chromium builds (Playwright's ARIA snapshot), not from our own markup.
 */
import type { Page } from 'playwright-core';

const CONTROL = /^\s*- (button|textbox|checkbox|combobox|link|menuitem|radio|spinbutton|switch|tab|slider|searchbox)(?: "((?:[^"\\]|\\.)*)")?(?=[ :[]|$)/gm;

/** Every duplicate or letterless control name in each visible region and dialog, one line each. */
export async function unclearControlNames(page: Page): Promise<string[]> {
  const found: string[] = [];
  const scopes = page.locator('[data-region], [role="dialog"]');
  for (let i = 0; i < (await scopes.count()); i++) {
    const scope = scopes.nth(i);
    if (!(await scope.isVisible())) continue;
    const where = (await scope.getAttribute('data-region')) ?? `dialog ${(await scope.getAttribute('aria-label')) ?? ''}`;
    const counts = new Map<string, number>();
    for (const [, role, name = ''] of (await scope.ariaSnapshot()).matchAll(CONTROL)) {
      const key = `${role} "${name}"`;
      if (!/\p{L}/u.test(name)) found.push(`${where}: ${key} has no word in its name`);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const [key, n] of counts) if (n > 1) found.push(`${where}: ${n} × ${key}`);
  }
  return found;
}
