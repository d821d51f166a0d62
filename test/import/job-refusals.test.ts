import { describe, expect, it } from 'vitest';
import { startImportWorker } from '../../src/import/worker.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { Confirm, SetMapping, StartImport, validateCsv, waitWhile } from '../support/imports.ts';

const RefusedCancel = graphql(`
  mutation RefusedCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }
  }
`);

const RefusedRevert = graphql(`
  mutation RefusedRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on InvalidStateError { message state } }
  }
`);

const RefusedJobTimes = graphql(`
  query RefusedJobTimes($id: ID!) {
    importJob(id: $id) { __typename ... on ImportJob { status confirmedAt finishedAt } }
  }
`);

const CSV = 'Name,Email\nAda Lovelace,ada@refusals.test\n';
const OPTIONS = { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' } as const;
const MAPPING = {
  columns: [
    { index: 0, fieldKey: 'name' },
    { index: 1, fieldKey: 'email' },
  ],
  ...OPTIONS,
};

// No worker in the server: the test runs one when a job is to move on, so a confirmed job stays QUEUED.
const app = useTestApp({ worker: false });

async function withWorker<T>(work: () => Promise<T>): Promise<T> {
  const worker = await startImportWorker({ db: app.db, files: app.files });
  try {
    return await work();
  } finally {
    await worker.stop();
  }
}

async function times(key: string, id: string) {
  const { importJob } = await app.data(RefusedJobTimes, { id }, key);
  if (importJob.__typename !== 'ImportJob') throw new Error(importJob.__typename);
  return importJob;
}

describe('a job asked for what its state does not allow', () => {
  it('says the state it is in and what to do instead', async () => {
    const { keys } = await app.createWorkspace();
    const key = keys.WRITE;

    const { startContactImport: waiting } = await app.data(StartImport, { input: { text: CSV } }, key);
    if (waiting.__typename !== 'ImportJob') throw new Error(waiting.__typename);
    expect((await app.data(Confirm, { jobId: waiting.id }, key)).confirmContactImport).toEqual({
      __typename: 'InvalidStateError',
      message: `Import ${uuidOf(waiting.id)} is waiting for its mapping (MAPPING): set it with setContactImportMapping, then confirm the job once validation has put it in REVIEW`,
    });
    expect((await app.data(RefusedRevert, { jobId: waiting.id }, key)).revertContactImport).toEqual({
      __typename: 'InvalidStateError',
      state: 'MAPPING',
      message: `Import ${uuidOf(waiting.id)} is waiting for its mapping (MAPPING) and has written nothing: there is nothing to revert`,
    });

    const mapped = await app.data(SetMapping, { input: { jobId: waiting.id, ...MAPPING } }, key);
    expect(mapped.setContactImportMapping).toMatchObject({ status: 'VALIDATING' });
    expect((await app.data(Confirm, { jobId: waiting.id }, key)).confirmContactImport).toEqual({
      __typename: 'InvalidStateError',
      message: `Import ${uuidOf(waiting.id)} is VALIDATING its rows: wait until it is in REVIEW, then confirm it`,
    });

    const review = await withWorker(() => waitWhile(app, key, waiting.id, ['VALIDATING']));
    expect(review.status).toBe('REVIEW');
    expect((await app.data(Confirm, { jobId: review.id }, key)).confirmContactImport).toMatchObject({ status: 'QUEUED' });
    const queued = await times(key, review.id);
    const alreadyQueued = `Import ${uuidOf(review.id)} is already QUEUED (confirmed at ${queued.confirmedAt}) and is written in turn: cancel it to stop it`;
    expect((await app.data(Confirm, { jobId: review.id }, key)).confirmContactImport).toEqual({
      __typename: 'InvalidStateError',
      message: alreadyQueued,
    });
    expect((await app.data(SetMapping, { input: { jobId: review.id, ...MAPPING } }, key)).setContactImportMapping).toEqual({
      __typename: 'InvalidStateError',
      message: alreadyQueued,
    });
    expect((await app.data(RefusedRevert, { jobId: review.id }, key)).revertContactImport).toEqual({
      __typename: 'InvalidStateError',
      state: 'QUEUED',
      message: `Import ${uuidOf(review.id)} is QUEUED and has written nothing yet: cancel it to keep it from being written`,
    });

    await withWorker(() => waitWhile(app, key, review.id, ['QUEUED', 'IMPORTING']));
    const completed = await times(key, review.id);
    expect(completed.status).toBe('COMPLETED');
    const alreadyCompleted = `Import ${uuidOf(review.id)} already COMPLETED at ${completed.finishedAt}: revert it to undo it, or start a new import`;
    expect((await app.data(Confirm, { jobId: review.id }, key)).confirmContactImport).toEqual({
      __typename: 'InvalidStateError',
      message: alreadyCompleted,
    });
    expect((await app.data(RefusedCancel, { jobId: review.id }, key)).cancelContactImport).toEqual({
      __typename: 'InvalidStateError',
      state: 'COMPLETED',
      message: alreadyCompleted,
    });
  });

  it('names a cancelled job as such, and the time it was cancelled', async () => {
    const { keys } = await app.createWorkspace();
    const job = await withWorker(() => validateCsv(app, keys.WRITE, CSV, OPTIONS));
    expect((await app.data(RefusedCancel, { jobId: job.id }, keys.WRITE)).cancelContactImport).toEqual({
      __typename: 'ImportJob',
      status: 'CANCELLED',
    });
    const { finishedAt } = await times(keys.WRITE, job.id);
    expect((await app.data(RefusedCancel, { jobId: job.id }, keys.WRITE)).cancelContactImport).toEqual({
      __typename: 'InvalidStateError',
      state: 'CANCELLED',
      message: `Import ${uuidOf(job.id)} was CANCELLED at ${finishedAt}: start the import again`,
    });
  });
});
