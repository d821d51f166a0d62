import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ImportJobsFilter } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { StartImport, importCsv, validateCsv } from '../support/imports.ts';

const History = graphql(`
  query History($filter: ImportJobsFilter, $first: Int, $after: String) {
    importJobs(filter: $filter, first: $first, after: $after) {
      __typename
      ... on ImportJobConnection {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node { id status fileName createdAt } }
      }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const HistoryCount = graphql(`
  query HistoryCount($filter: ImportJobsFilter) {
    importJobs(filter: $filter) {
      __typename
      ... on ImportJobConnection { totalCount }
      ... on ValidationError { issues { path } }
    }
  }
`);

const CSV = 'Name,Phone\nAda Lovelace,+12025550101\n';
const OPTIONS = { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' } as const;

const app = useTestApp();
let workspace: TestWorkspace;
let key: string;
/** Oldest first: a completed import, one in review, one waiting for its mapping. */
let jobs: { id: string; createdAt: string }[];

beforeAll(async () => {
  workspace = await app.createWorkspace();
  key = workspace.keys.WRITE;
  const completed = await importCsv(app, key, CSV, OPTIONS);
  const review = await validateCsv(app, key, CSV, OPTIONS);
  const { startContactImport: mapping } = await app.data(StartImport, { input: { text: CSV, fileName: 'waiting.csv' } }, key);
  if (mapping.__typename !== 'ImportJob') throw new Error(mapping.message);
  const other = await app.createWorkspace('Other');
  await app.data(StartImport, { input: { text: CSV } }, other.keys.WRITE);

  const { importJobs } = await app.data(History, {}, key);
  if (importJobs.__typename !== 'ImportJobConnection') throw new Error(importJobs.message);
  jobs = importJobs.edges.map((edge) => edge.node).reverse();
  expect(jobs.map((job) => job.id)).toEqual([completed.id, review.id, mapping.id]);
});

async function listed(filter: ImportJobsFilter | null, first?: number, after?: string) {
  const { importJobs } = await app.data(History, { filter, first, after }, key);
  if (importJobs.__typename !== 'ImportJobConnection') throw new Error(importJobs.message);
  return importJobs;
}

const ids = (connection: Awaited<ReturnType<typeof listed>>) => connection.edges.map((edge) => edge.node.id);

describe('importJobs, the import history', () => {
  it("lists the workspace's own jobs, newest first, a page at a time", async () => {
    const all = await listed(null);
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((edge) => edge.node.status)).toEqual(['MAPPING', 'REVIEW', 'COMPLETED']);
    expect(all.edges[0]!.node.fileName).toBe('waiting.csv');

    const page = await listed(null, 2);
    expect(ids(page)).toEqual([jobs[2]!.id, jobs[1]!.id]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(ids(await listed(null, 2, page.pageInfo.endCursor!))).toEqual([jobs[0]!.id]);
  });

  it('filters by status', async () => {
    const waiting = await listed({ statuses: ['MAPPING', 'REVIEW'] });
    expect(ids(waiting)).toEqual([jobs[2]!.id, jobs[1]!.id]);
    expect(waiting.totalCount).toBe(2);
    expect(ids(await listed({ statuses: ['COMPLETED'] }))).toEqual([jobs[0]!.id]);
    expect((await listed({ statuses: ['EXPIRED'] })).totalCount).toBe(0);
  });

  it('filters by creation time: createdAfter included, createdBefore excluded', async () => {
    const middle = jobs[1]!.createdAt;
    expect(ids(await listed({ createdAfter: middle }))).toEqual([jobs[2]!.id, jobs[1]!.id]);
    expect(ids(await listed({ createdBefore: middle }))).toEqual([jobs[0]!.id]);
    expect(ids(await listed({ createdAfter: jobs[0]!.createdAt, createdBefore: jobs[2]!.createdAt, statuses: ['REVIEW', 'COMPLETED'] }))).toEqual([
      jobs[1]!.id,
      jobs[0]!.id,
    ]);
  });

  it('refuses a range that holds no instant and an empty status list, with typed errors', async () => {
    const { importJobs: reversed } = await app.data(
      History,
      { filter: { createdAfter: jobs[2]!.createdAt, createdBefore: jobs[0]!.createdAt } },
      key,
    );
    expect(reversed).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['filter', 'createdAfter'] }, { path: ['filter', 'createdBefore'] }],
    });
    const { importJobs: empty } = await app.data(History, { filter: { createdAfter: jobs[1]!.createdAt, createdBefore: jobs[1]!.createdAt } }, key);
    expect(empty).toMatchObject({ __typename: 'ValidationError' });
    const { importJobs: noStatus } = await app.data(History, { filter: { statuses: [] } }, key);
    expect(noStatus).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['filter', 'statuses'] }] });
    const { importJobs: countOnly } = await app.data(HistoryCount, { filter: { statuses: [] } }, key);
    expect(countOnly).toEqual({ __typename: 'ValidationError', issues: [{ path: ['filter', 'statuses'] }] });
  });
});
