import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { importFileKeys } from '../../src/files/file-store.ts';
import { startImportSweeper, sweepImports } from '../../src/import/sweeper.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { Confirm, SetMapping, StartImport, download, fetchJob, importCsv, validateCsv } from '../support/imports.ts';

const SweptJob = graphql(`
  query SweptJob($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob { id status createdAt reviewExpiresAt failureReason finishedAt errorFileUrl resultFileUrl }
      ... on Error { message }
    }
  }
`);

const CreateSweepWebhook = graphql(`
  mutation CreateSweepWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on CreatedWebhook { webhook { id } }
      ... on Error { message }
    }
  }
`);

const SweepDeliveries = graphql(`
  query SweepDeliveries {
    webhooks {
      deliveries(first: 100) { totalCount edges { node { status payload job { id status } } } }
    }
  }
`);

const WatchJob = graphql(`
  subscription WatchJob($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { id status }
  }
`);

const CSV = 'Name,Phone\nAda Lovelace,+12025550101\nBad Row,12\n';
const OPTIONS = { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' } as const;

const app = useTestApp();

/** A workspace whose jobs wait at most one second for their mapping or confirmation. */
async function impatientWorkspace(): Promise<TestWorkspace> {
  const workspace = await app.createWorkspace();
  await app.db.pool.query('UPDATE workspaces SET review_ttl_seconds = 1 WHERE id = $1', [workspace.id]);
  const created = await app.data(CreateSweepWebhook, { input: { url: 'http://127.0.0.1:9/unused' } }, workspace.keys.ADMIN);
  expect(created.createWebhook.__typename).toBe('CreatedWebhook');
  return workspace;
}

async function sweptJob(key: string, id: string) {
  const { importJob } = await app.data(SweptJob, { id }, key);
  if (importJob.__typename !== 'ImportJob') throw new Error(importJob.message);
  return importJob;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('review expiry', () => {
  it('expires a job left in review: EXPIRED, source deleted, subscribers and webhooks told, confirm refused', async () => {
    const workspace = await impatientWorkspace();
    const key = workspace.keys.WRITE;
    const job = await validateCsv(app, key, CSV, OPTIONS);
    const files = importFileKeys(workspace.id, uuidOf(job.id));
    expect(await app.files.list(files.folder)).toContain(files.source);

    const statuses: string[] = [];
    const subscription = app.wsClient({ authorization: `Bearer ${key}` }).iterate({ query: print(WatchJob), variables: { jobId: job.id } });
    const watched = (async () => {
      for await (const event of subscription)
        statuses.push((event.data as { contactImportProgress: { status: string } }).contactImportProgress.status);
    })();
    await expect.poll(() => statuses).toEqual(['REVIEW']);

    await pause(1100);
    expect(await sweepImports({ db: app.db, files: app.files })).toEqual({ expired: 1, purged: 0 });

    await watched;
    expect(statuses).toEqual(['REVIEW', 'EXPIRED']);
    const expired = await sweptJob(key, job.id);
    expect(expired).toMatchObject({
      status: 'EXPIRED',
      resultFileUrl: null,
      failureReason: 'the review expired after 1 second without a confirm; start the import again',
    });
    expect(expired.finishedAt).not.toBeNull();
    expect(await app.files.list(files.folder)).toEqual([files.errors]);
    // The error file stays for the retention period, like any finished job's.
    expect(await download(expired.errorFileUrl!, key)).toContain('Bad Row');

    const { confirmContactImport } = await app.data(Confirm, { jobId: job.id }, key);
    expect(confirmContactImport).toEqual({
      __typename: 'InvalidStateError',
      message: `Import ${uuidOf(job.id)} expired at ${expired.reviewExpiresAt} (EXPIRED): start the import again`,
    });

    const { webhooks } = await app.data(SweepDeliveries, {}, workspace.keys.ADMIN);
    expect(webhooks[0]!.deliveries.edges.map((edge) => edge.node)).toEqual([
      expect.objectContaining({
        status: 'PENDING',
        job: { id: job.id, status: 'EXPIRED' },
        payload: expect.objectContaining({ event: 'import.finished' }),
      }),
    ]);
    expect(await sweepImports({ db: app.db, files: app.files })).toEqual({ expired: 0, purged: 0 });
  });

  it('expires a job never mapped after the same time, at the deadline it shows, saying why', async () => {
    const workspace = await impatientWorkspace();
    const { startContactImport: started } = await app.data(StartImport, { input: { text: CSV } }, workspace.keys.WRITE);
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    const waiting = await sweptJob(workspace.keys.WRITE, started.id);
    expect(waiting).toMatchObject({ status: 'MAPPING', failureReason: null });
    expect(Date.parse(waiting.reviewExpiresAt!) - Date.parse(waiting.createdAt)).toBe(1000);
    await pause(1100);
    const sweeper = startImportSweeper({ db: app.db, files: app.files, intervalMs: 50 });
    try {
      await expect.poll(async () => (await sweptJob(workspace.keys.WRITE, started.id)).status).toBe('EXPIRED');
    } finally {
      await sweeper.stop();
    }
    expect(await app.files.list(importFileKeys(workspace.id, uuidOf(started.id)).folder)).toEqual([]);
    expect(await sweptJob(workspace.keys.WRITE, started.id)).toMatchObject({
      reviewExpiresAt: waiting.reviewExpiresAt,
      failureReason: 'the mapping was not set within 1 second of the upload; start the import again',
    });
    const mapped = await app.data(
      SetMapping,
      { input: { jobId: started.id, columns: [{ index: 0, fieldKey: 'name' }], ...OPTIONS } },
      workspace.keys.WRITE,
    );
    expect(mapped.setContactImportMapping).toEqual({
      __typename: 'InvalidStateError',
      message: `Import ${uuidOf(started.id)} expired at ${waiting.reviewExpiresAt} (EXPIRED): start the import again`,
    });
  });

  it('expires a job waiting for its mapping at its reviewExpiresAt, not before', async () => {
    const workspace = await app.createWorkspace();
    const key = workspace.keys.WRITE;
    const { startContactImport: started } = await app.data(StartImport, { input: { text: CSV } }, key);
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    const waiting = await sweptJob(key, started.id);
    // The default time to wait: an hour.
    expect(Date.parse(waiting.reviewExpiresAt!) - Date.parse(waiting.createdAt)).toBe(3600_000);
    expect((await sweepImports({ db: app.db, files: app.files })).expired).toBe(0);

    // Its deadline comes early (the job itself is as it was): the next sweep expires it.
    await app.db.pool.query(`UPDATE import_jobs SET review_expires_at = now() - interval '1 millisecond' WHERE id = $1`, [uuidOf(started.id)]);
    expect((await sweepImports({ db: app.db, files: app.files })).expired).toBe(1);
    expect(await sweptJob(key, started.id)).toMatchObject({
      status: 'EXPIRED',
      failureReason: 'the mapping was not set within 1 hour of the upload; start the import again',
    });
  });

  it('shares the work between sweepers of several processes: each job expires once', async () => {
    const workspace = await impatientWorkspace();
    const jobs = await Promise.all(Array.from({ length: 6 }, () => validateCsv(app, workspace.keys.WRITE, CSV, OPTIONS)));
    await pause(1100);
    const databases = [openDatabase(app.db.url), openDatabase(app.db.url), openDatabase(app.db.url)];
    try {
      const results = await Promise.all(databases.map((db) => sweepImports({ db, files: app.files })));
      expect(results.reduce((sum, result) => sum + result.expired, 0)).toBe(jobs.length);
    } finally {
      await Promise.all(databases.map((db) => db.close()));
    }
    for (const job of jobs) expect(await fetchJob(app, workspace.keys.WRITE, job.id)).toMatchObject({ status: 'EXPIRED' });
    const { webhooks } = await app.data(SweepDeliveries, {}, workspace.keys.ADMIN);
    expect(webhooks[0]!.deliveries.totalCount).toBe(jobs.length);
    expect(new Set(webhooks[0]!.deliveries.edges.map((edge) => edge.node.job.id))).toEqual(new Set(jobs.map((job) => job.id)));
  });
});

describe('file retention', () => {
  it('deletes the files of a finished job once its retention ran out: URLs answer null, downloads 404', async () => {
    const workspace = await app.createWorkspace();
    const key = workspace.keys.WRITE;
    const job = await importCsv(app, key, CSV, OPTIONS);
    expect(job.resultFileUrl).not.toBeNull();
    expect(job.errorFileUrl).not.toBeNull();

    expect((await sweepImports({ db: app.db, files: app.files })).purged).toBe(0);
    expect(await download(job.resultFileUrl!, key)).toContain('Ada Lovelace');

    await app.db.pool.query(`UPDATE import_jobs SET files_expire_at = now() - interval '1 second' WHERE id = $1`, [uuidOf(job.id)]);
    expect((await sweepImports({ db: app.db, files: app.files })).purged).toBe(1);

    expect(await sweptJob(key, job.id)).toMatchObject({ status: 'COMPLETED', errorFileUrl: null, resultFileUrl: null });
    expect(await app.files.list(importFileKeys(workspace.id, uuidOf(job.id)).folder)).toEqual([]);
    const response = await fetch(job.resultFileUrl!, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(404);
    expect((await sweepImports({ db: app.db, files: app.files })).purged).toBe(0);
  });

  it("keeps a finished job's files for the workspace's retention days when the job set no deadline", async () => {
    const workspace = await app.createWorkspace();
    const key = workspace.keys.WRITE;
    const job = await importCsv(app, key, CSV, OPTIONS);
    await app.db.pool.query(`UPDATE import_jobs SET files_expire_at = NULL, finished_at = now() - interval '6 days' WHERE id = $1`, [uuidOf(job.id)]);
    expect((await sweepImports({ db: app.db, files: app.files })).purged).toBe(0);
    await app.db.pool.query(`UPDATE import_jobs SET finished_at = now() - interval '7 days 1 second' WHERE id = $1`, [uuidOf(job.id)]);
    expect((await sweepImports({ db: app.db, files: app.files })).purged).toBe(1);
    expect(await sweptJob(key, job.id)).toMatchObject({ errorFileUrl: null, resultFileUrl: null });
  });
});
