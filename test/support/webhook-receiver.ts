import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { verifyWebhook } from '../../src/domain/webhook.ts';

/** One request a receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When it arrived, ms since the epoch. */
  at: number;
}

/** How a receiver answers a path (its `count`th request to it, from 1): a status, or null to never answer. */
export type Answer = (path: string, count: number) => number | null;

/** /slow and /hang… never answer, /down answers 503, /flaky fails its first request; anything else 204. */
export const DEFAULT_ANSWER: Answer = (path, count) => {
  if (path === '/slow' || path.startsWith('/hang')) return null;
  return path === '/down' || (path === '/flaky' && count === 1) ? 503 : 204;
};

export interface Receiver {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  received: Received[];
  /** The requests to one path, in order. */
  to(path: string): Received[];
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 that records every request. */
export function startReceiver(answer: Answer = DEFAULT_ANSWER): Promise<Receiver> {
  const received: Received[] = [];
  const to = (path: string) => received.filter((request) => request.path === path);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = answer(path, to(path).length);
      if (status === null) return;
      res.writeHead(status, status >= 300 && status < 400 ? { location: '/redirected' } : {}).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        server,
        url: `http://127.0.0.1:${port}`,
        port,
        received,
        to,
        close: async () => {
          server.closeAllConnections();
          await new Promise((closed) => server.close(closed));
        },
      });
    }),
  );
}

/** What a receiver does with a request it got: Standard Webhooks verification, at `nowSeconds` (its clock). */
export function verifyReceived(secret: string, request: Received, nowSeconds = Math.floor(request.at / 1000)) {
  const header = (name: string) => String(request.headers[name] ?? '');
  return verifyWebhook(
    secret,
    { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature'), body: request.body },
    { nowSeconds },
  );
}
