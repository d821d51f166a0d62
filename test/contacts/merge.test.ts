import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { CreateContactInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { confirmAndWait, validateCsv } from '../support/imports.ts';
import { addContactsToGroup, createContact, createField, createGroup } from '../support/operations.ts';

const Merge = graphql(`
  mutation Merge($input: MergeContactsInput!) {
    mergeContacts(input: $input) {
      __typename
      ... on Contact {
        id
        firstName
        lastName
        name
        country
        tags
        customFields
        details { kind value isPrimary status }
      }
      ... on ValidationError { message issues { path message } }
      ... on NotFoundError { message entity id }
      ... on LimitExceededError { message limit }
    }
  }
`);

const ContactById = graphql(`
  query ContactForMerge($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact { id firstName lastName name updatedAt }
      ... on Error { message }
    }
  }
`);

const Sync = graphql(`
  mutation SyncForMerge($input: SyncContactsInput!) {
    syncContacts(input: $input) {
      __typename
      ... on SyncResult { created updated records { externalId contactId } }
      ... on Error { message }
    }
  }
`);

const DuplicateCount = graphql(`
  query DuplicateCountForMerge { duplicateContacts { totalCount } }
`);

const app = useTestApp();
let workspace: TestWorkspace;
let key: string;

beforeAll(async () => {
  workspace = await app.createWorkspace('Merging');
  key = workspace.keys.WRITE;
  await createField(app, key, { label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver'] });
  await createField(app, key, { label: 'Note', type: 'TEXT' });
});

const add = (input: CreateContactInput, as = workspace) => createContact(app, as.keys.WRITE, input);

async function merge(primaryId: string, otherIds: string[], as = key) {
  return (await app.data(Merge, { input: { primaryId, otherIds } }, as)).mergeContacts;
}

async function exists(id: string): Promise<boolean> {
  const { contact } = await app.data(ContactById, { id }, key);
  return contact.__typename === 'Contact';
}

/** A static group with the given members. */
async function staticGroup(name: string, members: string[]): Promise<string> {
  const groupId = await createGroup(app, key, { name, type: 'STATIC' });
  await addContactsToGroup(app, key, { groupId, contactIds: members });
  return groupId;
}

describe('mergeContacts', () => {
  it('moves details, tags, groups and fills empty values, the primary winning; the others are deleted', async () => {
    const primary = await add({
      firstName: 'Ada',
      tags: ['vip'],
      details: [{ kind: 'PHONE', value: '+1 202 555 0101' }],
      customFields: [{ key: 'tier', value: 'Gold' }],
    });
    const first = await add({
      lastName: 'Lovelace',
      country: 'GB',
      tags: ['newsletter', 'vip'],
      details: [
        { kind: 'PHONE', value: '+1 (202) 555-0101' },
        { kind: 'PHONE', value: '+1 (202) 555-0102' },
        { kind: 'EMAIL', value: 'ada@example.com' },
      ],
      customFields: [
        { key: 'tier', value: 'Silver' },
        { key: 'note', value: 'met at the fair' },
      ],
    });
    const second = await add({
      name: 'The Countess',
      country: 'US',
      tags: ['poet'],
      details: [
        { kind: 'EMAIL', value: 'ADA@example.com' },
        { kind: 'EMAIL', value: 'countess@example.com', primary: true },
      ],
    });
    const both = await staticGroup('Both', [primary, first]);
    const secondOnly = await staticGroup('Second only', [second]);
    await app.db.pool.query(
      `INSERT INTO opt_outs (workspace_id, address, kind, channel, source) VALUES ($1, '+12025550102', 'PHONE', 'ALL', 'API')`,
      [workspace.id],
    );
    const { updatedAt: before } = (await app.data(ContactById, { id: primary }, key)).contact as { updatedAt: string };

    const merged = await merge(primary, [first, second]);

    expect(merged).toEqual({
      __typename: 'Contact',
      id: primary,
      firstName: 'Ada',
      lastName: 'Lovelace',
      name: 'Ada Lovelace',
      country: 'GB',
      tags: ['newsletter', 'poet', 'vip'],
      customFields: { tier: 'Gold', note: 'met at the fair' },
      details: [
        { kind: 'PHONE', value: '+12025550101', isPrimary: true, status: 'ACTIVE' },
        { kind: 'PHONE', value: '+12025550102', isPrimary: false, status: 'OPTED_OUT' },
        // The primary had no email: the first one moved (from the first other, in order) leads.
        { kind: 'EMAIL', value: 'ada@example.com', isPrimary: true, status: 'ACTIVE' },
        { kind: 'EMAIL', value: 'countess@example.com', isPrimary: false, status: 'ACTIVE' },
      ],
    });
    expect(await exists(first)).toBe(false);
    expect(await exists(second)).toBe(false);
    const { contact } = await app.data(ContactById, { id: primary }, key);
    expect(new Date((contact as { updatedAt: string }).updatedAt).getTime()).toBeGreaterThan(new Date(before).getTime());

    const { rows: memberships } = await app.db.pool.query(
      'SELECT group_id, contact_id FROM group_members WHERE workspace_id = $1 AND group_id = ANY($2::uuid[]) ORDER BY group_id',
      [workspace.id, [both, secondOnly].map(uuidOf)],
    );
    expect(memberships).toHaveLength(2);
    expect(memberships.every((row) => row.contact_id === uuidOf(primary))).toBe(true);
    const { rows: optOuts } = await app.db.pool.query('SELECT address, channel FROM opt_outs WHERE workspace_id = $1', [workspace.id]);
    expect(optOuts).toEqual([{ address: '+12025550102', channel: 'ALL' }]);
    const { rows: orphans } = await app.db.pool.query(
      'SELECT count(*)::int AS n FROM contact_details WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[])',
      [workspace.id, [first, second].map(uuidOf)],
    );
    expect(orphans[0].n).toBe(0);
    expect((await app.data(DuplicateCount, {}, key)).duplicateContacts.totalCount).toBe(0);
  });

  it("keeps an external record's link: the next sync updates the primary", async () => {
    const pushed = await app.data(
      Sync,
      { input: { source: 'crm', records: [{ externalId: '1', phone: '+12025550110', firstName: 'Synced' }] } },
      key,
    );
    if (pushed.syncContacts.__typename !== 'SyncResult') throw new Error(pushed.syncContacts.message);
    const synced = pushed.syncContacts.records[0]!.contactId!;
    const byHand = await add({ firstName: 'Typed', details: [{ kind: 'PHONE', value: '+12025550110' }] });

    expect(await merge(byHand, [synced])).toMatchObject({ __typename: 'Contact', firstName: 'Typed' });

    const again = await app.data(
      Sync,
      { input: { source: 'crm', records: [{ externalId: '1', phone: '+12025550110', firstName: 'Renamed' }] } },
      key,
    );
    expect(again.syncContacts).toMatchObject({ created: 0, updated: 1, records: [{ externalId: '1', contactId: byHand }] });
    expect((await app.data(ContactById, { id: byHand }, key)).contact).toMatchObject({ firstName: 'Renamed' });
  });

  it('lets an import reviewed before the merge update the primary', async () => {
    const primary = await add({ firstName: 'Keeper', details: [{ kind: 'EMAIL', value: 'keeper@example.com' }] });
    const other = await add({ firstName: 'Merged', details: [{ kind: 'EMAIL', value: 'merged@example.com' }] });
    const job = await validateCsv(app, key, `Contact ID,Last Name\n${other},Updated\n`, {
      purpose: 'UPDATE_EXISTING_ONLY',
      identifier: 'CONTACT_ID',
      columns: [
        { index: 0, fieldKey: 'contactId' },
        { index: 1, fieldKey: 'lastName' },
      ],
      batchTag: false,
    });
    expect(job.counts.toUpdate).toBe(1);

    await merge(primary, [other]);
    await confirmAndWait(app, key, job.id);
    expect((await app.data(ContactById, { id: primary }, key)).contact).toMatchObject({
      firstName: 'Keeper',
      lastName: 'Updated',
      name: 'Keeper Updated',
    });
  });

  it('refuses the primary among the others, unknown ids, other workspaces, and too many, changing nothing', async () => {
    const primary = await add({ firstName: 'Stay', details: [{ kind: 'EMAIL', value: 'stay@example.com' }] });
    const other = await add({ firstName: 'Also', details: [{ kind: 'EMAIL', value: 'also@example.com' }] });
    const stranger = await app.createWorkspace('Strangers');
    const theirs = await add({ firstName: 'Theirs', details: [{ kind: 'EMAIL', value: 'theirs@example.com' }] }, stranger);
    const unknown = randomUUID();

    expect(await merge(primary, [other, primary])).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'otherIds', '1'], message: 'the primary contact cannot also be merged into itself' }],
    });
    expect(await merge(primary, [other, unknown])).toEqual({
      __typename: 'NotFoundError',
      entity: 'Contact',
      id: unknown,
      message: `Contact ${unknown} was not found`,
    });
    expect(await merge(primary, [theirs])).toMatchObject({ __typename: 'NotFoundError', id: theirs });
    expect(await merge(theirs, [other])).toMatchObject({ __typename: 'NotFoundError', id: theirs });
    expect(await merge(primary, [])).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'otherIds'] }] });
    expect(await merge('nope', [other])).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'primaryId'] }] });
    expect(
      await merge(
        primary,
        Array.from({ length: 101 }, () => randomUUID()),
      ),
    ).toMatchObject({ __typename: 'LimitExceededError', limit: 100 });

    const readOnly = await app.request(Merge, { input: { primaryId: primary, otherIds: [other] } }, workspace.keys.READ);
    expect(readOnly.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    expect(await exists(other)).toBe(true);
    const { rows } = await app.db.pool.query('SELECT count(*)::int AS n FROM contacts WHERE workspace_id = $1 AND id = $2', [
      stranger.id,
      uuidOf(theirs),
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('serializes two merges of the same contacts: one wins, the other finds its contact gone', async () => {
    const a = await add({ firstName: 'Left', details: [{ kind: 'EMAIL', value: 'race@example.com' }] });
    const b = await add({ firstName: 'Right', details: [{ kind: 'EMAIL', value: 'race@example.com' }] });
    const results = await Promise.all([merge(a, [b]), merge(b, [a])]);
    expect(results.map((result) => result.__typename).sort()).toEqual(['Contact', 'NotFoundError']);
    const survivor = results.find((result) => result.__typename === 'Contact') as { id: string };
    expect([await exists(a), await exists(b)]).toEqual([survivor.id === a, survivor.id === b]);
  });
});
