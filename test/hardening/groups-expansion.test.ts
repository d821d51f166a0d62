/**
 * Dynamic groups naming dynamic groups stay bounded: a group named many times in one list is
 * written once, each group is compiled once, and a filter that would still grow past the compiled
 * limits, or nest groups too deep, is refused when saved and answered as a filterError when it was
 * saved before the limits (never a statement that stalls the workspace's pages).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ContactFilterInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { addContactsToGroup, createContact } from '../support/operations.ts';

const ExpansionCreateGroup = graphql(`
  mutation ExpansionCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) { __typename ... on Group { id } ... on ValidationError { message issues { path message } } ... on Error { message } }
  }
`);

const ExpansionGroups = graphql(`
  query ExpansionGroups {
    groups(first: 100) { edges { node { id name activeContactCount filterError { message } members(first: 5) { totalCount } } } }
  }
`);

const ExpansionContacts = graphql(`
  query ExpansionContacts($filter: ContactFilterInput) {
    contacts(filter: $filter, first: 10) { totalCount edges { node { id groups { name } } } }
  }
`);

const app = useTestApp({ worker: false });
let ws: TestWorkspace;
let member: string;
const statics: string[] = [];
/** Every group id the API gave, to write them into a filter as the database holds them. */
const made = new Set<string>();

async function group(name: string, filter?: ContactFilterInput) {
  const { createGroup } = await app.data(ExpansionCreateGroup, { input: { name, type: filter ? 'DYNAMIC' : 'STATIC', filter } }, ws.keys.WRITE);
  return createGroup;
}

async function groupId(name: string, filter?: ContactFilterInput): Promise<string> {
  const created = await group(name, filter);
  if (created.__typename !== 'Group') throw new Error(`${name}: ${JSON.stringify(created)}`);
  made.add(created.id);
  return created.id;
}

/** A dynamic group saved before the limits: its filter written straight into the database. */
async function savedBeforeTheLimits(name: string, filter: unknown): Promise<string> {
  const id = await groupId(name, { groups: { any: [statics[0]!] } });
  // The database holds the groups a filter names by their bare UUIDs.
  const stored = JSON.stringify(filter, (_key, value) => (typeof value === 'string' && made.has(value) ? uuidOf(value) : value));
  await app.db.pool.query('UPDATE groups SET filter = $2::jsonb WHERE id = $1', [uuidOf(id), stored]);
  return id;
}

/** The groups page, every group with its count, filterError and members, and how long it took. */
async function groupsPage() {
  const started = Date.now();
  const { groups } = await app.data(ExpansionGroups, {}, ws.keys.READ);
  return { elapsed: Date.now() - started, byName: new Map(groups.edges.map(({ node }) => [node.name, node])) };
}

/** `or` of `times` separate conditions, each naming `id`: written out `times` times, as a list cannot fold them. */
const namedTimes = (id: string, times: number): ContactFilterInput => ({ or: Array.from({ length: times }, () => ({ groups: { any: [id] } })) });

beforeAll(async () => {
  ws = await app.createWorkspace();
  member = await createContact(app, ws.keys.WRITE, { firstName: 'Ina', details: [{ kind: 'EMAIL', value: 'in@example.com' }] });
  await createContact(app, ws.keys.WRITE, { firstName: 'Otto', details: [{ kind: 'EMAIL', value: 'out@example.com' }] });
  for (let index = 0; index < 10; index++) statics.push(await groupId(`S${index}`));
  await addContactsToGroup(app, ws.keys.WRITE, { groupId: statics[0]!, contactIds: [member] });
});

describe('dynamic groups of dynamic groups', () => {
  it('writes a group named many times in one list once: a chain of any-of-ten answers at once', async () => {
    let previous = statics[0]!;
    for (let level = 1; level <= 5; level++) {
      // Ten times the same group: by its global id, and by its bare UUID in any case.
      const ids = Array.from({ length: 10 }, (_, index) => (index % 2 ? uuidOf(previous).toUpperCase() : previous));
      previous = await groupId(`D${level}`, { groups: { any: ids } });
    }
    const { elapsed, byName } = await groupsPage();
    expect(byName.get('D5')).toMatchObject({ activeContactCount: 1, filterError: null, members: { totalCount: 1 } });
    expect(elapsed).toBeLessThan(3_000);
    const { contacts } = await app.data(ExpansionContacts, { filter: { groups: { all: [previous, previous] } } }, ws.keys.READ);
    expect(contacts.edges.map(({ node }) => node.id)).toEqual([member]);
    expect(contacts.edges[0]!.node.groups.map((named) => named.name)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'S0']);
  });

  it('refuses to save a filter that grows past 100 conditions once its groups are written out', async () => {
    const any = await groupId('A1', { or: statics.map((id) => ({ groups: { any: [id] } })) });
    const twice = await groupId('A2', namedTimes(any, 5));
    const refused = await group('A3', namedTimes(twice, 5));
    expect(refused).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'filter'], message: expect.stringContaining('more than 100 conditions, the most a filter may have') }],
    });
    const { byName } = await groupsPage();
    expect(byName.has('A3')).toBe(false);
    expect(byName.get('A2')).toMatchObject({ activeContactCount: 1, filterError: null });
  });

  it('answers a group saved before the limits with its filterError, and keeps every page of the workspace fast', async () => {
    const a2 = (await groupsPage()).byName.get('A2')!.id;
    const b3 = await savedBeforeTheLimits('B3', namedTimes(a2, 10));
    await savedBeforeTheLimits('B4', namedTimes(b3, 10));
    await savedBeforeTheLimits('B5', { and: Array.from({ length: 5_000 }, (_, index) => ({ tags: { any: [`t${index}`] } })) });

    const { elapsed, byName } = await groupsPage();
    expect(elapsed).toBeLessThan(3_000);
    for (const name of ['B3', 'B4']) {
      expect(byName.get(name), name).toMatchObject({
        activeContactCount: null,
        members: null,
        filterError: { message: expect.stringContaining('more than 100 conditions') },
      });
    }
    expect(byName.get('B5')).toMatchObject({ activeContactCount: null, filterError: { message: expect.stringContaining('at most 50 conditions') } });

    // The contact list shows the dynamic groups each contact is in: the broken ones match nobody.
    const started = Date.now();
    const { contacts } = await app.data(ExpansionContacts, {}, ws.keys.READ);
    expect(Date.now() - started).toBeLessThan(3_000);
    const names = contacts.edges.find(({ node }) => node.id === member)!.node.groups.map((named) => named.name);
    expect(names).toContain('A2');
    expect(names).not.toContain('B4');

    const { body } = await app.request(ExpansionContacts, { filter: { groups: { any: [b3] } } }, ws.keys.READ);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses dynamic groups nested more than 8 deep, when saved and when read', async () => {
    let previous = statics[1]!;
    for (let level = 1; level <= 8; level++) previous = await groupId(`C${level}`, { groups: { any: [previous] } });
    const refused = await group('C9', { groups: { any: [previous] } });
    expect(refused).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'filter', 'groups', 'any', '0'], message: expect.stringContaining('at most 8 deep') }],
    });
    await savedBeforeTheLimits('C9', { groups: { any: [previous] } });
    const { byName } = await groupsPage();
    expect(byName.get('C8')).toMatchObject({ activeContactCount: 0, filterError: null });
    expect(byName.get('C9')).toMatchObject({ activeContactCount: null, filterError: { message: expect.stringContaining('at most 8 deep') } });
  });
});
