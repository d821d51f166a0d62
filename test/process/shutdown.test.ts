import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { Confirm, SetMapping, StartImport } from '../support/imports.ts';
import { killAll, LISTENING, productEnv, request, startNode, type ProductProcess } from '../support/processes.ts';
import { uuidOf } from '../support/global-ids.ts';

/**
 * Stopping `npm start` and `npm run worker` as real processes: on SIGTERM /readyz turns 503 while
 * the running import reaches its batch boundary and is released, then the process exits 0; a stop
 * that outlasts SHUTDOWN_TIMEOUT_SECONDS, or a second SIGTERM, ends the process at once with a line
 * saying so and exit code 1. The write is held at its batch by a lock the test takes on the contacts
 * table. And a worker serves its own metrics on WORKER_METRICS_PORT.
 */

const START_TIMEOUT = 60_000;
const KEY = /\bsb_[A-Za-z0-9_-]{20,}/;
const METRICS_AT = /Metrics at (http:\/\/\S+?\/metrics)/;
const ROWS = 50;
const CSV = ['Email,First Name', ...Array.from({ length: ROWS }, (_, i) => `s${i}@shutdown.test,Ada`)].join('\n');

const ShutdownJobStatus = graphql(`
  query ShutdownJobStatus($id: ID!) {
    importJob(id: $id) { __typename ... on ImportJob { status } }
  }
`);

let database: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-shutdown-'));
});
afterEach(async () => {
  await killAll();
  await database?.drop();
}, 30_000);
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** `npm start` on a fresh database with `env`, listening; its URL and the admin key it printed. */
async function startServer(env: NodeJS.ProcessEnv = {}): Promise<{ server: ProductProcess; baseUrl: string; key: string }> {
  database = await createTestDatabase();
  const server = startNode('src/main.ts', productEnv(database.url, dataDir, env));
  const [, baseUrl] = await server.waitFor(LISTENING, START_TIMEOUT);
  const [key] = await server.waitFor(KEY, 10_000);
  return { server, baseUrl: baseUrl!, key };
}

async function jobStatus(baseUrl: string, key: string, id: string): Promise<string> {
  const { importJob } = await request(baseUrl, key, ShutdownJobStatus, { id });
  if (importJob.__typename !== 'ImportJob') throw new Error(importJob.__typename);
  return importJob.status;
}

async function waitForStatus(baseUrl: string, key: string, id: string, status: string): Promise<void> {
  await expect.poll(() => jobStatus(baseUrl, key, id), { timeout: 30_000, interval: 100 }).toBe(status);
}

/** Starts an import, maps it and waits for its review. */
async function reviewedImport(baseUrl: string, key: string): Promise<string> {
  const { startContactImport: started } = await request(baseUrl, key, StartImport, { input: { text: CSV } });
  if (started.__typename !== 'ImportJob') throw new Error(started.__typename);
  const columns = [
    { index: 0, fieldKey: 'email' },
    { index: 1, fieldKey: 'firstName' },
  ];
  await request(baseUrl, key, SetMapping, { input: { jobId: started.id, purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL', columns } });
  await waitForStatus(baseUrl, key, started.id, 'REVIEW');
  return started.id;
}

/**
 * A confirmed import whose write is under way and cannot finish its batch: the test holds a lock
 * on the contacts table that the batch's inserts wait for, until `release`.
 */
async function heldImport(baseUrl: string, key: string): Promise<{ jobId: string; release(): Promise<void> }> {
  const jobId = await reviewedImport(baseUrl, key);
  const holder = new pg.Client(database.url);
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('LOCK TABLE contacts IN SHARE MODE');
  const { confirmContactImport } = await request(baseUrl, key, Confirm, { jobId });
  expect(confirmContactImport).toMatchObject({ status: 'QUEUED' });
  const waiting = async () => {
    const { rows } = await holder.query(
      `SELECT count(*)::int AS waiting FROM pg_locks
        WHERE NOT granted AND relation = 'contacts'::regclass AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return rows[0].waiting as number;
  };
  await expect.poll(waiting, { timeout: 30_000, interval: 100 }).toBe(1);
  return {
    jobId,
    async release() {
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

describe('npm start stopping', () => {
  it('on SIGTERM answers /readyz 503 while the running job reaches its batch boundary, releases it, and exits 0', async () => {
    const { server, baseUrl, key } = await startServer({ METRICS_PORT: '0' });
    const [, metricsUrl] = await server.waitFor(METRICS_AT, 10_000);
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    // The metrics are on their own port, not on the API's.
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(404);
    const { jobId, release } = await heldImport(baseUrl, key);

    server.kill('SIGTERM');
    await server.waitFor(/SIGTERM: stopping \(at most 30 s\)/, 10_000);
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'shutting down' });
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect(await (await fetch(metricsUrl!)).text()).toMatch(/^switchboard_import_jobs\{status="IMPORTING"\} 1$/m);
    expect(server.child.exitCode).toBe(null);

    await release();
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output()).toContain('Switchboard stopped');
    // Released at the batch boundary: its batch committed, the rest is for the next worker.
    const { rows } = await database.pool.query('SELECT status, locked_by, checkpoint_row FROM import_jobs WHERE id = $1', [uuidOf(jobId)]);
    expect(rows).toEqual([{ status: 'IMPORTING', locked_by: null, checkpoint_row: ROWS }]);
  }, 120_000);

  it('when the stop outlasts SHUTDOWN_TIMEOUT_SECONDS, says so and exits 1', async () => {
    const { server, baseUrl, key } = await startServer({ SHUTDOWN_TIMEOUT_SECONDS: '1' });
    const { release } = await heldImport(baseUrl, key);
    try {
      const signalled = Date.now();
      server.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(server.output()).toContain('Switchboard did not stop within 1 s: exiting without waiting for the rest');
      expect(server.output()).not.toContain('Switchboard stopped');
    } finally {
      await release();
    }
  }, 120_000);

  it('on a second SIGTERM exits 1 at once, saying so', async () => {
    const { server, baseUrl, key } = await startServer();
    const { release } = await heldImport(baseUrl, key);
    try {
      server.kill('SIGTERM');
      await server.waitFor(/SIGTERM: stopping/, 10_000);
      // Later than a copy of the same signal passed on by npm.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(server.child.exitCode).toBe(null);
      server.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 1, signal: null });
      expect(server.output()).toContain('SIGTERM again: exiting without waiting for the stop to finish');
    } finally {
      await release();
    }
  }, 120_000);

  it('takes a signal repeated at once as one (Ctrl-C reaches `npm start` from the terminal and from npm): exits 0', async () => {
    const { server } = await startServer();
    server.kill('SIGINT');
    server.kill('SIGINT');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.output().match(/SIGINT: stopping/g)).toHaveLength(1);
    expect(server.output()).toContain('Switchboard stopped');
    expect(server.output()).not.toContain('again');
  }, 120_000);
});

describe('npm run worker with WORKER_METRICS_PORT', () => {
  it("serves the worker's metrics: its jobs, rows, queue wait and pool, on its own port", async () => {
    const { server, baseUrl, key } = await startServer({ WORKER_CONCURRENCY: '0' });
    const worker = startNode('src/worker-main.ts', productEnv(database.url, dataDir, { WORKER_METRICS_PORT: '0' }));
    const [, metricsUrl] = await worker.waitFor(METRICS_AT, START_TIMEOUT);
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);

    const jobId = await reviewedImport(baseUrl, key);
    await request(baseUrl, key, Confirm, { jobId });
    await waitForStatus(baseUrl, key, jobId, 'COMPLETED');

    const response = await fetch(metricsUrl!);
    expect(response.status).toBe(200);
    const text = await response.text();
    const value = (sample: string) => Number(new RegExp(`^${sample.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('switchboard_import_rows_validated_total')).toBe(ROWS);
    expect(value('switchboard_import_rows_written_total')).toBe(ROWS);
    expect(value('switchboard_import_queue_wait_seconds_count')).toBe(1);
    expect(value('switchboard_import_jobs{status="COMPLETED"}')).toBe(1);
    expect(value('switchboard_db_pool_connections{pool="main"}')).toBeGreaterThanOrEqual(1);
    expect(value('process_cpu_seconds_total')).toBeGreaterThan(0);
    // A worker serves no HTTP API: none of its metrics.
    expect(text).not.toContain('switchboard_http_requests_total');
    expect((await fetch(metricsUrl!.replace('/metrics', '/healthz'))).status).toBe(404);

    expect(await worker.stop(20_000)).toEqual({ code: 0, signal: null });
    expect(await server.stop(20_000)).toEqual({ code: 0, signal: null });
  }, 180_000);
});
