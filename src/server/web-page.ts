import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * The import page: web/ built by Vite into web/dist/ (`npm run build:web`), served at /import.
 * /import and /import/ answer index.html, never cached (it names the current assets); the assets
 * under /import/assets/ carry a content hash in their names and are cached for good. Nothing else
 * under /import is served: a name is one plain file name of web/dist/assets with a known type, so
 * no path can leave the folder. Only GET and HEAD.
 */
export const WEB_PAGE_PATH = '/import';
const ASSETS_PREFIX = `${WEB_PAGE_PATH}/assets/`;

/** web/dist beside src/ and dist/: this file runs from src/server/ (tsx) or dist/server/ (compiled). */
export const WEB_DIST_DIR = path.resolve(import.meta.dirname, '..', '..', 'web', 'dist');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
/** What Vite names an asset: `index-<hash>.js`. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

/** Whether the path (without its query) is the page's. */
export function isWebPagePath(pathname: string): boolean {
  return pathname === WEB_PAGE_PATH || pathname.startsWith(`${WEB_PAGE_PATH}/`);
}

export async function serveWebPage(req: IncomingMessage, res: ServerResponse, root: string = WEB_DIST_DIR): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', ...textHeaders() }).end('The import page is read with GET or HEAD.\n');
    return;
  }
  const pathname = (req.url ?? '/').split('?')[0]!;
  if (pathname === WEB_PAGE_PATH || pathname === `${WEB_PAGE_PATH}/`) {
    const page = await openFile(path.join(root, 'index.html'));
    if (!page) {
      res
        .writeHead(503, { ...textHeaders(), 'cache-control': 'no-store' })
        .end('The import page is not built: run `npm run build:web` (npm install and npm start also build it), then reload.\n');
      return;
    }
    return send(req, res, page, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      'content-security-policy': contentSecurityPolicy(req.headers.host),
    });
  }
  const name = pathname.startsWith(ASSETS_PREFIX) ? pathname.slice(ASSETS_PREFIX.length) : '';
  const type = TYPES[path.extname(name)];
  const asset = ASSET_NAME.test(name) && type ? await openFile(path.join(root, 'assets', name)) : null;
  if (!asset || !type) {
    res.writeHead(404, textHeaders()).end('Not found: the import page is at /import.\n');
    return;
  }
  return send(req, res, asset, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' });
}

/**
 * The page loads its script, styles and images from this origin only, and talks to the API here
 * over HTTP and WebSocket (named for browsers whose 'self' leaves out ws: and wss:). A Host header
 * that is not a plain host and port is left out of the policy rather than written into it.
 */
function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host && /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

interface OpenFile {
  handle: FileHandle;
  size: number;
}

/** The file opened for reading, or null when it is missing or not a file (a build may be replacing it). */
async function openFile(file: string): Promise<OpenFile | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  const info = await handle.stat().catch(() => null);
  if (!info?.isFile()) {
    await handle.close();
    return null;
  }
  return { handle, size: info.size };
}

async function send(req: IncomingMessage, res: ServerResponse, file: OpenFile, headers: Record<string, string>): Promise<void> {
  res.writeHead(200, { ...headers, 'content-length': String(file.size), 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
  if (req.method === 'HEAD') {
    res.end();
    await file.handle.close();
    return;
  }
  // A client that goes away midway is no failure of the server's.
  await pipeline(file.handle.createReadStream(), res).catch(() => res.destroy());
}

function textHeaders(): Record<string, string> {
  return { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' };
}
