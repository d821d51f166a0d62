import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ImportPhase, ImportStatus } from '../generated/graphql.ts';
import { useTestApp } from '../support/app.ts';
import { Confirm, SetMapping, StartImport, validateCsv, waitWhile } from '../support/imports.ts';

/**
 * `ImportJob.progress` counts the rows of one phase at a time (validation, the write, a revert):
 * what each field says in each status, over the subscription and a plain query.
 */

const PhaseProgress = graphql(`
  subscription PhaseProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }
  }
`);

const PhaseOfJob = graphql(`
  query PhaseOfJob($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob { status progress { phase processedRows totalRows rowsPerSecond etaSeconds } }
      ... on Error { message }
    }
  }
`);

const PhaseRevert = graphql(`
  mutation PhaseRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const PhaseCancel = graphql(`
  mutation PhaseCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

interface Progress {
  phase: ImportPhase;
  processedRows: number;
  totalRows: number;
  rowsPerSecond: number | null;
  etaSeconds: number | null;
}
interface Event {
  status: ImportStatus;
  progress: Progress;
}

const ROWS = 20_000;
const PHASE_OF: Record<ImportStatus, ImportPhase | undefined> = {
  MAPPING: 'VALIDATING',
  VALIDATING: 'VALIDATING',
  REVIEW: 'VALIDATING',
  QUEUED: 'WRITING',
  IMPORTING: 'WRITING',
  COMPLETED: 'WRITING',
  REVERTING: 'REVERTING',
  REVERTED: 'REVERTING',
  CANCELLED: undefined,
  FAILED: undefined,
  EXPIRED: undefined,
};
const emails = (prefix: string, count: number) => ['Email', ...Array.from({ length: count }, (_, i) => `${prefix}${i}@phase.test`)].join('\n');
const at = (processedRows: number, totalRows: number, phase: ImportPhase): Progress => ({
  phase,
  processedRows,
  totalRows,
  rowsPerSecond: null,
  etaSeconds: null,
});

const app = useTestApp();

async function progressOf(key: string, id: string): Promise<Event> {
  const { importJob } = await app.data(PhaseOfJob, { id }, key);
  if (importJob.__typename !== 'ImportJob') throw new Error(JSON.stringify(importJob));
  return { status: importJob.status, progress: importJob.progress };
}

/** Every event of the job's progress subscription, until it ends with the job (or `until` says so). */
async function follow(client: Client, jobId: string, until: (event: Event) => boolean): Promise<Event[]> {
  const events: Event[] = [];
  for await (const result of client.iterate({ query: print(PhaseProgress), variables: { jobId } })) {
    const event = (result.data as { contactImportProgress: Event }).contactImportProgress;
    events.push(event);
    if (until(event)) break;
  }
  return events;
}

/** What every event of a moving phase says: its rows so far, and a rate and an eta (whole seconds) once the first rows are done. */
function expectMoving(events: Event[], status: ImportStatus, totalRows: number): void {
  const moving = events.filter((event) => event.status === status);
  expect(
    moving.some((event) => event.progress.processedRows > 0),
    `${status}: some rows done`,
  ).toBe(true);
  for (const { progress } of moving) {
    expect(progress.phase).toBe(PHASE_OF[status]);
    expect(progress.totalRows).toBe(totalRows);
    expect(progress.processedRows).toBeLessThanOrEqual(totalRows);
    if (progress.processedRows === 0) {
      expect(progress).toEqual(at(0, totalRows, PHASE_OF[status]!));
    } else {
      expect(progress.rowsPerSecond).toBeGreaterThan(0);
      expect(Number.isInteger(progress.etaSeconds), JSON.stringify(progress)).toBe(true);
      expect(progress.etaSeconds).toBeGreaterThanOrEqual(0);
    }
  }
  const processed = moving.map((event) => event.progress.processedRows);
  expect(processed).toEqual([...processed].sort((a, b) => a - b));
}

it('counts each phase on its own: validation, the write, then a revert; a rate and an eta only while rows move', async () => {
  const workspace = await app.createWorkspace();
  const key = workspace.keys.WRITE;
  const client = app.wsClient({ authorization: `Bearer ${key}` });

  // MAPPING: validation has not started.
  const { startContactImport: started } = await app.data(StartImport, { input: { text: emails('a', ROWS) } }, key);
  if (started.__typename !== 'ImportJob') throw new Error(started.message);
  const jobId = started.id;
  expect(await progressOf(key, jobId)).toEqual({ status: 'MAPPING', progress: at(0, ROWS, 'VALIDATING') });

  const untilReview = follow(client, jobId, (event) => event.status === 'REVIEW');
  const { setContactImportMapping } = await app.data(
    SetMapping,
    { input: { jobId, columns: [{ index: 0, fieldKey: 'email' }], purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' } },
    key,
  );
  expect(setContactImportMapping.__typename).toBe('ImportJob');
  const validation = await untilReview;
  expectMoving(validation, 'VALIDATING', ROWS);
  // REVIEW: validation done, nothing moving.
  expect(validation.at(-1)).toEqual({ status: 'REVIEW', progress: at(ROWS, ROWS, 'VALIDATING') });
  expect(await progressOf(key, jobId)).toEqual({ status: 'REVIEW', progress: at(ROWS, ROWS, 'VALIDATING') });

  // A second job confirmed behind the first waits QUEUED: the write's phase, not started.
  const second = await validateCsv(app, key, emails('b', 3), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
  const untilCompleted = follow(client, jobId, () => false);
  expect((await app.data(Confirm, { jobId }, key)).confirmContactImport).toMatchObject({ status: 'QUEUED' });
  expect((await app.data(Confirm, { jobId: second.id }, key)).confirmContactImport).toMatchObject({ status: 'QUEUED' });
  expect(await progressOf(key, second.id)).toEqual({ status: 'QUEUED', progress: at(0, 3, 'WRITING') });
  expect((await app.data(PhaseCancel, { jobId: second.id }, key)).cancelContactImport).toMatchObject({ status: 'CANCELLED' });
  // Cancelled before its write: the write's phase, no row written.
  expect(await progressOf(key, second.id)).toEqual({ status: 'CANCELLED', progress: at(0, 3, 'WRITING') });

  const write = await untilCompleted;
  for (const event of write.filter((each) => each.status === 'QUEUED')) expect(event.progress).toEqual(at(0, ROWS, 'WRITING'));
  expectMoving(write, 'IMPORTING', ROWS);
  expect(write.at(-1)).toEqual({ status: 'COMPLETED', progress: at(ROWS, ROWS, 'WRITING') });
  expect(await progressOf(key, jobId)).toEqual({ status: 'COMPLETED', progress: at(ROWS, ROWS, 'WRITING') });

  // The revert counts the contacts the import made (followed once asked for: a COMPLETED job's stream ends at once).
  expect((await app.data(PhaseRevert, { jobId }, key)).revertContactImport).toMatchObject({ status: 'REVERTING' });
  const revert = await follow(client, jobId, (event) => event.status === 'REVERTED');
  for (const event of revert.filter((each) => each.status === 'REVERTING' && each.progress.processedRows === 0)) {
    expect(event.progress).toMatchObject({ phase: 'REVERTING', rowsPerSecond: null, etaSeconds: null });
  }
  expectMoving(
    revert.filter((event) => event.progress.totalRows > 0),
    'REVERTING',
    ROWS,
  );
  expect(revert.at(-1)).toEqual({ status: 'REVERTED', progress: at(ROWS, ROWS, 'REVERTING') });
  await waitWhile(app, key, jobId, ['REVERTING']);
  expect(await progressOf(key, jobId)).toEqual({ status: 'REVERTED', progress: at(ROWS, ROWS, 'REVERTING') });
});
