/**
 * docs/report-library.md states the library's figures (counts, values by basis, quotes by
 * relation, stances by basis); this keeps those sentences and tables true to the data.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReportLibrary } from '../../../core/library';
import type { Basis } from '../../../core/model';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/report-library.md', import.meta.url)), 'utf8');
const library = loadReportLibrary();
const nodes = library.crises.flatMap((c) => c.nodes);
const edges = library.crises.flatMap((c) => c.edges);
const quotes = library.crises.flatMap((c) => c.provenance);
const stances = library.crises.flatMap((c) => c.stances);

/** The cells of the table row whose first cell is `label`. */
function row(label: string): string[] {
  const line = doc.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`docs/report-library.md has no row "${label}"`);
  return line.split('|').slice(2, -1).map((cell) => cell.trim());
}

const count = <T>(list: readonly T[], keep: (item: T) => boolean): number => list.filter(keep).length;

describe('docs/report-library.md', () => {
  it('gives the library\'s counts', () => {
    expect(row('crises')).toEqual([String(library.crises.length)]);
    expect(row('actors')).toEqual([String(library.actors.length)]);
    expect(row('nodes')).toEqual([String(nodes.length)]);
    expect(row('edges')).toEqual([String(edges.length)]);
    expect(row('quotes')).toEqual([String(quotes.length)]);
    expect(row('stances')).toEqual([String(stances.length)]);
  });

  it('gives the values by basis', () => {
    const bases: Basis[] = ['report', 'inferred', 'assumption'];
    const nodeRow = (field: keyof (typeof nodes)[number]['basis']) => bases.map((b) => String(count(nodes, (n) => n.basis[field] === b)));
    expect(row('likelihood')).toEqual(nodeRow('likelihood'));
    expect(row('severity')).toEqual(nodeRow('severity'));
    expect(row('horizon')).toEqual(nodeRow('horizon'));
    expect(row('lead actor')).toEqual(nodeRow('leadActorId'));
    expect(row('response status')).toEqual(nodeRow('responseStatus'));
    expect(row('lead time')).toEqual(nodeRow('leadTime'));
    expect(row('edge kind')).toEqual(bases.map((b) => String(count(edges, (e) => e.basis.kind === b))));
    expect(row('edge confidence')).toEqual(bases.map((b) => String(count(edges, (e) => e.basis.confidence === b))));
  });

  it('gives the quotes by relation and the stances by holder and basis', () => {
    for (const relation of ['supports', 'contradicts', 'context'] as const) {
      expect(doc).toContain(`${count(quotes, (q) => q.relation === relation)} \`${relation}\``);
    }
    expect(stances.every((s) => s.holder === 'participant')).toBe(true);
    expect(doc).toContain(`All ${stances.length} are \`holder: participant\``);
    expect(doc).toContain(`\`report\` (${count(stances, (s) => s.basis === 'report')})`);
    expect(doc).toContain(`\`inferred\` (${count(stances, (s) => s.basis === 'inferred')})`);
  });

  it('gives the accepted and unavertable gaps', () => {
    const words = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen'];
    expect(doc).toContain(`${words[count(nodes, (n) => n.unavertable)]} triggers are marked unavertable`);
    expect(doc).toContain(`${words[count(nodes, (n) => n.gapAccepted !== null)]} other gaps are accepted`);
  });
});
