import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createWorkspace } from '../../src/services/workspaces.ts';
import { graphql } from '../generated/gql.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { LISTENING, WORKER_RUNNING, killAll, productEnv, request, startNode, type ProductProcess } from '../support/processes.ts';
import { uuidOf } from '../support/global-ids.ts';

/**
 * A worker process killed with SIGKILL in the middle of a 50,000-row import, and another started:
 * the job finishes, and every row is written exactly once — the counts, the contacts and the undo
 * journal equal those of a clean run of the same file in another workspace.
 */

const ROWS = 50_000;
/** Contacts both workspaces have before the import, which it then updates. */
const EXISTING = 2_000;

const CrashStart = graphql(`
  mutation CrashStart($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);
const CrashMap = graphql(`
  mutation CrashMap($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const CrashConfirm = graphql(`
  mutation CrashConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);
const CrashJob = graphql(`
  query CrashJob($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob { status progress { processedRows totalRows } counts { toCreate toUpdate toSkip errors created updated skipped failed } }
    }
  }
`);
const CrashContacts = graphql(`
  query CrashContacts { contacts(first: 1) { totalCount } }
`);

/**
 * The file: new contacts, updates of the existing ones (new first name), in-file duplicates
 * (KEEP_FIRST skips them) and bad emails (row errors).
 */
function bigCsv(): string {
  const lines = ['Email,First Name,Country'];
  for (let i = 0; i < ROWS; i++) {
    if (i % 1000 === 999) lines.push(`not-an-email-${i},Bad,US`);
    else if (i % 1000 === 998) lines.push(`p${i - 1}@crash.test,Twin,US`);
    else lines.push(`p${i}@crash.test,${i < EXISTING ? 'Updated' : 'New'},${i % 2 ? 'US' : 'CA'}`);
  }
  return lines.join('\n');
}

const existingCsv = ['Email,First Name', ...Array.from({ length: EXISTING }, (_, i) => `p${i}@crash.test,Before`)].join('\n');

let database: TestDatabase;
let db: Database;
let dataDir: string;
let api: ProductProcess;
let baseUrl: string;
const workers: ProductProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = openDatabase(database.url);
  dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-crash-'));
  api = startNode('src/main.ts', productEnv(database.url, dataDir, { WORKER_CONCURRENCY: '0' }));
  baseUrl = (await api.waitFor(LISTENING, 60_000))[1]!;
}, 90_000);
afterAll(async () => {
  await killAll();
  await db?.close();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

async function startWorker(): Promise<ProductProcess> {
  const worker = startNode('src/worker-main.ts', productEnv(database.url, dataDir));
  workers.push(worker);
  await worker.waitFor(WORKER_RUNNING, 60_000);
  return worker;
}

async function newWorkspace(name: string): Promise<string> {
  return (await createWorkspace(db, { name })).admin.secret;
}

function client(key: string) {
  const call = <R, V>(document: TypedDocumentNode<R, V>, variables: V) => request(baseUrl, key, document, variables);
  const job = async (id: string) => {
    const { importJob } = await call(CrashJob, { id });
    if (importJob.__typename !== 'ImportJob') throw new Error(importJob.__typename);
    return importJob;
  };
  return {
    call,
    job,
    async until(id: string, done: (state: Awaited<ReturnType<typeof job>>) => boolean, timeoutMs: number) {
      const started = Date.now();
      for (;;) {
        const state = await job(id);
        if (done(state)) return state;
        if (Date.now() - started > timeoutMs) throw new Error(`job ${id} still ${JSON.stringify(state)} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    /** Starts, maps and validates an import; returns its id in REVIEW. */
    async validated(text: string): Promise<string> {
      const { startContactImport } = await call(CrashStart, { text });
      if (startContactImport.__typename !== 'ImportJob') throw new Error(startContactImport.__typename);
      const columns = [
        { index: 0, fieldKey: 'email' },
        { index: 1, fieldKey: 'firstName' },
        ...(text.startsWith('Email,First Name,Country') ? [{ index: 2, fieldKey: 'country' }] : []),
      ];
      const input = {
        jobId: startContactImport.id,
        purpose: 'ADD_AND_UPDATE' as const,
        identifier: 'EMAIL' as const,
        inFileDuplicates: 'KEEP_FIRST' as const,
        columns,
      };
      expect((await call(CrashMap, { input })).setContactImportMapping).toMatchObject({ status: 'VALIDATING' });
      expect(await this.until(startContactImport.id, (state) => state.status !== 'VALIDATING', 120_000)).toMatchObject({ status: 'REVIEW' });
      return startContactImport.id;
    },
    async confirm(id: string) {
      expect((await call(CrashConfirm, { jobId: id })).confirmContactImport).toMatchObject({ status: 'QUEUED' });
    },
    async contacts() {
      return (await call(CrashContacts, {})).contacts.totalCount;
    },
  };
}

/** What the import left in the database: contacts by first name, distinct emails, journal rows. */
async function footprint(jobId: string) {
  const { rows } = await db.pool.query(
    `SELECT (SELECT jsonb_object_agg(first_name, n) FROM (SELECT c.first_name, count(*)::int AS n FROM contacts c WHERE c.workspace_id = j.workspace_id GROUP BY 1) f) AS names,
            (SELECT count(DISTINCT value)::int FROM contact_details d WHERE d.workspace_id = j.workspace_id AND d.kind = 'EMAIL') AS emails,
            (SELECT count(*)::int FROM contact_details d WHERE d.workspace_id = j.workspace_id) AS details,
            (SELECT count(*)::int FROM import_changes ic WHERE ic.workspace_id = j.workspace_id AND ic.job_id = j.id) AS journal,
            (SELECT count(*)::int FROM contact_tags t WHERE t.workspace_id = j.workspace_id) AS tag_links
     FROM import_jobs j WHERE j.id = $1`,
    [uuidOf(jobId)],
  );
  return rows[0];
}

describe('a worker killed with SIGKILL mid-import', () => {
  it('is replaced by another that finishes the job, every row written exactly once', async () => {
    let worker = await startWorker();
    const crashed = client(await newWorkspace('Crash'));
    const clean = client(await newWorkspace('Clean'));

    // Both workspaces start alike: EXISTING contacts the big file updates.
    for (const side of [crashed, clean]) {
      const id = await side.validated(existingCsv);
      await side.confirm(id);
      await side.until(id, (state) => state.status === 'COMPLETED', 60_000);
    }

    const csv = bigCsv();
    const crashJob = await crashed.validated(csv);
    await crashed.confirm(crashJob);
    const atKill = await crashed.until(crashJob, (state) => state.status === 'IMPORTING' && state.progress.processedRows >= 10_000, 120_000);
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(atKill.progress.processedRows).toBeLessThan(ROWS);
    // What the dead worker left: its committed batches (5,000 rows each), its open one rolled back.
    const stalled = await crashed.job(crashJob);
    expect(stalled.status).toBe('IMPORTING');
    expect(stalled.progress.processedRows % 5000).toBe(0);
    expect(stalled.progress.processedRows).toBeGreaterThanOrEqual(atKill.progress.processedRows);

    // A new worker takes the job over once the dead one's lease runs out, and resumes after the
    // last committed batch.
    worker = await startWorker();
    const finished = await crashed.until(crashJob, (state) => state.status !== 'IMPORTING', 120_000);
    expect(finished.status).toBe('COMPLETED');

    const cleanJob = await clean.validated(csv);
    await clean.confirm(cleanJob);
    const reference = await clean.until(cleanJob, (state) => state.status === 'COMPLETED', 120_000);

    expect(finished.counts).toEqual(reference.counts);
    expect(finished.counts).toMatchObject({ created: ROWS - 100 - (EXISTING - 4), updated: EXISTING - 4, skipped: 50, failed: 50 });
    expect(finished.progress).toEqual({ processedRows: ROWS, totalRows: ROWS });
    expect(await crashed.contacts()).toBe(await clean.contacts());
    const [crashFootprint, cleanFootprint] = [await footprint(crashJob), await footprint(cleanJob)];
    expect(crashFootprint).toEqual(cleanFootprint);
    expect(crashFootprint.emails).toBe(await crashed.contacts());

    expect(await worker.stop(20_000)).toEqual({ code: 0, signal: null });
    expect(await api.stop(20_000)).toEqual({ code: 0, signal: null });
  }, 400_000);
});
