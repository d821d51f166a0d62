import type { ResultOf } from '@graphql-typed-document-node/core';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { AudienceInput, ExclusionReason } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { globalIdOf, uuidOf } from '../support/global-ids.ts';
import { addContactsToGroup, createContact, createGroup } from '../support/operations.ts';
import { OptIn, OptOut } from '../opt-outs/consent-api.ts';

const ExcludedRecipients = graphql(`
  query ExcludedRecipients($input: AudienceInput!, $first: Int, $after: String, $reasons: [ExclusionReason!]) {
    audience(input: $input) {
      __typename
      ... on Audience {
        excluded { reason count }
        excludedRecipients(first: $first, after: $after, reasons: $reasons) {
          __typename
          ... on AudienceExcludedRecipientConnection {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { reason address contactId rawValue contact { id name details { value } } } }
          }
          ... on ValidationError { message issues { path message } }
        }
      }
      ... on Error { message }
    }
  }
`);

type Resolved = Extract<ResultOf<typeof ExcludedRecipients>['audience'], { __typename: 'Audience' }>;
type Connection = Extract<Resolved['excludedRecipients'], { __typename: 'AudienceExcludedRecipientConnection' }>;
type Recipient = Connection['edges'][number]['node'];

const REASON_ORDER: ExclusionReason[] = ['OPTED_OUT', 'NO_OPT_IN', 'NO_ADDRESS', 'INVALID_ADDRESS', 'UNKNOWN_CONTACT'];

const app = useTestApp({ worker: false });

async function resolve(
  workspace: TestWorkspace,
  input: AudienceInput,
  page: { first?: number; after?: string | null; reasons?: ExclusionReason[] } = {},
) {
  const { audience } = await app.data(ExcludedRecipients, { input, ...page }, workspace.keys.READ);
  if (audience.__typename !== 'Audience') throw new Error(audience.message);
  return audience;
}

async function excludedPage(
  workspace: TestWorkspace,
  input: AudienceInput,
  page: { first?: number; after?: string | null; reasons?: ExclusionReason[] } = {},
) {
  const audience = await resolve(workspace, input, page);
  if (audience.excludedRecipients.__typename !== 'AudienceExcludedRecipientConnection') throw new Error(audience.excludedRecipients.message);
  return { excluded: audience.excluded, connection: audience.excludedRecipients };
}

/** Every excluded recipient, read `first` at a time; checks each page's total against the counts. */
async function pageThrough(workspace: TestWorkspace, input: AudienceInput, first: number, reasons?: ExclusionReason[]) {
  const recipients: Recipient[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const { excluded, connection }: Awaited<ReturnType<typeof excludedPage>> = await excludedPage(workspace, input, { first, after, reasons });
    const counted = excluded.filter((entry) => !reasons || reasons.includes(entry.reason)).reduce((sum, entry) => sum + entry.count, 0);
    expect(connection.totalCount).toBe(counted);
    expect(connection.edges.length).toBeLessThanOrEqual(first);
    recipients.push(...connection.edges.map((edge) => edge.node));
    pages++;
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor ?? null;
  }
  return { recipients, pages };
}

/** A recipient as a short comparable string: reason, address, contact id, raw value. */
const describeRecipient = (recipient: Recipient) => [recipient.reason, recipient.address, recipient.contactId, recipient.rawValue].join('|');

const countsOf = (excluded: readonly { reason: string; count: number }[]) => Object.fromEntries(excluded.map((entry) => [entry.reason, entry.count]));

function listedCounts(recipients: readonly Recipient[]) {
  const counts = Object.fromEntries(REASON_ORDER.map((reason) => [reason, 0]));
  for (const recipient of recipients) counts[recipient.reason]!++;
  return counts;
}

/** Whether the recipients come in reason order (the order within a reason is the database's). */
const inReasonOrder = (recipients: readonly Recipient[]) =>
  recipients.every(
    (recipient, index) => index === 0 || REASON_ORDER.indexOf(recipients[index - 1]!.reason) <= REASON_ORDER.indexOf(recipient.reason),
  );

describe('the excluded recipients of an audience mixing every reason', () => {
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const ids = {} as Record<'ann' | 'ben' | 'cal' | 'dee' | 'eve' | 'foreign', string>;
  const unknownId = '00000000-0000-4000-8000-000000000000';
  let input: AudienceInput;

  const contact = (name: string, details: { kind: 'PHONE' | 'EMAIL'; value: string }[], workspace = ws) =>
    createContact(app, workspace.keys.WRITE, { firstName: name, details });

  beforeAll(async () => {
    ws = await app.createWorkspace('Excluded');
    other = await app.createWorkspace('Elsewhere');
    ids.ann = await contact('Ann', [{ kind: 'PHONE', value: '+12025550140' }]);
    ids.ben = await contact('Ben', [{ kind: 'PHONE', value: '+12025550141' }]);
    ids.cal = await contact('Cal', [{ kind: 'PHONE', value: '+1 (202) 555-0141' }]);
    ids.dee = await contact('Dee', [{ kind: 'EMAIL', value: 'dee@example.com' }]);
    ids.eve = await contact('Eve', [{ kind: 'PHONE', value: '+12025550142' }]);
    // The other workspace has Ben's number too, and opts out a number this workspace can reach.
    ids.foreign = await contact('Foreign', [{ kind: 'PHONE', value: '+12025550141' }], other);
    await app.data(OptOut, { input: { address: '+12025550144', reason: 'theirs' } }, other.keys.WRITE);
    await app.data(OptIn, { input: { address: '+12025550144', channel: 'WHATSAPP', reason: 'signed up' } }, ws.keys.WRITE);

    await app.data(OptIn, { input: { address: '+12025550140', channel: 'WHATSAPP', reason: 'signed up' } }, ws.keys.WRITE);
    await app.data(OptOut, { input: { address: '+12025550141', reason: 'asked' } }, ws.keys.WRITE);
    const customers = await createGroup(app, ws.keys.WRITE, { name: 'Customers', type: 'STATIC' });
    await addContactsToGroup(app, ws.keys.WRITE, { groupId: customers, contactIds: [ids.ann, ids.ben, ids.dee, ids.eve] });
    input = {
      channel: 'WHATSAPP',
      groupIds: [customers],
      contactIds: [ids.cal, unknownId, ids.foreign],
      addresses: ['(202) 555-0142', '+12025550143', '+12025550144', 'x@example.com', 'garbage', ' garbage ', 'not a number', ''],
      defaultCountry: 'US',
    };
  });

  it('lists every excluded recipient once, as many per reason as the counts say', async () => {
    const { excluded, connection } = await excludedPage(ws, input, { first: 100 });
    const recipients = connection.edges.map((edge) => edge.node);
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(countsOf(excluded)).toEqual({ OPTED_OUT: 1, NO_OPT_IN: 2, NO_ADDRESS: 2, INVALID_ADDRESS: 2, UNKNOWN_CONTACT: 2 });
    expect(listedCounts(recipients)).toEqual(countsOf(excluded));
    expect(connection.totalCount).toBe(9);
    expect(inReasonOrder(recipients)).toBe(true);

    // Ben and Cal share one opted-out number: one recipient, reached first through the lower id.
    const benOrCal = [ids.ben, ids.cal].sort((a, b) => (uuidOf(a) < uuidOf(b) ? -1 : 1))[0];
    expect(recipients.map(describeRecipient).sort()).toEqual(
      [
        `OPTED_OUT|+12025550141|${benOrCal}|`,
        `NO_OPT_IN|+12025550142|${ids.eve}|`,
        'NO_OPT_IN|+12025550143||',
        `NO_ADDRESS||${ids.dee}|`,
        'NO_ADDRESS|x@example.com||',
        'INVALID_ADDRESS|||garbage',
        'INVALID_ADDRESS|||not a number',
        `UNKNOWN_CONTACT|||${unknownId}`,
        `UNKNOWN_CONTACT|||${ids.foreign}`,
      ].sort(),
    );
    for (const recipient of recipients) {
      expect(recipient.contact?.id ?? null).toBe(recipient.contactId);
    }
    expect(recipients.find((recipient) => recipient.contactId === ids.dee)!.contact).toEqual({
      id: ids.dee,
      name: 'Dee',
      details: [{ value: 'dee@example.com' }],
    });
  });

  it('pages through them in small pages, each exactly once and in the same order as one page', async () => {
    const { connection } = await excludedPage(ws, input, { first: 100 });
    const whole = connection.edges.map((edge) => describeRecipient(edge.node));
    for (const first of [1, 2, 4]) {
      const { recipients, pages } = await pageThrough(ws, input, first);
      expect(recipients.map(describeRecipient)).toEqual(whole);
      expect(pages).toBe(Math.ceil(whole.length / first));
    }
  });

  it('keeps only the reasons asked for, with their total', async () => {
    const reasons: ExclusionReason[] = ['NO_ADDRESS', 'INVALID_ADDRESS'];
    const { recipients } = await pageThrough(ws, input, 1, reasons);
    expect(recipients.map((recipient) => recipient.reason)).toEqual(['NO_ADDRESS', 'NO_ADDRESS', 'INVALID_ADDRESS', 'INVALID_ADDRESS']);

    const none = await excludedPage(ws, input, { reasons: [] });
    expect(none.connection).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    const single = await excludedPage(ws, input, { reasons: ['UNKNOWN_CONTACT'] });
    expect(single.connection.totalCount).toBe(2);
    expect(single.connection.edges.map((edge) => edge.node.rawValue).sort()).toEqual([unknownId, ids.foreign].sort());
  });

  it("never shows another workspace's contacts, nor applies its opt-outs", async () => {
    const { recipients } = await pageThrough(ws, input, 100);
    // The other workspace's contact is only the id given, unknown here; its number is Ben's or Cal's.
    const foreign = recipients.filter((recipient) => recipient.rawValue === ids.foreign || recipient.contactId === ids.foreign);
    expect(foreign).toEqual([{ reason: 'UNKNOWN_CONTACT', address: null, contactId: null, rawValue: ids.foreign, contact: null }]);
    // Its opt-out of +12025550144 is not this workspace's: the number (opted in here) is sendable.
    expect(recipients.some((recipient) => recipient.address === '+12025550144')).toBe(false);

    // The other workspace resolving the same audience sees none of this workspace's contacts.
    const theirs = await pageThrough(other, { ...input, groupIds: [] }, 100);
    expect(theirs.recipients.map(describeRecipient).sort()).toEqual(
      [
        `UNKNOWN_CONTACT|||${ids.cal}`,
        `UNKNOWN_CONTACT|||${unknownId}`,
        `NO_OPT_IN|+12025550141|${ids.foreign}|`,
        'NO_OPT_IN|+12025550142||',
        'NO_OPT_IN|+12025550143||',
        'OPTED_OUT|+12025550144||',
        'NO_ADDRESS|x@example.com||',
        'INVALID_ADDRESS|||garbage',
        'INVALID_ADDRESS|||not a number',
      ].sort(),
    );
  });

  it('answers a page over the limit, a negative page and a foreign cursor with a ValidationError naming the argument', async () => {
    for (const [page, path] of [
      [{ first: 1001 }, 'first'],
      [{ first: -1 }, 'first'],
      [{ after: 'bm90IGEgY3Vyc29y' }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['SENDABLE', 'x'])).toString('base64url') }, 'after'],
    ] as const) {
      const audience = await resolve(ws, input, page);
      expect(audience.excludedRecipients).toMatchObject({ __typename: 'ValidationError', issues: [{ path: [path] }] });
    }
    const tooLarge = await resolve(ws, input, { first: 1001 });
    expect(tooLarge.excludedRecipients).toMatchObject({ message: expect.stringContaining('1000') });
    // The counts are still answered beside the failing page.
    expect(countsOf(tooLarge.excluded).OPTED_OUT).toBe(1);
  });
});

describe('5,000 excluded recipients in a group of 10,000', () => {
  const CONTACTS = 10_000;
  let ws: TestWorkspace;
  let groupId: string;

  beforeAll(async () => {
    ws = await app.createWorkspace('Large');
    groupId = await createGroup(app, ws.keys.WRITE, { name: 'Everyone', type: 'STATIC' });
    // Seeded in SQL: contact n has phone number n, except that every tenth has only an email and
    // those ending in 5 share the number of the contact before them; every even number is opted out.
    await app.db.pool.query(
      `WITH c AS (
         INSERT INTO contacts (workspace_id, first_name) SELECT $1, 'C' || n FROM generate_series(1, $2) n RETURNING id, first_name),
       numbered AS (SELECT id, substr(first_name, 2)::int AS n FROM c),
       d AS (
         INSERT INTO contact_details (workspace_id, contact_id, kind, value, raw_value, is_primary)
         SELECT $1, id, CASE WHEN n % 10 = 0 THEN 'EMAIL'::"DetailKind" ELSE 'PHONE' END,
                CASE WHEN n % 10 = 0 THEN 'c' || n || '@example.com' ELSE '+1646' || lpad((n - (n % 10 = 5)::int)::text, 7, '0') END, '', true
         FROM numbered)
       INSERT INTO group_members (workspace_id, group_id, contact_id) SELECT $1, $3, id FROM numbered`,
      [ws.id, CONTACTS, uuidOf(groupId)],
    );
    await app.db.pool.query(
      `INSERT INTO opt_outs (workspace_id, address, kind, channel, source)
       SELECT $1, '+1646' || lpad(n::text, 7, '0'), 'PHONE', 'ALL', 'BULK_LIST' FROM generate_series(2, $2, 2) n WHERE n % 10 <> 0`,
      [ws.id, CONTACTS],
    );
    await app.db.pool.query('ANALYZE');
  }, 60_000);

  it('pages through all of them, each once, matching the counts and the seeding', async () => {
    const input: AudienceInput = { channel: 'SMS', groupIds: [groupId] };
    const { recipients, pages } = await pageThrough(ws, input, 1000);
    expect(pages).toBe(5);
    expect(recipients).toHaveLength(5000);
    expect(listedCounts(recipients)).toMatchObject({ OPTED_OUT: 4000, NO_ADDRESS: 1000 });
    expect(inReasonOrder(recipients)).toBe(true);
    expect(new Set(recipients.map(describeRecipient)).size).toBe(5000);

    // Each opted-out number is listed with the lowest id of the contacts that have it; each contact
    // with only an email is listed on its own. Read from the tables, apart from the audience SQL.
    const { rows } = await app.db.pool.query<{ value: string; contact_id: string; kind: string }>(
      `SELECT d.kind, min(d.value) AS value, min(d.contact_id::text) AS contact_id FROM contact_details d
       WHERE d.workspace_id = $1 AND (d.kind = 'EMAIL' OR EXISTS (SELECT 1 FROM opt_outs o WHERE o.workspace_id = d.workspace_id AND o.address = d.value))
       GROUP BY d.kind, CASE WHEN d.kind = 'PHONE' THEN d.value ELSE d.contact_id::text END`,
      [ws.id],
    );
    const expected = rows.map((row) => {
      const contactId = globalIdOf('Contact', row.contact_id);
      return row.kind === 'PHONE' ? `OPTED_OUT|${row.value}|${contactId}|` : `NO_ADDRESS||${contactId}|`;
    });
    expect(recipients.map(describeRecipient).sort()).toEqual(expected.sort());
  });

  it('loads the contacts of a page of 1,000 with as many statements as a page of 5', async () => {
    const input: AudienceInput = { channel: 'SMS', groupIds: [groupId] };
    let small!: Awaited<ReturnType<typeof excludedPage>>;
    const smallCount = await statementsDuring(async () => (small = await excludedPage(ws, input, { first: 5 })));
    let large!: typeof small;
    const largeCount = await statementsDuring(async () => (large = await excludedPage(ws, input, { first: 1000 })));
    expect(small.connection.edges).toHaveLength(5);
    expect(large.connection.edges).toHaveLength(1000);
    expect(large.connection.edges.every((edge) => edge.node.contact?.id === edge.node.contactId && edge.node.contact.details.length === 1)).toBe(
      true,
    );
    expect(largeCount).toBe(smallCount);
  });
});

/** Counts the statements PostgreSQL receives while `work` runs, through any pg client of the process. */
async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}
