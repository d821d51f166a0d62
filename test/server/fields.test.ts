import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { startTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';

const Fields = graphql(`
  query Fields {
    fields { key label type options builtIn }
  }
`);

const CreateField = graphql(`
  mutation CreateField($input: CreateFieldInput!) {
    createField(input: $input) {
      __typename
      ... on Field { key label type options builtIn }
      ... on ValidationError { message issues { path message } }
      ... on LimitExceededError { message limit }
      ... on Error { message }
    }
  }
`);

const RenameField = graphql(`
  mutation RenameField($key: String!, $label: String!) {
    renameField(key: $key, label: $label) {
      __typename
      ... on Field { key label }
      ... on Error { message }
    }
  }
`);

const DeleteField = graphql(`
  mutation DeleteField($key: String!) {
    deleteField(key: $key) {
      __typename
      ... on Field { key }
      ... on Error { message }
    }
  }
`);

const ContactWithFields = graphql(`
  mutation ContactWithFields($input: CreateContactInput!) {
    createContact(input: $input) { __typename ... on Contact { id customFields } ... on Error { message } }
  }
`);

const ContactFields = graphql(`
  query ContactFields($id: ID!) {
    contact(id: $id) { __typename ... on Contact { customFields } }
  }
`);

let app: TestApp;
let workspace: TestWorkspace;
let key: string;

beforeAll(async () => {
  app = await startTestApp();
  workspace = await app.createWorkspace();
  key = workspace.keys.WRITE;
});
afterAll(() => app?.close());

describe('fields', () => {
  it('lists the built-in fields with the keys clients rely on', async () => {
    const { fields } = await app.data(Fields, {}, workspace.keys.READ);
    expect(fields.filter((field) => field.builtIn).map((field) => field.key)).toEqual([
      'firstName',
      'lastName',
      'name',
      'phone',
      'email',
      'country',
      'countryCode',
      'whatsappOptIn',
      'tags',
    ]);
  });

  it('creates custom fields of every type with a key made from the label', async () => {
    const types = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DATETIME', 'URL', 'EMAIL', 'PHONE'] as const;
    for (const type of types) {
      const { createField } = await app.data(CreateField, { input: { label: `My ${type.toLowerCase()} value`, type } }, key);
      expect(createField).toMatchObject({ __typename: 'Field', type, builtIn: false, options: [] });
    }
    const select = await app.data(CreateField, { input: { label: 'Customer tier', type: 'SELECT', options: [' Gold ', 'Silver'] } }, key);
    expect(select.createField).toMatchObject({ key: 'customerTier', label: 'Customer tier', options: ['Gold', 'Silver'] });
    const multi = await app.data(CreateField, { input: { label: 'Interests', type: 'MULTI_SELECT', options: ['Sport', 'Music'] } }, key);
    expect(multi.createField).toMatchObject({ key: 'interests', type: 'MULTI_SELECT' });

    const { fields } = await app.data(Fields, {}, key);
    expect(fields.filter((field) => !field.builtIn)).toHaveLength(types.length + 2);
  });

  it('refuses a duplicate label, a built-in key, bad options and a blank label', async () => {
    const duplicate = await app.data(CreateField, { input: { label: 'customer TIER', type: 'TEXT' } }, key);
    expect(duplicate.createField).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('Customer tier') });
    const builtIn = await app.data(CreateField, { input: { label: 'First Name', type: 'TEXT' } }, key);
    expect(builtIn.createField).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('built-in') });
    const contactId = await app.data(CreateField, { input: { label: 'Contact ID', type: 'TEXT' } }, key);
    expect(contactId.createField).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('contactId') });
    const noOptions = await app.data(CreateField, { input: { label: 'Size', type: 'SELECT', options: [] } }, key);
    expect(noOptions.createField).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['options'] }] });
    const repeated = await app.data(CreateField, { input: { label: 'Size', type: 'SELECT', options: ['S', 's'] } }, key);
    expect(repeated.createField).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['options', '1'] }] });
    const optionsOnText = await app.data(CreateField, { input: { label: 'Notes', type: 'TEXT', options: ['x'] } }, key);
    expect(optionsOnText.createField).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['options'] }] });
    const blank = await app.data(CreateField, { input: { label: '   ', type: 'TEXT' } }, key);
    expect(blank.createField).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['label'] }] });
  });

  it('enforces the workspace limit on custom fields', async () => {
    const other = await app.createWorkspace('Small');
    await app.db.prisma.workspace.update({ where: { id: other.id }, data: { customFieldLimit: 2 } });
    for (const label of ['One', 'Two']) {
      expect((await app.data(CreateField, { input: { label, type: 'TEXT' } }, other.keys.WRITE)).createField.__typename).toBe('Field');
    }
    const third = await app.data(CreateField, { input: { label: 'Three', type: 'TEXT' } }, other.keys.WRITE);
    expect(third.createField).toMatchObject({ __typename: 'LimitExceededError', limit: 2 });
  });

  it('renames a field keeping its key, and refuses to rename built-in or unknown fields', async () => {
    const { renameField } = await app.data(RenameField, { key: 'customerTier', label: 'Loyalty tier' }, key);
    expect(renameField).toEqual({ __typename: 'Field', key: 'customerTier', label: 'Loyalty tier' });
    expect((await app.data(RenameField, { key: 'firstName', label: 'Given' }, key)).renameField.__typename).toBe('ValidationError');
    expect((await app.data(RenameField, { key: 'nothing', label: 'X' }, key)).renameField.__typename).toBe('NotFoundError');
  });

  it('deletes a field and the values contacts had for it', async () => {
    const { createContact } = await app.data(
      ContactWithFields,
      {
        input: {
          details: [{ kind: 'EMAIL', value: 'fields@example.com' }],
          customFields: [
            { key: 'interests', value: 'music; SPORT' },
            { key: 'customerTier', value: 'silver' },
          ],
        },
      },
      key,
    );
    if (createContact.__typename !== 'Contact') throw new Error(createContact.message);
    expect(createContact.customFields).toEqual({ interests: ['Music', 'Sport'], customerTier: 'Silver' });

    expect((await app.data(DeleteField, { key: 'interests' }, key)).deleteField).toEqual({ __typename: 'Field', key: 'interests' });
    const { contact } = await app.data(ContactFields, { id: createContact.id }, key);
    expect(contact).toEqual({ __typename: 'Contact', customFields: { customerTier: 'Silver' } });
    expect((await app.data(DeleteField, { key: 'interests' }, key)).deleteField.__typename).toBe('NotFoundError');
  });
});
