import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { Confirm, SetMapping, download, fetchJob, uploadCsv, validateCsv, waitWhile } from '../support/imports.ts';
import { sseEvents } from '../support/sse.ts';

const Progress = graphql(`
  subscription Progress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) {
      id
      status
      counts { toCreate toUpdate toSkip errors created updated skipped failed }
      progress { processedRows totalRows rowsPerSecond etaSeconds }
    }
  }
`);

const Contacts = graphql(`
  query ImportedContacts {
    contacts(first: 100) { totalCount edges { node { name tags details { kind value } } } }
  }
`);

const app = useTestApp();
let workspace: TestWorkspace;
let key: string;

beforeAll(async () => {
  workspace = await app.createWorkspace();
  key = workspace.keys.WRITE;
});

const ROWS = 1200;
function peopleCsv(): string {
  const lines = ['First Name;Surname;Mobile;E-mail;Country'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`Ada${'abcdefghij'[i % 10]};Lovelace;(202) 555-${String(1000 + i).slice(-4)};ada${i}@example.com;US`);
  }
  lines.push('Bad;R2D2;12;nope;US');
  return lines.join('\r\n');
}

type ProgressEvent = { status: string; progress: { processedRows: number; totalRows: number }; counts: { created: number } };

/** Reads a Yoga SSE subscription (POST, Accept: text/event-stream) event by event. */
async function* sse(url: string, key: string, query: string, variables: unknown): AsyncGenerator<ProgressEvent> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  for await (const { event, data } of sseEvents(response.body)) {
    if (event === 'complete') return;
    if (data) yield JSON.parse(data).data.contactImportProgress;
  }
}

describe('a CSV import from upload to result file', () => {
  let jobId: string;

  it('streams the upload and detects delimiter, encoding, header, rows and suggested fields', async () => {
    const job = await uploadCsv(app, key, peopleCsv(), 'people.csv');
    expect(job).toMatchObject({ __typename: 'ImportJob', status: 'MAPPING', encoding: 'utf-8', delimiter: ';', totalRows: ROWS + 1 });
    if (job.__typename !== 'ImportJob') return;
    expect(job.columns.map((column) => column.suggestedFieldKey)).toEqual(['firstName', 'lastName', 'phone', 'email', 'country']);
    expect(job.columns[2]).toMatchObject({
      header: 'Mobile',
      samples: ['(202) 555-1000', '(202) 555-1001', '(202) 555-1002', '(202) 555-1003', '(202) 555-1004'],
    });
    jobId = job.id;
  });

  it('validates in the background with progress over graphql-ws, then waits in review', async () => {
    const client = app.wsClient({ authorization: `Bearer ${key}` });
    const events: ProgressEvent[] = [];
    const subscription = client.iterate({ query: print(Progress), variables: { jobId } });
    const first = await subscription.next();
    events.push(first.value.data.contactImportProgress);
    expect(events[0]!.status).toBe('MAPPING');

    const { setContactImportMapping } = await app.data(
      SetMapping,
      {
        input: {
          jobId,
          columns: [0, 1, 2, 3, 4].map((index) => ({ index, fieldKey: ['firstName', 'lastName', 'phone', 'email', 'country'][index] })),
          purpose: 'ADD_AND_UPDATE',
          identifier: 'PHONE',
          tags: ['launch'],
          newGroupName: 'Launch list',
        },
      },
      key,
    );
    expect(setContactImportMapping).toMatchObject({ status: 'VALIDATING' });

    for await (const result of { [Symbol.asyncIterator]: () => subscription }) {
      const event = result.data!.contactImportProgress as ProgressEvent;
      events.push(event);
      if (event.status === 'REVIEW') break;
    }
    await subscription.return?.();
    expect(events.map((event) => event.status)).toContain('VALIDATING');
    expect(events.at(-1)!.status).toBe('REVIEW');

    const job = await fetchJob(app, key, jobId);
    expect(job).toMatchObject({ status: 'REVIEW', counts: { toCreate: ROWS, toUpdate: 0, toSkip: 0, errors: 1 } });
    if (job.__typename !== 'ImportJob') return;
    expect(job.preview[0]).toMatchObject({
      rowNumber: 1,
      action: 'CREATE',
      values: { firstName: 'Adaa', lastName: 'Lovelace', phone: { e164: '+12025551000' }, email: { value: 'ada0@example.com' } },
    });
    const errors = await download(job.errorFileUrl!, key);
    const lines = errors.trim().split('\r\n');
    expect(lines[0]).toBe('First Name,Surname,Mobile,E-mail,Country,Error,Error Codes');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Bad,R2D2,12,nope,US,".*R2D2.*12.*nope.*",INVALID_NAME; INVALID_PHONE; INVALID_EMAIL$/);
  });

  it('writes the confirmed import with progress over SSE and a result file for every row', async () => {
    const events: ProgressEvent[] = [];
    const stream = sse(`${app.url}/graphql`, key, print(Progress), { jobId });
    const first = await stream.next();
    events.push(first.value!);
    expect(first.value!.status).toBe('REVIEW');

    const { confirmContactImport } = await app.data(Confirm, { jobId }, key);
    expect(confirmContactImport).toMatchObject({ status: 'QUEUED' });
    for await (const event of stream) events.push(event);

    expect(events.at(-1)).toMatchObject({ status: 'COMPLETED', counts: { created: ROWS } });
    expect(events.map((event) => event.status)).toContain('IMPORTING');

    const job = await fetchJob(app, key, jobId);
    expect(job).toMatchObject({
      status: 'COMPLETED',
      counts: { created: ROWS, updated: 0, skipped: 0, failed: 1 },
      progress: { processedRows: ROWS + 1 },
    });
    if (job.__typename !== 'ImportJob') return;

    const result = (await download(job.resultFileUrl!, key)).trim().split('\r\n');
    expect(result[0]).toBe('First Name,Surname,Mobile,E-mail,Country,Import Status,Errors,Notes,Error Codes');
    expect(result).toHaveLength(ROWS + 2);
    expect(result[1]).toBe('Adaa,Lovelace,(202) 555-1000,ada0@example.com,US,Imported,,,');
    expect(result.at(-1)).toMatch(/^Bad,R2D2,12,nope,US,Error,".+",,INVALID_NAME; INVALID_PHONE; INVALID_EMAIL$/);

    const { contacts } = await app.data(Contacts, {}, key);
    expect(contacts.totalCount).toBe(ROWS);
    expect(contacts.edges[0]!.node.tags).toEqual(expect.arrayContaining(['launch', expect.stringMatching(/^Import .* people\.csv #[0-9a-f]{8}$/)]));
    const { rows } = await app.db.pool.query(
      `SELECT count(*)::int AS n FROM group_members m JOIN groups g ON g.workspace_id = m.workspace_id AND g.id = m.group_id WHERE g.name = 'Launch list'`,
    );
    expect(rows[0].n).toBe(ROWS);
  });

  it('serves files only by their signed link or with a key of the same workspace', async () => {
    const job = await fetchJob(app, key, jobId);
    if (job.__typename !== 'ImportJob') throw new Error('gone');
    expect((await fetch(job.resultFileUrl!)).status).toBe(200);
    expect((await fetch(job.resultFileUrl!.split('?')[0]!)).status).toBe(401);
    const other = await app.createWorkspace('Other');
    expect((await fetch(job.resultFileUrl!, { headers: { authorization: `Bearer ${other.keys.READ}` } })).status).toBe(404);
    const template = await download(`${app.url}/files/import-template.csv`, key);
    expect(template.trim().split(',')).toEqual(
      expect.arrayContaining(['First name', 'Last name', 'Phone number', 'Email', 'Country', 'WhatsApp opt-in']),
    );
  });

  it('refuses to confirm twice or to map a job that is written', async () => {
    const again = await app.data(Confirm, { jobId }, key);
    expect(again.confirmContactImport).toMatchObject({ __typename: 'InvalidStateError' });
    const remap = await app.data(
      SetMapping,
      { input: { jobId, columns: [{ index: 0, fieldKey: 'firstName' }], purpose: 'ADD_ALL_DESPITE_DUPLICATES' } },
      key,
    );
    expect(remap.setContactImportMapping).toMatchObject({ __typename: 'InvalidStateError' });
  });

  it('closes the subscription of an unknown job with an error', async () => {
    const client = app.wsClient({ authorization: `Bearer ${key}` });
    const subscription = client.iterate({ query: print(Progress), variables: { jobId: '00000000-0000-4000-8000-000000000000' } });
    await expect(subscription.next()).rejects.toMatchObject([{ message: 'ImportJob 00000000-0000-4000-8000-000000000000 was not found' }]);
  });
});

describe('the write queue', () => {
  it('writes one job per workspace at a time, in confirm order, and workspaces side by side', async () => {
    const rows = (prefix: string) => ['Email', ...Array.from({ length: 15_000 }, (_, i) => `${prefix}${i}@queue.test`)].join('\n');
    const acme = await app.createWorkspace('Acme queue');
    const globex = await app.createWorkspace('Globex queue');
    const jobs = [];
    for (const [workspaceKey, prefix] of [
      [acme.keys.WRITE, 'a1-'],
      [acme.keys.WRITE, 'a2-'],
      [globex.keys.WRITE, 'g1-'],
    ] as const) {
      jobs.push({ key: workspaceKey, job: await validateCsv(app, workspaceKey, rows(prefix), { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' }) });
    }
    for (const { key: jobKey, job } of jobs) {
      expect((await app.data(Confirm, { jobId: job.id }, jobKey)).confirmContactImport).toMatchObject({ status: 'QUEUED' });
    }
    for (const { key: jobKey, job } of jobs) await waitWhile(app, jobKey, job.id, ['QUEUED', 'IMPORTING']);

    const { rows: timings } = await app.db.pool.query(
      `SELECT id, status, phase_started_at AS started, finished_at AS finished FROM import_jobs WHERE id = ANY($1::uuid[])`,
      [jobs.map(({ job }) => uuidOf(job.id))],
    );
    const [a1, a2, g1] = jobs.map(({ job }) => timings.find((timing) => timing.id === uuidOf(job.id))!);
    expect([a1.status, a2.status, g1.status]).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    // Acme's second job started writing only once its first had finished...
    expect(a2.started.getTime()).toBeGreaterThanOrEqual(a1.finished.getTime());
    // ...while Globex's job, confirmed after both, was written at the same time as Acme's first.
    expect(g1.started.getTime()).toBeLessThan(a1.finished.getTime());
    expect(a1.started.getTime()).toBeLessThan(g1.finished.getTime());
  });
});
