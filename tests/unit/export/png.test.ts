import { describe, expect, it } from 'vitest';
import { diagramGeometry } from '../../../core/export';
import { DIAGRAM_COLORS } from '../../../core/export/style';
import { exportDocument } from '../../../main/export';
import { MAX_PNG_SIDE, pngZoom } from '../../../main/export/png';
import { DocumentBuilder, hostileDocument, sampleDocument } from '../../fixtures/export/builder';
import { decodePng, luminanceVariance, type DecodedPng } from './tools';

/** The share of pixels in rows [top, top + height) that are exactly `hex`. */
function shareOf(png: DecodedPng, hex: string, top: number, height: number): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let hits = 0;
  for (let y = top; y < top + height; y++) {
    for (let x = 0; x < png.width; x++) {
      const o = (y * png.width + x) * 4;
      if (png.pixels[o] === r && png.pixels[o + 1] === g && png.pixels[o + 2] === b) hits++;
    }
  }
  return hits / (png.width * height);
}

describe('PNG export', () => {
  it('decodes at the diagram size at 1x and twice that at 2x, and is not blank', async () => {
    const doc = sampleDocument();
    const g = diagramGeometry(doc, { kind: 'all' });
    for (const scale of [1, 2] as const) {
      const file = await exportDocument(doc, { format: 'png', scope: { kind: 'all' }, scale });
      const png = decodePng(file.bytes);
      expect([png.width, png.height]).toEqual([g.width * scale, g.height * scale]);
      expect(luminanceVariance(png)).toBeGreaterThan(100);
    }
  });

  it("prints the scenario's marking in a band across the top and the bottom, with its text", async () => {
    const doc = sampleDocument();
    doc.scenario.marking = 'CONFIDENTIAL';
    doc.scenario.markingCaveat = 'REL TO USA, JPN';
    const g = diagramGeometry(doc, { kind: 'all' }, { marking: 'CONFIDENTIAL // REL TO USA, JPN' });
    const band = g.marking!.band;
    const png = decodePng((await exportDocument(doc, { format: 'png', scope: { kind: 'all' } })).bytes);
    expect([png.width, png.height]).toEqual([g.width, g.height]);
    for (const top of [0, png.height - band]) {
      // Mostly the band's fill, with the marking's dark letters on it.
      expect(shareOf(png, DIAGRAM_COLORS.markingFill, top, band)).toBeGreaterThan(0.8);
      expect(shareOf(png, DIAGRAM_COLORS.markingFill, top, band)).toBeLessThan(1);
      expect(luminanceVariance(png, { x: 0, y: top, width: png.width, height: band })).toBeGreaterThan(50);
    }
    // The same diagram unmarked has no band.
    const unmarked = decodePng((await exportDocument(sampleDocument(), { format: 'png', scope: { kind: 'all' } })).bytes);
    expect(unmarked.height).toBe(png.height - 2 * band);
    expect(shareOf(unmarked, DIAGRAM_COLORS.markingFill, 0, band)).toBe(0);
  });

  it('renders the hostile fixture', async () => {
    const file = await exportDocument(hostileDocument(), { format: 'png', scope: { kind: 'all' } });
    expect(luminanceVariance(decodePng(file.bytes))).toBeGreaterThan(100);
  });

  it('scales a diagram wider than 8,192 px down to fit, drawing both far ends', async () => {
    const b = new DocumentBuilder('Wide');
    const c = b.crisis('Wide crisis');
    b.node(c, 'trigger', 'Far left', { x: 0, y: 0 });
    b.node(c, 'impact', 'Far right', { x: 12_000, y: 300 });
    const g = diagramGeometry(b.doc, { kind: 'all' });
    const file = await exportDocument(b.doc, { format: 'png', scope: { kind: 'all' }, scale: 2 });
    const png = decodePng(file.bytes);
    expect(png.width).toBe(MAX_PNG_SIDE);
    expect(png.height).toBe(Math.round(g.height * pngZoom(g.width, g.height, 2)));
    // Boxes sit at both ends: the last 3% of columns and the first 3% both hold drawing.
    const band = Math.ceil(png.width * 0.03);
    expect(luminanceVariance(png, { x: png.width - band, y: 0, width: band, height: png.height })).toBeGreaterThan(50);
    expect(luminanceVariance(png, { x: 0, y: 0, width: band, height: png.height })).toBeGreaterThan(50);
  });
});
