import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { importCsv, validateCsv, waitWhile } from '../support/imports.ts';

/**
 * Personal data does not outlive its use: a job's staged rows (every row's values) are deleted when
 * the job ends, and a deleted contact leaves no values in the undo journal.
 */

const PurgeSkipReasons = graphql(`
  query PurgeSkipReasons($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob { status skipReasons { reason count } preview { rowNumber } counts { skipped reverted revertConflicts } }
    }
  }
`);

const PurgeCancel = graphql(`
  mutation PurgeCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const PurgeDeleteContact = graphql(`
  mutation PurgeDeleteContact($id: ID!) {
    deleteContact(id: $id) { __typename ... on Error { message } }
  }
`);

const PurgeRevert = graphql(`
  mutation PurgeRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const app = useTestApp();
let key: string;

beforeAll(async () => {
  key = (await app.createWorkspace()).keys.ADMIN;
});

async function stagedRows(jobId: string): Promise<number> {
  const { rows } = await app.db.pool.query('SELECT count(*)::int AS n FROM import_rows WHERE job_id = $1', [uuidOf(jobId)]);
  return rows[0].n;
}

describe('staged rows', () => {
  it('are deleted when the import completes; its skip reasons stay readable', async () => {
    const csv = 'Phone,First Name\n+12025550101,Ada\n+12025550101,Ada again\n+12025550102,Bob\n';
    const review = await validateCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE', inFileDuplicates: 'KEEP_FIRST' });
    expect(await stagedRows(review.id)).toBe(3);
    const before = await app.data(PurgeSkipReasons, { id: review.id }, key);

    const job = await importCsv(app, key, 'Phone,First Name\n+12025550103,Cy\n+12025550103,Cy again\n', {
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
      inFileDuplicates: 'KEEP_FIRST',
    });
    expect(await stagedRows(job.id)).toBe(0);
    const { importJob } = await app.data(PurgeSkipReasons, { id: job.id }, key);
    expect(importJob).toMatchObject({
      status: 'COMPLETED',
      skipReasons: [{ reason: 'duplicate of row N in the file, which is imported instead', count: 1 }],
      preview: [],
      counts: { skipped: 1 },
    });
    // The job still in review answers from its staged rows, in the same words.
    expect(before.importJob).toMatchObject({ skipReasons: [{ reason: 'duplicate of row N in the file, which is imported instead', count: 1 }] });
  });

  it('are deleted when a job in review is cancelled', async () => {
    const review = await validateCsv(app, key, 'Phone,First Name\n+12025550111,Dee\n', { purpose: 'ADD_NEW_ONLY', identifier: 'PHONE' });
    expect(await stagedRows(review.id)).toBe(1);
    const { cancelContactImport } = await app.data(PurgeCancel, { jobId: review.id }, key);
    expect(cancelContactImport.__typename).toBe('ImportJob');
    await waitWhile(app, key, review.id, ['REVIEW']);
    expect(await stagedRows(review.id)).toBe(0);
  });
});

describe('the undo journal', () => {
  it('keeps no values of a deleted contact, and a revert still counts it', async () => {
    const csv = 'Phone,First Name,Email\n+12025550121,Eve,eve@journal.test\n+12025550122,Fay,fay@journal.test\n';
    const job = await importCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    const { rows: journal } = await app.db.pool.query<{ contact_id: string; after: string }>(
      'SELECT contact_id, after::text FROM import_changes WHERE job_id = $1 ORDER BY contact_id',
      [uuidOf(job.id)],
    );
    expect(journal).toHaveLength(2);
    const eve = journal.find((row) => row.after.includes('+12025550121'))!;

    expect((await app.data(PurgeDeleteContact, { id: eve.contact_id }, key)).deleteContact.__typename).toBe('DeletedContact');

    const { rows: after } = await app.db.pool.query<{ contact_id: string; before: string | null; after: string }>(
      'SELECT contact_id, before::text, after::text FROM import_changes WHERE job_id = $1 ORDER BY contact_id',
      [uuidOf(job.id)],
    );
    const redacted = after.find((row) => row.contact_id === eve.contact_id)!;
    expect(redacted).toEqual({ contact_id: eve.contact_id, before: null, after: '{}' });
    const kept = after.find((row) => row.contact_id !== eve.contact_id)!;
    expect(kept.after).toContain('+12025550122');

    const { revertContactImport } = await app.data(PurgeRevert, { jobId: job.id }, key);
    expect(revertContactImport).toMatchObject({ __typename: 'ImportJob', status: 'REVERTING' });
    await waitWhile(app, key, job.id, ['REVERTING']);
    const { importJob } = await app.data(PurgeSkipReasons, { id: job.id }, key);
    expect(importJob).toMatchObject({ status: 'REVERTED', counts: { reverted: 2, revertConflicts: 0 } });
  });
});
