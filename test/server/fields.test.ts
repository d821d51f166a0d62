import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { ContactFilterInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { SetMapping, StartImport } from '../support/imports.ts';
import { createGroup } from '../support/operations.ts';

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
      ... on ValidationError { issues { path message } }
      ... on Error { message }
    }
  }
`);

const DeleteField = graphql(`
  mutation DeleteField($key: String!) {
    deleteField(key: $key) {
      __typename
      ... on Field { key }
      ... on ValidationError { issues { path message } }
      ... on Error { message }
    }
  }
`);

const FieldsDeleteGroup = graphql(`
  mutation FieldsDeleteGroup($id: ID!) {
    deleteGroup(id: $id) { __typename ... on Error { message } }
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

const app = useTestApp();
let workspace: TestWorkspace;
let key: string;

beforeAll(async () => {
  workspace = await app.createWorkspace();
  key = workspace.keys.WRITE;
});

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
      'groups',
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

  it('enforces the workspace limit on custom fields, saying the count, the limit and the ways out', async () => {
    const other = await app.createWorkspace('Small');
    await app.db.prisma.workspace.update({ where: { id: other.id }, data: { customFieldLimit: 2 } });
    for (const label of ['One', 'Two']) {
      expect((await app.data(CreateField, { input: { label, type: 'TEXT' } }, other.keys.WRITE)).createField.__typename).toBe('Field');
    }
    const third = await app.data(CreateField, { input: { label: 'Three', type: 'TEXT' } }, other.keys.WRITE);
    expect(third.createField).toEqual({
      __typename: 'LimitExceededError',
      limit: 2,
      message: 'The workspace has 2 custom fields and its limit is 2: delete a field or raise the limit',
    });

    // A limit set below the count before it was refused (workspaces.ts refuses it now) still reads right.
    await app.db.prisma.workspace.update({ where: { id: other.id }, data: { customFieldLimit: 1 } });
    const over = await app.data(CreateField, { input: { label: 'Three', type: 'TEXT' } }, other.keys.WRITE);
    expect(over.createField).toMatchObject({
      limit: 1,
      message: 'The workspace has 2 custom fields and its limit is 1: delete a field or raise the limit',
    });
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

describe('labels that read like another field', () => {
  let own: TestWorkspace;
  beforeAll(async () => {
    own = await app.createWorkspace('Look-alikes');
    for (const label of ['Favourite colour', '生日']) {
      expect((await app.data(CreateField, { input: { label, type: 'TEXT' } }, own.keys.WRITE)).createField.__typename).toBe('Field');
    }
  });

  it("refuses a label equal to a built-in field's label or key, or an export column, ignoring case, spaces and punctuation", async () => {
    const cases: [string, string][] = [
      ['Phone Number', 'the built-in field "Phone number" (key phone)'],
      ['phone-number', 'the built-in field "Phone number" (key phone)'],
      ['PHONE NUMBER!', 'the built-in field "Phone number" (key phone)'],
      ['Created at', 'the built-in column "Created at"'],
      ['updated_at', 'the built-in column "Updated at"'],
    ];
    for (const [label, clash] of cases) {
      const { createField } = await app.data(CreateField, { input: { label, type: 'TEXT' } }, own.keys.WRITE);
      expect(createField, label).toMatchObject({
        __typename: 'ValidationError',
        issues: [{ path: ['label'], message: expect.stringContaining(`"${label}" reads like ${clash}`) }],
      });
    }
    const { fields } = await app.data(Fields, {}, own.keys.READ);
    expect(fields.filter((field) => !field.builtIn).map((field) => field.label)).toEqual(['Favourite colour', '生日']);
  });

  it("refuses a label that reads like another custom field's even where the keys would differ", async () => {
    const { createField } = await app.data(CreateField, { input: { label: '生 日', type: 'TEXT' } }, own.keys.WRITE);
    expect(createField).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['label'], message: expect.stringContaining('reads like the custom field "生日"') }],
    });
  });

  it('applies the same rule to a rename, and lets a field keep its own label in another case', async () => {
    const builtIn = await app.data(RenameField, { key: 'favouriteColour', label: 'Phone Number' }, own.keys.WRITE);
    expect(builtIn.renameField).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['label'], message: expect.stringContaining('"Phone number"') }],
    });
    const custom = await app.data(RenameField, { key: 'favouriteColour', label: '生-日' }, own.keys.WRITE);
    expect(custom.renameField).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['label'], message: expect.stringContaining('"生日"') }],
    });
    const recased = await app.data(RenameField, { key: 'favouriteColour', label: 'Favourite Colour' }, own.keys.WRITE);
    expect(recased.renameField).toEqual({ __typename: 'Field', key: 'favouriteColour', label: 'Favourite Colour' });
  });

  it('applies the same rule to a new field made by an import mapping', async () => {
    const { startContactImport: job } = await app.data(
      StartImport,
      { input: { text: 'Email,Phone Number\nada@example.com,+12025550143\n' } },
      own.keys.WRITE,
    );
    if (job.__typename !== 'ImportJob') throw new Error(job.message);
    const { setContactImportMapping } = await app.data(
      SetMapping,
      {
        input: {
          jobId: job.id,
          columns: [
            { index: 0, fieldKey: 'email' },
            { index: 1, newField: { label: 'Phone Number', type: 'TEXT' } },
          ],
          purpose: 'ADD_NEW_ONLY',
          identifier: 'EMAIL',
        },
      },
      own.keys.WRITE,
    );
    expect(setContactImportMapping).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        {
          path: ['columns', '1', 'newField', 'label'],
          message: expect.stringContaining('"Phone Number" reads like the built-in field "Phone number"'),
        },
      ],
    });
  });
});

describe('deleting a field a saved filter uses', () => {
  it('is refused naming the groups; once they no longer use it, the field goes', async () => {
    const own = await app.createWorkspace('Filtered');
    expect((await app.data(CreateField, { input: { label: 'Rank', type: 'NUMBER' } }, own.keys.WRITE)).createField.__typename).toBe('Field');
    const ids: string[] = [];
    const groups: [string, ContactFilterInput][] = [
      ['Top ranks', { field: { key: 'rank', gte: 5 } }],
      ['Ranked VIPs', { and: [{ tags: { any: ['vip'] } }, { not: { field: { key: 'rank', isNotSet: true } } }] }],
      ['VIPs', { tags: { any: ['vip'] } }],
    ];
    for (const [name, filter] of groups) ids.push(await createGroup(app, own.keys.WRITE, { name, type: 'DYNAMIC', filter }));

    const refused = await app.data(DeleteField, { key: 'rank' }, own.keys.WRITE);
    expect(refused.deleteField).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        {
          path: ['key'],
          message:
            'the field "Rank" (key rank) is used by the filter of the groups "Ranked VIPs", "Top ranks": change their filters or delete them first',
        },
      ],
    });
    expect((await app.data(Fields, {}, own.keys.READ)).fields.map((field) => field.key)).toContain('rank');

    for (const id of ids.slice(0, 2)) expect((await app.data(FieldsDeleteGroup, { id }, own.keys.WRITE)).deleteGroup.__typename).toBe('DeletedGroup');
    expect((await app.data(DeleteField, { key: 'rank' }, own.keys.WRITE)).deleteField).toEqual({ __typename: 'Field', key: 'rank' });
  });
});
