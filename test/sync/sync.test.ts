/**
 * The integration sync end to end (number ownership, linking to existing contacts, invalid records,
 * batch size, isolation, opt-outs): one file, since every case runs on the same app and workspace
 * and reads as one story of a source's records; over 400 lines for that reason.
 */
import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { SyncRecordInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { importCsv } from '../support/imports.ts';
import { createContact } from '../support/operations.ts';

const SyncContacts = graphql(`
  mutation SyncContacts($input: SyncContactsInput!) {
    syncContacts(input: $input) {
      __typename
      ... on SyncResult {
        created
        linked
        updated
        unchanged
        superseded
        changed
        conflicts { externalId phone ownerExternalId }
        contactConflicts { externalId phone kind contactIds message }
        invalid { externalId reasons }
        records { externalId outcome contactId }
      }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const SyncState = graphql(`
  query SyncState($source: String!) {
    syncLinks(source: $source, first: 100) {
      totalCount
      edges { node { externalId phone updatedAt contact { id name firstName lastName updatedAt details { kind value isPrimary } } } }
    }
    syncConflicts(source: $source, first: 100) {
      totalCount
      edges { node { externalId phone ownerExternalId } }
    }
  }
`);

const CountContacts = graphql(`
  query SyncCountContacts {
    contacts(first: 1) { totalCount }
  }
`);

const ContactById = graphql(`
  query SyncContactById($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact { id firstName lastName name updatedAt details { kind value rawValue isPrimary } }
      ... on Error { message }
    }
  }
`);

const ContactsByName = graphql(`
  query SyncContactsByName {
    contacts(first: 10, orderBy: [{ field: "name" }]) { edges { node { id name updatedAt } } }
  }
`);

const MergeContacts = graphql(`
  mutation SyncMergeContacts($input: MergeContactsInput!) {
    mergeContacts(input: $input) { __typename ... on Contact { id } ... on Error { message } }
  }
`);

const SHARED = '+12345678901';

const app = useTestApp();

/** Each test gets a workspace of its own. */
async function freshWorkspace(): Promise<TestWorkspace> {
  return app.createWorkspace();
}

async function sync(workspace: TestWorkspace, records: SyncRecordInput[], source = 'crm', defaultCountry?: string) {
  const { syncContacts } = await app.data(SyncContacts, { input: { source, records, defaultCountry } }, workspace.keys.WRITE);
  if (syncContacts.__typename !== 'SyncResult') throw new Error(`sync refused: ${syncContacts.message}`);
  return syncContacts;
}

async function state(workspace: TestWorkspace, source = 'crm') {
  const data = await app.data(SyncState, { source }, workspace.keys.READ);
  return {
    links: data.syncLinks.edges.map((edge) => edge.node),
    conflicts: data.syncConflicts.edges.map((edge) => edge.node),
  };
}

async function contactCount(workspace: TestWorkspace): Promise<number> {
  return (await app.data(CountContacts, {}, workspace.keys.READ)).contacts.totalCount;
}

async function contact(workspace: TestWorkspace, id: string) {
  const { contact: found } = await app.data(ContactById, { id }, workspace.keys.READ);
  if (found.__typename !== 'Contact') throw new Error(found.message);
  return found;
}

describe('the seed example: two records sharing +12345678901', () => {
  it('gives the number to record 123; 321 is reported as a conflict and not synced', async () => {
    const workspace = await freshWorkspace();
    const result = await sync(workspace, [
      { externalId: '321', phone: SHARED, firstName: 'Second', lastName: 'Record', email: 'second@x.test' },
      { externalId: '123', phone: '+1 234 567 8901', firstName: 'First', lastName: 'Record', email: 'first@x.test' },
    ]);
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0, changed: true, invalid: [] });
    expect(result.conflicts).toEqual([{ externalId: '321', phone: SHARED, ownerExternalId: '123' }]);
    expect(result.records.map(({ externalId, outcome }) => [externalId, outcome])).toEqual([
      ['321', 'CONFLICT'],
      ['123', 'CREATED'],
    ]);

    const { links, conflicts } = await state(workspace);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ externalId: '123', phone: SHARED, contact: { firstName: 'First', lastName: 'Record', name: 'First Record' } });
    expect(links[0]!.contact.details).toEqual([
      { kind: 'PHONE', value: SHARED, isPrimary: true },
      { kind: 'EMAIL', value: 'first@x.test', isPrimary: true },
    ]);
    expect(conflicts).toEqual([{ externalId: '321', phone: SHARED, ownerExternalId: '123' }]);
    expect(await contactCount(workspace)).toBe(1);
  });

  it('orders ids numerically: 9 wins over 10', async () => {
    const workspace = await freshWorkspace();
    const result = await sync(workspace, [
      { externalId: '10', phone: SHARED },
      { externalId: '9', phone: SHARED },
    ]);
    expect(result.conflicts).toEqual([{ externalId: '10', phone: SHARED, ownerExternalId: '9' }]);
  });
});

describe('ownership across calls', () => {
  it('is stable: 321 synced first keeps the number when 123 arrives in a later call', async () => {
    const workspace = await freshWorkspace();
    const first = await sync(workspace, [{ externalId: '321', phone: SHARED, firstName: 'Early' }]);
    expect(first).toMatchObject({ created: 1, conflicts: [] });
    const second = await sync(workspace, [
      { externalId: '123', phone: SHARED, firstName: 'Late' },
      { externalId: '321', phone: SHARED, firstName: 'Early' },
    ]);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(second.conflicts).toEqual([{ externalId: '123', phone: SHARED, ownerExternalId: '321' }]);
    const { links, conflicts } = await state(workspace);
    expect(links.map((link) => [link.externalId, link.phone])).toEqual([['321', SHARED]]);
    expect(conflicts).toEqual([{ externalId: '123', phone: SHARED, ownerExternalId: '321' }]);
  });

  it('gives the same result for a batch split over two calls as for one call', async () => {
    const records: SyncRecordInput[] = [
      { externalId: '5', phone: '+12025550101', firstName: 'Five' },
      { externalId: '3', phone: '+12025550102', firstName: 'Three' },
      { externalId: '8', phone: '+12025550101', firstName: 'Eight' },
      { externalId: '1', phone: '+12025550102', firstName: 'One' },
      { externalId: '4', phone: '+12025550103', firstName: 'Four' },
      { externalId: '2', phone: '+12025550101', firstName: 'Two' },
    ];
    const whole = await freshWorkspace();
    await sync(whole, records);
    const split = await freshWorkspace();
    // Each call holds 3 records; the lowest id of each number is in the first call.
    await sync(split, [records[3]!, records[5]!, records[4]!]);
    const later = await sync(split, [records[0]!, records[1]!, records[2]!]);
    expect(later).toMatchObject({ created: 0, changed: true });
    expect(later.conflicts.map((conflict) => [conflict.externalId, conflict.ownerExternalId])).toEqual([
      ['5', '2'],
      ['3', '1'],
      ['8', '2'],
    ]);

    const ownersOf = async (workspace: TestWorkspace) => {
      const { links, conflicts } = await state(workspace);
      return { links: links.map((link) => [link.externalId, link.phone]), conflicts };
    };
    expect(await ownersOf(split)).toEqual(await ownersOf(whole));
    expect((await ownersOf(whole)).links).toEqual([
      ['1', '+12025550102'],
      ['2', '+12025550101'],
      ['4', '+12025550103'],
    ]);
  });
});

describe('moving numbers and concurrent pushes', () => {
  it('refuses a linked record moving to a number another record owns, and leaves its link as it was', async () => {
    const workspace = await freshWorkspace();
    await sync(workspace, [
      { externalId: '1', phone: '+12025550151', firstName: 'One' },
      { externalId: '2', phone: '+12025550152', firstName: 'Two' },
    ]);
    const moved = await sync(workspace, [{ externalId: '2', phone: '+12025550151', firstName: 'Two' }]);
    expect(moved).toMatchObject({ updated: 0, conflicts: [{ externalId: '2', phone: '+12025550151', ownerExternalId: '1' }] });
    expect(moved.records[0]).toMatchObject({ outcome: 'CONFLICT' });
    expect((await state(workspace)).links.map((link) => [link.externalId, link.phone])).toEqual([
      ['1', '+12025550151'],
      ['2', '+12025550152'],
    ]);
    // Once it is pushed with its own number again, it is synced and its conflict is cleared.
    const back = await sync(workspace, [{ externalId: '2', phone: '+12025550152', firstName: 'Two' }]);
    expect(back).toMatchObject({ unchanged: 1, changed: true, conflicts: [] });
    expect((await state(workspace)).conflicts).toEqual([]);
  });

  it('lets two linked records swap numbers in one call', async () => {
    const workspace = await freshWorkspace();
    await sync(workspace, [
      { externalId: '1', phone: '+12025550161' },
      { externalId: '2', phone: '+12025550162' },
    ]);
    const swapped = await sync(workspace, [
      { externalId: '1', phone: '+12025550162' },
      { externalId: '2', phone: '+12025550161' },
    ]);
    expect(swapped).toMatchObject({ updated: 2, conflicts: [] });
    expect((await state(workspace)).links.map((link) => [link.externalId, link.phone])).toEqual([
      ['1', '+12025550162'],
      ['2', '+12025550161'],
    ]);
  });

  it('gives a number to one record when two calls race for it', async () => {
    const workspace = await freshWorkspace();
    const results = await Promise.all([
      sync(workspace, [{ externalId: '7', phone: '+12025550171' }]),
      sync(workspace, [{ externalId: '3', phone: '+12025550171' }]),
    ]);
    expect(results.reduce((sum, result) => sum + result.created, 0)).toBe(1);
    expect(results.reduce((sum, result) => sum + result.conflicts.length, 0)).toBe(1);
    expect((await state(workspace)).links).toHaveLength(1);
  });
});

describe('idempotency and updates', () => {
  it('changes nothing when the same batch is pushed again', async () => {
    const workspace = await freshWorkspace();
    const records: SyncRecordInput[] = [
      { externalId: '1', phone: '+12025550111', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@x.test' },
      { externalId: '2', phone: '+12025550111', firstName: 'Dup' },
      { externalId: '3', email: 'only@x.test' },
    ];
    const first = await sync(workspace, records);
    expect(first).toMatchObject({ created: 2, changed: true });
    const before = await state(workspace);

    const second = await sync(workspace, records);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, changed: false });
    expect(second.conflicts).toEqual(first.conflicts);
    expect(second.records.map((record) => record.contactId)).toEqual(first.records.map((record) => record.contactId));
    expect(await state(workspace)).toEqual(before);
    expect(await contactCount(workspace)).toBe(2);
  });

  it('updates the linked contact when the record changes', async () => {
    const workspace = await freshWorkspace();
    const first = await sync(workspace, [{ externalId: 'abc', phone: '+12025550121', firstName: 'Ada', email: 'ada@x.test' }]);
    const second = await sync(workspace, [{ externalId: 'abc', phone: '+12025550122', firstName: 'Ada', lastName: 'King', email: 'ada@x.test' }]);
    expect(second).toMatchObject({ created: 0, updated: 1, changed: true });
    expect(second.records[0]!.contactId).toBe(first.records[0]!.contactId);
    const { links } = await state(workspace);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ externalId: 'abc', phone: '+12025550122', contact: { id: first.records[0]!.contactId, name: 'Ada King' } });
    expect(links[0]!.contact.details).toEqual([
      { kind: 'PHONE', value: '+12025550122', isPrimary: true },
      { kind: 'EMAIL', value: 'ada@x.test', isPrimary: true },
    ]);
    // The number given up can now be taken by another record.
    const third = await sync(workspace, [{ externalId: '1', phone: '+12025550121' }]);
    expect(third).toMatchObject({ created: 1, conflicts: [] });
  });

  it('uses the last occurrence of an externalId sent twice in one call', async () => {
    const workspace = await freshWorkspace();
    const result = await sync(workspace, [
      { externalId: '1', phone: '+12025550131', firstName: 'Old' },
      { externalId: '1', phone: '+12025550131', firstName: 'New' },
    ]);
    expect(result).toMatchObject({ created: 1, superseded: 1 });
    expect((await state(workspace)).links[0]!.contact.firstName).toBe('New');
  });
});

describe('one contact per phone number: records link to the contact that has their number', () => {
  it('links a record to a contact made by hand: no new contact, names and email filled', async () => {
    const workspace = await freshWorkspace();
    const id = await createContact(app, workspace.keys.WRITE, { details: [{ kind: 'PHONE', value: '+1 202 555 0201' }] });
    const result = await sync(
      workspace,
      [{ externalId: '42', phone: '(202) 555-0201', firstName: 'Ada', lastName: 'Lovelace', email: 'Ada@X.test' }],
      'crm',
      'US',
    );
    expect(result).toMatchObject({ created: 0, linked: 1, updated: 0, changed: true, conflicts: [], contactConflicts: [] });
    expect(result.records).toEqual([{ externalId: '42', outcome: 'LINKED', contactId: id }]);
    expect(await contactCount(workspace)).toBe(1);
    expect(await contact(workspace, id)).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      name: 'Ada Lovelace',
      details: [
        // The phone is the contact's already: kept as it was typed, not replaced.
        { kind: 'PHONE', value: '+12025550201', rawValue: '+1 202 555 0201', isPrimary: true },
        { kind: 'EMAIL', value: 'ada@x.test', isPrimary: true },
      ],
    });
    expect((await state(workspace)).links).toMatchObject([{ externalId: '42', phone: '+12025550201', contact: { id } }]);

    // Later pushes update the same contact through the link.
    const renamed = await sync(workspace, [{ externalId: '42', phone: '+12025550201', firstName: 'Augusta', email: 'ada@x.test' }]);
    expect(renamed).toMatchObject({ updated: 1, linked: 0, records: [{ outcome: 'UPDATED', contactId: id }] });
    expect(await contact(workspace, id)).toMatchObject({ firstName: 'Augusta', lastName: 'Lovelace', name: 'Augusta Lovelace' });
  });

  it('links a record to an imported contact; a blank never erases, an email it has changes nothing', async () => {
    const workspace = await freshWorkspace();
    await importCsv(app, workspace.keys.WRITE, 'First Name,Last Name,Phone,Email\nGrace,Hopper,+12025550202,grace@x.test\n', {
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
      batchTag: false,
    });
    const result = await sync(workspace, [{ externalId: '7', phone: '+12025550202', lastName: 'Murray', email: 'GRACE@x.test' }]);
    expect(result).toMatchObject({ created: 0, linked: 1, changed: true });
    const id = result.records[0]!.contactId!;
    expect(await contactCount(workspace)).toBe(1);
    expect(await contact(workspace, id)).toMatchObject({
      firstName: 'Grace',
      lastName: 'Murray',
      name: 'Grace Murray',
      details: [
        { kind: 'PHONE', value: '+12025550202', isPrimary: true },
        { kind: 'EMAIL', value: 'grace@x.test', isPrimary: true },
      ],
    });
  });

  it("links a record whose number is a contact's secondary phone and leaves its details as they are", async () => {
    const workspace = await freshWorkspace();
    const id = await createContact(app, workspace.keys.WRITE, {
      firstName: 'Old',
      details: [
        { kind: 'PHONE', value: '+12025550203' },
        { kind: 'PHONE', value: '+12025550204' },
        { kind: 'EMAIL', value: 'main@x.test' },
        { kind: 'EMAIL', value: 'other@x.test' },
      ],
    });
    const before = await contact(workspace, id);
    const result = await sync(workspace, [{ externalId: '1', phone: '+12025550204', firstName: 'New', email: 'other@x.test' }]);
    expect(result).toMatchObject({ linked: 1, created: 0, records: [{ outcome: 'LINKED', contactId: id }] });
    const after = await contact(workspace, id);
    expect(after.firstName).toBe('New');
    expect(after.details).toEqual(before.details);
    expect(after.details.map(({ value, isPrimary }) => [value, isPrimary])).toEqual([
      ['+12025550203', true],
      ['+12025550204', false],
      ['main@x.test', true],
      ['other@x.test', false],
    ]);
    // A new email replaces the primary one, as an update does.
    await sync(workspace, [{ externalId: '1', phone: '+12025550204', firstName: 'New', email: 'new@x.test' }]);
    expect(
      (await contact(workspace, id)).details.filter((detail) => detail.kind === 'EMAIL').map(({ value, isPrimary }) => [value, isPrimary]),
    ).toEqual([
      ['new@x.test', true],
      ['other@x.test', false],
    ]);
  });

  it("links a second source's record to the contact the first source made", async () => {
    const workspace = await freshWorkspace();
    const first = await sync(workspace, [{ externalId: '1', phone: SHARED, firstName: 'From', lastName: 'Hubspot' }], 'hubspot');
    const second = await sync(workspace, [{ externalId: 'sf-9', phone: '+1 234 567 8901', lastName: 'Salesforce' }], 'salesforce');
    expect(second).toMatchObject({ created: 0, linked: 1, conflicts: [] });
    const id = first.records[0]!.contactId!;
    expect(second.records[0]!.contactId).toBe(id);
    expect(await contactCount(workspace)).toBe(1);
    expect(await contact(workspace, id)).toMatchObject({
      firstName: 'From',
      lastName: 'Salesforce',
      details: [{ kind: 'PHONE', value: SHARED, isPrimary: true }],
    });
    expect((await state(workspace, 'hubspot')).links.map((link) => [link.externalId, link.contact.id])).toEqual([['1', id]]);
    expect((await state(workspace, 'salesforce')).links.map((link) => [link.externalId, link.phone, link.contact.id])).toEqual([
      ['sf-9', SHARED, id],
    ]);
  });

  it('reports a number two contacts have and writes nothing; after a merge it links', async () => {
    const workspace = await freshWorkspace();
    await importCsv(app, workspace.keys.WRITE, 'Name,Phone\nTwin One,+12025550205\nTwin Two,+1 202 555 0205\n', {
      purpose: 'ADD_ALL_DESPITE_DUPLICATES',
      batchTag: false,
    });
    const { contacts } = await app.data(ContactsByName, {}, workspace.keys.READ);
    const twins = contacts.edges.map((edge) => edge.node);
    expect(twins).toHaveLength(2);

    const records: SyncRecordInput[] = [
      { externalId: '2', phone: '+12025550205', firstName: 'Synced' },
      { externalId: '3', phone: '+12025550205', firstName: 'Later' },
    ];
    const result = await sync(workspace, records);
    expect(result).toMatchObject({ created: 0, linked: 0, updated: 0, changed: true });
    expect(result.contactConflicts).toEqual([
      {
        externalId: '2',
        phone: '+12025550205',
        kind: 'SHARED_BY_CONTACTS',
        contactIds: expect.arrayContaining(twins.map((twin) => twin.id)),
        message: '2 contacts have this phone number: merge them',
      },
    ]);
    // The lowest id still owns the number among the records of the source.
    expect(result.conflicts).toEqual([{ externalId: '3', phone: '+12025550205', ownerExternalId: '2' }]);
    expect(result.records.map((record) => [record.externalId, record.outcome, record.contactId])).toEqual([
      ['2', 'CONTACT_CONFLICT', null],
      ['3', 'CONFLICT', null],
    ]);
    expect((await state(workspace)).links).toEqual([]);
    expect(await contactCount(workspace)).toBe(2);
    for (const twin of twins) expect(await contact(workspace, twin.id)).toMatchObject({ name: twin.name, updatedAt: twin.updatedAt });

    // Pushed again unchanged, nothing more is written.
    expect(await sync(workspace, records)).toMatchObject({ changed: false, contactConflicts: [{ externalId: '2' }] });

    const { mergeContacts } = await app.data(MergeContacts, { input: { primaryId: twins[0]!.id, otherIds: [twins[1]!.id] } }, workspace.keys.WRITE);
    expect(mergeContacts).toMatchObject({ __typename: 'Contact', id: twins[0]!.id });
    const merged = await sync(workspace, records);
    expect(merged).toMatchObject({ linked: 1, contactConflicts: [], conflicts: [{ externalId: '3', ownerExternalId: '2' }] });
    expect(merged.records[0]).toEqual({ externalId: '2', outcome: 'LINKED', contactId: twins[0]!.id });
  });

  it("keeps the lowest-externalId rule among records of one source that share a contact's number", async () => {
    const workspace = await freshWorkspace();
    const id = await createContact(app, workspace.keys.WRITE, { details: [{ kind: 'PHONE', value: SHARED }] });
    const result = await sync(workspace, [
      { externalId: '10', phone: SHARED, firstName: 'Ten' },
      { externalId: '9', phone: SHARED, firstName: 'Nine' },
    ]);
    expect(result.records.map((record) => [record.externalId, record.outcome, record.contactId])).toEqual([
      ['10', 'CONFLICT', null],
      ['9', 'LINKED', id],
    ]);
    expect(result.conflicts).toEqual([{ externalId: '10', phone: SHARED, ownerExternalId: '9' }]);
    expect(await contact(workspace, id)).toMatchObject({ firstName: 'Nine' });
    expect((await state(workspace)).conflicts).toEqual([{ externalId: '10', phone: SHARED, ownerExternalId: '9' }]);
  });

  it('gives a contact to one record of a source, even through its other numbers', async () => {
    const workspace = await freshWorkspace();
    const id = await createContact(app, workspace.keys.WRITE, {
      details: [
        { kind: 'PHONE', value: '+12025550206' },
        { kind: 'PHONE', value: '+12025550207' },
        { kind: 'PHONE', value: '+12025550208' },
      ],
    });
    const first = await sync(workspace, [
      { externalId: '5', phone: '+12025550207', firstName: 'Five' },
      { externalId: '4', phone: '+12025550206', firstName: 'Four' },
    ]);
    expect(first.records.map((record) => [record.externalId, record.outcome, record.contactId])).toEqual([
      ['5', 'CONFLICT', null],
      ['4', 'LINKED', id],
    ]);
    expect(first.conflicts).toEqual([{ externalId: '5', phone: '+12025550207', ownerExternalId: '4' }]);
    // A lower id arriving later does not take the contact from the record linked to it.
    const later = await sync(workspace, [{ externalId: '1', phone: '+12025550208', firstName: 'One' }]);
    expect(later).toMatchObject({ linked: 0, created: 0, conflicts: [{ externalId: '1', phone: '+12025550208', ownerExternalId: '4' }] });
    expect(await contact(workspace, id)).toMatchObject({ firstName: 'Four' });
    expect(await contactCount(workspace)).toBe(1);
  });

  it("holds back a linked record that moves to another contact's number: link and contacts stay as they were", async () => {
    const workspace = await freshWorkspace();
    const other = await createContact(app, workspace.keys.WRITE, { firstName: 'Other', details: [{ kind: 'PHONE', value: '+12025550210' }] });
    const first = await sync(workspace, [{ externalId: '1', phone: '+12025550209', firstName: 'Mine' }]);
    const mine = first.records[0]!.contactId!;
    const before = { mine: await contact(workspace, mine), other: await contact(workspace, other), state: await state(workspace) };

    const moved = await sync(workspace, [{ externalId: '1', phone: '+12025550210', firstName: 'Moved' }]);
    expect(moved).toMatchObject({ updated: 0, linked: 0, changed: false, conflicts: [] });
    expect(moved.contactConflicts).toEqual([
      {
        externalId: '1',
        phone: '+12025550210',
        kind: 'OTHER_CONTACT',
        contactIds: [other],
        message: expect.stringMatching(/^another contact has this phone number/),
      },
    ]);
    expect(moved.records).toEqual([{ externalId: '1', outcome: 'CONTACT_CONFLICT', contactId: mine }]);
    expect(await contact(workspace, mine)).toEqual(before.mine);
    expect(await contact(workspace, other)).toEqual(before.other);
    expect(await state(workspace)).toEqual(before.state);
    // Its number stays its own: another record of the source cannot take it.
    const taker = await sync(workspace, [{ externalId: '0', phone: '+12025550209' }]);
    expect(taker.conflicts).toEqual([{ externalId: '0', phone: '+12025550209', ownerExternalId: '1' }]);
  });

  it('changes nothing when a linking push is repeated', async () => {
    const workspace = await freshWorkspace();
    const id = await createContact(app, workspace.keys.WRITE, { details: [{ kind: 'PHONE', value: '+12025550211' }] });
    const records: SyncRecordInput[] = [
      { externalId: '1', phone: '+12025550211', firstName: 'Ada', email: 'ada@x.test' },
      { externalId: '2', phone: '+12025550212', firstName: 'New' },
    ];
    expect(await sync(workspace, records)).toMatchObject({ linked: 1, created: 1, changed: true });
    const before = { linked: await contact(workspace, id), state: await state(workspace) };
    const again = await sync(workspace, records);
    expect(again).toMatchObject({ linked: 0, created: 0, updated: 0, unchanged: 2, changed: false });
    expect(again.records.map((record) => record.outcome)).toEqual(['UNCHANGED', 'UNCHANGED']);
    expect(await contact(workspace, id)).toEqual(before.linked);
    expect(await state(workspace)).toEqual(before.state);
    expect(await contactCount(workspace)).toBe(2);
  });

  it('makes one contact when several sources push a new number at the same time', async () => {
    const workspace = await freshWorkspace();
    const results = await Promise.all(
      ['hubspot', 'salesforce', 'pipedrive'].map((source) =>
        sync(workspace, [{ externalId: '1', phone: '+12025550213', firstName: source }], source),
      ),
    );
    expect(results.map((result) => result.created).sort()).toEqual([0, 0, 1]);
    expect(results.map((result) => result.linked).sort()).toEqual([0, 1, 1]);
    expect(new Set(results.map((result) => result.records[0]!.contactId)).size).toBe(1);
    expect(await contactCount(workspace)).toBe(1);
  });
});

describe('invalid records', () => {
  it('reports invalid phones and emails per record and syncs the rest', async () => {
    const workspace = await freshWorkspace();
    const result = await sync(
      workspace,
      [
        { externalId: '1', phone: '555' },
        { externalId: '2', phone: '+12025550141', email: 'not-an-email' },
        { externalId: '3', firstName: 'Nobody' },
        { externalId: '4', phone: '(202) 555-0142' },
      ],
      'crm',
      'US',
    );
    expect(result).toMatchObject({ created: 1, changed: true });
    expect(result.invalid).toEqual([
      { externalId: '1', reasons: ['phone: "555" is not a valid phone number (read as a number of US)'] },
      { externalId: '2', reasons: ['email: "not-an-email" is not a valid email address'] },
      { externalId: '3', reasons: ['a record needs a phone number or an email address'] },
    ]);
    expect((await state(workspace)).links.map((link) => [link.externalId, link.phone])).toEqual([['4', '+12025550142']]);
  });

  it('refuses an empty source and a bad default country', async () => {
    const workspace = await freshWorkspace();
    const { syncContacts } = await app.data(
      SyncContacts,
      { input: { source: '  ', records: [{ externalId: '1', phone: SHARED }], defaultCountry: 'XX' } },
      workspace.keys.WRITE,
    );
    expect(syncContacts.__typename).toBe('ValidationError');
    if (syncContacts.__typename !== 'ValidationError') return;
    expect(syncContacts.issues.map((issue) => issue.path)).toEqual([['source'], ['defaultCountry']]);
  });
});

describe('batch size', () => {
  const batch = (size: number): SyncRecordInput[] =>
    Array.from({ length: size }, (_, index) => ({
      externalId: String(index + 1),
      // 2 records per number, so half of them are conflicts.
      phone: `+1202555${String(Math.floor(index / 2)).padStart(4, '0')}`,
      firstName: 'Bulk',
      email: `bulk${index}@x.test`,
    }));

  it('refuses more than 10,000 records in one call', async () => {
    const workspace = await freshWorkspace();
    const { syncContacts } = await app.data(SyncContacts, { input: { source: 'crm', records: batch(10_001) } }, workspace.keys.WRITE);
    expect(syncContacts).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['records'] }] });
    expect(await contactCount(workspace)).toBe(0);
  });

  it('syncs 10,000 records in one call, and a second push of them changes nothing', async () => {
    const workspace = await freshWorkspace();
    const records = batch(10_000);
    const first = await sync(workspace, records);
    expect(first).toMatchObject({ created: 5000, changed: true, invalid: [] });
    expect(first.conflicts).toHaveLength(5000);
    expect(first.conflicts[0]).toEqual({ externalId: '2', phone: '+12025550000', ownerExternalId: '1' });
    expect(await contactCount(workspace)).toBe(5000);
    const second = await sync(workspace, records);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 5000, changed: false });
  });
});

describe('isolation and opt-outs', () => {
  it("keeps another workspace's sync of the same source and ids apart", async () => {
    const one = await freshWorkspace();
    const two = await freshWorkspace();
    const a = await sync(one, [{ externalId: '123', phone: SHARED, firstName: 'One' }]);
    const b = await sync(two, [
      { externalId: '321', phone: SHARED, firstName: 'Two' },
      { externalId: '123', phone: SHARED, firstName: 'Two' },
    ]);
    expect(b).toMatchObject({ created: 1, changed: true });
    expect(b.records.find((record) => record.externalId === '123')!.contactId).not.toBe(a.records[0]!.contactId);

    const first = await state(one);
    expect(first.links).toHaveLength(1);
    expect(first.links[0]!.contact).toMatchObject({ id: a.records[0]!.contactId, firstName: 'One' });
    expect(first.conflicts).toEqual([]);
    const second = await state(two);
    expect(second.links.map((link) => link.contact.firstName)).toEqual(['Two']);
    expect(second.conflicts).toEqual([{ externalId: '321', phone: SHARED, ownerExternalId: '123' }]);
    expect(await contactCount(one)).toBe(1);
  });

  it('never lifts an opt-out of a synced number', async () => {
    const workspace = await freshWorkspace();
    await app.db.pool.query(`INSERT INTO opt_outs (workspace_id, address, kind, channel, source) VALUES ($1, $2, 'PHONE', 'ALL', 'API')`, [
      workspace.id,
      SHARED,
    ]);
    await sync(workspace, [{ externalId: '1', phone: SHARED, firstName: 'Opted' }]);
    await sync(workspace, [{ externalId: '1', phone: SHARED, firstName: 'Still opted' }]);
    const { rows } = await app.db.pool.query('SELECT address, channel FROM opt_outs WHERE workspace_id = $1', [workspace.id]);
    expect(rows).toEqual([{ address: SHARED, channel: 'ALL' }]);
  });

  it('needs a WRITE key to sync', async () => {
    const workspace = await freshWorkspace();
    const { body } = await app.request(SyncContacts, { input: { source: 'crm', records: [] } }, workspace.keys.READ);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
