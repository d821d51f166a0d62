import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { BrowsePageQuery, ContactOrderInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { addContactsToGroup, createField, createGroup } from '../support/operations.ts';

/** Seeds the contacts with their creation time, which the default order follows. */
const BrowseCreateContact = graphql(`
  mutation BrowseCreateContact($input: CreateContactInput!) {
    createContact(input: $input) { __typename ... on Contact { id createdAt } ... on Error { message } }
  }
`);

const BrowsePage = graphql(`
  query BrowsePage($search: String, $orderBy: [ContactOrderInput!], $first: Int, $after: String, $last: Int, $before: String) {
    contacts(search: $search, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id firstName lastName } }
    }
  }
`);

const BrowseFull = graphql(`
  query BrowseFull($first: Int) {
    contacts(first: $first) {
      totalCount
      edges {
        node {
          id name tags customFields
          details { kind value status openChannels }
          groups { id name type activeContactCount }
        }
      }
    }
  }
`);

const app = useTestApp({ worker: false });
let ws: TestWorkspace;

interface Seeded {
  id: string;
  lastName: string | null;
  rank: number | null;
  createdOrder: number;
  createdAt: number;
}
const seeded: Seeded[] = [];
const CONTACTS = 61;
const LAST_NAMES = ['Smith', 'Jones', 'smith', 'Évora', null];
/** Names take no digits: 0 → "aa", 1 → "ab", 26 → "ba". */
const letters = (i: number) => String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));

beforeAll(async () => {
  ws = await app.createWorkspace('Browse');
  await createField(app, ws.keys.ADMIN, { label: 'Rank', type: 'NUMBER' });
  for (let i = 0; i < CONTACTS; i++) {
    const lastName = LAST_NAMES[i % LAST_NAMES.length]!;
    const rank = i % 7 === 0 ? null : i % 4;
    const { createContact } = await app.data(
      BrowseCreateContact,
      {
        input: {
          firstName: `P${letters(i)}`,
          ...(lastName && { lastName }),
          tags: [`t${i % 3}`, 'all'],
          details: [
            { kind: 'PHONE', value: `+1202555${String(1000 + i)}` },
            { kind: 'EMAIL', value: `p${i}@example.com` },
          ],
          ...(rank !== null && { customFields: [{ key: 'rank', value: String(rank) }] }),
        },
      },
      ws.keys.WRITE,
    );
    if (createContact.__typename !== 'Contact') throw new Error(JSON.stringify(createContact));
    seeded.push({ id: createContact.id, lastName, rank, createdOrder: i, createdAt: Date.parse(createContact.createdAt) });
  }
});

/** Walks a list forward `size` at a time, checking page info on the way; returns the ids in order. */
async function walkForward(orderBy: ContactOrderInput[] | undefined, size: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const { contacts }: BrowsePageQuery = await app.data(BrowsePage, { orderBy, first: size, after }, ws.keys.READ);
    expect(contacts.totalCount).toBe(CONTACTS);
    expect(contacts.pageInfo.hasPreviousPage).toBe(after !== null);
    seen.push(...contacts.edges.map((edge) => edge.node.id));
    if (!contacts.pageInfo.hasNextPage) return seen;
    expect(contacts.edges).toHaveLength(size);
    after = contacts.pageInfo.endCursor!;
  }
}

async function walkBackward(orderBy: ContactOrderInput[] | undefined, size: number): Promise<string[]> {
  const pages: string[][] = [];
  let before: string | null = null;
  for (;;) {
    const { contacts }: BrowsePageQuery = await app.data(BrowsePage, { orderBy, last: size, before }, ws.keys.READ);
    pages.unshift(contacts.edges.map((edge) => edge.node.id));
    if (!contacts.pageInfo.hasPreviousPage) return pages.flat();
    before = contacts.pageInfo.startCursor!;
  }
}

/** The expected order: by the key with unset values last, then by the contact's UUID in the key's direction. */
function expectedOrder(value: (row: Seeded) => string | number | null, direction: 'ASC' | 'DESC'): string[] {
  const sign = direction === 'ASC' ? 1 : -1;
  return [...seeded]
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return sign * (uuidOf(a.id) < uuidOf(b.id) ? -1 : 1);
      if (x === null) return 1;
      if (y === null) return -1;
      return sign * (x < y ? -1 : 1);
    })
    .map((row) => row.id);
}

describe('sorting and keyset pagination', () => {
  it('lists newest first by default, every contact once, forward and backward', async () => {
    const forward = await walkForward(undefined, 7);
    expect(forward).toEqual(expectedOrder((row) => row.createdAt, 'DESC'));
    expect(await walkBackward(undefined, 7)).toEqual(forward);
  });

  it('walks a custom NUMBER sort with many equal and unset values, in both directions', async () => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const expected = expectedOrder((row) => row.rank, direction);
      const forward = await walkForward([{ field: 'rank', direction }], 5);
      expect(new Set(forward).size).toBe(CONTACTS);
      expect(forward).toEqual(expected);
      expect(await walkBackward([{ field: 'rank', direction }], 6)).toEqual(expected);
    }
  });

  it('sorts by text with the database collation, ties broken by id, unset last', async () => {
    const forward = await walkForward([{ field: 'lastName', direction: 'DESC' }], 4);
    expect(new Set(forward).size).toBe(CONTACTS);
    const names = forward.map((id) => seeded.find((row) => row.id === id)!.lastName);
    const unset = seeded.filter((row) => row.lastName === null).length;
    expect(names.slice(-unset)).toEqual(Array(unset).fill(null));
    expect(names.slice(0, -unset)).not.toContain(null);
    const runs = names.filter((name, index) => index === 0 || names[index - 1] !== name);
    expect(new Set(runs).size).toBe(runs.length);
    expect(await walkBackward([{ field: 'lastName', direction: 'DESC' }], 9)).toEqual(forward);
  });

  it('sorts by several keys and by the primary phone', async () => {
    const forward = await walkForward(
      [
        { field: 'rank', direction: 'ASC' },
        { field: 'phone', direction: 'DESC' },
      ],
      8,
    );
    const expected = [...seeded]
      .sort((a, b) => {
        if (a.rank !== b.rank) return a.rank === null ? 1 : b.rank === null ? -1 : a.rank - b.rank;
        return b.createdOrder - a.createdOrder; // phones grow with the creation order
      })
      .map((row) => row.id);
    expect(forward).toEqual(expected);
  });

  it('refuses a cursor of another order, a malformed cursor and an unknown sort field', async () => {
    const { contacts } = await app.data(BrowsePage, { first: 2 }, ws.keys.READ);
    const cases = [
      { orderBy: [{ field: 'rank' }], after: contacts.pageInfo.endCursor, path: ['after'], message: /another order/ },
      { orderBy: undefined, after: 'garbage', path: ['after'], message: /not a cursor/ },
      { orderBy: [{ field: 'shoeSize' }], after: null, path: ['orderBy', '0', 'field'], message: /no field has the key/ },
    ];
    for (const { orderBy, after, path, message } of cases) {
      const { body } = await app.request(BrowsePage, { orderBy, after, first: 2 }, ws.keys.READ);
      const extensions = body.errors?.[0]?.extensions as { code: string; issues: { path: string[]; message: string }[] };
      expect(extensions.code).toBe('VALIDATION_FAILED');
      expect(extensions.issues[0]!.path).toEqual(path);
      expect(extensions.issues[0]!.message).toMatch(message);
    }
  });
});

describe('search', () => {
  it.each([
    ['part of a first name, any case', 'pB', 26],
    ['part of a last name', 'MITH', 25],
    ['first and last name together', 'ab jones', 1],
    ['a phone number in international format', '+1 202-555-1004', 1],
    ['a phone number in national format', '(202) 555-1004', 1],
    ['an email address in any case', 'P4@Example.COM', 1],
    ['nothing', 'zebra', 0],
  ])('%s', async (_name, search, count) => {
    const { contacts } = await app.data(BrowsePage, { search, first: 100 }, ws.keys.READ);
    expect(contacts.totalCount).toBe(count);
    expect(contacts.edges).toHaveLength(count);
  });

  it('finds the contact the phone belongs to', async () => {
    const { contacts } = await app.data(BrowsePage, { search: '202 555 1004', first: 5 }, ws.keys.READ);
    expect(contacts.edges.map((edge) => edge.node.firstName)).toEqual(['Pae']);
  });

  it('never finds another workspace’s contacts', async () => {
    const other = await app.createWorkspace('Elsewhere');
    const { contacts } = await app.data(BrowsePage, { search: 'p4@example.com', first: 5 }, other.keys.READ);
    expect(contacts.totalCount).toBe(0);
  });
});

describe('no N+1', () => {
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

  it('a page of 100 contacts with details, statuses, tags and groups costs what a page of 5 does', async () => {
    const staticGroup = await createGroup(app, ws.keys.WRITE, { name: 'Picked', type: 'STATIC' });
    await addContactsToGroup(app, ws.keys.WRITE, { groupId: staticGroup, filter: { tags: { any: ['t1'] } } });
    await createGroup(app, ws.keys.WRITE, { name: 'Dynamic', type: 'DYNAMIC', filter: { tags: { any: ['t2'] } } });

    let small!: Awaited<ReturnType<typeof app.data<unknown, unknown>>>;
    const smallCount = await statementsDuring(async () => (small = await app.data(BrowseFull, { first: 5 }, ws.keys.READ)));
    let large!: typeof small;
    const largeCount = await statementsDuring(async () => (large = await app.data(BrowseFull, { first: 100 }, ws.keys.READ)));

    const edges = (large as { contacts: { edges: { node: { tags: string[]; details: unknown[]; groups: { name: string }[] } }[] } }).contacts.edges;
    expect(edges).toHaveLength(CONTACTS);
    expect(edges.every(({ node }) => node.details.length === 2 && node.tags.includes('all'))).toBe(true);
    expect(edges.filter(({ node }) => node.groups.some((g) => g.name === 'Picked'))).toHaveLength(20);
    expect(edges.filter(({ node }) => node.groups.some((g) => g.name === 'Dynamic'))).toHaveLength(20);
    expect((small as { contacts: { edges: unknown[] } }).contacts.edges).toHaveLength(5);
    expect(largeCount).toBe(smallCount);
    expect(largeCount).toBeLessThan(25);
  });
});
