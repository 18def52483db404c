/**
 * Maps an app:// URL to a file inside the built renderer folder, refusing anything that would
 * leave it: `..` segments, encoded separators, absolute paths, symlinks out of the folder.
 */
import { realpathSync, statSync } from 'node:fs';
import path, { extname, isAbsolute, join, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security-policy';

export type AssetLookup = { ok: true; path: string; mime: string } | { ok: false; status: 400 | 403 | 404 };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export function resolveAppAsset(rootDir: string, rawUrl: string): AssetLookup {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 400 };
  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  if (isAbsolute(relativePath) || relativePath.split('/').some((part) => part === '..')) return { ok: false, status: 403 };
  const root = resolve(rootDir);
  const candidate = resolve(join(root, relativePath));
  if (!isInsideFolder(root, candidate)) return { ok: false, status: 403 };
  let real: string;
  try {
    real = realpathSync(candidate);
  } catch {
    return { ok: false, status: 404 };
  }
  if (!isInsideFolder(realpathSync(root), real)) return { ok: false, status: 403 };
  // Only a file is an asset: a folder (or a device) would make the protocol handler throw.
  if (!statSync(real).isFile()) return { ok: false, status: 404 };
  return { ok: true, path: real, mime: MIME[extname(real).toLowerCase()] ?? 'application/octet-stream' };
}

/**
 * Whether `candidate` lies inside the folder `root`, by path.relative, so with the platform's
 * separators, drive letters and case rules (`paths` is there for the tests to pass path.win32).
 */
export function isInsideFolder(root: string, candidate: string, paths: Pick<typeof path, 'relative' | 'resolve' | 'isAbsolute' | 'sep'> = path): boolean {
  const rel = paths.relative(paths.resolve(root), paths.resolve(candidate));
  return rel !== '' && !paths.isAbsolute(rel) && !rel.split(paths.sep).includes('..');
}
