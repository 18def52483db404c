/**
 * Mermaid flowchart, left to right. Ids go through `mermaidId` (injective, keyword-proof)
 * and every label through `mermaidLabel` (quoted, entity-coded), so no title can end a
 * node, start an edge or inject a directive.
 */
import type { NodeKind, ScenarioDocument } from '../model';
import { NODE_KINDS } from '../model';
import { oneLineText } from './text';
import { mermaidId, mermaidLabel } from './escape';
import { scopedGraph, type ExportScope } from './scope';
import { KIND_STYLE } from './style';

const OPEN_CLOSE: Record<NodeKind, [string, string]> = {
  trigger: ['[/', '/]'],
  crisis: ['{{', '}}'],
  impact: ['(', ')'],
  response: ['([', '])'],
};

const ARROW = { 'leads-to': '-->', averts: '-.->', contains: '==>' } as const;

/** `marking` (one line) is written as the first line, a Mermaid comment (`%%` plus text is never a directive). */
export function renderMermaid(doc: ScenarioDocument, scope: ExportScope, marking = ''): string {
  const scoped = scopedGraph(doc, scope);
  const banner = oneLineText(marking);
  const out: string[] = [...(banner ? [`%% MARKING: ${banner}`] : []), 'flowchart LR'];
  scoped.sections.forEach((section, i) => {
    out.push(`  subgraph crisis_${i} [${mermaidLabel(section.crisis.title)}]`, '    direction LR');
    for (const n of section.nodes) {
      const [open, close] = OPEN_CLOSE[n.kind];
      out.push(`    ${mermaidId(n.id)}${open}${mermaidLabel(n.title)}${close}`);
    }
    out.push('  end');
  });
  for (const e of scoped.edges) {
    const label = e.label.trim() ? `|${mermaidLabel(e.label)}|` : '';
    out.push(`  ${mermaidId(e.source)} ${ARROW[e.kind]}${label} ${mermaidId(e.target)}`);
  }
  for (const kind of NODE_KINDS) {
    const s = KIND_STYLE[kind];
    out.push(`  classDef ${kind} fill:${s.fill},stroke:${s.stroke},color:${s.text}`);
  }
  for (const kind of NODE_KINDS) {
    const ids = scoped.nodes.filter((n) => n.kind === kind).map((n) => mermaidId(n.id));
    if (ids.length) out.push(`  class ${ids.join(',')} ${kind}`);
  }
  return `${out.join('\n')}\n`;
}
