// Serves the built renderer (out/renderer) on app://spanwright/ with a strict CSP.
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { resolveAppAsset, responseHeadersFor } from './app-assets';

/** Must run before `app` is ready: privileges cannot be granted afterwards. */
export function registerAppSchemeAsPrivileged(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin (IndexedDB, relative URLs); secure: a secure context like https.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function serveRendererOnAppScheme(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const filePath = resolveAppAsset(rendererDir, request.url);
    if (filePath === null) return textResponse(404, 'Not found');
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeadersFor(filePath) });
    } catch {
      return textResponse(404, 'Not found');
    }
  });
}
