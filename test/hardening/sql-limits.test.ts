/**
 * No query reaches PostgreSQL unbounded: inputs are capped (text length, NUL, filter size and
 * nesting, list lengths, keys that every object inherits), statements of the API stop at a time
 * limit and when their request goes away, and one workspace cannot hold every connection.
 */
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ContactFilterInput } from '../generated/graphql.ts';
import { startTestApp, useTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';
import { createGroup } from '../support/operations.ts';

const SqlLimitsContacts = graphql(`
  query SqlLimitsContacts($search: String, $filter: ContactFilterInput, $orderBy: [ContactOrderInput!]) {
    contacts(search: $search, filter: $filter, orderBy: $orderBy, first: 1) { totalCount edges { node { id } } }
  }
`);

const SqlLimitsFirstContact = graphql(`
  query SqlLimitsFirstContact($filter: ContactFilterInput) {
    contacts(filter: $filter, first: 1) { edges { node { id } } }
  }
`);

const SqlLimitsCreateField = graphql(`
  mutation SqlLimitsCreateField($input: CreateFieldInput!) {
    createField(input: $input) { __typename ... on Field { key } ... on ValidationError { issues { path message } } ... on Error { message } }
  }
`);

const SqlLimitsCreateContact = graphql(`
  mutation SqlLimitsCreateContact($input: CreateContactInput!) {
    createContact(input: $input) { __typename ... on Contact { id } ... on ValidationError { issues { path message } } }
  }
`);

const SqlLimitsUpdateContact = graphql(`
  mutation SqlLimitsUpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) { __typename ... on Contact { customFields } ... on ValidationError { issues { path message } } ... on Error { message } }
  }
`);

const SqlLimitsCreateGroup = graphql(`
  mutation SqlLimitsCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { issues { path message } } ... on Error { message } }
  }
`);

const SqlLimitsCreateApiKey = graphql(`
  mutation SqlLimitsCreateApiKey($name: String!) {
    createApiKey(name: $name, scope: READ) { __typename ... on ValidationError { issues { path message } } }
  }
`);

const SqlLimitsAddMembers = graphql(`
  mutation SqlLimitsAddMembers($input: GroupMembersInput!) {
    addContactsToGroup(input: $input) { __typename ... on GroupMembershipChange { count } }
  }
`);

const SqlLimitsOptOut = graphql(`
  mutation SqlLimitsOptOut($input: OptOutInput!) {
    optOut(input: $input) { __typename ... on ValidationError { issues { path message } } }
  }
`);

interface ErrorBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; limit?: number; issues?: { path: string[]; message: string }[] } }[];
}

/** Posts a document (text) with variables given as JSON text, so that any nesting can be sent. */
async function post(app: TestApp, key: string, query: string, variablesJson = '{}', signal?: AbortSignal) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${key}` },
    body: `{"query":${JSON.stringify(query)},"variables":${variablesJson}}`,
    signal,
  });
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

/** The first GraphQL error of a list query that must be refused. */
async function refusal(app: TestApp, key: string, variables: Record<string, unknown>) {
  const { status, body } = await app.request(SqlLimitsContacts, variables as never, key);
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  return { status, ...(body.errors![0] as NonNullable<ErrorBody['errors']>[number]) };
}

async function healthy(app: TestApp, workspace: TestWorkspace) {
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  const { contacts } = await app.data(SqlLimitsContacts, {}, workspace.keys.READ);
  expect(contacts.totalCount).toBeGreaterThanOrEqual(0);
}

/** Statements of the app's database other than the one asking, running now, that read the notes field. */
async function runningNotesStatements(app: TestApp): Promise<number> {
  const { rows } = await app.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND query LIKE '%custom_fields ->> %'`,
  );
  return rows[0]!.n;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return Date.now() - started;
}

/**
 * Contacts whose long custom `notes` make every `contains` on them cost a scan of each note: a
 * filter of many such conditions keeps a statement busy for seconds (a long one for minutes).
 */
async function seedSlowContacts(app: TestApp, workspace: TestWorkspace, count: number): Promise<void> {
  const { createField } = await app.data(SqlLimitsCreateField, { input: { label: 'Notes', type: 'TEXT' } }, workspace.keys.ADMIN);
  expect(createField).toMatchObject({ __typename: 'Field', key: 'notes' });
  await app.db.pool.query(
    `INSERT INTO contacts (workspace_id, first_name, custom_fields)
     SELECT $1, 'Slow', jsonb_build_object('notes', repeat('a', 3000) || g) FROM generate_series(1, $2::int) g`,
    [workspace.id, count],
  );
  await app.db.pool.query('ANALYZE contacts');
}

/** A filter no contact matches that makes PostgreSQL read every note `conditions` times. */
const slowFilter = (conditions: number): ContactFilterInput => ({
  or: Array.from({ length: conditions }, (_, index) => ({ field: { key: 'notes', contains: `zq${index}` } })),
});

describe('text inputs', () => {
  const app = useTestApp({ worker: false });
  let ws: TestWorkspace;
  let contactId: string;

  beforeAll(async () => {
    ws = await app.createWorkspace();
    const { createField } = await app.data(SqlLimitsCreateField, { input: { label: 'Notes', type: 'TEXT' } }, ws.keys.ADMIN);
    expect(createField.__typename).toBe('Field');
    const { createContact } = await app.data(
      SqlLimitsCreateContact,
      { input: { firstName: 'Ada', details: [{ kind: 'EMAIL', value: 'ada@example.com' }] } },
      ws.keys.WRITE,
    );
    if (createContact.__typename !== 'Contact') throw new Error(JSON.stringify(createContact));
    contactId = createContact.id;
  });

  it('refuses a search over its limit before it reaches PostgreSQL', async () => {
    // 100 characters once trimmed; any text is refused past 1000 characters before it is even read.
    const refusedSearches: [string, string][] = [
      ['a'.repeat(101), 'a search is at most 100 characters; this one has 101'],
      [' '.repeat(10).concat('a'.repeat(101)), 'a search is at most 100 characters; this one has 101'],
      ['a'.repeat(10_000), 'at most 1000 characters; this one has 10000'],
      ['a'.repeat(1_000_000), 'at most 1000 characters; this one has 1000000'],
    ];
    for (const [search, message] of refusedSearches) {
      const started = Date.now();
      const error = await refusal(app, ws.keys.READ, { search });
      expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['search'], message }] });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    const { contacts } = await app.data(SqlLimitsContacts, { search: 'a'.repeat(100) }, ws.keys.READ);
    expect(contacts.totalCount).toBe(0);
  });

  it('caps every other text at 1000 characters, longer texts at their own limit, naming the input', async () => {
    const long = 'x'.repeat(1_001);
    const { createContact } = await app.data(
      SqlLimitsCreateContact,
      { input: { firstName: 'Bea', details: [{ kind: 'EMAIL', value: 'bea@example.com', label: long }] } },
      ws.keys.WRITE,
    );
    expect(createContact).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'details', '0', 'label'], message: 'at most 1000 characters; this one has 1001' }],
    });
    const { createApiKey } = await app.data(SqlLimitsCreateApiKey, { name: long }, ws.keys.ADMIN);
    expect(createApiKey).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['name'], message: expect.stringContaining('1000') }] });

    const error = await refusal(app, ws.keys.READ, { filter: { tags: { any: [long] } } });
    expect(error.extensions).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['filter', 'tags', 'any', '0'] }] });
    const inJson = await refusal(app, ws.keys.READ, { filter: { field: { key: 'notes', eq: long } } });
    expect(inJson.extensions?.issues?.[0]?.path).toEqual(['filter', 'field', 'eq']);

    // A custom field value is a text people write at length: 10,000 characters.
    const note = (length: number) => ({ input: { id: contactId, customFields: [{ key: 'notes', value: 'n'.repeat(length) }] } });
    expect((await app.data(SqlLimitsUpdateContact, note(10_000), ws.keys.WRITE)).updateContact.__typename).toBe('Contact');
    expect((await app.data(SqlLimitsUpdateContact, note(10_001), ws.keys.WRITE)).updateContact).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'customFields', '0', 'value'], message: 'at most 10000 characters; this one has 10001' }],
    });
    await healthy(app, ws);
  });

  it('refuses a NUL character in any text with a ValidationError naming the input', async () => {
    const nul = 'a\u0000b';
    const refusedLists: [Record<string, unknown>, string[]][] = [
      [{ search: nul }, ['search']],
      [{ filter: { field: { key: 'firstName', eq: nul } } }, ['filter', 'field', 'eq']],
      [{ filter: { field: { key: 'notes', contains: nul } } }, ['filter', 'field', 'contains']],
      [{ filter: { field: { key: 'lastName', in: ['ok', nul] } } }, ['filter', 'field', 'in', '1']],
      [{ filter: { tags: { none: [nul] } } }, ['filter', 'tags', 'none', '0']],
      [{ filter: { field: { key: nul, isSet: true } } }, ['filter', 'field', 'key']],
      [{ orderBy: [{ field: nul }] }, ['orderBy', '0', 'field']],
    ];
    for (const [variables, path] of refusedLists) {
      const error = await refusal(app, ws.keys.READ, variables);
      expect(error.extensions, JSON.stringify(variables)).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path, message: 'must not contain the NUL character (U+0000)' }],
      });
    }

    const nulIssue = (path: string[]) => ({
      __typename: 'ValidationError',
      issues: [{ path, message: 'must not contain the NUL character (U+0000)' }],
    });
    type Answer = { __typename: string; issues?: unknown };
    const issuesOf = ({ __typename, issues }: Answer) => ({ __typename, issues });
    const created = await app.data(
      SqlLimitsCreateContact,
      { input: { firstName: 'Cy', details: [{ kind: 'EMAIL', value: 'cy@example.com', label: nul }] } },
      ws.keys.WRITE,
    );
    expect(issuesOf(created.createContact)).toEqual(nulIssue(['input', 'details', '0', 'label']));
    const tagged = await app.data(SqlLimitsUpdateContact, { input: { id: contactId, tags: [nul] } }, ws.keys.WRITE);
    expect(issuesOf(tagged.updateContact)).toEqual(nulIssue(['input', 'tags', '0']));
    const noted = await app.data(SqlLimitsUpdateContact, { input: { id: contactId, customFields: [{ key: 'notes', value: nul }] } }, ws.keys.WRITE);
    expect(issuesOf(noted.updateContact)).toEqual(nulIssue(['input', 'customFields', '0', 'value']));
    const group = await app.data(SqlLimitsCreateGroup, { input: { name: 'G', type: 'STATIC', description: nul } }, ws.keys.WRITE);
    expect(issuesOf(group.createGroup)).toEqual(nulIssue(['input', 'description']));
    const field = await app.data(SqlLimitsCreateField, { input: { label: 'Tier', type: 'SELECT', options: ['Gold', nul] } }, ws.keys.ADMIN);
    expect(issuesOf(field.createField)).toEqual(nulIssue(['input', 'options', '1']));
    const optOut = await app.data(SqlLimitsOptOut, { input: { address: 'cy@example.com', reason: nul } }, ws.keys.WRITE);
    expect(issuesOf(optOut.optOut)).toEqual(nulIssue(['input', 'reason']));
    await healthy(app, ws);
  });

  it('answers keys every object inherits as unknown fields, in filters and sorts', async () => {
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const filtered = await refusal(app, ws.keys.READ, { filter: { field: { key, eq: 'x' } } });
      expect(filtered.extensions, key).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: ['filter', 'field', 'key'], message: `no field has the key "${key}" (it may have been deleted)` }],
      });
      const sorted = await refusal(app, ws.keys.READ, { orderBy: [{ field: key }] });
      expect(sorted.extensions, key).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: ['orderBy', '0', 'field'] }] });
      const { createGroup } = await app.data(
        SqlLimitsCreateGroup,
        { input: { name: `By ${key}`, type: 'DYNAMIC', filter: { field: { key, isSet: true } } } },
        ws.keys.WRITE,
      );
      expect(createGroup).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'filter', 'field', 'key'] }] });
    }
    await healthy(app, ws);
  });
});

describe('filter size and nesting', () => {
  const app = useTestApp({ worker: false });
  let ws: TestWorkspace;

  beforeAll(async () => {
    ws = await app.createWorkspace();
  });

  const tag = (index: number): ContactFilterInput => ({ tags: { any: [`t${index}`] } });

  it('refuses more than 50 conditions, even far more than PostgreSQL takes bind parameters', async () => {
    const name = (index: number): ContactFilterInput => ({ field: { key: 'lastName', eq: `n${index}` } });
    const { contacts } = await app.data(
      SqlLimitsContacts,
      { filter: { and: [{ or: Array.from({ length: 48 }, (_, i) => name(i)) }] } },
      ws.keys.READ,
    );
    expect(contacts.totalCount).toBe(0);
    const justOver = await refusal(app, ws.keys.READ, {
      filter: { or: [{ and: Array.from({ length: 30 }, (_, i) => tag(i)) }, { and: Array.from({ length: 20 }, (_, i) => tag(i)) }] },
    });
    expect(justOver.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ message: 'a filter has at most 50 conditions (and, or and not count too)' }],
    });

    const huge = await refusal(app, ws.keys.READ, { filter: { and: Array.from({ length: 70_000 }, (_, i) => tag(i)) } });
    expect(huge.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['filter', 'and'], message: expect.stringContaining('50 conditions') }],
    });
    await healthy(app, ws);
  });

  it('refuses lists of more than 1000 values, and more than 5000 values in all', async () => {
    const values = (count: number, prefix = 'v') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
    expect((await app.data(SqlLimitsContacts, { filter: { field: { key: 'lastName', in: values(1_000) } } }, ws.keys.READ)).contacts.totalCount).toBe(
      0,
    );
    const long = await refusal(app, ws.keys.READ, { filter: { field: { key: 'lastName', notIn: values(1_001) } } });
    expect(long.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['filter', 'field', 'notIn'], message: 'a list holds at most 1000 values; this one has 1001' }],
    });
    const tags = await refusal(app, ws.keys.READ, { filter: { tags: { all: values(100_000) } } });
    expect(tags.extensions?.issues?.[0]).toMatchObject({ path: ['filter', 'tags', 'all'], message: expect.stringContaining('at most 1000 values') });
    const many = await refusal(app, ws.keys.READ, {
      filter: { or: Array.from({ length: 6 }, (_, i) => ({ field: { key: 'lastName', in: values(1_000, `l${i}-`) } })) },
    });
    expect(many.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: ['filter', 'or', '5', 'field', 'in'], message: 'a filter lists at most 5000 values in all' }],
    });
    await healthy(app, ws);
  });

  it('refuses nesting past its limit, however deep, without overflowing the stack', async () => {
    const query = print(SqlLimitsContacts);
    const nested = (depth: number) => `${'{"not":'.repeat(depth)}{"field":{"key":"firstName","eq":"x"}}${'}'.repeat(depth)}`;
    const refusedAt = async (depth: number) => {
      const { status, body } = await post(app, ws.keys.READ, query, `{"filter":${nested(depth)}}`);
      return { status, error: body.errors?.[0] };
    };
    // Past the filter's own limit of 32 levels: a ValidationError naming it.
    expect((await refusedAt(40)).error?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ message: 'a filter nests at most 32 levels' }],
    });
    // Past any input's limit: refused before graphql-js reads the variables.
    for (const depth of [150, 10_000, 200_000]) {
      const { status, error } = await refusedAt(depth);
      expect(status).toBe(400);
      expect(error).toMatchObject({ message: 'The variables nest more than 100 levels deep', extensions: { code: 'VALIDATION_FAILED', limit: 100 } });
    }
    // The same filter written in the document itself.
    const literal = `{ contacts(first: 1, filter: ${'{ not: '.repeat(10_000)}{ active: true }${' }'.repeat(10_000)}) { totalCount } }`;
    const { status, body } = await post(app, ws.keys.READ, literal);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'The brackets of the document nest more than 100 levels deep',
      extensions: { code: 'VALIDATION_FAILED' },
    });
    await healthy(app, ws);
  });
});

describe('statements of the API', () => {
  it('stops a statement of a query that runs past the time limit with QUERY_TIMEOUT; a mutation has a longer one', async () => {
    const app = await startTestApp({ worker: false, apiDatabase: { statementTimeoutMs: 100 } });
    try {
      const ws = await app.createWorkspace();
      await seedSlowContacts(app, ws, 2_000);
      const started = Date.now();
      const { body } = await app.request(SqlLimitsFirstContact, { filter: slowFilter(30) }, ws.keys.READ);
      expect(body.errors?.[0]).toMatchObject({
        message: expect.stringContaining('after 100 ms'),
        path: ['contacts'],
        extensions: { code: 'QUERY_TIMEOUT', limit: 100 },
      });
      expect(Date.now() - started).toBeLessThan(5_000);
      // Cancelled, not left running (it would run 30 s): gone from pg_stat_activity within a moment.
      await waitFor(async () => (await runningNotesStatements(app)) === 0, 1_000);
      // A mutation writes in bulk: the same filter, filling a group, runs within its (much longer) limit.
      const groupId = await createGroup(app, ws.keys.WRITE, { name: 'Slow', type: 'STATIC' });
      const writing = Date.now();
      const { addContactsToGroup } = await app.data(SqlLimitsAddMembers, { input: { groupId, filter: slowFilter(10) } }, ws.keys.WRITE);
      expect(addContactsToGroup).toEqual({ __typename: 'GroupMembershipChange', count: 0 });
      expect(Date.now() - writing).toBeGreaterThan(100);
      // The same filter over a few contacts of another workspace finishes in time.
      const small = await app.createWorkspace('Small');
      await seedSlowContacts(app, small, 1);
      expect(
        (await app.data(SqlLimitsFirstContact, { filter: { field: { key: 'notes', contains: 'aaa' } } }, small.keys.READ)).contacts.edges,
      ).toHaveLength(1);
      await healthy(app, ws);
    } finally {
      await app.close();
    }
  });

  describe('with a connection share per workspace', () => {
    const app = useTestApp({ worker: false, apiDatabase: { statementTimeoutMs: 60_000, connectionsPerWorkspace: 2, waitMs: 500 } });
    let busy: TestWorkspace;
    let calm: TestWorkspace;

    beforeAll(async () => {
      busy = await app.createWorkspace('Busy');
      calm = await app.createWorkspace('Calm');
      await seedSlowContacts(app, busy, 6_000);
    });

    it('cancels the statement of a request whose client went away', async () => {
      const controller = new AbortController();
      const request = post(app, busy.keys.READ, print(SqlLimitsFirstContact), JSON.stringify({ filter: slowFilter(45) }), controller.signal).catch(
        (error: Error) => error,
      );
      await waitFor(async () => (await runningNotesStatements(app)) === 1, 10_000);
      controller.abort();
      expect(await request).toBeInstanceOf(Error);
      const freedIn = await waitFor(async () => (await runningNotesStatements(app)) === 0, 5_000);
      expect(freedIn).toBeLessThan(1_000);
      await healthy(app, busy);
    });

    it('keeps a flooding workspace to its share: another workspace answers at once, the flood gets SERVER_BUSY', async () => {
      const controller = new AbortController();
      const answers: Awaited<ReturnType<typeof post>>[] = [];
      const flood = Array.from({ length: 12 }, () =>
        post(app, busy.keys.READ, print(SqlLimitsFirstContact), JSON.stringify({ filter: slowFilter(45) }), controller.signal).then(
          (answer) => void answers.push(answer),
          (error: Error) => error,
        ),
      );
      try {
        await waitFor(async () => (await runningNotesStatements(app)) === 2, 10_000);
        const started = Date.now();
        const { contacts } = await app.data(SqlLimitsContacts, {}, calm.keys.READ);
        expect(contacts.totalCount).toBe(0);
        expect(Date.now() - started).toBeLessThan(1_500);
        // Never more than the workspace's share at once.
        expect(await runningNotesStatements(app)).toBeLessThanOrEqual(2);

        // The ten that wait longer than 500 ms for a place are answered 429 SERVER_BUSY; two still run.
        await waitFor(async () => answers.length >= 10, 10_000);
        expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(429));
        expect(answers[0]!.body.errors?.[0]).toMatchObject({ path: ['contacts'], extensions: { code: 'SERVER_BUSY', limit: 2 } });
        expect(await runningNotesStatements(app)).toBe(2);
      } finally {
        controller.abort();
        await Promise.all(flood);
      }
      await waitFor(async () => (await runningNotesStatements(app)) === 0, 5_000);
      await healthy(app, busy);
    });
  });
});
