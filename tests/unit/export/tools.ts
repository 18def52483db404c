/**
 * Running the real tools that read our exports (xmllint, dot, pdfinfo, pdftotext, python's
 * csv module), and a small PNG decoder. A missing tool fails the test with the package to
 * install, rather than skipping: these checks are the point of the export tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

const PACKAGE_OF: Record<string, string> = { xmllint: 'libxml2-utils', dot: 'graphviz', pdfinfo: 'poppler-utils', pdftotext: 'poppler-utils', pdffonts: 'poppler-utils', pdftoppm: 'poppler-utils', python3: 'python3' };

export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: string[], input?: string | Uint8Array): ToolRun {
  const result = spawnSync(command, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    throw new Error(`${command} could not run (${result.error.message}); install Debian package ${PACKAGE_OF[command] ?? command}`);
  }
  return { status: result.status ?? -1, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

/** Write `content` to a temporary file, run `use` on its path, and remove it. */
export function withTempFile<T>(name: string, content: string | Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sw-export-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, content);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function xmllint(content: string): ToolRun {
  return withTempFile('doc.xml', content, (path) => runTool('xmllint', ['--noout', '--nonet', path]));
}

/** Whitespace-normalised text, for finding a title that a layout may have wrapped. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 8 bits per channel. */
  pixels: Uint8Array;
}

/** Decode an 8-bit RGBA or RGB, non-interlaced PNG (what resvg writes). */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const depth = data[8];
      const colorType = data[9];
      if (depth !== 8 || (colorType !== 6 && colorType !== 2) || data[12] !== 0) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (src[i]! + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = line[x * channels]!;
      out[o + 1] = line[x * channels + 1]!;
      out[o + 2] = line[x * channels + 2]!;
      out[o + 3] = channels === 4 ? line[x * channels + 3]! : 255;
    }
    prev.set(line);
  }
  return { width, height, pixels: out };
}

/** Variance of luminance over a region: 0 for a blank image. */
export function luminanceVariance(png: DecodedPng, region = { x: 0, y: 0, width: png.width, height: png.height }): number {
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const o = (y * png.width + x) * 4;
      const l = 0.2126 * png.pixels[o]! + 0.7152 * png.pixels[o + 1]! + 0.0722 * png.pixels[o + 2]!;
      sum += l;
      sumSq += l * l;
      n++;
    }
  }
  const mean = sum / n;
  return sumSq / n - mean * mean;
}

/** The markers the hostile fixture must never produce in SVG or HTML. */
export function activeContent(markup: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(markup)) found.push('<script');
  const handler = /\son[a-z]+\s*=/i.exec(markup);
  if (handler) found.push(handler[0]);
  if (/javascript:/i.test(markup)) found.push('javascript:');
  return found;
}
