/**
 * Benchmark for issue 7: SVG of 5k nodes (target ≤ 1 s), PNG and PDF of 1k nodes (≤ 3 s each),
 * each set against a peer doing the bare minimum of the same work in the same run:
 * - SVG: a plain string join of one <rect> and one <text> per node;
 * - PNG: resvg rasterising a one-rectangle SVG of the same pixel size (the cost of the pixels
 *   and the PNG encoding alone), and resvg rasterising the same text runs as plain <text>
 *   elements at the same size (the cost of the glyphs alone);
 * - PDF: pdfkit drawing one plain rectangle and one text line per node on a page of the same size.
 * Each figure is the median of several timed runs after a warm-up run.
 *
 * Run alone with `node --import tsx bench/export.bench.ts`; bench/run.ts calls `run()`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import { diagramGeometry, renderSvg, svgFromGeometry } from '../core/export';
import { documentIssues } from '../core/model';
import { exportDocument } from '../main/export';
import { renderPng } from '../main/export/png';
import { largeDocument } from '../tests/fixtures/export/builder';

const SVG_NODES = 5000;
const RASTER_NODES = 1000;
const TARGET_SVG_MS = 1000;
const TARGET_RASTER_MS = 3000;

let sink = 0;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(runs: number, work: () => number | Promise<number>): Promise<number> {
  sink += await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink += await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function bareSvgJoin(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(`<rect x="${(i % 50) * 260}" y="${Math.floor(i / 50) * 110}" width="200" height="72" fill="#eee"/>`, `<text x="${(i % 50) * 260 + 10}" y="${Math.floor(i / 50) * 110 + 30}">node ${i}</text>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

function trivialPng(width: number, height: number): number {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/><rect x="10" y="10" width="50" height="50" fill="#c00"/></svg>`;
  return new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true } }).render().asPng().length;
}

/** The diagram's drawn text (not tooltips), every run as a bare <text> element in a grid, at the same pixel size. */
function sameTextSvg(svg: string, width: number, height: number): string {
  const runs = [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<>]+)</g)].map((m) => m[1]!);
  const body = runs.map((t, i) => `<text x="${(i % 40) * 130}" y="${Math.floor(i / 40) * 14 + 12}" font-size="12">${t}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif"><rect width="${width}" height="${height}" fill="#fff"/>${body}</svg>`;
}

function plainRectsPdf(count: number, size: [number, number]): Promise<number> {
  const doc = new PDFDocument({ size, margin: 0, info: { CreationDate: new Date(0) } });
  let length = 0;
  doc.on('data', (chunk: Buffer) => (length += chunk.length));
  const done = new Promise<number>((resolve) => doc.on('end', () => resolve(length)));
  doc.font('Helvetica').fontSize(10);
  for (let i = 0; i < count; i++) {
    const x = (i % 20) * 40;
    const y = Math.floor(i / 20) * 12;
    doc.rect(x, y, 30, 10).fillAndStroke('#eeeeee', '#333333');
    doc.fillColor('#000000').text(`node ${i}`, x, y, { lineBreak: false });
  }
  doc.end();
  return done;
}

export async function run(): Promise<{ title: string; markdown: string }> {
  const big = largeDocument(SVG_NODES, 5);
  const mid = largeDocument(RASTER_NODES);
  for (const doc of [big, mid]) if (documentIssues(doc, 1).length > 0) throw new Error('the generated benchmark document is not valid');
  const scope = { kind: 'all' } as const;
  const midGeometry = diagramGeometry(mid, scope);

  const svgMs = await measure(5, () => renderSvg(big, scope).length);
  const svgPeerMs = await measure(5, () => bareSvgJoin(SVG_NODES).length);

  const png = await renderPng(svgFromGeometry(midGeometry), midGeometry, 1);
  const pngMs = await measure(3, async () => {
    const g = diagramGeometry(mid, scope);
    return (await renderPng(svgFromGeometry(g), g, 1)).bytes.length;
  });
  const pngPeerMs = await measure(3, () => trivialPng(png.width, png.height));
  const textOnly = sameTextSvg(svgFromGeometry(midGeometry), png.width, png.height);
  const pngTextPeerMs = await measure(3, () => new Resvg(textOnly, { background: '#ffffff', font: { loadSystemFonts: true } }).render().asPng().length);

  const pdfMs = await measure(3, async () => (await exportDocument(mid, { format: 'pdf', scope, paper: 'fit' })).bytes.length);
  const pdfPeerMs = await measure(3, () => plainRectsPdf(RASTER_NODES, [midGeometry.width * 0.75, midGeometry.height * 0.75]));

  const ms = (v: number): string => v.toFixed(1);
  const row = (name: string, t: number, peerName: string, peer: number, target: number): string =>
    `| ${name} | ${ms(t)} | ${peerName} | ${ms(peer)} | ${(t / peer).toFixed(1)} | ≤ ${target} | ${t <= target ? 'yes' : '**no**'} |`;
  const lines = [
    `Documents: ${big.nodes.length} nodes / ${big.edges.length} edges in ${big.crises.length} crises (SVG); ${mid.nodes.length} nodes / ${mid.edges.length} edges (PNG, PDF; diagram ${midGeometry.width}×${midGeometry.height} px, PNG ${png.width}×${png.height}).`,
    `Median of timed runs after one warm-up; Node ${process.version}; ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} when the run ended (absolute times move with the load; the × peer column is the comparable figure).`,
    '',
    '| export | median ms | same-run peer | peer ms | × peer | target ms | within target |',
    '|---|---:|---|---:|---:|---:|:---:|',
    row(`SVG, ${SVG_NODES} nodes`, svgMs, 'string join of a rect + text per node', svgPeerMs, TARGET_SVG_MS),
    row(`PNG 1×, ${RASTER_NODES} nodes (geometry + SVG + raster)`, pngMs, 'resvg, one-rect SVG of the same pixel size', pngPeerMs, TARGET_RASTER_MS),
    row(`PNG 1×, ${RASTER_NODES} nodes`, pngMs, 'resvg, the same text runs as bare <text>, same size', pngTextPeerMs, TARGET_RASTER_MS),
    row(`PDF brief, ${RASTER_NODES} nodes (two layout passes: diagram page, element entries, tables)`, pdfMs, 'pdfkit, a rect + text line per node', pdfPeerMs, TARGET_RASTER_MS),
    '',
    `(checksum ${sink})`,
  ];
  return { title: 'Exports: SVG of 5k nodes, PNG and PDF of 1k nodes', markdown: lines.join('\n') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { title, markdown } = await run();
  process.stdout.write(`## ${title}\n\n${markdown}\n`);
}
