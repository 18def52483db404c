/**
 * The HTML briefs carry a CSP that admits their one inline stylesheet by a committed SHA-256.
 * Recompute it here with node:crypto from the HTML as written, so a stylesheet edited without
 * its hash (which would leave the brief unstyled in every browser) fails with the value to commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changesBriefHtml } from '../../../core/diff/brief';
import { cutForAudience, renderHtmlBrief } from '../../../core/export';
import { sampleDocument } from '../../fixtures/export/builder';

function styleAndPolicy(html: string): { style: string; allowed: string[] } {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const attribute = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
  const csp = attribute?.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  expect(styles).toHaveLength(1);
  expect(csp).toBeDefined();
  const styleSrc = csp!.split(';').map((d) => d.trim()).find((d) => d.startsWith('style-src '));
  return { style: styles[0]!, allowed: styleSrc!.split(' ').slice(1) };
}

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('the committed stylesheet hashes', () => {
  it('admit exactly the HTML brief stylesheet', () => {
    const doc = sampleDocument();
    const cut = cutForAudience(doc);
    const { style, allowed } = styleAndPolicy(renderHtmlBrief(cut.doc, { kind: 'all' }, cut.header));
    expect(allowed, 'update STYLESHEET_SHA256 in core/export/html.ts').toEqual([hashOf(style)]);
  });

  it('admit exactly the changes brief stylesheet', () => {
    const before = sampleDocument();
    const after = sampleDocument();
    after.nodes[0]!.title = 'Renamed';
    const { style, allowed } = styleAndPolicy(changesBriefHtml(before, after, { fromLabel: 'before', toLabel: 'now' }));
    expect(allowed, 'update STYLESHEET_SHA256 in core/diff/brief.ts').toEqual([hashOf(style)]);
  });
});
