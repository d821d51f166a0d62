import { print, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { startMetricsServer, type MetricsServer } from '../../src/server/metrics-server.ts';
import { startWebhookDelivery } from '../../src/services/webhook-delivery.ts';
import type { PeriodicTask } from '../../src/services/periodic.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { confirmAndWait, download, fetchJob, SetMapping, uploadCsv, validateCsv, waitWhile } from '../support/imports.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';

/**
 * /metrics through the listening server: not served unless configured, refused without the
 * METRICS_TOKEN bearer, and with it the Prometheus text of the app and its worker after real
 * traffic (queries, an upload and its import, a subscription, a failing webhook), every line of
 * which parses and none of whose label values is an id, a key or a path. Then the listener of
 * its own (METRICS_PORT), without a token.
 */

const TOKEN = 'test-metrics-token-0123456789abcdef';
const ROWS = 7;
const CSV = ['Email,First Name', ...Array.from({ length: ROWS }, (_, i) => `m${i}@metrics.test,Ada`)].join('\n');
const WAITING_CSV = 'Email,First Name\nwaiting1@metrics.test,Grace\nwaiting2@metrics.test,Alan';

const MetricsWorkspace = graphql(`
  query MetricsWorkspace {
    workspace { id }
  }
`);

const MetricsWatchJob = graphql(`
  subscription MetricsWatchJob($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { id status }
  }
`);

const MetricsCreateWebhook = graphql(`
  mutation MetricsCreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }
  }
`);

// ---------------------------------------------------------------------------------------------
// The exposition format, read line by line

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

interface Exposition {
  samples: Sample[];
  /** Metric family name → its TYPE. */
  types: Map<string, string>;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;

/** Parses Prometheus' text format (0.0.4); a line that is none of HELP, TYPE, a sample or blank fails the test. */
function parseExposition(text: string): Exposition {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
    if (comment) {
      if (comment[1] === 'TYPE') {
        expect(['counter', 'gauge', 'histogram', 'summary', 'untyped'], line).toContain(comment[3]);
        types.set(comment[2]!, comment[3]!);
      }
      continue;
    }
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`not a line of the exposition format: ${JSON.stringify(line)}`);
    const labels: Record<string, string> = {};
    const body = sample[2] ?? '';
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const label = LABEL.exec(body);
      if (!label) throw new Error(`labels that do not parse: ${JSON.stringify(line)}`);
      labels[label[1]!] = label[2]!.replace(/\\(.)/g, (_, escaped: string) => (escaped === 'n' ? '\n' : escaped));
    }
    const value = sample[3] === '+Inf' ? Infinity : sample[3] === '-Inf' ? -Infinity : Number(sample[3]);
    if (Number.isNaN(value) && sample[3] !== 'NaN') throw new Error(`a value that is no number: ${JSON.stringify(line)}`);
    samples.push({ name: sample[1]!, labels, value });
  }
  return { samples, types };
}

/** The samples of `name` whose labels include `labels`. */
function find(exposition: Exposition, name: string, labels: Record<string, string> = {}): Sample[] {
  return exposition.samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
}

/** The sum of the samples of `name` whose labels include `labels`. */
function total(exposition: Exposition, name: string, labels: Record<string, string> = {}): number {
  return find(exposition, name, labels).reduce((sum, sample) => sum + sample.value, 0);
}

async function scrape(url: string, authorization?: string): Promise<Response> {
  return fetch(url, { headers: authorization ? { authorization } : {} });
}

// ---------------------------------------------------------------------------------------------

describe('/metrics on the API port, with METRICS_TOKEN', () => {
  const app = useTestApp({ metricsToken: TOKEN });
  let workspace: TestWorkspace;
  let receiver: Receiver;
  let delivery: PeriodicTask;

  beforeAll(async () => {
    workspace = await app.createWorkspace();
    receiver = await startReceiver(() => 500);
    delivery = startWebhookDelivery({ db: app.db, settings: app.webhooks, pollIntervalMs: 20, metrics: app.app.metrics.webhookDelivery() });
  });
  afterAll(async () => {
    await delivery?.stop();
    await receiver?.close();
  });

  it('refuses a request without the token, with another token or another scheme: 401, and no metrics', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcdef', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await scrape(`${app.url}/metrics`, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await response.text()).not.toContain('switchboard_');
    }
  });

  it('after queries, an upload and its import, a subscription and a failing webhook: every line parses, with the counts of that traffic', async () => {
    const key = workspace.keys.ADMIN;
    const QUERIES = 3;
    expect((await scrape(`${app.url}/metrics`)).status).toBe(401);
    for (let i = 0; i < QUERIES; i++) expect((await app.data(MetricsWorkspace, {}, key)).workspace.id).toBe(workspace.id);
    const { createWebhook } = await app.data(MetricsCreateWebhook, { input: { url: `${receiver.url}/hook` } }, key);
    expect(createWebhook.__typename).toBe('CreatedWebhook');

    // The upload and its import, written by the app's worker.
    const uploaded = await uploadCsv(app, key, CSV);
    if (uploaded.__typename !== 'ImportJob') throw new Error(uploaded.__typename);
    const columns = uploaded.columns.map((column) => ({ index: column.index, fieldKey: column.suggestedFieldKey! }));
    const mapped = await app.data(SetMapping, { input: { jobId: uploaded.id, purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL', columns } }, key);
    expect(mapped.setContactImportMapping).toMatchObject({ status: 'VALIDATING' });
    expect((await waitWhile(app, key, uploaded.id, ['VALIDATING'])).status).toBe('REVIEW');
    const done = await confirmAndWait(app, key, uploaded.id);
    expect(done.counts.created).toBe(ROWS);
    expect(await download(done.resultFileUrl!, key)).toContain('Imported');

    // A job left in review, watched over WebSocket while the metrics are read.
    const waiting = await validateCsv(app, key, WAITING_CSV, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    const client = app.wsClient({ authorization: `Bearer ${key}` });
    let unsubscribe = () => {};
    const first = await new Promise<ExecutionResult>((resolve, reject) => {
      unsubscribe = client.subscribe(
        { query: print(MetricsWatchJob), variables: { jobId: waiting.id } },
        { next: (result) => resolve(result as ExecutionResult), error: reject, complete: () => {} },
      );
    });
    expect(first.data).toEqual({ contactImportProgress: { id: waiting.id, status: 'REVIEW' } });
    await expect.poll(() => receiver.to('/hook').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);

    const response = await scrape(`${app.url}/metrics`, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = parseExposition(await response.text());

    // GraphQL operations, by type: at least those sent here.
    expect(metrics.types.get('graphql_envelop_request')).toBe('counter');
    expect(total(metrics, 'graphql_envelop_request', { operationType: 'query' })).toBeGreaterThanOrEqual(QUERIES + 2);
    // createWebhook, startContactImport (the upload), the mappings and the confirmation.
    expect(total(metrics, 'graphql_envelop_request', { operationType: 'mutation' })).toBeGreaterThanOrEqual(5);
    expect(total(metrics, 'graphql_envelop_request_duration_count', { operationType: 'query' })).toBeGreaterThanOrEqual(QUERIES);
    expect(find(metrics, 'graphql_envelop_request_duration_bucket', { operationType: 'query', le: '+Inf' })).toHaveLength(1);

    // HTTP requests by route class and status class; the histogram's count agrees with the counter.
    expect(total(metrics, 'switchboard_http_requests_total', { route: 'graphql', status: '2xx' })).toBeGreaterThanOrEqual(QUERIES + 5);
    expect(total(metrics, 'switchboard_http_requests_total', { route: 'upload', status: '2xx' })).toBe(1);
    expect(total(metrics, 'switchboard_http_requests_total', { route: 'files', status: '2xx' })).toBe(1);
    expect(total(metrics, 'switchboard_http_requests_total', { route: 'health', status: '2xx' })).toBe(2);
    expect(total(metrics, 'switchboard_http_requests_total', { route: 'metrics', status: '4xx' })).toBeGreaterThanOrEqual(1);
    for (const sample of find(metrics, 'switchboard_http_requests_total')) {
      expect(total(metrics, 'switchboard_http_request_duration_seconds_count', sample.labels)).toBe(sample.value);
    }
    expect(metrics.types.get('switchboard_http_request_duration_seconds')).toBe('histogram');

    // The import: jobs by status, rows validated and written, the wait in the queue.
    expect(total(metrics, 'switchboard_import_jobs', { status: 'COMPLETED' })).toBe(1);
    expect(total(metrics, 'switchboard_import_jobs', { status: 'REVIEW' })).toBe(1);
    expect(find(metrics, 'switchboard_import_jobs')).toHaveLength(11);
    expect(total(metrics, 'switchboard_import_rows_written_total')).toBe(ROWS);
    expect(total(metrics, 'switchboard_import_rows_validated_total')).toBe(ROWS + 2);
    expect(total(metrics, 'switchboard_import_queue_wait_seconds_count')).toBe(1);
    expect(total(metrics, 'switchboard_import_queue_wait_seconds_sum')).toBeGreaterThanOrEqual(0);

    // Live traffic, webhooks, database pools and the process.
    expect(total(metrics, 'switchboard_subscriptions_open')).toBeGreaterThanOrEqual(1);
    expect(total(metrics, 'switchboard_websocket_connections_open')).toBeGreaterThanOrEqual(1);
    expect(total(metrics, 'switchboard_websocket_connections_total')).toBeGreaterThanOrEqual(1);
    expect(total(metrics, 'switchboard_webhook_delivery_failures_total', { failure: 'SERVER_ERROR' })).toBeGreaterThanOrEqual(1);
    expect(total(metrics, 'switchboard_webhook_deliveries_pending')).toBe(1);
    for (const pool of ['main', 'api_queries', 'api_mutations']) {
      const connections = total(metrics, 'switchboard_db_pool_connections', { pool });
      expect(connections, pool).toBeGreaterThanOrEqual(1);
      expect(total(metrics, 'switchboard_db_pool_idle_connections', { pool })).toBeLessThanOrEqual(connections);
      expect(find(metrics, 'switchboard_db_pool_waiting_requests', { pool })).toHaveLength(1);
    }
    expect(total(metrics, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(total(metrics, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);

    // No label value names a job, a workspace, a key, the token or a path.
    const secrets = [TOKEN, workspace.id, uploaded.id, waiting.id, ...Object.values(workspace.keys)];
    for (const sample of metrics.samples) {
      for (const value of Object.values(sample.labels)) {
        expect(value, sample.name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|sb_|\//i);
        for (const secret of secrets) expect(value).not.toContain(secret);
      }
    }
    const routes = new Set(find(metrics, 'switchboard_http_requests_total').map((sample) => sample.labels.route));
    expect(
      [...routes].every((route) => ['graphql', 'upload', 'sse', 'files', 'export', 'audience', 'health', 'metrics', 'other'].includes(route!)),
    ).toBe(true);

    // A subscription counts as an operation once it ends.
    expect(await fetchJob(app, key, waiting.id)).toMatchObject({ status: 'REVIEW' });
    unsubscribe();
    await expect
      .poll(async () => {
        const after = parseExposition(await (await scrape(`${app.url}/metrics`, `Bearer ${TOKEN}`)).text());
        return [total(after, 'graphql_envelop_request', { operationType: 'subscription' }), total(after, 'switchboard_subscriptions_open')];
      })
      .toEqual([1, 0]);
  }, 60_000);
});

describe('/metrics without METRICS_TOKEN, and on a listener of its own (METRICS_PORT)', () => {
  const app = useTestApp();
  let listener: MetricsServer;

  beforeAll(async () => {
    listener = await startMetricsServer(app.app.metrics, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await listener?.stop();
  });

  it('is not served on the API port: 404, with a token or without', async () => {
    expect((await scrape(`${app.url}/metrics`)).status).toBe(404);
    expect((await scrape(`${app.url}/metrics`, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("is served on the listener without a token, with the app's requests; nothing else is served there", async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await scrape(listener.url);
    expect(response.status).toBe(200);
    const metrics = parseExposition(await response.text());
    expect(total(metrics, 'switchboard_http_requests_total', { route: 'health', status: '2xx' })).toBe(1);
    expect(find(metrics, 'switchboard_import_jobs')).toHaveLength(11);

    expect((await fetch(listener.url.replace('/metrics', '/graphql'))).status).toBe(404);
    expect((await fetch(listener.url, { method: 'POST' })).status).toBe(405);
  });
});

describe('the configuration of metrics and shutdown', () => {
  it('reads METRICS_TOKEN, METRICS_PORT, METRICS_HOST, WORKER_METRICS_PORT and SHUTDOWN_TIMEOUT_SECONDS, with their defaults', () => {
    expect(readConfig({})).toMatchObject({
      metrics: { token: undefined, port: undefined, host: '127.0.0.1', workerPort: undefined },
      shutdownTimeoutSeconds: 30,
    });
    expect(readConfig({ METRICS_TOKEN: TOKEN, WORKER_METRICS_PORT: '9465', SHUTDOWN_TIMEOUT_SECONDS: '5' })).toMatchObject({
      metrics: { token: TOKEN, port: undefined, workerPort: 9465 },
      shutdownTimeoutSeconds: 5,
    });
    expect(readConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toMatchObject({ port: 9464, host: '0.0.0.0' });
  });

  it('refuses a wrong value with a sentence naming the variable', () => {
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 printable characters');
    expect(() => readConfig({ METRICS_TOKEN: `${TOKEN} with spaces` })).toThrow('METRICS_TOKEN must be');
    expect(() => readConfig({ METRICS_PORT: 'http' })).toThrow('METRICS_PORT must be a port number (0 to 65535), got "http"');
    expect(() => readConfig({ WORKER_METRICS_PORT: '70000' })).toThrow('WORKER_METRICS_PORT must be a port number');
    expect(() => readConfig({ METRICS_PORT: '4000' })).toThrow('METRICS_PORT must differ from PORT (both are 4000)');
    expect(() => readConfig({ METRICS_TOKEN: TOKEN, METRICS_PORT: '9464' })).toThrow('Set METRICS_TOKEN');
    expect(() => readConfig({ SHUTDOWN_TIMEOUT_SECONDS: '0' })).toThrow('SHUTDOWN_TIMEOUT_SECONDS must be a whole number of 1 or more, got "0"');
    expect(() => readConfig({ SHUTDOWN_TIMEOUT_SECONDS: '2.5' })).toThrow('SHUTDOWN_TIMEOUT_SECONDS must be');
  });
});
