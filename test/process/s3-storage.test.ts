import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { LISTENING, WORKER_RUNNING, killAll, productEnv, request, startNode } from '../support/processes.ts';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../support/s3-server.ts';
import { signedLink } from '../support/links.ts';

/**
 * `npm start` (the API alone) and `npm run worker` as real processes that share no disk: only the
 * database and an S3 bucket (STORAGE=s3, on s3rver), each with a DATA_DIR of its own, as on two
 * machines. The text the API stores is what the worker reads; the files the worker writes are what
 * the API serves, at links on PUBLIC_URL.
 */

const KEY = /\bsb_[A-Za-z0-9_-]{20,}/;
const PUBLIC_URL = 'https://contacts.example.com';

const BucketStart = graphql(`
  mutation BucketStart($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);
const BucketMap = graphql(`
  mutation BucketMap($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const BucketConfirm = graphql(`
  mutation BucketConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const BucketJob = graphql(`
  query BucketJob($id: ID!) {
    importJob(id: $id) { __typename ... on ImportJob { status errorFileUrl resultFileUrl } ... on Error { message } }
  }
`);

let database: TestDatabase;
let s3: TestS3Server;
let apiDir: string;
let workerDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  s3 = await startS3Server();
  apiDir = await mkdtemp(path.join(tmpdir(), 'switchboard-s3-api-'));
  workerDir = await mkdtemp(path.join(tmpdir(), 'switchboard-s3-worker-'));
});
afterAll(async () => {
  await killAll();
  await database?.drop();
  await s3?.stop();
  for (const dir of [apiDir, workerDir]) if (dir) await rm(dir, { recursive: true, force: true });
}, 30_000);

/** A product process's environment with its files in the test bucket, credentials as the AWS SDK reads them. */
function bucketEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = productEnv(database.url, dataDir, {
    STORAGE: 's3',
    S3_BUCKET: TEST_BUCKET,
    S3_PREFIX: 'processes',
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: '1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    ...extra,
  });
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  return env;
}

describe('an API and a worker sharing only the database and a bucket', () => {
  it('import through the bucket: the API stores the source, the worker writes the files, the API serves them at PUBLIC_URL links', async () => {
    const api = startNode('src/main.ts', bucketEnv(apiDir, { WORKER_CONCURRENCY: '0', PUBLIC_URL: `${PUBLIC_URL}/` }));
    const [, baseUrl] = await api.waitFor(LISTENING, 60_000);
    const [key] = await api.waitFor(KEY, 10_000);
    const call = <R, V>(document: TypedDocumentNode<R, V>, variables: V) => request(baseUrl!, key, document, variables);
    const ready = await fetch(`${baseUrl}/readyz`);
    expect(await ready.json()).toMatchObject({ checks: { files: 'ok' } });

    const { startContactImport: started } = await call(BucketStart, { text: 'Email,First Name\nada@bucket.test,Ada\nnope,Bad\n' });
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    const jobId = started.id;
    const mapping = await call(BucketMap, {
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

    const worker = startNode('src/worker-main.ts', bucketEnv(workerDir));
    await worker.waitFor(WORKER_RUNNING, 60_000);
    const waitWhile = async (states: string[]) => {
      for (;;) {
        const { importJob } = await call(BucketJob, { id: jobId });
        if (importJob.__typename !== 'ImportJob') throw new Error(importJob.message);
        if (!states.includes(importJob.status)) return importJob;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    expect(await waitWhile(['VALIDATING'])).toMatchObject({ status: 'REVIEW' });
    expect((await call(BucketConfirm, { jobId })).confirmContactImport).toMatchObject({ status: 'QUEUED' });
    const written = await waitWhile(['QUEUED', 'IMPORTING']);
    expect(written).toEqual({
      __typename: 'ImportJob',
      status: 'COMPLETED',
      errorFileUrl: expect.stringMatching(signedLink(`${PUBLIC_URL}/files/imports/*/errors.csv`)),
      resultFileUrl: expect.stringMatching(signedLink(`${PUBLIC_URL}/files/imports/*/result.csv`)),
    });

    const served = await fetch(`${baseUrl}${new URL(written.resultFileUrl!).pathname}`, { headers: { authorization: `Bearer ${key}` } });
    expect(served.status).toBe(200);
    expect((await served.text()).split('\r\n').slice(0, 3)).toEqual([
      'Email,First Name,Import Status,Errors,Notes,Error Codes',
      'ada@bucket.test,Ada,Imported,,,',
      expect.stringMatching(/^nope,Bad,Error,".+",,INVALID_EMAIL$/),
    ]);
    // Neither process kept a file of its own.
    expect(existsSync(path.join(apiDir, 'files'))).toBe(false);
    expect(existsSync(path.join(workerDir, 'files'))).toBe(false);

    await worker.stop(20_000);
    expect(await api.stop(20_000)).toEqual({ code: 0, signal: null });
  }, 180_000);
});
