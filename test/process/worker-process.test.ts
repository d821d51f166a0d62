import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../generated/gql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { LISTENING, WORKER_RUNNING, killAll, productEnv, request, startNode, startProcess } from '../support/processes.ts';

/**
 * `npm start` with WORKER_CONCURRENCY=0 (the API alone) and `npm run worker` as separate real
 * processes on one database: the API queues, the worker works, and a client subscribed through
 * the API hears the worker's progress (PostgreSQL LISTEN/NOTIFY carries it between them).
 */

const KEY = /\bsb_[A-Za-z0-9_-]{20,}/;
const ROWS = 20_000;

const WorkerStart = graphql(`
  mutation WorkerStart($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);
const WorkerMap = graphql(`
  mutation WorkerMap($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const WorkerConfirm = graphql(`
  mutation WorkerConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const WorkerJob = graphql(`
  query WorkerJob($id: ID!) {
    importJob(id: $id) { __typename ... on ImportJob { status progress { processedRows } } }
  }
`);
const WorkerProgress = graphql(`
  subscription WorkerProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { created } }
  }
`);

type ProgressEvent = { status: string; progress: { processedRows: number; totalRows: number }; counts: { created: number } };

let database: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-worker-'));
});
afterAll(async () => {
  await killAll();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('an API process and a separate worker process on one database', () => {
  it('the API alone runs no import; `npm run worker` does, and a graphql-ws client of the API receives its progress and the final state', async () => {
    const api = startNode('src/main.ts', productEnv(database.url, dataDir, { WORKER_CONCURRENCY: '0' }));
    const [, baseUrl] = await api.waitFor(LISTENING, 60_000);
    const [key] = await api.waitFor(KEY, 10_000);
    const call = <R, V>(document: TypedDocumentNode<R, V>, variables: V) => request(baseUrl!, key, document, variables);

    const csv = ['Email,First Name', ...Array.from({ length: ROWS }, (_, i) => `p${i}@worker.test,Ada`)].join('\n');
    const { startContactImport: started } = await call(WorkerStart, { text: csv });
    if (started.__typename !== 'ImportJob') throw new Error(started.__typename);
    const jobId = started.id;
    const mapping = await call(WorkerMap, {
      input: {
        jobId,
        purpose: 'ADD_NEW_ONLY',
        identifier: 'EMAIL',
        columns: [
          { index: 0, fieldKey: 'email' },
          { index: 1, fieldKey: 'firstName' },
        ],
      },
    });
    expect(mapping.setContactImportMapping).toMatchObject({ status: 'VALIDATING' });
    // No worker anywhere yet: the job waits untouched.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await call(WorkerJob, { id: jobId })).importJob).toEqual({
      __typename: 'ImportJob',
      status: 'VALIDATING',
      progress: { processedRows: 0 },
    });

    const worker = startProcess('npm', ['run', '--silent', 'worker'], productEnv(database.url, dataDir));
    // It runs dist/, building it first when a source is newer than it.
    await worker.waitFor(WORKER_RUNNING, 150_000);
    for (;;) {
      const { importJob } = await call(WorkerJob, { id: jobId });
      if (importJob.__typename === 'ImportJob' && importJob.status !== 'VALIDATING') {
        expect(importJob.status).toBe('REVIEW');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const client = createClient({
      url: `${baseUrl!.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${key}` },
      retryAttempts: 0,
    });
    try {
      const subscription = client.iterate<{ contactImportProgress: ProgressEvent }>({ query: print(WorkerProgress), variables: { jobId } });
      const first = await subscription.next();
      expect(first.value.data.contactImportProgress.status).toBe('REVIEW');
      expect((await call(WorkerConfirm, { jobId })).confirmContactImport).toMatchObject({ status: 'QUEUED' });
      const events: ProgressEvent[] = [];
      for await (const event of subscription) events.push(event.data!.contactImportProgress);

      // Progress while the worker wrote, then the final state, all through the API's socket.
      expect(events.some((event) => event.status === 'IMPORTING' && event.progress.processedRows > 0 && event.progress.processedRows < ROWS)).toBe(
        true,
      );
      expect(events.at(-1)).toEqual({ status: 'COMPLETED', progress: { processedRows: ROWS, totalRows: ROWS }, counts: { created: ROWS } });
    } finally {
      await client.dispose();
    }

    await worker.stop(20_000);
    expect(worker.output()).toContain('SIGTERM: stopping');
    expect(await api.stop(20_000)).toEqual({ code: 0, signal: null });
  }, 270_000);
});
