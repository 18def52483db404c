#!/usr/bin/env node
// Makes the packaged icons from their SVG sources in packaging/: for each of icon.svg (the app)
// and scenario-file.svg (a .scenario document), a 512 px PNG (Linux), an .ico (Windows) and an
// .icns (macOS). The sizes are rasterised by resvg (@resvg/resvg-js, already a dependency for
// the PNG export); .ico and .icns are written here, holding PNG images, which Windows (Vista and
// later) and macOS (10.7 and later) read in both formats. The results are committed, so packaging
// needs no image tool; run `node scripts/make-icons.mjs` again after changing an SVG.
// `--check` writes nothing and exits 1 if a committed icon differs from what its SVG makes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const folder = new URL('../packaging/', import.meta.url).pathname;

/** Windows: the sizes Explorer asks for, up to 256 (an ICO entry cannot be larger). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** macOS: each PNG element type of an .icns file and its pixel size. */
export const ICNS_TYPES = [
  ['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024],
  ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512],
];

function png(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export function ico(svg) {
  const images = ICO_SIZES.map((size) => ({ size, data: png(svg, size) }));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // an icon, not a cursor
  header.writeUInt16LE(images.length, 4);
  let offset = header.byteLength;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.byteLength, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.byteLength;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

export function icns(svg) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const data = png(svg, size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.byteLength + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.byteLength + 8, 4);
  return Buffer.concat([head, body]);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const check = process.argv.includes('--check');
  const stale = [];
  for (const name of ['icon', 'scenario-file']) {
    const svg = readFileSync(join(folder, `${name}.svg`));
    const made = { png: png(svg, 512), ico: ico(svg), icns: icns(svg) };
    for (const [extension, bytes] of Object.entries(made)) {
      const file = join(folder, `${name}.${extension}`);
      if (!check) writeFileSync(file, bytes);
      else if (!existsSync(file) || !readFileSync(file).equals(bytes)) stale.push(`packaging/${name}.${extension}`);
    }
    if (!check) console.log(`packaging/${name}.png, .ico, .icns`);
  }
  if (stale.length) {
    console.error(`not made from its SVG (run node scripts/make-icons.mjs): ${stale.join(', ')}`);
    process.exit(1);
  }
}
