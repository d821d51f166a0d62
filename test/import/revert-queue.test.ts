import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { Confirm, importCsv, validateCsv, waitWhile } from '../support/imports.ts';

const QueuedRevert = graphql(`
  mutation QueuedRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const app = useTestApp();

const rows = (prefix: string) => ['Email', ...Array.from({ length: 15_000 }, (_, i) => `${prefix}${i}@revert-queue.test`)].join('\n');

describe('the write queue with reverts', () => {
  it('runs a revert in its turn among the workspace imports, and beside another workspace import', async () => {
    const acme = await app.createWorkspace('Acme revert queue');
    const globex = await app.createWorkspace('Globex revert queue');
    const a1 = await importCsv(app, acme.keys.WRITE, rows('a1-'), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    const a2 = await validateCsv(app, acme.keys.WRITE, rows('a2-'), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    const g1 = await validateCsv(app, globex.keys.WRITE, rows('g1-'), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });

    // Acme: the revert of a1 is asked for before a2 is confirmed, so it goes first; Globex's import
    // comes last of all but does not wait for Acme.
    expect((await app.data(QueuedRevert, { jobId: a1.id }, acme.keys.WRITE)).revertContactImport).toMatchObject({ status: 'REVERTING' });
    expect((await app.data(Confirm, { jobId: a2.id }, acme.keys.WRITE)).confirmContactImport).toMatchObject({ status: 'QUEUED' });
    expect((await app.data(Confirm, { jobId: g1.id }, globex.keys.WRITE)).confirmContactImport).toMatchObject({ status: 'QUEUED' });
    await waitWhile(app, acme.keys.WRITE, a1.id, ['REVERTING']);
    await waitWhile(app, acme.keys.WRITE, a2.id, ['QUEUED', 'IMPORTING']);
    await waitWhile(app, globex.keys.WRITE, g1.id, ['QUEUED', 'IMPORTING']);

    const { rows: timings } = await app.db.pool.query(
      `SELECT id, status, phase_started_at AS started, finished_at AS finished FROM import_jobs WHERE id = ANY($1::uuid[])`,
      [[a1.id, a2.id, g1.id].map(uuidOf)],
    );
    const [revert, next, other] = [a1, a2, g1].map((job) => timings.find((timing) => timing.id === uuidOf(job.id))!);
    expect([revert.status, next.status, other.status]).toEqual(['REVERTED', 'COMPLETED', 'COMPLETED']);
    // a2 started writing only once the revert had finished...
    expect(next.started.getTime()).toBeGreaterThanOrEqual(revert.finished.getTime());
    // ...while Globex's import ran at the same time as the revert.
    expect(other.started.getTime()).toBeLessThan(revert.finished.getTime());
    expect(revert.started.getTime()).toBeLessThan(other.finished.getTime());

    const { rows: counts } = await app.db.pool.query(
      `SELECT workspace_id, count(*)::int AS contacts FROM contacts WHERE workspace_id = ANY($1::uuid[]) GROUP BY 1`,
      [[acme.id, globex.id]],
    );
    expect(Object.fromEntries(counts.map((row) => [row.workspace_id, row.contacts]))).toEqual({ [acme.id]: 15_000, [globex.id]: 15_000 });
  }, 120_000);
});
