import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { Confirm, SetMapping, StartImport, download, fetchJob, validateCsv, waitWhile, type Job } from '../support/imports.ts';

const CancelImport = graphql(`
  mutation CancelImport($jobId: ID!) {
    cancelContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { id status cancelRequested }
      ... on Error { message }
    }
  }
`);

const CancelRevert = graphql(`
  mutation CancelRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const CancelContactCount = graphql(`
  query CancelContactCount { contacts(first: 1) { totalCount } }
`);

const app = useTestApp();

async function freshKey(): Promise<string> {
  return (await app.createWorkspace()).keys.WRITE;
}

const emails = (prefix: string, count: number) => ['Email', ...Array.from({ length: count }, (_, i) => `${prefix}${i}@cancel.test`)].join('\n');

async function cancel(key: string, jobId: string) {
  return (await app.data(CancelImport, { jobId }, key)).cancelContactImport;
}

async function contactCount(key: string): Promise<number> {
  return (await app.data(CancelContactCount, {}, key)).contacts.totalCount;
}

/** Polls until `done` holds for the job (the write moves in batches of 5,000 rows, a few a second). */
async function waitFor(key: string, jobId: string, done: (job: Job) => boolean): Promise<Job> {
  for (;;) {
    const job = await fetchJob(app, key, jobId);
    if (job.__typename !== 'ImportJob') throw new Error(job.message);
    if (done(job)) return job;
    if (['REVIEW', 'COMPLETED', 'CANCELLED', 'FAILED'].includes(job.status)) throw new Error(`job ${jobId} is ${job.status} already`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('cancelContactImport', () => {
  it('cancels a job waiting for its mapping or in review at once: nothing is written, and it cannot be confirmed or cancelled again', async () => {
    const key = await freshKey();
    const { startContactImport: mapping } = await app.data(StartImport, { input: { text: 'Email\na@cancel.test\n' } }, key);
    if (mapping.__typename !== 'ImportJob') throw new Error(mapping.__typename);
    expect(await cancel(key, mapping.id)).toEqual({ __typename: 'ImportJob', id: mapping.id, status: 'CANCELLED', cancelRequested: true });
    const remap = await app.data(
      SetMapping,
      { input: { jobId: mapping.id, columns: [{ index: 0, fieldKey: 'email' }], purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' } },
      key,
    );
    expect(remap.setContactImportMapping.__typename).toBe('InvalidStateError');

    const review = await validateCsv(app, key, emails('review', 3), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    expect(await cancel(key, review.id)).toMatchObject({ status: 'CANCELLED' });
    expect((await app.data(Confirm, { jobId: review.id }, key)).confirmContactImport).toMatchObject({
      __typename: 'InvalidStateError',
      message: expect.stringContaining('CANCELLED'),
    });
    expect(await cancel(key, review.id)).toMatchObject({ __typename: 'InvalidStateError' });
    // Nothing was written, so there is nothing to revert either.
    expect((await app.data(CancelRevert, { jobId: review.id }, key)).revertContactImport.__typename).toBe('InvalidStateError');
    expect(await contactCount(key)).toBe(0);

    const other = await app.createWorkspace('Other');
    expect((await app.data(CancelImport, { jobId: review.id }, other.keys.WRITE)).cancelContactImport.__typename).toBe('NotFoundError');
  });

  it('stops a validation in progress: the job never reaches review', async () => {
    const key = await freshKey();
    const { startContactImport: started } = await app.data(StartImport, { input: { text: emails('validating', 30_000) } }, key);
    if (started.__typename !== 'ImportJob') throw new Error(started.__typename);
    await app.data(
      SetMapping,
      { input: { jobId: started.id, columns: [{ index: 0, fieldKey: 'email' }], purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' } },
      key,
    );
    await waitFor(key, started.id, (job) => job.status === 'VALIDATING' && job.progress.processedRows > 0);
    expect(await cancel(key, started.id)).toMatchObject({ __typename: 'ImportJob', cancelRequested: true });
    const job = await waitWhile(app, key, started.id, ['VALIDATING']);
    expect(job.status).toBe('CANCELLED');
    expect(job.progress.processedRows).toBeLessThan(30_000);
    expect(await contactCount(key)).toBe(0);
  });

  it('cancels a queued job at once, while the one before it writes', async () => {
    const key = await freshKey();
    const first = await validateCsv(app, key, emails('first', 20_000), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    const second = await validateCsv(app, key, emails('second', 10), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    await app.data(Confirm, { jobId: first.id }, key);
    await app.data(Confirm, { jobId: second.id }, key);
    expect(await cancel(key, second.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await waitWhile(app, key, first.id, ['QUEUED', 'IMPORTING'])).toMatchObject({ status: 'COMPLETED', counts: { created: 20_000 } });
    expect(await fetchJob(app, key, second.id)).toMatchObject({ status: 'CANCELLED', counts: { created: 0 }, resultFileUrl: null });
    expect(await contactCount(key)).toBe(20_000);
  });

  it('stops a write at the next batch boundary: the committed rows stay, the rest are Skipped in the result file, and the part written can be reverted', async () => {
    const key = await freshKey();
    const rows = 30_000;
    const job = await validateCsv(app, key, emails('writing', rows), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    await app.data(Confirm, { jobId: job.id }, key);
    await waitFor(key, job.id, (current) => current.status === 'IMPORTING' && current.progress.processedRows >= 5000);
    expect(await cancel(key, job.id)).toMatchObject({ __typename: 'ImportJob', status: 'IMPORTING', cancelRequested: true });

    const cancelled = await waitWhile(app, key, job.id, ['IMPORTING']);
    expect(cancelled.status).toBe('CANCELLED');
    const committed = cancelled.progress.processedRows;
    expect(committed % 5000).toBe(0);
    expect(committed).toBeGreaterThanOrEqual(5000);
    expect(committed).toBeLessThan(rows);
    expect(cancelled.counts.created).toBe(committed);
    expect(await contactCount(key)).toBe(committed);

    const lines = (await download(cancelled.resultFileUrl!, key)).trim().split(/\r?\n/);
    expect(lines[0]).toBe('Email,Import Status,Errors,Notes,Error Codes');
    expect(lines).toHaveLength(rows + 1);
    expect(lines[committed]).toBe(`writing${committed - 1}@cancel.test,Imported,,,`);
    expect(lines[committed + 1]).toBe(
      `writing${committed}@cancel.test,Skipped,the import was cancelled before this row was written,,IMPORT_CANCELLED`,
    );
    expect(lines.slice(1).filter((line) => line.includes(',Skipped,'))).toHaveLength(rows - committed);

    const { revertContactImport } = await app.data(CancelRevert, { jobId: job.id }, key);
    expect(revertContactImport).toMatchObject({ status: 'REVERTING' });
    expect(await waitWhile(app, key, job.id, ['REVERTING'])).toMatchObject({ status: 'REVERTED' });
    expect(await contactCount(key)).toBe(0);
  }, 120_000);
});
