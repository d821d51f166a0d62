import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { CreateContactInput, CreateFieldInput } from '../generated/graphql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { parseAnyLineEnd } from '../support/csv.ts';
import { confirmAndWait, SetMapping, uploadCsv, waitWhile } from '../support/imports.ts';
import { addContactsToGroup, createContact, createField, createGroup } from '../support/operations.ts';

// The workspace's own export, imported back as it is, changes nothing: every row matches its
// contact, no update preview lists a change, and every contact reads back as it was.

const Export = graphql(`
  query RoundTripExport($input: ContactExportInput!) {
    contactExport(input: $input) {
      __typename
      ... on ContactExport { url columns { key header } }
      ... on Error { message }
    }
  }
`);

const Contacts = graphql(`
  query RoundTripContacts {
    contacts(first: 100) {
      totalCount
      edges {
        node {
          id
          firstName
          lastName
          name
          country
          tags
          customFields
          groups { name }
          details { id kind value rawValue label isPrimary status }
        }
      }
    }
  }
`);

const FIELDS: CreateFieldInput[] = [
  { label: 'Bio', type: 'TEXT' },
  { label: 'Score', type: 'NUMBER' },
  { label: 'Member', type: 'BOOLEAN' },
  { label: 'Birthday', type: 'DATE' },
  { label: 'Last seen', type: 'DATETIME' },
  { label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver', 'Bronze, plated'] },
  { label: 'Colours', type: 'MULTI_SELECT', options: ['Red', 'Blue', 'Sea "green"'] },
  { label: 'Website', type: 'URL' },
  { label: 'Work email', type: 'EMAIL' },
  { label: 'Office phone', type: 'PHONE' },
];

const CONTACTS: CreateContactInput[] = [
  {
    firstName: 'José',
    lastName: 'Ñúñez',
    country: 'US',
    tags: ['vip', 'Smith, Jones', 'a;b', 'say "hi"'],
    details: [
      { kind: 'PHONE', value: '+1 202 555 0101', label: 'mobile' },
      { kind: 'PHONE', value: '(202) 555-0111', label: 'work, desk' },
      { kind: 'EMAIL', value: 'Jose@Example.com' },
      { kind: 'EMAIL', value: 'jose.work@example.com', label: 'work' },
    ],
    customFields: [
      { key: 'bio', value: 'Delivery note:\nleave it at the back door, "please"' },
      { key: 'score', value: '10.5' },
      { key: 'member', value: 'yes' },
      { key: 'birthday', value: '1990-02-28' },
      { key: 'lastSeen', value: '2022-10-31T19:30:00.123+05:30' },
      { key: 'tier', value: 'bronze, PLATED' },
      { key: 'colours', value: 'Red, "Sea ""green"""' },
      { key: 'website', value: 'https://Example.com/a?b=1,2&c="x"' },
      { key: 'workEmail', value: 'Jose.Work@Example.com' },
      { key: 'officePhone', value: '+44 20 7946 0958' },
    ],
  },
  {
    firstName: 'Zoë',
    lastName: "O'Brien",
    tags: ['"quoted"', 'x, y; z', 'line,'],
    details: [
      { kind: 'PHONE', value: '+1 202 555 0112' },
      { kind: 'PHONE', value: '+1 202 555 0102', primary: true },
      { kind: 'EMAIL', value: 'zoe.home@example.com' },
      { kind: 'EMAIL', value: 'Zoe@Example.org', primary: true },
    ],
    customFields: [
      { key: 'bio', value: 'first\r\nsecond\r\n\r\nfourth, "quoted"; end' },
      { key: 'score', value: '-3' },
      { key: 'member', value: 'no' },
      { key: 'lastSeen', value: '2022-10-31' },
      { key: 'tier', value: 'Silver' },
      { key: 'colours', value: 'Blue' },
    ],
  },
  {
    name: '李雷',
    country: 'GB',
    tags: ['=evil()', '-minus'],
    details: [
      { kind: 'PHONE', value: '+44 7911 123456' },
      { kind: 'PHONE', value: '+44 7911 123457' },
      { kind: 'EMAIL', value: 'li.lei@example.cn' },
    ],
    customFields: [
      { key: 'bio', value: '- bullet one\n- bullet two\r\n+ plus three' },
      { key: 'score', value: '0' },
      { key: 'member', value: 'false' },
      { key: 'website', value: 'http://例え.jp/パス' },
    ],
  },
  {
    firstName: 'Jean-Luc',
    lastName: 'Picard',
    details: [{ kind: 'PHONE', value: '+33 6 12 34 56 78' }],
    customFields: [
      { key: 'score', value: '12345678901' },
      { key: 'officePhone', value: '+1 (202) 555-0199' },
    ],
  },
];

const app = useTestApp();
let workspace: TestWorkspace;

/** Every contact as the API reads it, in an order and shape that compare field by field. */
async function readContacts() {
  const { contacts } = await app.data(Contacts, {}, workspace.keys.READ);
  return {
    totalCount: contacts.totalCount,
    contacts: contacts.edges
      .map(({ node }) => ({
        ...node,
        tags: [...node.tags].sort(),
        groups: node.groups.map((group) => group.name).sort(),
        details: [...node.details].sort((a, b) => a.id.localeCompare(b.id)),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

beforeAll(async () => {
  workspace = await app.createWorkspace('Round trip');
  const write = workspace.keys.WRITE;
  for (const input of FIELDS) await createField(app, write, input);
  const ids: string[] = [];
  for (const input of CONTACTS) ids.push(await createContact(app, write, input));
  const team = await createGroup(app, write, { name: 'Team, West', type: 'STATIC' });
  const cafe = await createGroup(app, write, { name: 'Café "Central"', type: 'STATIC' });
  await createGroup(app, write, { name: 'VIPs', type: 'DYNAMIC', filter: { tags: { any: ['vip'] } } });
  for (const [groupId, contactIds] of [
    [team, [ids[0]!, ids[2]!]],
    [cafe, [ids[1]!]],
  ] as const) {
    await addContactsToGroup(app, write, { groupId, contactIds: [...contactIds] });
  }
});

describe('the workspace export imported back as it is', () => {
  it('matches every row, previews no change and leaves every contact as it was', async () => {
    const before = await readContacts();
    expect(before.totalCount).toBe(CONTACTS.length);
    // The setup gives what the test is about: secondary details, list items with separators and quotes, multi-line values.
    const jose = before.contacts.find((contact) => contact.firstName === 'José')!;
    expect(jose.details.filter((detail) => !detail.isPrimary)).toHaveLength(2);
    expect(jose.tags).toEqual(['Smith, Jones', 'a;b', 'say "hi"', 'vip']);
    expect(jose.groups).toEqual(['Team, West', 'VIPs']);
    expect(jose.customFields).toMatchObject({
      tier: 'Bronze, plated',
      colours: ['Red', 'Sea "green"'],
      bio: 'Delivery note:\nleave it at the back door, "please"',
    });

    const { contactExport } = await app.data(Export, { input: { format: 'CSV' } }, workspace.keys.READ);
    if (contactExport.__typename !== 'ContactExport') throw new Error(contactExport.message);
    const response = await fetch(contactExport.url, { headers: { authorization: `Bearer ${workspace.keys.READ}` } });
    expect(response.status).toBe(200);
    const file = Buffer.from(await response.arrayBuffer());
    const [headers, ...rows] = parseAnyLineEnd(file);
    expect(headers).toEqual(contactExport.columns.map((column) => column.header));
    expect(rows).toHaveLength(CONTACTS.length);
    const joseRow = rows.find((row) => row[0] === 'José')!;
    expect(joseRow[headers!.indexOf('Tags')]).toBe('"Smith, Jones", "a;b", "say ""hi""", vip');
    expect(joseRow[headers!.indexOf('Bio')]).toBe('Delivery note:\nleave it at the back door, "please"');

    const key = workspace.keys.WRITE;
    const started = await uploadCsv(app, key, file, 'contacts.csv');
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    expect(started.totalRows).toBe(CONTACTS.length);
    // Every column of a contact's data is recognised by its header; the timestamps are not fields.
    const suggested = Object.fromEntries(started.columns.map((column) => [column.header, column.suggestedFieldKey]));
    for (const column of contactExport.columns) {
      expect(suggested[column.header], column.header).toBe(['createdAt', 'updatedAt'].includes(column.key) ? null : column.key);
    }
    const columns = started.columns.map((column) =>
      column.suggestedFieldKey ? { index: column.index, fieldKey: column.suggestedFieldKey } : { index: column.index, ignore: true },
    );
    const { setContactImportMapping } = await app.data(
      SetMapping,
      { input: { jobId: started.id, columns, purpose: 'ADD_AND_UPDATE', identifier: 'PHONE', batchTag: false } },
      key,
    );
    expect(setContactImportMapping).toMatchObject({ __typename: 'ImportJob' });

    const review = await waitWhile(app, key, started.id, ['VALIDATING']);
    expect(review.status).toBe('REVIEW');
    expect(review.counts).toMatchObject({ toCreate: 0, toUpdate: CONTACTS.length, toSkip: 0, errors: 0 });
    expect(review.updatePreview).toHaveLength(CONTACTS.length);
    for (const preview of review.updatePreview) expect(preview.changes, `row ${preview.rowNumber}`).toEqual([]);

    const done = await confirmAndWait(app, key, started.id);
    expect(done.counts).toMatchObject({ created: 0, updated: CONTACTS.length, skipped: 0, failed: 0 });

    expect(await readContacts()).toEqual(before);
  });
});
