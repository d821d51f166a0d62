import type { IncomingMessage, ServerResponse } from 'node:http';
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { ImportStatus } from '../generated/prisma/enums.ts';
import type { ImportMetrics } from '../import/job-run.ts';
import { AUDIENCE_RECIPIENTS_PATH, EXPORT_PATH_PREFIX, FILES_PATH_PREFIX } from '../schema/download-links.ts';
import type { WebhookDeliveryMetrics } from '../services/webhook-delivery.ts';

/**
 * The Prometheus metrics of one process, in a registry of its own (never prom-client's global one,
 * so that several apps in one process keep theirs apart). Every label value comes from a short
 * fixed list (a route class, a status class, a job status, a pool name): never a path, an id, a
 * key or an operation name a client chose, which would make a series per value.
 *
 * Counts that live in the database (jobs by status, webhook deliveries waiting) are read when
 * Prometheus scrapes, by one small query each; one that does not answer within
 * SCRAPE_QUERY_TIMEOUT_MS is left out of that scrape rather than holding it.
 */
export class Metrics {
  readonly registry = new Registry();
  /** The import pipeline's hooks: rows validated and written, and the wait of confirmed imports. */
  readonly imports: ImportMetrics;
  private readonly pools = new Map<string, pg.Pool>();
  private webhooks: WebhookDeliveryMetrics | undefined;

  constructor(private readonly db: Database) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.watchPool('main', db.pool);

    const pools = this.pools;
    const poolGauge = (name: string, help: string, read: (pool: pg.Pool) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers,
        collect() {
          this.reset();
          for (const [pool, instance] of pools) this.set({ pool }, read(instance));
        },
      });
    poolGauge('switchboard_db_pool_connections', 'Connections a database pool holds (idle or in use)', (pool) => pool.totalCount);
    poolGauge('switchboard_db_pool_idle_connections', 'Connections of a database pool that are idle', (pool) => pool.idleCount);
    poolGauge('switchboard_db_pool_waiting_requests', 'Requests waiting for a connection of a database pool', (pool) => pool.waitingCount);

    new Gauge({
      name: 'switchboard_import_jobs',
      help: 'Import jobs in the database, by status (all workspaces)',
      labelNames: ['status'],
      registers,
      collect: async function (this: Gauge<'status'>) {
        this.reset();
        const rows = await scrapeQuery<{ status: string; jobs: number }>(
          db.pool,
          'SELECT status::text AS status, count(*)::int AS jobs FROM import_jobs GROUP BY status',
        );
        if (!rows) return;
        const counts = new Map(rows.map((row) => [row.status, row.jobs]));
        for (const status of Object.values(ImportStatus)) this.set({ status }, counts.get(status) ?? 0);
      },
    });
    const rowsValidated = new Counter({ name: 'switchboard_import_rows_validated_total', help: 'Import rows validated and staged', registers });
    const rowsWritten = new Counter({
      name: 'switchboard_import_rows_written_total',
      help: 'Import rows written, counted as each batch of the write commits',
      registers,
    });
    const queueWait = new Histogram({
      name: 'switchboard_import_queue_wait_seconds',
      help: 'Time from the confirmation of an import to a worker taking up its write',
      buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600, 14_400],
      registers,
    });
    this.imports = {
      rowsValidated: (count) => rowsValidated.inc(count),
      rowsWritten: (count) => rowsWritten.inc(count),
      writeClaimed: (waitSeconds) => queueWait.observe(Math.max(0, waitSeconds)),
    };
  }

  /** Reports the connections of `pool` under the name given (a fixed name: it is a label value). */
  watchPool(name: string, pool: pg.Pool): void {
    this.pools.set(name, pool);
  }

  /**
   * The webhook delivery loop's hooks (failed attempts by failure), and the deliveries waiting in
   * the database: for the processes that deliver webhooks.
   */
  webhookDelivery(): WebhookDeliveryMetrics {
    if (this.webhooks) return this.webhooks;
    const failures = new Counter({
      name: 'switchboard_webhook_delivery_failures_total',
      help: 'Webhook delivery attempts that failed, by failure',
      labelNames: ['failure'],
      registers: [this.registry],
    });
    const { db } = this;
    new Gauge({
      name: 'switchboard_webhook_deliveries_pending',
      help: 'Webhook deliveries neither delivered nor given up (all workspaces)',
      registers: [this.registry],
      collect: async function (this: Gauge) {
        this.reset();
        const rows = await scrapeQuery<{ pending: number }>(
          db.pool,
          'SELECT count(*)::int AS pending FROM webhook_deliveries WHERE delivered_at IS NULL AND gave_up_at IS NULL',
        );
        if (rows) this.set(rows[0]!.pending);
      },
    });
    this.webhooks = { attemptFailed: (failure) => failures.inc({ failure }) };
    return this.webhooks;
  }

  /** The registry's text, in Prometheus' exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}

/** How long a scrape waits for one of its counts from the database. */
export const SCRAPE_QUERY_TIMEOUT_MS = 2_000;

/** The rows of a scrape's query, or undefined when it failed or took too long (its gauge is then left out). */
async function scrapeQuery<T>(pool: pg.Pool, text: string): Promise<T[] | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), SCRAPE_QUERY_TIMEOUT_MS);
  });
  try {
    const answered = pool.query(text).then(
      (result) => result.rows as T[],
      () => undefined,
    );
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What the HTTP metrics call a request, by what it asks for: never its path, which carries ids and tokens. */
export type RouteClass = 'graphql' | 'upload' | 'sse' | 'files' | 'export' | 'audience' | 'health' | 'metrics' | 'other';

/** Request durations from a health check to a long export. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * The API server's metrics: HTTP requests by route class and status class, GraphQL operations (the
 * Yoga plugin), WebSocket connections and open subscriptions. Built once per app, on the process's
 * `Metrics`.
 */
export class ApiMetrics {
  private readonly requests: Counter<'route' | 'status'>;
  private readonly durations: Histogram<'route' | 'status'>;
  private readonly webSockets: Counter;

  constructor(
    private readonly metrics: Metrics,
    private readonly options: {
      graphqlPath: string;
      openSubscriptions: () => number;
      openWebSockets: () => number;
    },
  ) {
    const registers = [metrics.registry];
    this.requests = new Counter({
      name: 'switchboard_http_requests_total',
      help: 'HTTP requests answered, by route class and status class',
      labelNames: ['route', 'status'],
      registers,
    });
    this.durations = new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'Time from an HTTP request to the end of its answer, by route class and status class',
      labelNames: ['route', 'status'],
      buckets: HTTP_BUCKETS,
      registers,
    });
    this.webSockets = new Counter({ name: 'switchboard_websocket_connections_total', help: 'WebSocket connections opened', registers });
    new Gauge({
      name: 'switchboard_websocket_connections_open',
      help: 'WebSocket connections open',
      registers,
      collect() {
        this.set(options.openWebSockets());
      },
    });
    new Gauge({
      name: 'switchboard_subscriptions_open',
      help: 'GraphQL subscriptions open, over WebSocket and SSE',
      registers,
      collect() {
        this.set(options.openSubscriptions());
      },
    });
  }

  /**
   * Yoga's Prometheus plugin on this registry: GraphQL operations and their phases' durations by
   * operation type. It serves no endpoint (the server does, behind its protection), and it labels
   * neither operation names (chosen by clients), error paths (list indexes) nor URLs.
   */
  graphqlPlugin(): Plugin {
    return usePrometheus({
      registry: this.metrics.registry,
      endpoint: false,
      labels: { operationName: false, path: false, url: false },
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: true,
        graphql_envelop_phase_validate: true,
        graphql_envelop_phase_context: true,
        graphql_envelop_phase_execute: true,
        graphql_envelop_phase_subscribe: true,
        graphql_envelop_error_result: true,
        graphql_envelop_deprecated_field: true,
        graphql_envelop_schema_change: false,
        graphql_envelop_execute_resolver: false,
        // The server's own HTTP histogram covers every route, with bounded labels.
        graphql_yoga_http_duration: false,
      },
    });
  }

  /** Counts the request once its answer has ended (or the client went away first: status `aborted`). */
  track(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const route = this.routeClass(req);
    res.once('close', () => {
      const labels = { route, status: res.writableFinished ? `${Math.floor(res.statusCode / 100)}xx` : 'aborted' };
      this.requests.inc(labels);
      this.durations.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
  }

  webSocketOpened(): void {
    this.webSockets.inc();
  }

  private routeClass(req: IncomingMessage): RouteClass {
    const path = (req.url ?? '').split('?')[0]!;
    if (path === this.options.graphqlPath) {
      if (/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) return 'upload';
      if (req.headers.accept?.includes('text/event-stream')) return 'sse';
      return 'graphql';
    }
    if (path === '/healthz' || path === '/readyz') return 'health';
    if (path === '/metrics') return 'metrics';
    if (path === AUDIENCE_RECIPIENTS_PATH) return 'audience';
    if (path.startsWith(EXPORT_PATH_PREFIX)) return 'export';
    if (path.startsWith(FILES_PATH_PREFIX)) return 'files';
    return 'other';
  }
}
