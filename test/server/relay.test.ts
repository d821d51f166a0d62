import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { globalIdOf, uuidOf } from '../support/global-ids.ts';
import { validateCsv } from '../support/imports.ts';
import { createContact, createField, createGroup } from '../support/operations.ts';

const Refetch = graphql(`
  query RelayRefetch($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Contact { firstName details { value } groups { id name } }
      ... on Group { name type members(first: 5) { totalCount edges { node { id } } } }
      ... on Field { key label builtIn }
      ... on ImportJob { fileName status revertConflicts(first: 5) { totalCount } }
      ... on Webhook { url deliveries(first: 5) { totalCount } }
    }
  }
`);

const RefetchMany = graphql(`
  query RelayRefetchMany($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Contact { firstName }
      ... on Group { name }
    }
  }
`);

const FieldIds = graphql(`
  query RelayFieldIds {
    fields { id key }
  }
`);

const StartTextImport = graphql(`
  mutation RelayStartTextImport($input: StartContactImportInput!) {
    startContactImport(input: $input) { __typename ... on ImportJob { id fileName } ... on Error { message } }
  }
`);

const CreateWebhook = graphql(`
  mutation RelayCreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id url } } ... on Error { message } }
  }
`);

const GetContact = graphql(`
  query RelayGetContact($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact { id firstName }
      ... on NotFoundError { entity id }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const RenameContact = graphql(`
  mutation RelayRenameContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      __typename
      ... on Contact { id firstName }
      ... on NotFoundError { entity id }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const AddMembers = graphql(`
  mutation RelayAddMembers($input: GroupMembersInput!) {
    addContactsToGroup(input: $input) {
      __typename
      ... on GroupMembershipChange { count group { id } }
      ... on NotFoundError { entity id }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const DynamicGroup = graphql(`
  mutation RelayDynamicGroup($input: CreateGroupInput!) {
    createGroup(input: $input) { __typename ... on Group { id filter members { totalCount } } ... on Error { message } }
  }
`);

const Sync = graphql(`
  mutation RelaySync($input: SyncContactsInput!) {
    syncContacts(input: $input) { __typename ... on SyncResult { records { externalId contactId } } ... on Error { message } }
  }
`);

const Audience = graphql(`
  query RelayAudience($input: AudienceInput!) {
    audience(input: $input) {
      __typename
      ... on Audience {
        addresses { edges { node { address contactId } } }
        excludedRecipients(reasons: [UNKNOWN_CONTACT]) { __typename ... on AudienceExcludedRecipientConnection { edges { node { rawValue } } } }
      }
      ... on Error { message }
    }
  }
`);

const QueryFieldTypes = graphql(`
  query RelayQueryFieldTypes {
    query: __type(name: "Query") { fields { name type { name ofType { name possibleTypes { name } } } } }
    group: __type(name: "Group") { fields { name type { name } } }
    webhook: __type(name: "Webhook") { fields { name type { name ofType { name } } } }
    importJob: __type(name: "ImportJob") { fields { name type { name ofType { name } } } }
    consent: __type(name: "AddressConsent") { fields { name type { name ofType { name } } } }
    node: __type(name: "Node") { possibleTypes { name } }
    schema: __schema { types { name } }
  }
`);

describe('Relay nodes and global ids', () => {
  const app = useTestApp();
  let ws: TestWorkspace;
  let other: TestWorkspace;
  const ids = { contact: '', group: '', field: '', builtInField: '', job: '', webhook: '', foreignContact: '', foreignGroup: '' };

  beforeAll(async () => {
    ws = await app.createWorkspace('Relay');
    other = await app.createWorkspace('Relay other');
    ids.contact = await createContact(app, ws.keys.WRITE, {
      firstName: 'Ada',
      details: [
        { kind: 'PHONE', value: '+12025550143' },
        { kind: 'EMAIL', value: 'ada@example.com' },
      ],
    });
    ids.group = await createGroup(app, ws.keys.WRITE, { name: 'Pioneers', type: 'STATIC' });
    await createField(app, ws.keys.WRITE, { label: 'Shoe size', type: 'NUMBER' });
    const fields = (await app.data(FieldIds, {}, ws.keys.READ)).fields;
    ids.field = fields.find((field) => field.key === 'shoeSize')!.id;
    ids.builtInField = fields.find((field) => field.key === 'phone')!.id;
    const started = (await app.data(StartTextImport, { input: { text: 'phone\n+12025550144\n', fileName: 'relay.csv' } }, ws.keys.WRITE))
      .startContactImport;
    if (started.__typename !== 'ImportJob') throw new Error(JSON.stringify(started));
    ids.job = started.id;
    const created = (await app.data(CreateWebhook, { input: { url: 'http://127.0.0.1:9/relay' } }, ws.keys.ADMIN)).createWebhook;
    if (created.__typename !== 'CreatedWebhook') throw new Error(JSON.stringify(created));
    ids.webhook = created.webhook.id;
    ids.foreignContact = await createContact(app, other.keys.WRITE, { firstName: 'Grace', details: [{ kind: 'PHONE', value: '+12025550145' }] });
    ids.foreignGroup = await createGroup(app, other.keys.WRITE, { name: 'Others', type: 'STATIC' });
    const added = (await app.data(AddMembers, { input: { groupId: ids.group, contactIds: [ids.contact] } }, ws.keys.WRITE)).addContactsToGroup;
    expect(added).toEqual({ __typename: 'GroupMembershipChange', count: 1, group: { id: ids.group } });
  });

  it('returns opaque ids, different for each type, that are not the bare UUID', () => {
    const all = [ids.contact, ids.group, ids.field, ids.builtInField, ids.job, ids.webhook];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).not.toMatch(/^[0-9a-f-]{36}$/);
    expect(uuidOf(ids.contact)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('refetches each of the five types by node(id:), with what its fragment selects', async () => {
    const refetch = async (id: string, key = ws.keys.READ) => (await app.data(Refetch, { id }, key)).node;
    expect(await refetch(ids.contact)).toEqual({
      __typename: 'Contact',
      id: ids.contact,
      firstName: 'Ada',
      details: expect.arrayContaining([{ value: '+12025550143' }, { value: 'ada@example.com' }]),
      groups: [{ id: ids.group, name: 'Pioneers' }],
    });
    expect(await refetch(ids.group)).toEqual({
      __typename: 'Group',
      id: ids.group,
      name: 'Pioneers',
      type: 'STATIC',
      members: { totalCount: 1, edges: [{ node: { id: ids.contact } }] },
    });
    expect(await refetch(ids.field)).toEqual({ __typename: 'Field', id: ids.field, key: 'shoeSize', label: 'Shoe size', builtIn: false });
    expect(await refetch(ids.builtInField)).toEqual({
      __typename: 'Field',
      id: ids.builtInField,
      key: 'phone',
      label: expect.any(String),
      builtIn: true,
    });
    expect(await refetch(ids.job)).toEqual({
      __typename: 'ImportJob',
      id: ids.job,
      fileName: 'relay.csv',
      status: 'MAPPING',
      revertConflicts: { totalCount: 0 },
    });
    expect(await refetch(ids.webhook, ws.keys.ADMIN)).toEqual({
      __typename: 'Webhook',
      id: ids.webhook,
      url: 'http://127.0.0.1:9/relay',
      deliveries: { totalCount: 0 },
    });
    // Webhooks are for ADMIN keys, as the webhooks query is: to a READ key there is none.
    expect(await refetch(ids.webhook)).toBeNull();
  });

  it('answers nodes() in order, with null for foreign, malformed and wrong-type ids, and finds the node of a bare UUID', async () => {
    const asked = [
      ids.contact,
      ids.foreignContact,
      'abc',
      uuidOf(ids.group),
      globalIdOf('Group', uuidOf(ids.contact)),
      globalIdOf('Workspace', ws.id),
      globalIdOf('Contact', 'not-a-uuid'),
      ids.group,
      ids.foreignGroup,
      uuidOf(ids.foreignContact),
      ids.contact,
    ];
    const { nodes } = await app.data(RefetchMany, { ids: asked }, ws.keys.READ);
    expect(nodes).toEqual([
      { __typename: 'Contact', id: ids.contact, firstName: 'Ada' },
      null,
      null,
      { __typename: 'Group', id: ids.group, name: 'Pioneers' },
      null,
      null,
      null,
      { __typename: 'Group', id: ids.group, name: 'Pioneers' },
      null,
      null,
      { __typename: 'Contact', id: ids.contact, firstName: 'Ada' },
    ]);
  });

  it('takes at most 100 ids in nodes(), naming the limit', async () => {
    const { body } = await app.request(RefetchMany, { ids: Array.from({ length: 101 }, () => ids.contact) }, ws.keys.READ);
    expect(body.errors).toMatchObject([
      { message: expect.stringContaining('at most 100 ids'), extensions: { code: 'VALIDATION_FAILED', issues: [{ path: ['ids'] }] } },
    ]);
    expect((await app.data(RefetchMany, { ids: Array.from({ length: 100 }, () => ids.group) }, ws.keys.READ)).nodes).toHaveLength(100);
  });

  it("answers another workspace's global id like a missing one, in node() and in a mutation", async () => {
    expect((await app.data(Refetch, { id: ids.contact }, other.keys.READ)).node).toBeNull();
    const missing = globalIdOf('Contact', '00000000-0000-4000-8000-000000000000');
    const foreign = (await app.data(RenameContact, { input: { id: ids.foreignContact, firstName: 'Eve' } }, ws.keys.WRITE)).updateContact;
    const absent = (await app.data(RenameContact, { input: { id: missing, firstName: 'Eve' } }, ws.keys.WRITE)).updateContact;
    // NotFoundError.id gives the id back as it was sent.
    expect(foreign).toEqual({ __typename: 'NotFoundError', entity: 'Contact', id: ids.foreignContact });
    expect(absent).toEqual({ __typename: 'NotFoundError', entity: 'Contact', id: missing });
    const members = (await app.data(AddMembers, { input: { groupId: ids.group, contactIds: [ids.contact, ids.foreignContact] } }, ws.keys.WRITE))
      .addContactsToGroup;
    expect(members).toEqual({ __typename: 'NotFoundError', entity: 'Contact', id: ids.foreignContact });
    expect((await app.data(Refetch, { id: ids.foreignContact }, other.keys.READ)).node).toMatchObject({ firstName: 'Grace' });
  });

  it('refuses the global id of another type with a ValidationError naming the argument', async () => {
    const renamed = (await app.data(RenameContact, { input: { id: ids.group, firstName: 'Eve' } }, ws.keys.WRITE)).updateContact;
    expect(renamed).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'id'], message: `"${ids.group}" is the id of a group, not of a contact` }],
    });
    const added = (await app.data(AddMembers, { input: { groupId: ids.contact, contactIds: [ids.contact] } }, ws.keys.WRITE)).addContactsToGroup;
    expect(added).toEqual({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'groupId'], message: `"${ids.contact}" is the id of a contact, not of a group` }],
    });
    const malformed = (await app.data(GetContact, { id: 'abc' }, ws.keys.READ)).contact;
    expect(malformed).toEqual({ __typename: 'ValidationError', issues: [{ path: ['id'], message: '"abc" is not a valid id of a contact' }] });
  });

  it('still takes the bare UUIDs of before in inputs, and answers with global ids', async () => {
    const bare = uuidOf(ids.contact);
    expect((await app.data(GetContact, { id: bare }, ws.keys.READ)).contact).toEqual({ __typename: 'Contact', id: ids.contact, firstName: 'Ada' });
    expect((await app.data(GetContact, { id: bare.toUpperCase() }, ws.keys.READ)).contact).toMatchObject({ id: ids.contact });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await app.data(GetContact, { id: missing }, ws.keys.READ)).contact).toEqual({
      __typename: 'NotFoundError',
      entity: 'Contact',
      id: missing,
    });
    const added = (await app.data(AddMembers, { input: { groupId: uuidOf(ids.group), contactIds: [bare] } }, ws.keys.WRITE)).addContactsToGroup;
    expect(added).toEqual({ __typename: 'GroupMembershipChange', count: 0, group: { id: ids.group } });
    // How a client maps the ids it stored to global ids: nodes() finds the node of each bare UUID.
    const stored = [ids.contact, ids.job, ids.field, ids.webhook].map(uuidOf);
    const mapped = (await app.data(RefetchMany, { ids: stored }, ws.keys.ADMIN)).nodes;
    expect(mapped.map((node) => node && [node.__typename, node.id])).toEqual([
      ['Contact', ids.contact],
      ['ImportJob', ids.job],
      ['Field', ids.field],
      ['Webhook', ids.webhook],
    ]);
  });

  it('reads the contact ids of an import file as global ids or bare UUIDs', async () => {
    const second = await createContact(app, ws.keys.WRITE, { firstName: 'Bea', details: [{ kind: 'EMAIL', value: 'bea@example.com' }] });
    const csv = `Contact ID,Last Name\n${ids.contact},Lovelace\n${uuidOf(second)},Byron\n${ids.group},Nobody\n`;
    const job = await validateCsv(app, ws.keys.WRITE, csv, {
      purpose: 'UPDATE_EXISTING_ONLY',
      identifier: 'CONTACT_ID',
      columns: [
        { index: 0, fieldKey: 'contactId' },
        { index: 1, fieldKey: 'lastName' },
      ],
      batchTag: false,
    });
    expect(job.counts).toMatchObject({ toUpdate: 2, errors: 1 });
    expect(job.updatePreview.map((preview) => preview.contactId).sort()).toEqual([ids.contact, second].sort());
  });

  it("gives a dynamic group's filter back with global ids, which it takes again", async () => {
    const input = { name: 'In pioneers', type: 'DYNAMIC' as const, filter: { groups: { any: [ids.group] } } };
    const created = (await app.data(DynamicGroup, { input }, ws.keys.WRITE)).createGroup;
    expect(created).toMatchObject({ __typename: 'Group', filter: { groups: { any: [ids.group] } }, members: { totalCount: 1 } });
    if (created.__typename !== 'Group') throw new Error('not created');
    const again = (await app.data(DynamicGroup, { input: { ...input, name: 'Again', filter: created.filter as never } }, ws.keys.WRITE)).createGroup;
    expect(again).toMatchObject({ __typename: 'Group', members: { totalCount: 1 } });
  });

  it('names contacts by global id in sync results and audiences, which node() and inputs take', async () => {
    const synced = (await app.data(Sync, { input: { source: 'crm', records: [{ externalId: '1', phone: '+12025550143' }] } }, ws.keys.WRITE))
      .syncContacts;
    expect(synced).toEqual({ __typename: 'SyncResult', records: [{ externalId: '1', contactId: ids.contact }] });

    const audience = (
      await app.data(Audience, { input: { channel: 'SMS', contactIds: [ids.contact, ids.foreignContact], groupIds: [ids.group] } }, ws.keys.READ)
    ).audience;
    expect(audience).toEqual({
      __typename: 'Audience',
      addresses: { edges: [{ node: { address: '+12025550143', contactId: ids.contact } }] },
      excludedRecipients: { __typename: 'AudienceExcludedRecipientConnection', edges: [{ node: { rawValue: ids.foreignContact } }] },
    });
  });

  it('names connection types after their items, one type per item where edges are alike', async () => {
    const types = await app.data(QueryFieldTypes, {}, ws.keys.READ);
    const typeOf = (
      fields: { name: string; type: { name?: string | null; ofType?: { name?: string | null } | null } }[] | null | undefined,
      name: string,
    ) => {
      const type = fields?.find((field) => field.name === name)?.type;
      return type?.name ?? type?.ofType?.name;
    };
    const query = types.query?.fields;
    expect(typeOf(query, 'contacts')).toBe('ContactConnection');
    expect(typeOf(query, 'groups')).toBe('GroupConnection');
    expect(typeOf(query, 'optOuts')).toBe('OptOutConnection');
    expect(typeOf(query, 'duplicateContacts')).toBe('DuplicateGroupConnection');
    expect(typeOf(query, 'syncLinks')).toBe('SyncLinkConnection');
    expect(typeOf(query, 'syncConflicts')).toBe('SyncConflictConnection');
    expect(query?.find((field) => field.name === 'importJobs')?.type.ofType?.possibleTypes?.map((type) => type.name)).toContain(
      'ImportJobConnection',
    );
    expect(typeOf(types.group?.fields, 'members')).toBe('ContactConnection');
    expect(typeOf(types.webhook?.fields, 'deliveries')).toBe('WebhookDeliveryConnection');
    expect(typeOf(types.importJob?.fields, 'revertConflicts')).toBe('ImportRevertConflictConnection');
    expect(typeOf(types.consent?.fields, 'history')).toBe('ConsentEventConnection');
    expect(types.node?.possibleTypes?.map((type) => type.name).sort()).toEqual(['Contact', 'Field', 'Group', 'ImportJob', 'Webhook']);
    const names = types.schema.types.map((type) => type.name ?? '');
    expect(names).toContain('ContactEdge');
    expect(names.filter((name) => /^Query.*Connection|ConnectionEdge$/.test(name))).toEqual([]);
  });
});
