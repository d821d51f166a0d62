import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { importCsv } from '../support/imports.ts';
import { createContact } from '../support/operations.ts';

const Duplicates = graphql(`
  query Duplicates($first: Int, $after: String, $last: Int, $before: String, $kind: DetailKind) {
    duplicateContacts(first: $first, after: $after, last: $last, before: $before, kind: $kind) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { kind value contactCount contacts { id name details { kind value } } } }
    }
  }
`);

const app = useTestApp();
let workspace: TestWorkspace;
let other: TestWorkspace;

const add = (key: string, name: string, details: { kind: 'PHONE' | 'EMAIL'; value: string }[]) =>
  createContact(app, key, { name, country: 'US', details });

beforeAll(async () => {
  workspace = await app.createWorkspace('Duplicates');
  other = await app.createWorkspace('Elsewhere');
  const key = workspace.keys.WRITE;
  // Made by hand: the same phone written two ways, and one email with another case.
  await add(key, 'Ada One', [
    { kind: 'PHONE', value: '(202) 555-0143' },
    { kind: 'EMAIL', value: 'ada@example.com' },
  ]);
  await add(key, 'Ada Two', [{ kind: 'PHONE', value: '+1 202 555 0143' }]);
  await add(key, 'Ada Three', [{ kind: 'EMAIL', value: 'ADA@Example.com' }]);
  await add(key, 'Loner', [{ kind: 'PHONE', value: '+1 202 555 0100' }]);
  // Left by an add-all import: three rows with one number.
  await importCsv(app, key, 'Name,Phone\nBea One,+12025550177\nBea Two,+1 (202) 555-0177\nBea Three,2025550177\nCal,+12025550188\n', {
    purpose: 'ADD_ALL_DESPITE_DUPLICATES',
    defaultCountry: 'US',
    batchTag: false,
  });
  // Another workspace with the same numbers: never part of this workspace's groups.
  await add(other.keys.WRITE, 'Stranger', [{ kind: 'PHONE', value: '+12025550143' }]);
  await add(other.keys.WRITE, 'Stranger Two', [{ kind: 'PHONE', value: '+12025550188' }]);
  await add(other.keys.WRITE, 'Stranger Three', [{ kind: 'PHONE', value: '+12025550188' }]);
});

describe('duplicateContacts', () => {
  it('groups contacts by shared normalized phone or email, phones first, contacts oldest first', async () => {
    const { duplicateContacts } = await app.data(Duplicates, { first: 10 }, workspace.keys.READ);
    expect(duplicateContacts.totalCount).toBe(3);
    expect(duplicateContacts.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(
      duplicateContacts.edges.map(({ node }) => ({
        kind: node.kind,
        value: node.value,
        count: node.contactCount,
        names: node.contacts.map((c) => c.name),
      })),
    ).toEqual([
      { kind: 'PHONE', value: '+12025550143', count: 2, names: ['Ada One', 'Ada Two'] },
      // One import writes its rows at one instant: their order among themselves is the id's.
      { kind: 'PHONE', value: '+12025550177', count: 3, names: expect.arrayContaining(['Bea One', 'Bea Two', 'Bea Three']) },
      { kind: 'EMAIL', value: 'ada@example.com', count: 2, names: ['Ada One', 'Ada Three'] },
    ]);
  });

  it('pages forwards and backwards with cursors', async () => {
    const key = workspace.keys.READ;
    const first = (await app.data(Duplicates, { first: 2 }, key)).duplicateContacts;
    expect(first.edges.map((edge) => edge.node.value)).toEqual(['+12025550143', '+12025550177']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await app.data(Duplicates, { first: 2, after: first.pageInfo.endCursor }, key)).duplicateContacts;
    expect(second.edges.map((edge) => edge.node.value)).toEqual(['ada@example.com']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const back = (await app.data(Duplicates, { last: 2, before: second.pageInfo.endCursor }, key)).duplicateContacts;
    expect(back.edges.map((edge) => edge.node.value)).toEqual(['+12025550143', '+12025550177']);
    expect(back.pageInfo.hasPreviousPage).toBe(false);
    const lastOne = (await app.data(Duplicates, { last: 1 }, key)).duplicateContacts;
    expect(lastOne.edges.map((edge) => edge.node.value)).toEqual(['ada@example.com']);
  });

  it('narrows to one kind', async () => {
    const { duplicateContacts } = await app.data(Duplicates, { kind: 'EMAIL' }, workspace.keys.READ);
    expect(duplicateContacts.totalCount).toBe(1);
    expect(duplicateContacts.edges[0]!.node).toMatchObject({ kind: 'EMAIL', value: 'ada@example.com' });
  });

  it('shows a workspace only its own duplicates', async () => {
    const { duplicateContacts } = await app.data(Duplicates, { first: 10 }, other.keys.READ);
    expect(duplicateContacts.totalCount).toBe(1);
    expect(duplicateContacts.edges.map(({ node }) => [node.value, node.contacts.map((c) => c.name)])).toEqual([
      ['+12025550188', ['Stranger Two', 'Stranger Three']],
    ]);
  });

  it('refuses a cursor it did not make, and asks for a key', async () => {
    const bad = await app.request(Duplicates, { first: 2, after: 'bm9wZQ' }, workspace.keys.READ);
    expect(bad.body.errors?.[0]).toMatchObject({
      message: '"after" is not a cursor of duplicateContacts',
      extensions: { code: 'VALIDATION_FAILED', issues: [{ path: ['after'], code: 'NOT_A_CURSOR' }] },
    });
    const anonymous = await app.request(Duplicates, { first: 2 }, null);
    expect(anonymous.status).toBe(401);
  });
});
