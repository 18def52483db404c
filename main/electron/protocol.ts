/** Serves the built renderer from app://workbench/ with a traversal guard and the CSP header. */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppAsset } from '../app/asset-path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../app/security-policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(rendererDir, request.url);
    if (!asset.ok) return new Response(null, { status: asset.status });
    const body = await readFile(asset.path);
    return new Response(body, {
      headers: {
        'content-type': asset.mime,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
