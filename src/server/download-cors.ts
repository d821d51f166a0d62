import type { IncomingMessage, ServerResponse } from 'node:http';

/** How long a browser may keep a download route's preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the download routes (import files, the template, exports, audience recipients), which
 * are served beside Yoga and so outside its `cors` option: a page of a listed origin may fetch them
 * with its bearer key (`Authorization` is not a simple header, so the browser asks first with an
 * OPTIONS preflight) and read the file name from `Content-Disposition`. Any other origin, and a
 * request without an Origin header, gets no CORS headers, so a browser keeps the answer from the
 * page. Returns true when it answered the request (a preflight); the route serves it otherwise.
 */
export function downloadCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[], methods: string): boolean {
  res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.includes(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'content-disposition, x-request-id');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', methods);
    res.setHeader('access-control-allow-headers', 'authorization, content-type');
    res.setHeader('access-control-max-age', String(PREFLIGHT_MAX_AGE_SECONDS));
  }
  res.writeHead(204).end();
  return true;
}
