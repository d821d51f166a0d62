import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Database } from '../db/client.ts';
import type { FileStore } from '../import/file-store.ts';
import type { JobEvents } from '../import/progress.ts';
import type { Caller, Context } from '../schema/builder.ts';
import { schema } from '../schema/index.ts';
import { authenticate } from '../services/api-keys.ts';
import { EXPORT_PATH_PREFIX, serveExport } from './export.ts';
import { serveFile } from './files.ts';
import { useStreamingUploads } from './upload.ts';

export const GRAPHQL_PATH = '/graphql';

/**
 * The largest upload the server reads at all. Each workspace's own (smaller or equal) limit is
 * enforced while the file is stored.
 */
const MAX_UPLOAD_BYTES = 2 ** 40;

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  server: Server;
  /** Starts listening; resolves to the base URL, e.g. `http://127.0.0.1:4000`. */
  start(options: { host: string; port: number }): Promise<string>;
  /** Stops accepting, closes open sockets and WebSocket connections, and waits for them. */
  stop(): Promise<void>;
}

/** What reaches Yoga's context factory: Node's request over HTTP, connection params over WebSocket. */
interface ServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
  connectionParams?: Record<string, unknown>;
}

const GRAPHIQL_DEFAULT_QUERY = `# Paste your API key into the Headers tab below:
#   { "Authorization": "Bearer sb_..." }
query Contacts {
  contacts(first: 10) {
    totalCount
    edges { node { id name details { kind value status } } }
  }
}
`;

/**
 * The HTTP and WebSocket server of the API: Yoga on node:http (GraphQL over HTTP and SSE, GraphiQL
 * at /graphql), graphql-ws on the same port and path, and /healthz. Building it starts nothing;
 * `start` listens.
 */
export function buildApp(options: { db: Database; files: FileStore; events: JobEvents }): App {
  const { db, files, events } = options;
  // Known once listening; download URLs handed out over WebSocket (which has no request URL) use it.
  let origin = '';

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: { title: 'Switchboard', defaultQuery: GRAPHIQL_DEFAULT_QUERY },
    // GraphiQL's scripts, styles and editor workers inlined in the page: Yoga's own page loads them
    // from a CDN, which a machine without internet (or a strict CSP) cannot reach.
    renderGraphiQL,
    maskedErrors: true,
    logging: process.env.NODE_ENV === 'test' ? false : 'info',
    // Uploads stream through graphql-upload-minimal instead (the plugin); Yoga's own multipart
    // parser and body-size limiter would buffer whole files.
    multipart: false,
    maxRequestBodySize: false,
    plugins: [useStreamingUploads({ maxFileSize: MAX_UPLOAD_BYTES })],
    context: async ({ request, connectionParams }) => ({
      db,
      files,
      events,
      origin: request ? new URL(request.url).origin : origin,
      caller: await resolveCaller(db, bearerFrom(request?.headers.get('authorization') ?? connectionAuthorization(connectionParams))),
    }),
  });

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      void health(db, res);
      return;
    }
    if (req.url?.startsWith(EXPORT_PATH_PREFIX)) {
      void serveExport({ db, req, res, caller: (header) => resolveCaller(db, bearerFrom(header)) });
      return;
    }
    if (req.url?.startsWith('/files/')) {
      void serveFile({ db, files, req, res, caller: (header) => resolveCaller(db, bearerFrom(header)) });
      return;
    }
    void yoga(req, res, { req, res });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH });
  useServer<Record<string, unknown>>(
    {
      // A socket that presents a bad key is refused at once (4403), like a 401 over HTTP.
      onConnect: async (ctx) => {
        try {
          await resolveCaller(db, bearerFrom(connectionAuthorization(ctx.connectionParams)));
          return true;
        } catch {
          return false;
        }
      },
      execute: (args) => (args.rootValue as Envelope).execute(args),
      subscribe: (args) => (args.rootValue as Envelope).subscribe(args),
      // Each WebSocket operation goes through Yoga's envelope, so it gets the same context, auth and
      // plugins as HTTP. No `request` is passed: Yoga would take the socket for a GET and refuse mutations.
      onSubscribe: async (ctx, _id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionParams: ctx.connectionParams,
        });
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies Envelope,
        };
        return args;
      },
    },
    wsServer,
  );

  return {
    yoga,
    server,
    start: ({ host, port }) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as { address: string; port: number };
          origin = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
          resolve(origin);
        });
      }),
    stop: async () => {
      for (const client of wsServer.clients) client.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const socket of sockets) socket.destroySoon();
      await closed;
    },
  };
}

/** Yoga's enveloped execute and subscribe, carried to graphql-ws in the operation's root value. */
interface Envelope {
  execute: (args: ExecutionArgs) => OperationResult;
  subscribe: (args: ExecutionArgs) => OperationResult;
}

function connectionAuthorization(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

function bearerFrom(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <API key>"');
  return match[1];
}

export async function resolveCaller(db: Database, secret: string | undefined): Promise<Caller | null> {
  if (secret === undefined) return null;
  const key = await authenticate(db, secret);
  if (!key) throw unauthenticated('The API key is unknown or has been revoked');
  return { workspaceId: key.workspaceId, keyId: key.id, scope: key.scope };
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

async function health(db: Database, res: ServerResponse): Promise<void> {
  try {
    await db.pool.query('SELECT 1');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
  } catch {
    res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'database unavailable' }));
  }
}
