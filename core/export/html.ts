/**
 * The HTML brief: one self-contained file, the blocks of brief-blocks.ts as HTML with the
 * handling marking at its head and foot. It embeds each crisis's SVG diagram inline, carries its
 * stylesheet inline under a strict CSP that allows that stylesheet by hash and nothing
 * else (no scripts, no fetches, no external resources), and builds all markup with `el`,
 * so user text is escaped by construction.
 */
import type { ScenarioDocument } from '../model';
import { markingBanner, type ExportHeader } from './audience';
import { briefBlocks, briefContents, briefIntro, type BriefBlock } from './brief-blocks';
import { briefData, type BriefData } from './brief-data';
import { quoteLead } from './brief-text';
import { diagramGeometry } from './geometry';
import { fragment, htmlEl as h, text, trusted, type Markup } from './markup';
import { crisisScope, type ExportScope } from './scope';
import { svgElement } from './svg';
import { FONT_STACK } from './style';

const STYLESHEET = [
  `body{font-family:${FONT_STACK};color:#1d2330;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.45}`,
  'h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:1px solid #d5d9e0;padding-bottom:.2rem}',
  'table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #d5d9e0;padding:.25rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f3f5f8}.agree{background:#d7f2e1}.disagree{background:#fbdcd8}.uncertain{background:#fdf0cf}.unknown{color:#8a909c}',
  'figure{margin:1rem 0;overflow:auto;border:1px solid #d5d9e0}figure svg{max-width:100%;height:auto}',
  'blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #d5d9e0}.muted{color:#5b6270}',
  '.wrap{overflow-wrap:anywhere}',
  '.marking{text-align:center;font-weight:bold;letter-spacing:.04em;background:#e9ecf1;padding:.35rem;margin:0}',
  '.audience{border-left:3px solid #c27c0e;padding:.25rem .75rem;background:#fdf6e7}',
  '.entry{margin:.75rem 0}.entry h4{margin:0 0 .2rem}.entry p{margin:.2rem 0}.entry ul{margin:.2rem 0}',
  '.contradicts{border-left-color:#b3261e}.contradicts strong{color:#b3261e}.context{border-left-style:dashed}',
].join('');

/**
 * SHA-256 of STYLESHEET, base64: the CSP allows exactly that stylesheet. Committed rather than
 * computed because core/ cannot use node:crypto and WebCrypto is asynchronous;
 * tests/unit/export/csp-hash.test.ts recomputes it with node:crypto from the brief as written,
 * so a change to the stylesheet fails there with the new value to paste here.
 */
const STYLESHEET_SHA256 = '2B7rQ/W1kXGjRvoyoT4K/q4fvre+covu2KlNyO+XdDU=';

/** The Content-Security-Policy the brief carries: nothing may load or run except our one stylesheet. */
export const BRIEF_CSP = `default-src 'none'; style-src 'sha256-${STYLESHEET_SHA256}'; img-src data:; base-uri 'none'; form-action 'none'`;

export function renderHtmlBrief(doc: ScenarioDocument, scope: ExportScope, header: ExportHeader): string {
  const brief = briefData(doc, scope, header);
  const diagram = (crisisId: string, n: number): Markup => svgElement(diagramGeometry(doc, crisisScope(doc, scope, crisisId)), `d${n}-`);
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: BRIEF_CSP }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('title', {}, text(titleWithMarking(brief))),
      h('style', {}, trusted(STYLESHEET)),
    ),
    h('body', {}, bodyParts(brief, diagram)),
  );
  return fragment([trusted('<!DOCTYPE html>\n'), page, trusted('\n')]);
}

function titleWithMarking(brief: BriefData): string {
  const marking = markingBanner(brief.header.marking);
  return marking ? `${marking} — ${brief.title}` : brief.title;
}

function markingBar(brief: BriefData, where: 'top' | 'bottom'): Markup[] {
  const marking = markingBanner(brief.header.marking);
  return marking ? [h('p', { class: 'marking', 'data-marking': where, role: 'note', 'aria-label': 'Handling marking' }, text(marking))] : [];
}

function bodyParts(brief: BriefData, diagram: (crisisId: string, n: number) => Markup): Markup[] {
  const intro = briefIntro(brief);
  const blocks = briefBlocks(brief);
  const contents = briefContents(blocks);
  const main: Markup[] = [h('h1', { class: 'wrap' }, text(brief.title)), h('p', { class: 'muted' }, text(intro.facts.join(' · ')))];
  if (intro.audience.length) main.push(h('div', { class: 'audience', 'data-testid': 'audience' }, intro.audience.map((line) => h('p', {}, text(line)))));
  if (brief.description.trim()) main.push(h('p', { class: 'wrap' }, text(brief.description)));
  if (contents.length > 1) {
    main.push(h('nav', { 'aria-label': 'Contents' }, h('h2', {}, text('Contents')), h('ol', {}, contents.map((c) => h('li', {}, h('a', { href: `#${c.id}` }, text(c.text)))))));
  }
  let diagrams = 0;
  for (const block of blocks) main.push(blockMarkup(block, (crisisId) => diagram(crisisId, ++diagrams)));
  return [...markingBar(brief, 'top'), h('main', {}, main), ...markingBar(brief, 'bottom')];
}

function blockMarkup(b: BriefBlock, diagram: (crisisId: string) => Markup): Markup {
  switch (b.type) {
    case 'heading':
      return h(`h${b.level}`, { id: b.id, class: 'wrap' }, text(b.text));
    case 'paragraph':
      return h('p', { class: b.muted ? 'muted wrap' : 'wrap' }, text(b.text));
    case 'list':
      return h('ul', {}, b.items.map((item) => h('li', { class: 'wrap' }, text(item))));
    case 'table':
      return h(
        'table',
        {},
        h('thead', {}, h('tr', {}, b.head.map((cell) => h('th', { scope: 'col' }, text(cell))))),
        h('tbody', {}, b.rows.map((row) => h('tr', {}, row.map((cell) => h('td', { class: cell.position ?? 'wrap' }, text(cell.text)))))),
      );
    case 'entry':
      return h(
        'div',
        { class: 'entry' },
        h('h4', { class: 'wrap' }, text(`${b.kind}: ${b.title}`)),
        b.facts.length ? [h('p', { class: 'muted' }, text(b.facts.join(' · ')))] : [],
        b.description ? [h('p', { class: 'wrap' }, text(b.description))] : [],
        b.links.length ? [h('ul', {}, b.links.map((l) => h('li', { class: 'wrap' }, text(l))))] : [],
      );
    case 'quote':
      return h(
        'blockquote',
        { class: `wrap ${b.relation}`, 'data-relation': b.relation },
        h('p', {}, quoteLead(b.relation) ? [h('strong', {}, text(quoteLead(b.relation).trim())), text(' ')] : [], text(b.text)),
        h('footer', { class: 'muted' }, text(`— ${b.attribution}`)),
      );
    case 'diagram':
      return h('figure', { 'aria-label': `Diagram: ${b.title}` }, diagram(b.crisisId));
  }
}
