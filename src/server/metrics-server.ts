import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Metrics } from './metrics.ts';

export const METRICS_PATH = '/metrics';

/**
 * Answers a request for /metrics with the process's metrics. On the API port `token` is
 * METRICS_TOKEN, which the scraper must send as its bearer token (compared in constant time);
 * on a listener of their own (METRICS_PORT) there is no token.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, metrics: Metrics, token?: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Only GET reads the metrics\n');
    return;
  }
  if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
    res
      .writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' })
      .end('The metrics need the header Authorization: Bearer <METRICS_TOKEN>\n');
    return;
  }
  try {
    const text = await metrics.text();
    res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : text);
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('The metrics could not be collected\n');
  }
}

/** Whether an Authorization header carries `token` as its bearer token; the time taken says nothing about how much of it matched. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** A listener serving only the metrics, without a token: METRICS_PORT, or a worker's WORKER_METRICS_PORT. */
export interface MetricsServer {
  /** The metrics' URL, e.g. `http://127.0.0.1:9464/metrics`. */
  url: string;
  stop(): Promise<void>;
}

export function startMetricsServer(metrics: Metrics, options: { host: string; port: number }): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    if (req.url?.split('?')[0] === METRICS_PATH) void serveMetrics(req, res, metrics);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end(`Only ${METRICS_PATH} is served here\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address() as { address: string; port: number };
      const host = address.address.includes(':') ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}${METRICS_PATH}`,
        stop: async () => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          await closed;
        },
      });
    });
  });
}
