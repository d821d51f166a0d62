import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ContactExportInput, CreateContactInput, CreateGroupInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { download, importCsv } from '../support/imports.ts';
import { addContactsToGroup, createContact, createField, createGroup } from '../support/operations.ts';

const Export = graphql(`
  query ExportContacts($input: ContactExportInput!) {
    contactExport(input: $input) {
      __typename
      ... on ContactExport { url format columns { key header } }
      ... on ValidationError { message issues { path message } }
      ... on NotFoundError { message id }
    }
  }
`);

const RemoveField = graphql(`
  mutation RemoveFieldForExport($key: String!) {
    deleteField(key: $key) { __typename ... on Error { message } }
  }
`);

const app = useTestApp();
let workspace: TestWorkspace;
let stranger: TestWorkspace;
let key: string;
let teamId: string;
let theirGroupId: string;

const add = (input: CreateContactInput, as = workspace) => createContact(app, as.keys.WRITE, input);

const group = (input: CreateGroupInput, as = workspace) => createGroup(app, as.keys.WRITE, input);

/** Asks for an export and returns its URL, failing on a typed error. */
async function exportUrl(input: ContactExportInput, as = key): Promise<string> {
  const { contactExport } = await app.data(Export, { input }, as);
  if (contactExport.__typename !== 'ContactExport') throw new Error(contactExport.message);
  return contactExport.url;
}

async function downloadCsv(url: string, as = key): Promise<string[][]> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${as}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes, { bom: true });
}

async function downloadXlsx(url: string): Promise<ExcelJS.Worksheet> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="contacts-\d{4}-\d{2}-\d{2}\.xlsx"$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return workbook.worksheets[0]!;
}

beforeAll(async () => {
  workspace = await app.createWorkspace('Exporting');
  stranger = await app.createWorkspace('Strangers');
  key = workspace.keys.READ;
  const write = workspace.keys.WRITE;
  for (const field of [
    { label: 'Tier', type: 'SELECT' as const, options: ['Gold', 'Silver'] },
    { label: 'Note', type: 'TEXT' as const },
    { label: 'Score', type: 'NUMBER' as const },
    { label: 'Member', type: 'BOOLEAN' as const },
    { label: 'Colours', type: 'MULTI_SELECT' as const, options: ['Red', 'Blue'] },
  ]) {
    await createField(app, write, field);
  }
  // Created one after another: the default order (newest first) is Dee, Cy, Bob, Ada.
  const ada = await add({
    firstName: 'Ada',
    lastName: 'Lovelace',
    country: 'GB',
    tags: ['vip'],
    details: [
      { kind: 'PHONE', value: '+1 202 555 0101' },
      { kind: 'EMAIL', value: 'Ada@Example.com' },
    ],
    customFields: [
      { key: 'tier', value: 'Gold' },
      { key: 'note', value: '=1+2' },
      { key: 'score', value: '10.5' },
      { key: 'member', value: 'yes' },
      { key: 'colours', value: 'Red, Blue' },
    ],
  });
  await add({
    firstName: 'Bob',
    lastName: 'Stone',
    tags: ['=evil()', 'vip'],
    details: [{ kind: 'EMAIL', value: 'bob@example.com' }],
    customFields: [{ key: 'note', value: '@SUM(A1)' }],
  });
  const cy = await add({
    firstName: 'Cy',
    lastName: 'Young',
    details: [
      { kind: 'PHONE', value: '+1 202 555 0103' },
      { kind: 'PHONE', value: '+1 202 555 0104', primary: true },
    ],
    customFields: [
      { key: 'note', value: '-2+3' },
      { key: 'tier', value: 'silver' },
    ],
  });
  await add({
    firstName: 'Dee',
    details: [{ kind: 'EMAIL', value: 'dee@example.com' }],
    customFields: [{ key: 'note', value: "+cmd|' /C calc'!A0" }],
  });

  teamId = await group({ name: 'Team', type: 'STATIC' });
  await addContactsToGroup(app, write, { groupId: teamId, contactIds: [ada, cy] });
  await group({ name: 'VIPs', type: 'DYNAMIC', filter: { tags: { any: ['vip'] } } });

  await add({ firstName: 'Stranger', details: [{ kind: 'EMAIL', value: 'stranger@example.com' }] }, stranger);
  theirGroupId = await group({ name: 'Theirs', type: 'STATIC' }, stranger);
});

describe('contactExport', () => {
  it('exports every column by default as CSV, newest first, formula-safe', async () => {
    const { contactExport } = await app.data(Export, { input: {} }, key);
    expect(contactExport).toMatchObject({ __typename: 'ContactExport', format: 'CSV' });
    if (contactExport.__typename !== 'ContactExport') return;
    expect(contactExport.url).toMatch(
      new RegExp(`^${app.url}/files/exports/contacts\\.csv\\?request=[\\w-]+&expires=\\d+&workspace=[\\w-]+&key=[\\w-]+&sig=[\\w-]{43}$`),
    );
    expect(contactExport.columns.map((column) => column.key)).toEqual([
      'firstName',
      'lastName',
      'name',
      'phone',
      'email',
      'country',
      'tags',
      'groups',
      'createdAt',
      'updatedAt',
      'tier',
      'note',
      'score',
      'member',
      'colours',
    ]);

    const [headers, ...rows] = await downloadCsv(contactExport.url);
    expect(headers).toEqual([
      'First name',
      'Last name',
      'Name',
      'Phone number',
      'Email',
      'Country',
      'Tags',
      'Groups',
      'Created at',
      'Updated at',
      'Tier',
      'Note',
      'Score',
      'Member',
      'Colours',
    ]);
    expect(rows.map((row) => row[2])).toEqual(['Dee', 'Cy Young', 'Bob Stone', 'Ada Lovelace']);
    const [dee, cy, bob, ada] = rows as [string[], string[], string[], string[]];
    expect(ada).toEqual([
      'Ada',
      'Lovelace',
      'Ada Lovelace',
      "'+12025550101",
      'ada@example.com',
      'GB',
      'vip',
      'Team, VIPs',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      expect.any(String),
      'Gold',
      "'=1+2",
      '10.5',
      'TRUE',
      'Red, Blue',
    ]);
    const { rows: stamps } = await app.db.pool.query(`SELECT created_at, updated_at FROM contacts WHERE workspace_id = $1 AND first_name = 'Ada'`, [
      workspace.id,
    ]);
    expect(ada.slice(8, 10)).toEqual([stamps[0].created_at.toISOString(), stamps[0].updated_at.toISOString()]);
    // The primary phone, of two.
    expect(cy.slice(3, 8)).toEqual(["'+12025550104", '', '', '', 'Team']);
    expect(cy[10]).toBe('Silver');
    expect(cy[11]).toBe("'-2+3");
    expect(bob.slice(6, 8)).toEqual(["'=evil(), vip", 'VIPs']);
    expect(bob[11]).toBe("'@SUM(A1)");
    expect(dee[11]).toBe("'+cmd|' /C calc'!A0");
    expect(dee.slice(10)).toEqual(['', "'+cmd|' /C calc'!A0", '', '', '']);
  });

  it('imports back as it was: headers are field labels, formula-safe phones are read without the guard', async () => {
    const csv = (await download(await exportUrl({ format: 'CSV', columns: ['firstName', 'lastName', 'phone', 'email'] }), key)).replace(
      /^\uFEFF/,
      '',
    );
    expect(csv).toContain(",'+");
    const target = await app.createWorkspace('Round trip');
    const job = await importCsv(app, target.keys.WRITE, csv, { purpose: 'ADD_ALL_DESPITE_DUPLICATES', batchTag: false });
    expect(job.counts).toMatchObject({ failed: 0, skipped: 0 });
    const details = (workspaceId: string) =>
      app.db.pool
        .query(
          `SELECT c.first_name, c.last_name, d.kind, d.value FROM contacts c JOIN contact_details d ON d.workspace_id = c.workspace_id AND d.contact_id = c.id
           WHERE c.workspace_id = $1 AND d.is_primary ORDER BY 1, 2, 3, 4`,
          [workspaceId],
        )
        .then((result) => result.rows);
    expect(await details(target.id)).toEqual(await details(workspace.id));
  });

  it('honours search, filter, sort and the chosen columns', async () => {
    const vips = await downloadCsv(
      await exportUrl({ columns: ['name', 'email', 'tier'], filter: { tags: { any: ['vip'] } }, orderBy: [{ field: 'name', direction: 'ASC' }] }),
    );
    expect(vips).toEqual([
      ['Name', 'Email', 'Tier'],
      ['Ada Lovelace', 'ada@example.com', 'Gold'],
      ['Bob Stone', 'bob@example.com', ''],
    ]);
    const descending = await downloadCsv(await exportUrl({ columns: ['firstName'], orderBy: [{ field: 'firstName', direction: 'DESC' }] }));
    expect(descending.flat()).toEqual(['First name', 'Dee', 'Cy', 'Bob', 'Ada']);
    const searched = await downloadCsv(await exportUrl({ columns: ['name'], search: 'stone' }));
    expect(searched).toEqual([['Name'], ['Bob Stone']]);
  });

  it("exports a group's members as XLSX, every cell a string and none a formula", async () => {
    const url = await exportUrl({ format: 'XLSX', groupId: teamId, columns: ['name', 'phone', 'note', 'score'] });
    expect(url).toContain('/files/exports/contacts.xlsx?request=');
    const sheet = await downloadXlsx(url);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
      row.eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      });
    });
    expect(rows).toEqual([
      ['Name', 'Phone number', 'Note', 'Score'],
      ['Cy Young', "'+12025550104", "'-2+3"],
      ['Ada Lovelace', "'+12025550101", "'=1+2", '10.5'],
    ]);
  });

  it('applies search and filter to a group export too', async () => {
    const rows = await downloadCsv(await exportUrl({ groupId: teamId, columns: ['name'], filter: { field: { key: 'country', eq: 'GB' } } }));
    expect(rows).toEqual([['Name'], ['Ada Lovelace']]);
  });

  it('names unknown columns, bad filters and groups it cannot see as typed errors', async () => {
    const columns = await app.data(Export, { input: { columns: ['name', 'shoeSize', 'name'] } }, key);
    expect(columns.contactExport).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        { path: ['input', 'columns', '1'], message: expect.stringContaining('"shoeSize" is not a column') },
        { path: ['input', 'columns', '2'], message: '"name" is named twice' },
      ],
    });
    const filter = await app.data(Export, { input: { filter: { field: { key: 'shoeSize', eq: 42 } } } }, key);
    expect(filter.contactExport).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('shoeSize') });
    const theirs = await app.data(Export, { input: { groupId: theirGroupId } }, key);
    expect(theirs.contactExport).toEqual({ __typename: 'NotFoundError', id: theirGroupId, message: `Group ${theirGroupId} was not found` });
    const unknown = randomUUID();
    expect((await app.data(Export, { input: { groupId: unknown } }, key)).contactExport).toMatchObject({ __typename: 'NotFoundError', id: unknown });
    expect((await app.data(Export, { input: { groupId: 'team' } }, key)).contactExport).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'groupId'] }],
    });
  });
});

describe('export downloads', () => {
  it('need their signature or a valid bearer key', async () => {
    const url = await exportUrl({ columns: ['name'] });
    expect((await fetch(url.replace(/&expires=.*$/, ''))).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer sb_nope' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Basic abc' } })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` } })).status).toBe(405);
  });

  it("take the workspace from the key: another workspace's key gets its own contacts", async () => {
    const url = await exportUrl({ columns: ['name', 'email'] });
    expect(await downloadCsv(url, stranger.keys.READ)).toEqual([
      ['Name', 'Email'],
      ['Stranger', 'stranger@example.com'],
    ]);
  });

  it("answer a crafted URL naming another workspace's group like a missing one", async () => {
    const url = await exportUrl({ columns: ['name'], groupId: teamId });
    const forged = url.replace(
      /request=.*$/,
      `request=${Buffer.from(JSON.stringify({ format: 'CSV', groupId: uuidOf(theirGroupId) })).toString('base64url')}`,
    );
    const response = await fetch(forged, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: `Group ${uuidOf(theirGroupId)} was not found` });
    const foreign = await fetch(url, { headers: { authorization: `Bearer ${stranger.keys.READ}` } });
    expect(foreign.status).toBe(404);
  });

  it('refuse a URL that carries no export, or names the other format', async () => {
    const url = await exportUrl({ columns: ['name'] });
    const garbage = await fetch(url.replace(/request=.*$/, 'request=bm9wZQ'), { headers: { authorization: `Bearer ${key}` } });
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).issues).toEqual([
      { path: ['request'], code: 'INVALID_DOWNLOAD_LINK', message: expect.stringContaining('does not carry an export request') },
    ]);
    const sql = Buffer.from(JSON.stringify({ format: 'CSV', orderBy: [{ field: 'name', direction: 'ASC; DROP TABLE contacts' }] })).toString(
      'base64url',
    );
    expect((await fetch(url.replace(/request=.*$/, `request=${sql}`), { headers: { authorization: `Bearer ${key}` } })).status).toBe(400);
    expect((await fetch(url.replace('contacts.csv', 'contacts.xlsx'), { headers: { authorization: `Bearer ${key}` } })).status).toBe(404);
  });

  it('check the export again: a column whose field was deleted since is named', async () => {
    await createField(app, workspace.keys.WRITE, { label: 'Temporary', type: 'TEXT' });
    const url = await exportUrl({ columns: ['name', 'temporary'] });
    await app.data(RemoveField, { key: 'temporary' }, workspace.keys.WRITE);
    const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(400);
    expect((await response.json()).issues).toEqual([
      {
        path: ['input', 'columns', '1'],
        code: 'UNKNOWN_FIELD',
        params: { key: 'temporary' },
        message: expect.stringContaining('"temporary" is not a column'),
      },
    ]);
  });
});

describe('a large export', () => {
  const CONTACTS = 50_000;

  it(`streams ${CONTACTS.toLocaleString('en')} contacts from a cursor, held back while the client does not read`, async () => {
    const big = await app.createWorkspace('Big');
    await createField(app, big.keys.WRITE, { label: 'Note', type: 'TEXT' });
    // Set up in two statements; a 200-character note makes the file (~17 MB) larger than the socket buffers.
    await app.db.pool.query(
      `INSERT INTO contacts (workspace_id, first_name, last_name, name, custom_fields, created_at)
       SELECT $1, 'First' || i, 'Last' || i, 'First' || i || ' Last' || i, jsonb_build_object('note', repeat('x', 200)),
              timestamp '2026-01-01' + i * interval '1 second'
       FROM generate_series(1, $2::int) AS i`,
      [big.id, CONTACTS],
    );
    await app.db.pool.query(
      `INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
       SELECT workspace_id, id, 'EMAIL', lower(first_name) || '@example.com', lower(first_name) || '@example.com', true FROM contacts WHERE workspace_id = $1`,
      [big.id],
    );
    const { contactExport } = await app.data(
      Export,
      { input: { columns: ['name', 'email', 'createdAt'], orderBy: [{ field: 'createdAt', direction: 'ASC' }] } },
      big.keys.READ,
    );
    if (contactExport.__typename !== 'ContactExport') throw new Error(contactExport.message);

    const started = Date.now();
    const whole = await fetch(contactExport.url, { headers: { authorization: `Bearer ${big.keys.READ}` } });
    const lines = (await whole.text()).split('\r\n');
    const duration = Date.now() - started;
    expect(lines).toHaveLength(CONTACTS + 2);
    expect(lines[1]).toBe('First1 Last1,first1@example.com,2026-01-01T00:00:01.000Z');
    // Read a batch at a time: every contact once, in order, across every batch boundary.
    const expected = Array.from({ length: CONTACTS }, (_, index) => {
      const i = index + 1;
      return `First${i} Last${i},first${i}@example.com,${new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString()}`;
    });
    expect(lines.slice(1, -1)).toEqual(expected);
    expect(lines.at(-1)).toBe('');

    // Again with the note column, reading one chunk and then nothing: the server must wait for the
    // client, its cursor's transaction still open well after a whole export would have finished.
    const url = (await app.data(Export, { input: { columns: ['name', 'note'] } }, big.keys.READ)).contactExport as { url: string };
    const paused = await fetch(url.url, { headers: { authorization: `Bearer ${big.keys.READ}` } });
    const reader = paused.body!.getReader();
    try {
      await reader.read();
      await new Promise((resolve) => setTimeout(resolve, Math.max(2 * duration, 1000)));
      const { rows: open } = await app.db.pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE 'FETCH % FROM export_rows'`,
      );
      expect(open[0].n).toBe(1);
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.length;
      }
      expect(bytes).toBeGreaterThan(CONTACTS * 200);
    } finally {
      await reader.cancel();
    }
  }, 120_000); // it waits twice as long as a whole export took, which a loaded machine stretches
});
