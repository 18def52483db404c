import { describe, expect, it } from 'vitest';
import { diagramGeometry } from '../../../core/export';
import { exportDocument } from '../../../main/export';
import { MAX_PNG_SIDE, pngZoom } from '../../../main/export/png';
import { DocumentBuilder, hostileDocument, sampleDocument } from '../../fixtures/export/builder';
import { decodePng, luminanceVariance } from './tools';

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
