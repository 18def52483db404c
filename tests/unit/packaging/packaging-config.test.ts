// The packaging configuration, tested as data: `npm run package` needs the network and the
// Electron binary, so it cannot run here (see README, "Package it").
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const config = JSON.parse(readFileSync(join(root, 'packaging/electron-builder.json'), 'utf8')) as {
  files: string[]; asar: boolean; asarUnpack: string[]; npmRebuild: boolean; directories: { buildResources: string };
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; mimeType: string; icon: string; role: string }[];
  linux: { target: string[]; mimeTypes: string[]; icon: string }; win: { target: string[] }; mac: { target: string[] };
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
});
