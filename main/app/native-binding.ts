/**
 * better-sqlite3 is a native addon, and Node and Electron have different ABIs. node_modules keeps
 * the Node build (for the CLI and the tests); `npm start` builds a second copy for Electron into
 * .native/ (scripts/ensure-electron-native.mjs), and the app passes it as `nativeBinding`. So
 * neither build ever overwrites the other, and `npm start` and `npm test` work in either order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronBindingPath(appRoot: string, electronVersion: string, arch: string, platform: string): string {
  return join(appRoot, '.native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The Electron build if it exists; undefined makes better-sqlite3 use its own (Node) build. */
export function findElectronBinding(appRoot: string, versions: NodeJS.ProcessVersions, arch: string, platform: string): string | undefined {
  const electron = versions.electron;
  if (!electron) return undefined;
  const path = electronBindingPath(appRoot, electron, arch, platform);
  return existsSync(path) ? path : undefined;
}
