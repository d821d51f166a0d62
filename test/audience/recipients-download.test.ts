import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ResultOf } from '@graphql-typed-document-node/core';
import type { AudienceInput, CreateGroupInput } from '../generated/graphql.ts';
import { csvText } from '../../src/files/csv-output.ts';
import { seedAudienceGroup } from '../support/audience-seed.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { addContactsToGroup, createContact, createGroup } from '../support/operations.ts';
import { OptIn, OptOut } from '../opt-outs/consent-api.ts';

const RecipientsAudience = graphql(`
  query RecipientsAudience($input: AudienceInput!, $first: Int, $after: String) {
    audience(input: $input) {
      __typename
      ... on Audience {
        sendableCount
        recipientsUrl
        addresses(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node { address contactId } }
        }
      }
      ... on Error { message }
    }
  }
`);

const PATH = '/audiences/recipients.csv';
const BOM = '\uFEFF';

const app = useTestApp({ worker: false });
let ws: TestWorkspace;
let other: TestWorkspace;
let big: TestWorkspace;
let staticGroup: string;
let dynamicGroup: string;
let bigGroup: string;
let foreignGroup: string;
const ids: Record<string, string> = {};

const contact = (name: string, details: { kind: 'PHONE' | 'EMAIL'; value: string }[], tags: string[] = [], workspace = ws) =>
  createContact(app, workspace.keys.WRITE, { firstName: name, details, tags });

const group = (input: CreateGroupInput, workspace = ws) => createGroup(app, workspace.keys.WRITE, input);

/** Every `addresses` page of the audience, `first` at a time, concatenated; and what the query says besides. */
async function pagedAddresses(input: AudienceInput, first: number, workspace = ws) {
  const rows: { address: string; contactId: string | null }[] = [];
  let after: string | null = null;
  for (;;) {
    const { audience }: ResultOf<typeof RecipientsAudience> = await app.data(RecipientsAudience, { input, first, after }, workspace.keys.READ);
    if (audience.__typename !== 'Audience') throw new Error(audience.message);
    rows.push(...audience.addresses.edges.map((edge) => edge.node));
    if (!audience.addresses.pageInfo.hasNextPage) return { rows, sendableCount: audience.sendableCount, recipientsUrl: audience.recipientsUrl };
    after = audience.addresses.pageInfo.endCursor ?? null;
  }
}

function post(
  body: string | ReadableStream,
  key: string | null,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Response> {
  return fetch(`${app.url}${PATH}`, {
    method: 'POST',
    headers: { ...headers, ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
}

/** Downloads the audience's recipients; the file as text and its rows as csv-parse reads them. */
async function download(input: object, workspace = ws, url = `${app.url}${PATH}`) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${workspace.keys.READ}` },
    body: JSON.stringify(input),
  });
  // Read as bytes: Response.text() would drop the byte order mark.
  const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
  if (response.status !== 200) throw new Error(`download: ${response.status} ${text}`);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return { text, rows: parse(text, { bom: true }) as string[][] };
}

/** The file's rows as the pages give them: each address formula-safe (`'+1…`), no contact an empty cell. */
// Files name contacts by their bare UUIDs, where the API gives global ids.
const asFileRows = (rows: { address: string; contactId: string | null }[]) => [
  ['address', 'contactId'],
  ...rows.map(({ address, contactId }) => [/^[=+\-@\t\r]/.test(address) ? `'${address}` : address, contactId ? uuidOf(contactId) : '']),
];

/** The file the product's CSV writer makes of the pages' rows, byte for byte. */
const asFileText = (rows: { address: string; contactId: string | null }[]) =>
  csvText([['address', 'contactId'], ...rows.map(({ address, contactId }) => [address, contactId ? uuidOf(contactId) : ''])]);

beforeAll(async () => {
  ws = await app.createWorkspace('Recipients');
  other = await app.createWorkspace('Other');
  big = await app.createWorkspace('Big');
  ids.ann = await contact(
    'Ann',
    [
      { kind: 'PHONE', value: '+12025550120' },
      { kind: 'EMAIL', value: 'ann@example.com' },
    ],
    ['vip'],
  );
  // Ben and Cal share a number, written two ways: one recipient, the lower contact id.
  ids.ben = await contact('Ben', [{ kind: 'PHONE', value: '+12025550121' }], ['vip']);
  ids.cal = await contact('Cal', [{ kind: 'PHONE', value: '+1 (202) 555-0121' }]);
  ids.dee = await contact('Dee', [{ kind: 'EMAIL', value: 'dee@example.com' }]);
  // Eve's primary number is opted out of SMS: she is reached on her other one.
  ids.eve = await contact('Eve', [
    { kind: 'PHONE', value: '+12025550123' },
    { kind: 'PHONE', value: '+12025550124' },
  ]);
  ids.fay = await contact('Fay', [{ kind: 'PHONE', value: '+12025550125' }], ['vip']);
  // Gus is opted out on every channel.
  ids.gus = await contact('Gus', [{ kind: 'PHONE', value: '+12025550126' }]);
  ids.hal = await contact('Hal', [{ kind: 'PHONE', value: '+442071838750' }]);
  staticGroup = await group({ name: 'Customers', type: 'STATIC' });
  await addContactsToGroup(app, ws.keys.WRITE, { groupId: staticGroup, contactIds: [ids.ann!, ids.ben!, ids.dee!, ids.eve!, ids.gus!] });
  dynamicGroup = await group({ name: 'VIPs', type: 'DYNAMIC', filter: { tags: { any: ['vip'] } } });
  await app.data(OptOut, { input: { address: '+12025550123', channel: 'SMS', reason: 'asked' } }, ws.keys.WRITE);
  await app.data(OptOut, { input: { address: '+12025550126', reason: 'asked' } }, ws.keys.WRITE);
  await app.data(OptOut, { input: { address: '+12025550199', reason: 'asked' } }, ws.keys.WRITE);
  await app.data(OptIn, { input: { address: '+12025550125', channel: 'WHATSAPP', reason: 'signed up' } }, ws.keys.WRITE);
  foreignGroup = await group({ name: 'Theirs', type: 'STATIC' }, other);

  // A list longer than the download's batches.
  bigGroup = await group({ name: 'Everyone', type: 'STATIC' }, big);
  await seedAudienceGroup(app.db, big.id, bigGroup, 25_000);
  // As autovacuum would soon: rows written in bulk straight into tables never analyzed.
  await app.db.pool.query('ANALYZE');
}, 120_000);

describe('the recipients download', () => {
  const mixed = (): AudienceInput => ({
    channel: 'SMS',
    groupIds: [staticGroup, dynamicGroup, staticGroup],
    contactIds: [ids.cal!, ids.hal!, '00000000-0000-4000-8000-000000000000'],
    addresses: ['(202) 555-0120', '+1 202 555 0198', '+1 202 555 0199', 'garbage', 'x@example.com', ''],
    defaultCountry: 'US',
  });

  it('is the sendable addresses of a mixed audience, the pages one after another, as a CSV that reads back', async () => {
    const input = mixed();
    const paged = await pagedAddresses(input, 2);
    expect(paged.recipientsUrl).toBe(`${app.url}${PATH}`);
    const { text, rows } = await download(input, ws, paged.recipientsUrl);

    expect(rows).toEqual(asFileRows(paged.rows));
    expect(text).toBe(asFileText(paged.rows));
    expect(rows).toEqual([
      ['address', 'contactId'],
      ["'+12025550120", uuidOf(ids.ann!)],
      ["'+12025550121", [uuidOf(ids.ben!), uuidOf(ids.cal!)].sort()[0]],
      ["'+12025550124", uuidOf(ids.eve!)],
      ["'+12025550125", uuidOf(ids.fay!)],
      ["'+12025550198", ''],
      ["'+442071838750", uuidOf(ids.hal!)],
    ]);
    expect(paged.sendableCount).toBe(rows.length - 1);
    // The product's CSV layout: a byte order mark, CRLF line ends.
    expect(text.startsWith(`${BOM}address,contactId\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
  });

  it('decides like the query on another channel, the opt-ins it requires included', async () => {
    for (const input of [
      { channel: 'WHATSAPP', groupIds: [staticGroup, dynamicGroup], addresses: ['+12025550125', '+12025550127'] },
      // Addresses a spreadsheet would run as formulas, in byte order around the guard's quote.
      {
        channel: 'EMAIL',
        groupIds: [staticGroup],
        addresses: [
          'ANN@example.com',
          'zed@example.com',
          '+12025550120',
          '-x@example.com',
          '=y@example.com',
          '+z@example.com',
          '*w@example.com',
          '5v@example.com',
        ],
      },
    ] satisfies AudienceInput[]) {
      const paged = await pagedAddresses(input, 1);
      const { text, rows } = await download(input);
      expect(rows).toEqual(asFileRows(paged.rows));
      expect(text).toBe(asFileText(paged.rows));
      expect(rows.length).toBeGreaterThan(1);
    }
  });

  it('means by a group filter what the query means, whatever text the filter holds', async () => {
    // The download's statement carries its values in its text (COPY takes no parameters): a
    // filter of quotes, backslashes and patterns must select the same contacts as bound.
    const names = ["O'Brien", 'back\\slash', "'; DROP TABLE contacts; --", '50%_off', 'quote"d', "E'\\x41'"];
    // Written in SQL: the API would refuse most of these as names.
    const made: string[] = [];
    for (const [index, name] of names.entries()) {
      const { rows } = await app.db.pool.query<{ id: string }>('INSERT INTO contacts (workspace_id, first_name) VALUES ($1, $2) RETURNING id', [
        ws.id,
        name,
      ]);
      await app.db.pool.query(
        `INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary) VALUES ($1, $2, 'PHONE', $3, $3, true)`,
        [ws.id, rows[0]!.id, `+1202555070${index}`],
      );
      made.push(rows[0]!.id);
    }
    const tricky = await group({
      name: 'Tricky',
      type: 'DYNAMIC',
      filter: {
        or: [
          { field: { key: 'firstName', in: names.slice(0, 3) } },
          { field: { key: 'firstName', contains: '0%_' } },
          { field: { key: 'firstName', eq: names[4] } },
          { field: { key: 'firstName', startsWith: "E'\\" } },
        ],
      },
    });
    const input: AudienceInput = { channel: 'SMS', groupIds: [tricky] };
    const paged = await pagedAddresses(input, 100);
    expect(paged.rows.map((row) => uuidOf(row.contactId!))).toEqual(made);
    const { text } = await download(input);
    expect(text).toBe(asFileText(paged.rows));
  });

  it('streams a list of many thousands in the order of the pages', async () => {
    const input: AudienceInput = { channel: 'SMS', groupIds: [bigGroup] };
    const paged = await pagedAddresses(input, 1000, big);
    const { rows } = await download(input, big);
    expect(rows.length - 1).toBe(paged.sendableCount);
    expect(paged.sendableCount).toBeGreaterThan(15_000);
    expect(rows).toEqual(asFileRows(paged.rows));
  }, 60_000);

  it('is an empty file with its header for an audience nobody is sendable in', async () => {
    const { text, rows } = await download({ channel: 'SMS', contactIds: [ids.gus], addresses: ['+12025550199'] });
    expect(text).toBe(`${BOM}address,contactId\r\n`);
    expect(rows).toEqual([['address', 'contactId']]);
  });

  it('asks for a key: none, a malformed or an unknown one is a 401', async () => {
    const body = JSON.stringify({ channel: 'SMS', groupIds: [staticGroup] });
    for (const headers of [{}, { authorization: 'Token abc' }, { authorization: 'Bearer sb_unknown' }]) {
      const response = await post(body, null, { 'content-type': 'application/json', ...(headers as Record<string, string>) });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ type: 'Unauthenticated', error: expect.any(String) });
    }
  });

  it('answers bad input with typed JSON errors naming the problem, before any file', async () => {
    const cases: [string, number, object][] = [
      [
        '{"channel":"FAX"}',
        400,
        {
          type: 'ValidationError',
          issues: [{ path: ['channel'], message: expect.stringMatching(/"FAX" is not a channel: one of SMS, WHATSAPP, EMAIL/) }],
        },
      ],
      ['{"groupIds":[]}', 400, { type: 'ValidationError', issues: [{ path: ['channel'], message: expect.stringMatching(/^required/) }] }],
      [
        '{"channel":"SMS","groupIds":"x","contactIds":[7],"addresses":[1],"defaultCountry":2,"tags":[]}',
        400,
        {
          type: 'ValidationError',
          issues: [
            { path: ['tags'], message: expect.stringMatching(/unknown field/) },
            { path: ['groupIds'], message: 'must be a list, each entry an id' },
            { path: ['addresses', '0'], message: 'must be a string' },
            { path: ['defaultCountry'], message: 'must be a string' },
          ],
        },
      ],
      // The checks of the `audience` query, on the same paths less its `input`.
      [
        '{"channel":"SMS","contactIds":["nope"]}',
        400,
        { type: 'ValidationError', issues: [{ path: ['contactIds', '0'], message: '"nope" is not a valid id' }] },
      ],
      [
        '{"channel":"SMS","addresses":["2025550120"],"defaultCountry":"XX"}',
        400,
        { type: 'ValidationError', issues: [{ path: ['defaultCountry'] }] },
      ],
      ['{"channel":', 400, { type: 'ValidationError', error: expect.stringMatching(/^the body is not JSON/) }],
      ['[1]', 400, { type: 'ValidationError', error: expect.stringMatching(/must be a JSON object/) }],
      [
        JSON.stringify({ channel: 'SMS', addresses: Array.from({ length: 100_001 }, (_, i) => String(i)) }),
        400,
        { type: 'LimitExceededError', limit: 100_000, error: 'an audience names at most 100000 addresses' },
      ],
    ];
    for (const [body, status, error] of cases) {
      const response = await post(body, ws.keys.READ);
      expect([body.slice(0, 80), response.status]).toEqual([body.slice(0, 80), status]);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toMatchObject(error);
    }

    const notJson = await post('channel=SMS', ws.keys.READ, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(notJson.status).toBe(415);
    expect(await notJson.json()).toMatchObject({ type: 'UnsupportedMediaType' });
    const get = await fetch(`${app.url}${PATH}`, { headers: { authorization: `Bearer ${ws.keys.READ}` } });
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });

  it('refuses a body over 16 MiB with 413 naming the limit, with or without a Content-Length', async () => {
    const huge = JSON.stringify({ channel: 'SMS', addresses: Array.from({ length: 90_000 }, () => 'x'.repeat(200)) });
    expect(huge.length).toBeGreaterThan(16 * 2 ** 20);
    const sized = await post(huge, ws.keys.READ);
    expect(sized.status).toBe(413);
    expect(await sized.json()).toEqual({
      type: 'LimitExceededError',
      code: 'REQUEST_ENTITY_TOO_LARGE',
      params: { limit: 16 * 2 ** 20 },
      limit: 16 * 2 ** 20,
      error: expect.stringMatching(/larger than 16777216 bytes \(16 MiB\)/),
    });
    const chunked = await post(Readable.toWeb(Readable.from([huge.slice(0, 9 * 2 ** 20), huge.slice(9 * 2 ** 20)])) as ReadableStream, ws.keys.READ);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ type: 'LimitExceededError', limit: 16 * 2 ** 20 });
  });

  it("does not reach another workspace: its group is not found, its contacts are nobody's", async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [groupId, uuid] of [
      [foreignGroup, uuidOf(foreignGroup)],
      [missing, missing],
    ] as const) {
      const response = await post(JSON.stringify({ channel: 'SMS', groupIds: [groupId] }), ws.keys.READ);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        type: 'NotFoundError',
        code: 'NOT_FOUND',
        params: { entity: 'Group', id: groupId },
        entity: 'Group',
        id: groupId,
        error: `Group ${uuid} was not found`,
      });
    }
    const own = await download({ channel: 'SMS', groupIds: [staticGroup] }, ws);
    expect(own.rows.length).toBeGreaterThan(1);
    // The other workspace's key, with this workspace's group and contact ids.
    const refused = await post(JSON.stringify({ channel: 'SMS', groupIds: [staticGroup] }), other.keys.READ);
    expect(refused.status).toBe(404);
    const { rows } = await download({ channel: 'SMS', contactIds: [ids.ann, ids.ben, ids.eve] }, other);
    expect(rows).toEqual([['address', 'contactId']]);
  });
});
