import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { print, type ExecutionResult } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_OPERATOR_LIMITS, type OperatorLimits } from '../../src/config.ts';
import type { ApiDatabaseOptions } from '../../src/db/api-database.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import type { Logger } from '../../src/db/logger.ts';
import type { FileStore } from '../../src/files/file-store.ts';
import { LocalFileStore } from '../../src/files/local-file-store.ts';
import { JobEvents } from '../../src/db/job-events.ts';
import { startImportWorker, type ImportWorker } from '../../src/import/worker.ts';
import type { DownloadLimits } from '../../src/server/download-slots.ts';
import { Metrics } from '../../src/server/metrics.ts';
import { buildApp, GRAPHQL_PATH, type App } from '../../src/server/app.ts';
import type { LiveLimits } from '../../src/server/live-limits.ts';
import { createApiKey } from '../../src/services/api-keys.ts';
import type { WebhookSettings } from '../../src/services/webhooks.ts';
import { createWorkspace } from '../../src/services/workspaces.ts';
import type { ApiKeyScope } from '../../src/generated/prisma/enums.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { startS3Server } from './s3-server.ts';

/** A workspace of the test app with a key of each scope. */
export interface TestWorkspace {
  id: string;
  keys: Record<ApiKeyScope, string>;
}

export interface TestApp {
  url: string;
  app: App;
  db: Database;
  files: FileStore;
  events: JobEvents;
  /** The app's webhook settings, for a delivery loop the test starts on the same database. */
  webhooks: WebhookSettings;
  /** Sends one operation over HTTP POST with the key given (none when null). */
  request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    key: string | null,
  ): Promise<{ status: number; body: ExecutionResult<TResult> }>;
  /** Like `request`, expecting HTTP 200 and no GraphQL errors; returns the data. */
  data<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, key: string): Promise<TResult>;
  /** A graphql-ws client on the app's WebSocket endpoint. */
  wsClient(connectionParams: Record<string, unknown>): Client;
  createWorkspace(name?: string): Promise<TestWorkspace>;
  close(): Promise<void>;
}

/**
 * The operator's defaults, but for imports under way: a test file's workspace keeps the imports
 * of many tests waiting side by side (test/hardening sets its own limits to test them).
 */
const TEST_LIMITS: OperatorLimits = { ...DEFAULT_OPERATOR_LIMITS, maxActiveImportsPerWorkspace: 1000 };

/**
 * The real server on a fresh database, listening on 127.0.0.1 with a free port, with an import
 * worker in the same process (unless `worker: false`, for tests that run their own). `limits`
 * replaces some of the operator's default limits, `liveLimits` some of the WebSocket and subscription limits. Webhooks get a fresh secret key and, unless
 * `webhooks` says otherwise, the development switch that lets them post to receivers on 127.0.0.1.
 * `apiDatabase` replaces some limits of the API's database pool (statement timeout, per-workspace share).
 * `corsOrigins` lists the origins whose pages may call the API (CORS_ORIGINS).
 * `metricsToken` is METRICS_TOKEN: /metrics on the app's port (the app and its worker share one registry).
 * `storage: 's3'` keeps the files in a bucket of an S3-protocol server the app starts on 127.0.0.1
 * (s3rver) instead of a temporary folder. `publicUrl` is PUBLIC_URL, `downloadLinkTtlSeconds` DOWNLOAD_LINK_TTL_SECONDS.
 * `logger` gets the app's and its worker's log lines (none are written unless given).
 */
export async function startTestApp(
  options: {
    worker?: boolean;
    limits?: Partial<OperatorLimits>;
    liveLimits?: Partial<LiveLimits>;
    webhooks?: Partial<WebhookSettings>;
    apiDatabase?: Partial<ApiDatabaseOptions>;
    corsOrigins?: string[];
    downloadLimits?: Partial<DownloadLimits>;
    metricsToken?: string;
    storage?: 'local' | 's3';
    publicUrl?: string;
    downloadLinkTtlSeconds?: number;
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const db = openDatabase(database.url);
  const filesDir = await mkdtemp(path.join(tmpdir(), 'switchboard-files-'));
  const s3 = options.storage === 's3' ? await startS3Server() : undefined;
  const files: FileStore = s3 ? s3.store('files/') : new LocalFileStore(filesDir);
  const metrics = new Metrics(db);
  const events = new JobEvents(database.url);
  await events.start();
  const worker: ImportWorker | undefined =
    options.worker === false ? undefined : await startImportWorker({ db, files, metrics: metrics.imports, logger: options.logger });
  const webhooks: WebhookSettings = { secretKey: randomBytes(32), allowInsecure: true, ...options.webhooks };
  const app = buildApp({
    db,
    files,
    events,
    limits: { ...TEST_LIMITS, ...options.limits },
    liveLimits: options.liveLimits,
    webhooks,
    apiDatabase: options.apiDatabase,
    corsOrigins: options.corsOrigins,
    downloadLimits: options.downloadLimits,
    metrics,
    metricsToken: options.metricsToken,
    publicUrl: options.publicUrl,
    downloadLinkTtlSeconds: options.downloadLinkTtlSeconds,
    logger: options.logger,
  });
  const url = await app.start({ host: '127.0.0.1', port: 0 });
  const clients: Client[] = [];

  const request: TestApp['request'] = async (document, variables, key) => {
    const response = await fetch(`${url}${GRAPHQL_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
    });
    return { status: response.status, body: await response.json() };
  };

  return {
    url,
    app,
    db,
    files,
    events,
    webhooks,
    request,
    async data(document, variables, key) {
      const { status, body } = await request(document, variables, key);
      if (status !== 200 || body.errors) throw new Error(`GraphQL request failed (${status}): ${JSON.stringify(body.errors)}`);
      return body.data!;
    },
    wsClient(connectionParams) {
      const client = createClient({
        url: `${url.replace('http', 'ws')}${GRAPHQL_PATH}`,
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async createWorkspace(name = 'Test workspace') {
      const { workspace, admin } = await createWorkspace(db, { name });
      const issue = async (scope: ApiKeyScope) => (await createApiKey(db, { workspaceId: workspace.id, name: scope, scope })).secret;
      return { id: workspace.id, keys: { ADMIN: admin.secret, WRITE: await issue('WRITE'), READ: await issue('READ') } };
    },
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
      await app.stop();
      await worker?.stop();
      await events.stop();
      await db.close();
      await database.drop();
      await rm(filesDir, { recursive: true, force: true });
      await s3?.stop();
    },
  };
}

export type TestAppOptions = NonNullable<Parameters<typeof startTestApp>[0]>;

/**
 * Starts the test app in `beforeAll` and closes it in `afterAll`, for the tests of the file (or of
 * the `describe` it is called in), with the options of `startTestApp`. Returns a stand-in for the
 * app, used in hooks and tests as the app itself (`app.data(...)`); read before `beforeAll` has
 * started the app, it throws. Tests that need several apps, or one started inside a test, call
 * `startTestApp`.
 */
export function useTestApp(options: TestAppOptions = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as TestApp, {
    get(_, member) {
      if (!started) throw new Error(`the test app is not started: read app.${String(member)} in a hook or a test, after useTestApp's beforeAll`);
      return Reflect.get(started, member);
    },
  });
}
