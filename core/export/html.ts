/**
 * The HTML brief: one self-contained file. It embeds the SVG diagram inline, carries its
 * stylesheet inline under a strict CSP that allows that stylesheet by hash and nothing
 * else (no scripts, no fetches, no external resources), and builds all markup with `el`,
 * so user text is escaped by construction.
 */
import type { GraphNode, ScenarioDocument } from '../model';
import { actorName, briefData, type BriefData, type BriefSection } from './brief-data';
import { diagramGeometry } from './geometry';
import { fragment, htmlEl as h, text, trusted, type Markup } from './markup';
import type { ExportScope } from './scope';
import { cspHash } from './sha256';
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
].join('');

/** The Content-Security-Policy the brief carries: nothing may load or run except our one stylesheet. */
export const BRIEF_CSP = `default-src 'none'; style-src ${cspHash(STYLESHEET)}; img-src data:; base-uri 'none'; form-action 'none'`;

export function renderHtmlBrief(doc: ScenarioDocument, scope: ExportScope): string {
  const brief = briefData(doc, scope);
  const diagram = svgElement(diagramGeometry(doc, scope));
  const page = h(
    'html',
    { lang: 'en' },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { 'http-equiv': 'Content-Security-Policy', content: BRIEF_CSP }),
      h('meta', { name: 'referrer', content: 'no-referrer' }),
      h('title', {}, text(brief.title)),
      h('style', {}, trusted(STYLESHEET)),
    ),
    h('body', {}, bodyParts(brief, diagram)),
  );
  return fragment([trusted('<!DOCTYPE html>\n'), page, trusted('\n')]);
}

function bodyParts(brief: BriefData, diagram: Markup): Markup[] {
  const parts: Markup[] = [h('h1', { class: 'wrap' }, text(brief.title))];
  if (brief.description.trim()) parts.push(h('p', { class: 'wrap' }, text(brief.description)));
  parts.push(h('figure', {}, diagram));
  if (brief.sections.length === 0) parts.push(h('p', { class: 'muted' }, text('Nothing in this export.')));
  for (const section of brief.sections) parts.push(sectionMarkup(section, brief));
  return parts;
}

function tableOf(head: string[], rows: Markup[][]): Markup {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col' }, text(cell))))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', { class: 'wrap' }, cell))))),
  );
}

const score = (value: number | null): Markup => text(value === null ? '–' : `${value}/5`);

function gapItem(label: string, nodes: GraphNode[]): Markup {
  return h('li', { class: 'wrap' }, text(`${label}: ${nodes.length ? nodes.map((n) => n.title).join('; ') : 'none'}`));
}

function sectionMarkup(s: BriefSection, brief: BriefData): Markup {
  const c = s.graph.crisis;
  const parts: Markup[] = [
    h('h2', { class: 'wrap' }, text(c.title)),
    h('p', { class: 'muted' }, text([c.region.trim() ? `Region: ${c.region}` : '', `Status: ${c.status}`].filter(Boolean).join(' · '))),
  ];
  if (c.summary.trim()) parts.push(h('p', { class: 'wrap' }, text(c.summary)));
  if (s.triggers.length + s.crises.length > 0) {
    parts.push(h('h3', {}, text('Triggers and crises')), tableOf(['Element', 'Kind', 'Likelihood'], [...s.triggers, ...s.crises].map((n) => [text(n.title), text(n.kind), score(n.likelihood)])));
  }
  if (s.impacts.length > 0) parts.push(h('h3', {}, text('Impacts')), tableOf(['Impact', 'Severity'], s.impacts.map((n) => [text(n.title), score(n.severity)])));
  if (s.responses.length > 0) {
    parts.push(
      h('h3', {}, text('Responses')),
      tableOf(
        ['Response', 'Lead', 'Supporting', 'Status'],
        s.responses.map((n) => [
          text(n.title),
          text(actorName(brief.actors, n.leadActorId) ?? 'no lead'),
          text(n.supportingActorIds.map((id) => actorName(brief.actors, id) ?? id).join(', ')),
          text(n.responseStatus ?? ''),
        ]),
      ),
    );
  }
  parts.push(
    h('h3', {}, text('Coverage gaps')),
    h(
      'ul',
      {},
      gapItem('Impacts no response contains', s.gaps.uncontainedImpacts),
      gapItem('Triggers and crises no response averts', s.gaps.unavertedCauses),
      gapItem('Responses with no lead actor', s.gaps.leaderlessResponses),
      gapItem('Responses that avert or contain nothing', s.gaps.orphanedResponses),
    ),
  );
  if (s.consensus.length > 0 && brief.consensusActors.length > 0) {
    parts.push(
      h('h3', {}, text('Consensus')),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, text('Element')), brief.consensusActors.map((a) => h('th', { scope: 'col', title: a.name }, text(a.code))))),
        h('tbody', {}, s.consensus.map((row) => h('tr', {}, h('td', { class: 'wrap' }, text(row.node.title)), row.positions.map((p) => h('td', { class: p }, text(p === 'unknown' ? '–' : p)))))),
      ),
    );
  }
  if (s.citations.length > 0) {
    parts.push(
      h('h3', {}, text('Citations')),
      fragment(s.citations.map((cite) =>
        h(
          'blockquote',
          { class: 'wrap' },
          h('p', {}, text(cite.quote)),
          h('footer', { class: 'muted' }, text(`— ${cite.sourceTitle}${cite.locator.trim() ? `, ${cite.locator}` : ''} (on ${cite.node.title})`)),
        ),
      )),
    );
  }
  return h('section', {}, parts);
}
