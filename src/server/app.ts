import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { OperationResult } from 'graphql-ws';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { useServer } from 'graphql-ws/use/ws';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_OPERATOR_LIMITS, type OperatorLimits } from '../config.ts';
import { openApiDatabases, type ApiDatabaseOptions } from '../db/api-database.ts';
import type { Database } from '../db/client.ts';
import { silentLogger, type Logger } from '../db/logger.ts';
import type { FileStore } from '../files/file-store.ts';
import type { JobEvents } from '../db/job-events.ts';
import type { Context } from '../schema/builder.ts';
import type { Caller } from '../services/api-keys.ts';
import { schema } from '../schema/index.ts';
import { authenticate, revokedAmong } from '../services/api-keys.ts';
import type { WebhookSettings } from '../services/webhooks.ts';
import { serveAudienceRecipients } from './audience-recipients.ts';
import { serveExport } from './export.ts';
import { AUDIENCE_RECIPIENTS_PATH, EXPORT_PATH_PREFIX, FILES_PATH_PREFIX } from '../schema/download-links.ts';
import { DownloadSlots, type DownloadLimits } from './download-slots.ts';
import { serveFile } from './files.ts';
import { GRAPHIQL_OPTIONS } from './graphiql-defaults.ts';
import { isWebPagePath, serveWebPage } from './web-page.ts';
import { SignedDownloads } from './signed-downloads.ts';
import { corsPolicy, useCrossOriginProtection } from './cross-origin.ts';
import { downloadCors } from './download-cors.ts';
import { CLOSES, codeProtocolCloses } from './close-reasons.ts';
import { LiveConnections, type LiveLimits } from './live-limits.ts';
import { useOperationLimits } from './operation-limits.ts';
import { useRequestErrorCodes } from './request-error-codes.ts';
import { useSseModes } from './sse-modes.ts';
import { apiErrorMasker, useInputNesting, useRequestScope } from './request-guards.ts';
import { useStreamingUploads } from './upload.ts';
import { ApiMetrics, Metrics } from './metrics.ts';
import { METRICS_PATH, serveMetrics } from './metrics-server.ts';
import { Readiness } from './readiness.ts';
import {
  callerFacts,
  connectionIdOf,
  connectionLogger,
  loggedRequests,
  logConnection,
  noteConnectionCaller,
  operationCompleted,
  operationRefused,
  operationStarted,
  REQUEST_ID_HEADER,
  requestLog,
  useRequestLog,
  withActiveLogger,
  yogaLogging,
} from './request-log.ts';

export const GRAPHQL_PATH = '/graphql';

export interface App {
  yoga: YogaServerInstance<ServerContext, Context>;
  server: Server;
  /** The slots of database-streamed downloads (exports, audience recipients). */
  downloads: DownloadSlots;
  /** The process's metrics (the app's own unless it was given them). */
  metrics: Metrics;
  /** From now on /readyz answers 503 while requests are still served: the process is about to stop. */
  markShuttingDown(): void;
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
  /** The WebSocket connection an operation came on, for the per-connection subscription limit. */
  liveSocket?: WebSocket;
  /** A WebSocket operation's logger (an HTTP request's is found from `req`). */
  log?: Logger;
}

/**
 * The HTTP and WebSocket server of the API: Yoga on node:http (GraphQL over HTTP and SSE, GraphiQL
 * at /graphql), graphql-ws on the same port and path, /healthz (the process runs), /readyz (it
 * can serve: see readiness.ts) and, with a metrics token, /metrics. Building it starts nothing;
 * `start` listens. `limits` are the operator's ceilings (the defaults unless given).
 */
export function buildApp(options: {
  db: Database;
  files: FileStore;
  events: JobEvents;
  limits?: OperatorLimits;
  /** Limits on WebSocket connections and subscriptions (the defaults of live-limits.ts unless given). */
  liveLimits?: Partial<LiveLimits>;
  /** The key sealing webhook secrets and the policy on webhook URLs (from the configuration). */
  webhooks: WebhookSettings;
  /** The statement timeouts and per-workspace share of the API's database pools (api-database.ts's defaults unless given). */
  apiDatabase?: Partial<ApiDatabaseOptions>;
  /** Origins whose pages may call the API from a browser (none unless given). */
  corsOrigins?: readonly string[];
  /** How many database-streamed downloads run at once, and for how long (download-slots.ts's defaults unless given). */
  downloadLimits?: Partial<DownloadLimits>;
  /** PUBLIC_URL: the base of every link handed out; unset, the request's origin (its Host header), or the address listened on. */
  publicUrl?: string;
  /** DOWNLOAD_LINK_TTL_SECONDS: how long a signed download link works (15 minutes unless given). */
  downloadLinkTtlSeconds?: number;
  /** The process's metrics, which its worker and webhook delivery also report to; the app makes its own unless given. */
  metrics?: Metrics;
  /** METRICS_TOKEN: /metrics answers a bearer of it on this port; without it, /metrics is not served here. */
  metricsToken?: string;
  /** Where requests, connections and unexpected errors are logged (nowhere unless given). */
  logger?: Logger;
}): App {
  const { db, files, events, limits = DEFAULT_OPERATOR_LIMITS } = options;
  const logger = options.logger ?? silentLogger;
  const live = new LiveConnections(options.liveLimits);
  const downloads = new DownloadSlots(options.downloadLimits);
  const corsOrigins = options.corsOrigins ?? [];
  const signedDownloads = new SignedDownloads(db, options.webhooks.secretKey, options.downloadLinkTtlSeconds);
  // GraphQL requests reach the database through pools of their own, with a statement timeout and a
  // share per workspace; imports, exports and the worker keep `db`, without them.
  const api = openApiDatabases(db, options.apiDatabase);
  const metrics = options.metrics ?? new Metrics(db);
  metrics.watchPool('api_queries', api.queries.pool);
  metrics.watchPool('api_mutations', api.mutations.pool);
  const apiMetrics = new ApiMetrics(metrics, {
    graphqlPath: GRAPHQL_PATH,
    openSubscriptions: () => live.openSubscriptions(),
    openWebSockets: () => wsServer.clients.size,
  });
  const readiness = new Readiness(db, files);
  // A key revoked anywhere ends its connections and subscriptions here; after the LISTEN connection
  // was down, the keys held are checked again in case a revocation was missed.
  const stopRevocations = events.onKeyRevoked((keyId) => live.revoke(keyId));
  const stopRechecks = events.onReconnected(() => {
    revokedAmong(db, live.heldKeyIds()).then(
      (keyIds) => {
        for (const keyId of keyIds) live.revoke(keyId);
      },
      () => {},
    );
  });
  // Known once listening; download URLs handed out over WebSocket (which has no request URL) use it.
  let origin = '';

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: GRAPHIQL_OPTIONS,
    // GraphiQL's scripts, styles and editor workers inlined in the page: Yoga's own page loads them
    // from a CDN, which a machine without internet (or a strict CSP) cannot reach.
    renderGraphiQL,
    cors: corsPolicy(corsOrigins),
    maskedErrors: { maskError: apiErrorMasker(api.settings) },
    logging: yogaLogging(logger),
    // Uploads stream through graphql-upload-minimal instead (the plugin); Yoga's own multipart
    // parser and body-size limiter would buffer whole files.
    multipart: false,
    maxRequestBodySize: false,
    // The operator's upload ceiling; each upload is also held to its workspace's (smaller or equal) limit while it is read.
    // Cross-origin protection first, so an upload without its CSRF header is refused before it is read;
    // operation limits before live.plugin(), so a refused subscription never takes a place.
    // Input nesting before operation limits, whose cost measure reads the variables recursively.
    plugins: [
      useRequestLog(),
      apiMetrics.graphqlPlugin(),
      useSseModes(GRAPHQL_PATH),
      useCrossOriginProtection(),
      useStreamingUploads({ maxFileSize: limits.maxUploadBytes }),
      useInputNesting(),
      useRequestErrorCodes(),
      useOperationLimits(),
      live.plugin(),
      useRequestScope(api),
    ],
    context: async ({ request, connectionParams, req, log }) => {
      const linkOrigin = options.publicUrl ?? (request ? new URL(request.url).origin : origin);
      const caller = await resolveCaller(db, bearerFrom(request?.headers.get('authorization') ?? connectionAuthorization(connectionParams)));
      return {
        db: api.queries,
        files,
        events,
        limits,
        webhooks: options.webhooks,
        origin: linkOrigin,
        downloadUrl: signedDownloads.urlsFor(linkOrigin, caller),
        caller,
        log: log ?? (req ? requestLog(req).logger : logger),
      };
    },
  });

  const sockets = new Set<Socket>();
  // The caller of a plain-HTTP route; its ids go on the request's completion line.
  const callerOf = (req: IncomingMessage) => async (authorization: string | undefined) => {
    const caller = await resolveCaller(db, bearerFrom(authorization));
    Object.assign(requestLog(req).facts, callerFacts(caller));
    return caller;
  };
  // A file route's caller: a signed link's key, or the bearer key.
  const downloaderOf = (req: IncomingMessage) => async () => {
    const auth = await signedDownloads.authorize(req, callerOf(req));
    if ('caller' in auth) Object.assign(requestLog(req).facts, callerFacts(auth.caller));
    return auth;
  };
  const route = (req: IncomingMessage, res: ServerResponse) => {
    apiMetrics.track(req, res);
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    const path = req.url?.split('?')[0];
    if (path === '/readyz') {
      void readiness.serve(res);
      return;
    }
    // Without a token, /metrics is no route of this port (Yoga answers 404, as for any unknown path).
    if (path === METRICS_PATH && options.metricsToken !== undefined) {
      void serveMetrics(req, res, metrics, options.metricsToken);
      return;
    }
    if (req.url?.split('?')[0] === AUDIENCE_RECIPIENTS_PATH) {
      if (downloadCors(req, res, corsOrigins, 'POST')) return;
      void serveAudienceRecipients({ db, req, res, downloads, caller: callerOf(req), log: requestLog(req).logger });
      return;
    }
    if (req.url?.startsWith(EXPORT_PATH_PREFIX)) {
      if (downloadCors(req, res, corsOrigins, 'GET')) return;
      void serveExport({ db, req, res, downloads, authorize: downloaderOf(req), log: requestLog(req).logger });
      return;
    }
    if (req.url?.startsWith(FILES_PATH_PREFIX)) {
      if (downloadCors(req, res, corsOrigins, 'GET, HEAD')) return;
      void serveFile({ db, files, req, res, authorize: downloaderOf(req), log: requestLog(req).logger });
      return;
    }
    // The import wizard, a page of web/dist that calls this API like any other client.
    if (path !== undefined && isWebPagePath(path)) {
      void serveWebPage(req, res);
      return;
    }
    void yoga(req, res, { req, res });
  };
  const server = createServer(loggedRequests(logger, route));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  // A larger message than maxPayload closes its socket (1009) before it is parsed.
  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH, maxPayload: live.limits.maxMessageBytes });
  // Before graphql-ws takes the socket (listeners run in order), so that its closes are coded too.
  wsServer.on('connection', (socket) => codeProtocolCloses(socket, live.limits));
  useServer<Record<string, unknown>, { socket: WebSocket }>(
    {
      // A socket silent for this long after opening is closed (4408).
      connectionInitWaitTimeout: live.limits.connectionInitWaitMs,
      // The key comes in connection_init: a socket without one is closed with 4401, one with a bad or
      // revoked key with 4403 (like a 401 over HTTP), one over its key's connection limit with 4429,
      // each with a coded reason (close-reasons.ts). graphql-ws's own close on `false` comes after
      // ours and is ignored, so ours is the one the client sees.
      onConnect: async (ctx) => {
        const { socket } = ctx.extra;
        // Already closed as over the connection limit: not worth a key lookup.
        if (socket.readyState !== socket.OPEN) return false;
        const authorization = connectionAuthorization(ctx.connectionParams);
        if (!authorization) {
          socket.close(CLOSES.missingKey.code, CLOSES.missingKey.reason);
          return false;
        }
        let caller: Caller | null;
        try {
          caller = await resolveCaller(db, bearerFrom(authorization));
        } catch {
          caller = null;
        }
        if (!caller) {
          socket.close(CLOSES.invalidKey.code, CLOSES.invalidKey.reason);
          return false;
        }
        noteConnectionCaller(socket, caller);
        return live.registerSocket(socket, caller.keyId);
      },
      // Run with the operation's logger active, so that what Yoga logs meanwhile carries its ids.
      execute: (args) => withActiveLogger(contextLog(args), () => (args.rootValue as Envelope).execute(args)),
      subscribe: (args) => withActiveLogger(contextLog(args), () => (args.rootValue as Envelope).subscribe(args)),
      // Each WebSocket operation goes through Yoga's envelope, so it gets the same context, auth and
      // plugins as HTTP. No `request` is passed: Yoga would take the socket for a GET and refuse mutations.
      onSubscribe: async (ctx, id, payload) => {
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          connectionParams: ctx.connectionParams,
          liveSocket: ctx.extra.socket,
        });
        let document: ExecutionArgs['document'];
        try {
          document = parse(payload.query);
        } catch (error) {
          operationRefused(ctx.extra.socket, id, 1);
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) {
          operationRefused(ctx.extra.socket, id, errors.length);
          return errors;
        }
        const log = operationStarted(ctx.extra.socket, id, { document, operationName: payload.operationName });
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await contextFactory({ log: log ?? connectionLogger(ctx.extra.socket) ?? logger }),
          rootValue: { execute, subscribe } satisfies Envelope,
        };
        return args;
      },
      onComplete: (ctx, id) => operationCompleted(ctx.extra.socket, id),
    },
    wsServer,
  );
  // The upgrade's answer carries the connection's id, like an HTTP answer its request's.
  wsServer.on('headers', (headers, request) => headers.push(`${REQUEST_ID_HEADER}: ${connectionIdOf(request)}`));
  wsServer.on('connection', (socket, request) => {
    logConnection(logger, socket, request);
    apiMetrics.webSocketOpened();
    live.admitSocket(socket, wsServer.clients.size);
    // ws itself closes a socket whose frames break the protocol or the payload limit (1002, 1009…);
    // graphql-ws would also print each such error with its stack, which lets any client fill the logs.
    socket.removeAllListeners('error');
    socket.on('error', () => {});
  });

  return {
    yoga,
    server,
    downloads,
    metrics,
    markShuttingDown: () => readiness.markShuttingDown(),
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
      readiness.markShuttingDown();
      stopRevocations();
      stopRechecks();
      for (const client of wsServer.clients) client.close(CLOSES.shuttingDown.code, CLOSES.shuttingDown.reason);
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const socket of sockets) socket.destroySoon();
      await closed;
      await api.close();
    },
  };
}

/** The logger in an operation's context. */
function contextLog(args: ExecutionArgs): Logger | undefined {
  return (args.contextValue as Partial<Context> | undefined)?.log;
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
