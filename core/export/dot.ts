/**
 * Graphviz DOT: a digraph, left to right, one cluster per crisis, shapes and colours by
 * kind. Every id and label is a quoted string built by `dotString`.
 */
import type { ScenarioDocument } from '../model';
import { dotString } from './escape';
import { scopedGraph, scopeTitle, type ExportScope } from './scope';
import { EDGE_STYLE, KIND_STYLE } from './style';
import { oneLineText, truncate } from './text';

const q = dotString;

/** `marking` (one line) heads the graph's label, so every rendering shows it above the title. */
export function renderDot(doc: ScenarioDocument, scope: ExportScope, marking = ''): string {
  const scoped = scopedGraph(doc, scope);
  const title = truncate(oneLineText(scopeTitle(doc, scoped, scope)), 200);
  const banner = oneLineText(marking);
  const out: string[] = [
    'digraph scenario {',
    `  label=${q(banner ? `${banner}\n${title}` : title)};`,
    '  labelloc="t";',
    '  rankdir="LR";',
    '  fontname="Noto Sans,DejaVu Sans,sans-serif";',
    '  node [fontname="Noto Sans,DejaVu Sans,sans-serif", fontsize=11, style="filled"];',
    '  edge [fontname="Noto Sans,DejaVu Sans,sans-serif", fontsize=9];',
  ];
  scoped.sections.forEach((section, i) => {
    out.push(`  subgraph ${q(`cluster_${i}`)} {`, `    label=${q(section.crisis.title)};`);
    for (const n of section.nodes) {
      const s = KIND_STYLE[n.kind];
      const score = n.kind === 'impact' ? n.severity : n.likelihood;
      const scoreBasis = n.kind === 'impact' ? n.basis.severity : n.basis.likelihood;
      const badge = score === null ? '' : ` (${n.kind === 'impact' ? 'S' : 'L'}${score}${scoreBasis ? `, ${scoreBasis}` : ''})`;
      out.push(
        `    ${q(n.id)} [label=${q(`${n.title}${badge}`)}, shape=${q(s.dotShape)}, fillcolor=${q(s.fill)}, color=${q(s.stroke)}, penwidth=${s.strokeWidth}${n.kind === 'impact' ? ', style="rounded,filled"' : ''}];`,
      );
    }
    out.push('  }');
  });
  for (const e of scoped.edges) {
    const s = EDGE_STYLE[e.kind];
    const attrs = [`color=${q(s.stroke)}`, `style=${q(s.dash ? 'dashed' : 'solid')}`];
    if (e.label.trim()) attrs.push(`label=${q(e.label)}`);
    out.push(`  ${q(e.source)} -> ${q(e.target)} [${attrs.join(', ')}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
