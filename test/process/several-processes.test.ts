import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { openDatabase } from '../../src/db/client.ts';
import { readMigrations } from '../../src/db/migrate.ts';
import { createWorkspace } from '../../src/services/workspaces.ts';
import { graphql } from '../generated/gql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { LISTENING, WORKER_RUNNING, killAll, productEnv, request, startNode, type ProductProcess } from '../support/processes.ts';
import { uuidOf } from '../support/global-ids.ts';
import { signedLink, unsignedLink } from '../support/links.ts';
import { startS3Server, TEST_BUCKET, type TestS3Server } from '../support/s3-server.ts';
import { sseEvents } from '../support/sse.ts';

/**
 * The production layout in miniature: two API processes (WORKER_CONCURRENCY=0) and two
 * `npm run worker` processes, each with a DATA_DIR of its own, sharing only one PostgreSQL (through
 * DATABASE_URL) and one S3 bucket, as on four machines behind a load balancer. Started together
 * on an empty database, they migrate it once. Imports submitted through either API are each written
 * exactly once by whichever worker claims them; a client subscribed through the other API follows
 * their progress; the files a worker wrote are served the same by both APIs.
 */

const ROWS = 2000;
const PUBLIC_URL = 'https://contacts.example.com';
const KEY = /\bsb_[A-Za-z0-9_-]{20,}/;

const SeveralStart = graphql(`
  mutation SeveralStart($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);
const SeveralMap = graphql(`
  mutation SeveralMap($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const SeveralConfirm = graphql(`
  mutation SeveralConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const SeveralJob = graphql(`
  query SeveralJob($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob { status counts { created updated skipped failed } progress { processedRows totalRows } errorFileUrl resultFileUrl }
      ... on Error { message }
    }
  }
`);
const SeveralProgress = graphql(`
  subscription SeveralProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } }
  }
`);

type ProgressEvent = { status: string; progress: { processedRows: number; totalRows: number } };

/** A phone number of the test's range: +1 202 555 1000 and on. */
const phone = (i: number) => `+1202555${1000 + i}`;

/** Rows `from` to `to` (excluded): people with phones, all called `name`; then two rows whose phone is not one. */
function peopleCsv(from: number, to: number, name: string): string {
  const lines = ['Phone,First Name'];
  for (let i = from; i < to; i++) lines.push(`${phone(i)},${name}`);
  lines.push('12,Bad', 'not a phone,Worse');
  return lines.join('\n');
}

let database: TestDatabase;
let s3: TestS3Server;
let root: string;

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  s3 = await startS3Server();
  root = await mkdtemp(path.join(tmpdir(), 'switchboard-several-'));
}, 30_000);
afterAll(async () => {
  await killAll();
  await database?.drop();
  await s3?.stop();
  if (root) await rm(root, { recursive: true, force: true });
}, 30_000);

/** The environment of one machine: its own DATA_DIR, the shared database, bucket and webhook key. */
async function machineEnv(name: string, webhookKey: string, extra: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  const dataDir = path.join(root, name);
  await mkdir(dataDir);
  const env = productEnv(database.url, dataDir, {
    STORAGE: 's3',
    S3_BUCKET: TEST_BUCKET,
    S3_PREFIX: 'several',
    S3_ENDPOINT: s3.endpoint,
    S3_FORCE_PATH_STYLE: '1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    WEBHOOK_SECRET_KEY: webhookKey,
    LOG_FORMAT: 'json',
    ...extra,
  });
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  return env;
}

/** The JSON log lines a process wrote to stdout. */
function logLines(product: ProductProcess): Record<string, unknown>[] {
  return product
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A job with its file links cut at their query, which holds the moment each was signed. */
function unsigned<T extends { errorFileUrl?: string | null; resultFileUrl?: string | null }>(job: T): T {
  return { ...job, errorFileUrl: unsignedLink(job.errorFileUrl), resultFileUrl: unsignedLink(job.resultFileUrl) };
}

interface Api {
  baseUrl: string;
  call<R, V>(key: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
  /**
   * GET of a link the API returned, sent to this API whatever host the link names (as a load
   * balancer would), without the Authorization header: the link's signature, made by either API, is its credential.
   */
  download(link: string): Promise<Buffer>;
}

function apiAt(baseUrl: string): Api {
  return {
    baseUrl,
    call: (key, document, variables) => request(baseUrl, key, document, variables),
    async download(link) {
      const { pathname, search } = new URL(link);
      const response = await fetch(`${baseUrl}${pathname}${search}`);
      expect(response.status, `GET ${link} from ${baseUrl}`).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

/** The progress of a job over graphql-ws: the first event once it is there, then the rest until the job ends. */
async function followOverWebSocket(api: Api, key: string, jobId: string) {
  const client = createClient({
    url: `${api.baseUrl.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
  });
  const subscription = client.iterate<{ contactImportProgress: ProgressEvent }>({ query: print(SeveralProgress), variables: { jobId } });
  const first = (await subscription.next()).value.data.contactImportProgress as ProgressEvent;
  const rest = (async () => {
    const events: ProgressEvent[] = [];
    try {
      for await (const event of subscription) events.push(event.data!.contactImportProgress);
    } finally {
      await client.dispose();
    }
    return events;
  })();
  // A failure is met where `rest` is awaited; this only keeps a test that failed before that from reporting it twice.
  rest.catch(() => {});
  return { first, rest, close: () => client.dispose() };
}

/** The progress of a job over server-sent events, the same way. */
async function followOverSse(api: Api, key: string, jobId: string) {
  const abort = new AbortController();
  const response = await fetch(`${api.baseUrl}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: print(SeveralProgress), variables: { jobId } }),
    signal: abort.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const stream = sseEvents(response.body);
  const next = async (): Promise<ProgressEvent | undefined> => {
    for (;;) {
      const { value, done } = await stream.next();
      if (done || value.event === 'complete') return undefined;
      if (value.data) return (JSON.parse(value.data) as { data: { contactImportProgress: ProgressEvent } }).data.contactImportProgress;
    }
  };
  const first = (await next())!;
  const rest = (async () => {
    const events: ProgressEvent[] = [];
    for (let event = await next(); event; event = await next()) events.push(event);
    return events;
  })();
  rest.catch(() => {});
  return { first, rest, close: () => abort.abort() };
}

describe('two API processes and two workers on one database and one bucket', () => {
  it('one migration, imports through either API written once, progress through the other API, the same files from both, work for both workers', async () => {
    // Every process gets the same webhook key; the APIs run no worker, each worker one job at a time.
    const webhookKey = randomBytes(32).toString('base64');
    const apiEnv = { WORKER_CONCURRENCY: '0', PUBLIC_URL };
    const processes = {
      api1: startNode('src/main.ts', await machineEnv('api-1', webhookKey, apiEnv)),
      api2: startNode('src/main.ts', await machineEnv('api-2', webhookKey, apiEnv)),
      worker1: startNode('src/worker-main.ts', await machineEnv('worker-1', webhookKey, { WORKER_CONCURRENCY: '1' })),
      worker2: startNode('src/worker-main.ts', await machineEnv('worker-2', webhookKey, { WORKER_CONCURRENCY: '1' })),
    };
    const [[, url1], [, url2]] = await Promise.all([
      processes.api1.waitFor(LISTENING, 60_000),
      processes.api2.waitFor(LISTENING, 60_000),
      processes.worker1.waitFor(WORKER_RUNNING, 60_000),
      processes.worker2.waitFor(WORKER_RUNNING, 60_000),
    ]);
    const api1 = apiAt(url1!);
    const api2 = apiAt(url2!);
    const everyProcess = Object.values(processes);

    // Four processes started together on an empty database: each migration was applied once, by
    // whichever process held the migration lock; the others found nothing left to apply.
    const applied = everyProcess.flatMap((product) =>
      logLines(product)
        .filter((line) => line.msg === 'applied migration')
        .map((line) => line.migration),
    );
    const migrations = (await readMigrations()).map((migration) => migration.name);
    expect(applied.sort()).toEqual(migrations);
    const { rows: recorded } = await database.pool.query('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
    expect(recorded.map((row) => row.migration_name)).toEqual(migrations);

    // More workspaces and keys, as an operator makes them (`npm run cli -- workspace create`).
    const db = openDatabase(database.url);
    const workspaces = await (async () => {
      try {
        const made = [];
        for (const name of ['Alpha', 'Beta', 'Gamma']) made.push(await createWorkspace(db, { name }));
        return made.map(({ workspace, admin }) => ({ id: workspace.id, key: admin.secret }));
      } finally {
        await db.close();
      }
    })();
    const [alpha, beta, gamma] = workspaces as [(typeof workspaces)[0], (typeof workspaces)[0], (typeof workspaces)[0]];

    // Alpha queues two imports through the first API (the second overlaps the first by half),
    // Beta (the same numbers as Alpha's first: another workspace's contacts) and Gamma one each
    // through the second.
    const imports = [
      { name: 'alpha-1', api: api1, workspace: alpha, from: 0, to: ROWS, firstName: 'Ada' },
      { name: 'alpha-2', api: api1, workspace: alpha, from: ROWS / 2, to: ROWS + ROWS / 2, firstName: 'Grace' },
      { name: 'beta', api: api2, workspace: beta, from: 0, to: ROWS, firstName: 'Alan' },
      { name: 'gamma', api: api2, workspace: gamma, from: ROWS, to: 2 * ROWS, firstName: 'Edsger' },
    ];
    const jobs = await Promise.all(
      imports.map(async (entry) => {
        const { startContactImport: started } = await entry.api.call(entry.workspace.key, SeveralStart, {
          text: peopleCsv(entry.from, entry.to, entry.firstName),
        });
        if (started.__typename !== 'ImportJob') throw new Error(`${entry.name}: ${started.message}`);
        return { ...entry, id: started.id, other: entry.api === api1 ? api2 : api1 };
      }),
    );
    const [alpha1, alpha2, betaJob, gammaJob] = jobs as [(typeof jobs)[0], (typeof jobs)[0], (typeof jobs)[0], (typeof jobs)[0]];
    const jobOf = async (job: (typeof jobs)[0], api: Api = job.api) => {
      const { importJob } = await api.call(job.workspace.key, SeveralJob, { id: job.id });
      if (importJob.__typename !== 'ImportJob') throw new Error(`${job.name}: ${importJob.__typename}`);
      return importJob;
    };
    const settle = async (job: (typeof jobs)[0], states: string[]) => {
      for (;;) {
        const current = await jobOf(job);
        if (!states.includes(current.status)) return current;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };

    // All four validate at once, so that both workers find work.
    const mapped = await Promise.all(
      jobs.map((job) =>
        job.api.call(job.workspace.key, SeveralMap, {
          input: {
            jobId: job.id,
            purpose: 'ADD_AND_UPDATE',
            identifier: 'PHONE',
            columns: [
              { index: 0, fieldKey: 'phone' },
              { index: 1, fieldKey: 'firstName' },
            ],
          },
        }),
      ),
    );
    for (const { setContactImportMapping } of mapped) expect(setContactImportMapping).toMatchObject({ status: 'VALIDATING' });
    for (const job of jobs) expect((await settle(job, ['VALIDATING'])).status).toBe('REVIEW');

    // Subscribed through the API the import was not submitted to: graphql-ws one way, SSE the other.
    const followers = [
      { job: alpha1, follower: await followOverWebSocket(alpha1.other, alpha1.workspace.key, alpha1.id) },
      { job: betaJob, follower: await followOverSse(betaJob.other, betaJob.workspace.key, betaJob.id) },
    ];
    try {
      for (const { follower } of followers) expect(follower.first.status).toBe('REVIEW');
      // Alpha's first import is confirmed before its second, so it is written first.
      const confirm = async (job: (typeof jobs)[0]) =>
        expect((await job.api.call(job.workspace.key, SeveralConfirm, { jobId: job.id })).confirmContactImport, job.name).toMatchObject({
          status: 'QUEUED',
        });
      await Promise.all([confirm(alpha1).then(() => confirm(alpha2)), confirm(betaJob), confirm(gammaJob)]);
      for (const { job, follower } of followers) {
        const statuses = (await follower.rest).map((event) => event.status);
        expect(statuses, job.name).toContain('IMPORTING');
        expect(statuses.indexOf('IMPORTING'), job.name).toBeLessThan(statuses.indexOf('COMPLETED'));
        expect(statuses.at(-1), job.name).toBe('COMPLETED');
      }
    } finally {
      for (const { follower } of followers) follower.close();
    }

    // Each job's counts: Alpha's second import finds half its rows written by the first.
    const expected = new Map([
      [alpha1.id, { created: ROWS, updated: 0 }],
      [alpha2.id, { created: ROWS / 2, updated: ROWS / 2 }],
      [betaJob.id, { created: ROWS, updated: 0 }],
      [gammaJob.id, { created: ROWS, updated: 0 }],
    ]);
    const finished = new Map<string, Awaited<ReturnType<typeof jobOf>>>();
    for (const job of jobs) {
      const done = await settle(job, ['QUEUED', 'IMPORTING']);
      expect(done, job.name).toMatchObject({
        status: 'COMPLETED',
        counts: { ...expected.get(job.id), skipped: 0, failed: 2 },
        progress: { processedRows: ROWS + 2, totalRows: ROWS + 2 },
        errorFileUrl: expect.stringMatching(signedLink(`${PUBLIC_URL}/files/imports/*/errors.csv`)),
        resultFileUrl: expect.stringMatching(signedLink(`${PUBLIC_URL}/files/imports/*/result.csv`)),
      });
      // The other API tells the same (its links signed at another moment).
      expect(unsigned(await jobOf(job, job.other)), job.name).toEqual(unsigned(done));
      finished.set(job.id, done);
    }

    // Every contact once: one per phone number in each workspace, each with its own journal row.
    const { rows: contacts } = await database.pool.query<{ workspace_id: string; phones: string[]; contacts: number }>(
      `SELECT c.workspace_id, array_agg(d.value ORDER BY d.value) AS phones, count(DISTINCT c.id)::int AS contacts
         FROM contacts c JOIN contact_details d ON d.workspace_id = c.workspace_id AND d.contact_id = c.id AND d.kind = 'PHONE'
        GROUP BY c.workspace_id`,
    );
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => phone(from + i)).sort();
    expect(new Map(contacts.map((row) => [row.workspace_id, { phones: row.phones, contacts: row.contacts }]))).toEqual(
      new Map([
        [alpha.id, { phones: range(0, ROWS + ROWS / 2), contacts: ROWS + ROWS / 2 }],
        [beta.id, { phones: range(0, ROWS), contacts: ROWS }],
        [gamma.id, { phones: range(ROWS, 2 * ROWS), contacts: ROWS }],
      ]),
    );
    const { rows: journal } = await database.pool.query<{ job_id: string; created: number; updated: number; contacts: number }>(
      `SELECT job_id, count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated,
              count(DISTINCT contact_id)::int AS contacts
         FROM import_changes GROUP BY job_id`,
    );
    expect(new Map(journal.map(({ job_id, ...counts }) => [job_id, counts]))).toEqual(
      new Map([...expected].map(([id, counts]) => [uuidOf(id), { ...counts, contacts: counts.created + counts.updated }])),
    );

    // The files a worker wrote, byte for byte the same from either API.
    for (const job of jobs) {
      const done = finished.get(job.id)!;
      for (const link of [done.errorFileUrl!, done.resultFileUrl!]) {
        const [first, second] = await Promise.all([api1.download(link), api2.download(link)]);
        expect(first.length, link).toBeGreaterThan(0);
        expect(first.equals(second), link).toBe(true);
      }
      const errors = (await api1.download(done.errorFileUrl!)).toString('utf8').trim().split('\r\n');
      expect(
        errors.map((line) => line.split(',').slice(0, 2).join(',')),
        job.name,
      ).toEqual(['Phone,First Name', '12,Bad', 'not a phone,Worse']);
      const result = (await api2.download(done.resultFileUrl!)).toString('utf8').trim().split('\r\n');
      expect(result, job.name).toHaveLength(ROWS + 3);
    }

    // Each write claimed once, by one worker or the other, and both workers took jobs.
    const claims = [processes.worker1, processes.worker2].map((worker) =>
      logLines(worker).filter((line) => line.msg === 'import job claimed' && line.status === 'QUEUED'),
    );
    const validations = [processes.worker1, processes.worker2].map((worker) =>
      logLines(worker).filter((line) => line.msg === 'import job claimed' && line.status === 'VALIDATING'),
    );
    expect(
      claims
        .flat()
        .map((line) => line.jobId)
        .sort(),
    ).toEqual(jobs.map((job) => uuidOf(job.id)).sort());
    for (const [index, worker] of ['worker 1', 'worker 2'].entries()) {
      expect(claims[index]!.length + validations[index]!.length, `${worker} claimed no job`).toBeGreaterThan(0);
    }

    // One default workspace, made by one API process, whose key only that process printed.
    const { rows: defaults } = await database.pool.query("SELECT id FROM workspaces WHERE name = 'Default workspace'");
    expect(defaults).toHaveLength(1);
    expect([processes.api1, processes.api2].filter((api) => KEY.test(api.stdout()))).toHaveLength(1);

    for (const worker of [processes.worker1, processes.worker2]) expect(await worker.stop(20_000)).toEqual({ code: 0, signal: null });
    for (const api of [processes.api1, processes.api2]) expect(await api.stop(20_000)).toEqual({ code: 0, signal: null });
  }, 120_000);
});
