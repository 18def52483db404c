/**
 * PNG: the SVG diagram rasterised by resvg. A diagram whose longer side would exceed
 * MAX_PNG_SIDE at the requested scale is scaled down to fit (not tiled), so the image is
 * always whole and opens in every viewer and canvas.
 */
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

export const MAX_PNG_SIDE = 8192;

export interface PngResult {
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The zoom actually applied: the requested scale, or less when the diagram was too large. */
  zoom: number;
}

/** The zoom that honours `scale` but keeps both sides within MAX_PNG_SIDE. */
export function pngZoom(width: number, height: number, scale: number): number {
  const longest = Math.max(width, height) * scale;
  return longest > MAX_PNG_SIDE ? (scale * MAX_PNG_SIDE) / longest : scale;
}

/**
 * Rasterise on resvg's worker thread, so the app's main process keeps answering (and can
 * report progress) during a large export.
 */
export async function renderPng(svg: string, size: { width: number; height: number }, scale: 1 | 2 = 1): Promise<PngResult> {
  const zoom = pngZoom(size.width, size.height, scale);
  const options: ResvgRenderOptions = {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { loadSystemFonts: true, sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  };
  const image = await renderAsync(svg, options);
  const bytes = new Uint8Array(image.asPng());
  return { bytes, width: image.width, height: image.height, zoom };
}
