// The packaging configuration, tested as data: `npm run package` needs the network and the
// Electron binary, so it cannot run here (see README, "Package it").
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(join(root, 'packaging/electron-builder.json'), 'utf8')) as {
  files: string[]; asar: boolean; asarUnpack: string[]; npmRebuild: boolean; directories: { buildResources: string };
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType: string; icon: string; role: string }[];
  linux: { target: string[]; mimeTypes: string[]; icon: string }; win: { target: string[]; icon: string }; mac: { target: string[]; icon: string };
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('packaging/electron-builder.json', () => {
  it('associates .scenario files with their MIME type and an icon that exists', () => {
    const [association] = config.fileAssociations;
    expect(association).toMatchObject({ ext: 'scenario', mimeType: 'application/vnd.scenario-workbench.scenario', role: 'Editor' });
    expect(existsSync(join(root, config.directories.buildResources, `${association!.icon}.png`))).toBe(true);
    expect(config.linux.mimeTypes).toContain(association!.mimeType);
    expect(existsSync(join(root, config.linux.icon))).toBe(true);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on ASAR integrity', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('rebuilds better-sqlite3 for Electron and keeps its native binary outside the asar', () => {
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(config.asarUnpack).toContain('**/node_modules/better-sqlite3/**');
  });

  it('packs the built app only: no sources, tests or dev tooling', () => {
    expect(config.files).toEqual(['out/**/*', 'package.json', '!**/*.map']);
    expect(pkg.main.startsWith('out/')).toBe(true);
    // electron-builder packs `dependencies` only; electron itself must stay a devDependency.
    expect(pkg.dependencies.electron).toBeUndefined();
    expect(pkg.devDependencies.electron).toBeDefined();
    expect(pkg.scripts.package).toBe('node scripts/package.mjs');
  });

  it('needs no devDependency at run time: every package main, db, core and preload import is a dependency', () => {
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    for (const folder of ['main', 'db', 'core', 'preload']) {
      for (const file of sources(join(root, folder))) {
        for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import (?!type )[^'"]*['"]([^'"]+)['"]/gm)) {
          if (spec!.startsWith('.') || spec!.startsWith('node:') || builtins.has(spec!) || spec === 'electron') continue;
          const name = spec!.startsWith('@') ? spec!.split('/').slice(0, 2).join('/') : spec!.split('/')[0]!;
          if (!pkg.dependencies[name]) missing.add(`${name} (${file.slice(root.length + 1)})`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('has every platform its icons: PNG (Linux), .ico (Windows) and .icns (macOS), for the app and for .scenario files', () => {
    expect(config.win.icon).toBe('packaging/icon.ico');
    expect(config.mac.icon).toBe('packaging/icon.icns');
    const association = config.fileAssociations[0]!.icon;
    for (const name of ['icon', association]) {
      const folder = join(root, config.directories.buildResources);
      expect(pngSize(readFileSync(join(folder, `${name}.png`)))).toEqual([512, 512]);
      expect(icoSizes(readFileSync(join(folder, `${name}.ico`)))).toEqual([16, 24, 32, 48, 64, 128, 256]);
      expect(icnsSizes(readFileSync(join(folder, `${name}.icns`)))).toEqual({
        icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512,
      });
    }
  });

  it('commits icons made from their SVG sources by scripts/make-icons.mjs', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/make-icons.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** An .ico's directory, each entry checked against the PNG it points to; returns the sizes. */
function icoSizes(bytes: Buffer): number[] {
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const side = bytes.readUInt8(at) || 256;
    const length = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    expect(offset + length).toBeLessThanOrEqual(bytes.byteLength);
    expect(pngSize(bytes.subarray(offset, offset + length))).toEqual([side, side]);
    return side;
  });
}

/** An .icns file's elements: each a PNG of the size its type stands for. */
function icnsSizes(bytes: Buffer): Record<string, number> {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.byteLength);
  const sizes: Record<string, number> = {};
  for (let at = 8; at < bytes.byteLength; ) {
    const type = bytes.subarray(at, at + 4).toString('latin1');
    const length = bytes.readUInt32BE(at + 4);
    const [width, height] = pngSize(bytes.subarray(at + 8, at + length));
    expect(width).toBe(height);
    sizes[type] = width;
    at += length;
  }
  return sizes;
}
