import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { createField } from '../support/operations.ts';

const CreateContact = graphql(`
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on Contact {
        id
        firstName
        lastName
        name
        country
        tags
        customFields
        details { id kind value rawValue label isPrimary status }
      }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const GetContact = graphql(`
  query GetContact($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact { id name firstName lastName country tags customFields details { id kind value isPrimary status } }
      ... on Error { message }
    }
  }
`);

const ListContacts = graphql(`
  query ListContacts($first: Int, $after: String) {
    contacts(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name tags details { kind value } } }
    }
  }
`);

const UpdateContact = graphql(`
  mutation UpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      __typename
      ... on Contact { id firstName lastName name country tags customFields }
      ... on ValidationError { issues { path message } }
      ... on NotFoundError { entity id }
    }
  }
`);

const DeleteContact = graphql(`
  mutation DeleteContact($id: ID!) {
    deleteContact(id: $id) {
      __typename
      ... on DeletedContact { id }
      ... on Error { message }
    }
  }
`);

const AddDetail = graphql(`
  mutation AddDetail($contactId: ID!, $input: ContactDetailInput!) {
    addContactDetail(contactId: $contactId, input: $input) {
      __typename
      ... on ContactDetail { id kind value isPrimary }
      ... on Error { message }
    }
  }
`);

const UpdateDetail = graphql(`
  mutation UpdateDetail($input: UpdateContactDetailInput!) {
    updateContactDetail(input: $input) {
      __typename
      ... on ContactDetail { id value rawValue label isPrimary }
      ... on Error { message }
    }
  }
`);

const RemoveDetail = graphql(`
  mutation RemoveDetail($id: ID!) {
    removeContactDetail(id: $id) {
      __typename
      ... on ContactDetail { id }
      ... on Error { message }
    }
  }
`);

const app = useTestApp();
let workspace: TestWorkspace;
let key: string;

beforeAll(async () => {
  workspace = await app.createWorkspace();
  key = workspace.keys.WRITE;
});

async function create(input: Parameters<typeof app.data<unknown, { input: unknown }>>[1]['input']) {
  const { createContact } = await app.data(CreateContact, { input: input as never }, key);
  return createContact;
}

async function countRows(table: string): Promise<number> {
  const { rows } = await app.db.pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`, [workspace.id]);
  return rows[0].n;
}

describe('createContact', () => {
  it('normalizes phone and email and derives the full name', async () => {
    const contact = await create({
      firstName: 'José',
      lastName: "O'Brien",
      country: 'us',
      tags: ['vip', 'vip', 'newsletter'],
      details: [
        { kind: 'PHONE', value: '(202) 555-0143', label: 'mobile' },
        { kind: 'EMAIL', value: '  Jose.OBrien@Example.COM ' },
      ],
    });
    expect(contact.__typename).toBe('Contact');
    if (contact.__typename !== 'Contact') return;
    expect(contact).toMatchObject({ firstName: 'José', lastName: "O'Brien", name: "José O'Brien", country: 'US', tags: ['newsletter', 'vip'] });
    expect(contact.details).toEqual([
      expect.objectContaining({
        kind: 'PHONE',
        value: '+12025550143',
        rawValue: '(202) 555-0143',
        label: 'mobile',
        isPrimary: true,
        status: 'ACTIVE',
      }),
      expect.objectContaining({ kind: 'EMAIL', value: 'jose.obrien@example.com', isPrimary: true, status: 'ACTIVE' }),
    ]);
  });

  it('accepts names in any script with marks, apostrophes, hyphens and periods', async () => {
    for (const name of ['Jean-Luc', '李雷', 'Nguyễn Văn A', 'J. R. R. Tolkien']) {
      const contact = await create({
        name,
        details: [{ kind: 'EMAIL', value: `${encodeURIComponent(name).slice(0, 20).replace(/%/g, '')}@example.com` }],
      });
      expect(contact).toMatchObject({ __typename: 'Contact', name });
    }
  });

  it('refuses a contact without a valid phone or email, naming every problem, and writes nothing', async () => {
    const before = await countRows('contacts');
    const result = await create({
      firstName: 'R2D2',
      details: [
        { kind: 'PHONE', value: '555' },
        { kind: 'EMAIL', value: 'not-an-email' },
      ],
    });
    expect(result.__typename).toBe('ValidationError');
    if (result.__typename !== 'ValidationError') return;
    expect(result.issues.map((issue) => issue.path.join('.'))).toEqual(['firstName', 'details.0.value', 'details.1.value']);
    expect(result.issues[0]!.message).toContain('R2D2');
    expect(result.issues[1]!.message).toContain('555');
    expect(result.issues[2]!.message).toContain('not-an-email');

    const none = await create({ firstName: 'Ada', details: [] });
    expect(none).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['details'] }] });
    expect(await countRows('contacts')).toBe(before);
  });

  it('reads a national number with the contact country, and refuses it without one', async () => {
    const gb = await create({ country: 'GB', details: [{ kind: 'PHONE', value: '020 7946 0018' }] });
    expect(gb).toMatchObject({ __typename: 'Contact', details: [{ value: '+442079460018' }] });
    const unknown = await create({ details: [{ kind: 'PHONE', value: '020 7946 0018' }] });
    expect(unknown).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['details', '0', 'value'] }] });
  });

  it('refuses the same address twice and two primaries of a kind', async () => {
    const twice = await create({
      details: [
        { kind: 'PHONE', value: '+1 202 555 0143' },
        { kind: 'PHONE', value: '(202) 555-0143' },
      ],
      country: 'US',
    });
    expect(twice).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['details', '1', 'value'] }] });
    const primaries = await create({
      details: [
        { kind: 'EMAIL', value: 'a@example.com', primary: true },
        { kind: 'EMAIL', value: 'b@example.com', primary: true },
      ],
    });
    expect(primaries).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['details'] }] });
  });

  it('checks custom field values against the field type and stores them typed', async () => {
    await createField(app, key, { label: 'Birthday', type: 'DATE' });
    await createField(app, key, { label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver'] });
    await createField(app, key, { label: 'Lifetime value', type: 'NUMBER' });
    const good = await create({
      details: [{ kind: 'EMAIL', value: 'typed@example.com' }],
      customFields: [
        { key: 'birthday', value: '1990-02-28' },
        { key: 'tier', value: 'gold' },
        { key: 'lifetimeValue', value: '1234.5' },
      ],
    });
    expect(good).toMatchObject({ __typename: 'Contact', customFields: { birthday: '1990-02-28', tier: 'Gold', lifetimeValue: 1234.5 } });

    const bad = await create({
      details: [{ kind: 'EMAIL', value: 'typed2@example.com' }],
      customFields: [
        { key: 'birthday', value: '1990-02-30' },
        { key: 'tier', value: 'Bronze' },
        { key: 'nope', value: 'x' },
      ],
    });
    expect(bad.__typename).toBe('ValidationError');
    if (bad.__typename !== 'ValidationError') return;
    expect(bad.issues.map((issue) => issue.path.join('.'))).toEqual(['customFields.0.value', 'customFields.1.value', 'customFields.2.key']);
    expect(bad.issues[0]!.message).toMatch(/Birthday.*1990-02-30/);
    expect(bad.issues[1]!.message).toMatch(/Tier.*Bronze/);
  });
});

describe('reading contacts', () => {
  it('reads one contact by id', async () => {
    const created = await create({ firstName: 'Grace', lastName: 'Hopper', details: [{ kind: 'EMAIL', value: 'grace@example.com' }] });
    if (created.__typename !== 'Contact') throw new Error('not created');
    const { contact } = await app.data(GetContact, { id: created.id }, workspace.keys.READ);
    expect(contact).toMatchObject({
      __typename: 'Contact',
      id: created.id,
      name: 'Grace Hopper',
      details: [{ kind: 'EMAIL', value: 'grace@example.com' }],
    });
  });

  it('names a malformed id and an unknown id as typed errors', async () => {
    const malformed = await app.data(GetContact, { id: 'abc' }, key);
    expect(malformed.contact).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('"abc" is not a valid id') });
    const unknown = await app.data(GetContact, { id: '00000000-0000-4000-8000-000000000000' }, key);
    expect(unknown.contact).toMatchObject({ __typename: 'NotFoundError', message: 'Contact 00000000-0000-4000-8000-000000000000 was not found' });
  });

  it('pages through the list with cursors and counts them all', async () => {
    const total = await countRows('contacts');
    const seen = new Set<string>();
    let after: string | null | undefined;
    for (;;) {
      const { contacts } = await app.data(ListContacts, { first: 3, after }, key);
      expect(contacts.totalCount).toBe(total);
      for (const edge of contacts.edges) seen.add(edge.node.id);
      if (!contacts.pageInfo.hasNextPage) break;
      after = contacts.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
  });
});

describe('updateContact', () => {
  it('changes names (recomputing the full name), country, tags and custom fields; null clears', async () => {
    const created = await create({
      firstName: 'Alan',
      lastName: 'Turing',
      tags: ['a', 'b'],
      details: [{ kind: 'EMAIL', value: 'alan@example.com' }],
    });
    if (created.__typename !== 'Contact') throw new Error('not created');
    const { updateContact } = await app.data(
      UpdateContact,
      { input: { id: created.id, firstName: 'Alan M.', country: 'GB', tags: ['b', 'c'], customFields: [{ key: 'tier', value: 'SILVER' }] } },
      key,
    );
    expect(updateContact).toMatchObject({ name: 'Alan M. Turing', country: 'GB', tags: ['b', 'c'], customFields: { tier: 'Silver' } });

    const cleared = await app.data(UpdateContact, { input: { id: created.id, lastName: null, customFields: [{ key: 'tier', value: null }] } }, key);
    expect(cleared.updateContact).toMatchObject({ lastName: null, name: 'Alan M.', customFields: {} });

    const whole = await app.data(UpdateContact, { input: { id: created.id, name: 'Prof. Turing' } }, key);
    expect(whole.updateContact).toMatchObject({ firstName: 'Alan M.', name: 'Prof. Turing' });
  });

  it('refuses bad values without changing anything', async () => {
    const created = await create({ firstName: 'Keep', details: [{ kind: 'EMAIL', value: 'keep@example.com' }] });
    if (created.__typename !== 'Contact') throw new Error('not created');
    const { updateContact } = await app.data(UpdateContact, { input: { id: created.id, firstName: 'K3ep', country: 'XX', tags: ['ok'] } }, key);
    expect(updateContact).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['firstName'] }, { path: ['country'] }] });
    const { contact } = await app.data(GetContact, { id: created.id }, key);
    expect(contact).toMatchObject({ firstName: 'Keep', country: null, tags: [] });
  });

  it('says which contact does not exist', async () => {
    const { updateContact } = await app.data(UpdateContact, { input: { id: '00000000-0000-4000-8000-000000000001', firstName: 'X' } }, key);
    expect(updateContact).toMatchObject({ __typename: 'NotFoundError', entity: 'Contact' });
  });
});

describe('contact details', () => {
  it('adds, edits, re-primaries and removes details; the last one stays', async () => {
    const created = await create({ country: 'US', details: [{ kind: 'PHONE', value: '202-555-0100' }] });
    if (created.__typename !== 'Contact') throw new Error('not created');
    const first = created.details[0]!;

    const added = await app.data(AddDetail, { contactId: created.id, input: { kind: 'PHONE', value: '+1 202 555 0101', primary: true } }, key);
    expect(added.addContactDetail).toMatchObject({ __typename: 'ContactDetail', value: '+12025550101', isPrimary: true });
    const duplicate = await app.data(AddDetail, { contactId: created.id, input: { kind: 'PHONE', value: '(202) 555-0101' } }, key);
    expect(duplicate.addContactDetail).toMatchObject({ __typename: 'ValidationError' });

    const edited = await app.data(UpdateDetail, { input: { id: first.id, value: '(202) 555-0199', label: 'work', primary: true } }, key);
    expect(edited.updateContactDetail).toMatchObject({ value: '+12025550199', rawValue: '(202) 555-0199', label: 'work', isPrimary: true });
    const invalid = await app.data(UpdateDetail, { input: { id: first.id, value: '12' } }, key);
    expect(invalid.updateContactDetail).toMatchObject({ __typename: 'ValidationError', message: expect.stringContaining('"12"') });

    const { contact } = await app.data(GetContact, { id: created.id }, key);
    if (contact.__typename !== 'Contact') throw new Error('gone');
    expect(contact.details.filter((detail) => detail.isPrimary).map((detail) => detail.value)).toEqual(['+12025550199']);

    if (added.addContactDetail.__typename !== 'ContactDetail') throw new Error('not added');
    const removed = await app.data(RemoveDetail, { id: first.id }, key);
    expect(removed.removeContactDetail).toMatchObject({ __typename: 'ContactDetail', id: first.id });
    const last = await app.data(RemoveDetail, { id: added.addContactDetail.id }, key);
    expect(last.removeContactDetail).toMatchObject({ __typename: 'ValidationError' });
    const after = await app.data(GetContact, { id: created.id }, key);
    expect(after.contact).toMatchObject({ details: [{ value: '+12025550101', isPrimary: true }] });
  });
});

describe('deleteContact', () => {
  it('deletes the contact with its details and tags', async () => {
    const created = await create({ tags: ['gone'], details: [{ kind: 'EMAIL', value: 'gone@example.com' }] });
    if (created.__typename !== 'Contact') throw new Error('not created');
    const { deleteContact } = await app.data(DeleteContact, { id: created.id }, key);
    expect(deleteContact).toEqual({ __typename: 'DeletedContact', id: created.id });
    const { rows } = await app.db.pool.query('SELECT count(*)::int AS n FROM contact_details WHERE workspace_id = $1 AND contact_id = $2', [
      workspace.id,
      uuidOf(created.id),
    ]);
    expect(rows[0].n).toBe(0);
    const again = await app.data(DeleteContact, { id: created.id }, key);
    expect(again.deleteContact).toMatchObject({ __typename: 'NotFoundError' });
  });
});
