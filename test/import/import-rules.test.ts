/**
 * The import's row rules through the whole API flow (upload, mapping, review, write): each rule of
 * docs/product-rules.md "Row rules" is a case here on one app; over 400 lines for that reason.
 */
import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { SetMapping, StartImport, confirmAndWait, download, importCsv, uploadCsv, validateCsv, type Job } from '../support/imports.ts';
import { createContact, createField } from '../support/operations.ts';

const FindContacts = graphql(`
  query RulesContacts {
    contacts(first: 200) {
      totalCount
      edges { node { id firstName lastName name country tags customFields details { kind value isPrimary } } }
    }
  }
`);

const NewGroupRow = `INSERT INTO groups (workspace_id, name, type) VALUES ($1, $2, 'STATIC') RETURNING id`;

const app = useTestApp();

/** Each test gets a workspace of its own, so their contacts never meet. */
async function freshWorkspace(): Promise<{ workspace: TestWorkspace; key: string }> {
  const workspace = await app.createWorkspace();
  return { workspace, key: workspace.keys.WRITE };
}

async function contactsOf(key: string) {
  const { contacts } = await app.data(FindContacts, {}, key);
  return contacts.edges.map((edge) => edge.node);
}

function rowsOf(job: Job) {
  return job.preview.map((row) => ({ row: row.rowNumber, action: row.action, message: row.message }));
}

describe('phone numbers', () => {
  it('matches an existing contact whatever the format (E.164), using the Country column', async () => {
    const { key } = await freshWorkspace();
    await createContact(app, key, { firstName: 'Ada', details: [{ kind: 'PHONE', value: '+1 202 555 0143' }] });
    const job = await importCsv(app, key, 'Phone,Country,Last Name\n(202) 555-0143,US,Lovelace\n', {
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
    });
    expect(job.counts).toMatchObject({ created: 0, updated: 1 });
    const [contact] = await contactsOf(key);
    expect(contact).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', name: 'Ada Lovelace', country: 'US' });
  });

  it('reads national numbers with a Country Code column or the default country, and names bad ones', async () => {
    const { key } = await freshWorkspace();
    const csv = 'Name,Country Code,Phone Number\nPriya,91,9876543210\nBob,,2025550143\nEve,,555\n';
    const job = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'PHONE', defaultCountry: 'US' });
    expect(job.preview.map((row) => row.values && (row.values as { phone: { e164: string } }).phone.e164)).toEqual([
      '+919876543210',
      '+12025550143',
      null,
    ]);
    expect(job.preview[2]!.message).toBe('Phone Number: "555" is not a valid phone number (read as a number of US)');
  });
});

describe('names and emails', () => {
  it('accepts letters of any script with marks, apostrophes, hyphens and periods; refuses digits and symbols', async () => {
    const { key } = await freshWorkspace();
    const csv = [
      'First Name,Last Name,Email',
      "Seán,O'Brien,a@x.test",
      'Jean-Luc,Picard,b@x.test',
      'José,Núñez,c@x.test',
      '李,雷,d@x.test',
      'R2D2,Droid,e@x.test',
      'Bob!,Smith,f@x.test',
    ].join('\n');
    const job = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    expect(rowsOf(job).map((row) => row.action)).toEqual(['CREATE', 'CREATE', 'CREATE', 'CREATE', 'ERROR', 'ERROR']);
    expect(job.preview[0]!.values).toMatchObject({ firstName: 'Seán', lastName: "O'Brien" });
    expect(job.preview[4]!.message).toMatch(/^First Name: "R2D2"/);
    expect(job.preview[5]!.message).toMatch(/^First Name: "Bob!"/);
  });

  it('matches emails ignoring case and lets Name alone fill the full name', async () => {
    const { key } = await freshWorkspace();
    await createContact(app, key, { details: [{ kind: 'EMAIL', value: 'john.smith@gmail.com' }] });
    const job = await importCsv(app, key, 'Full Name,E-mail\nJohn Smith,John.Smith@GMAIL.com\n', { purpose: 'ADD_AND_UPDATE', identifier: 'EMAIL' });
    expect(job.counts).toMatchObject({ updated: 1, created: 0 });
    expect(await contactsOf(key)).toMatchObject([{ name: 'John Smith', firstName: null }]);
  });
});

describe('purposes and identifiers', () => {
  const csv = 'Email,First Name\nold@x.test,Olga\nnew@x.test,Nina\n';

  async function withExisting() {
    const { key } = await freshWorkspace();
    await createContact(app, key, { firstName: 'Old', details: [{ kind: 'EMAIL', value: 'old@x.test' }] });
    return key;
  }

  it('ADD_NEW_ONLY skips existing contacts, saying why', async () => {
    const key = await withExisting();
    const review = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    expect(review.preview[0]!.message).toContain('already exists');
    const job = await confirmAndWait(app, key, review.id);
    expect(job.counts).toMatchObject({ toCreate: 1, toSkip: 1, created: 1, skipped: 1 });
    expect((await contactsOf(key)).map((contact) => contact.firstName).sort()).toEqual(['Nina', 'Old']);
  });

  it('UPDATE_EXISTING_ONLY skips rows with no contact', async () => {
    const key = await withExisting();
    const review = await validateCsv(app, key, csv, { purpose: 'UPDATE_EXISTING_ONLY', identifier: 'EMAIL' });
    expect(review.preview[1]!.message).toBeTruthy();
    const job = await confirmAndWait(app, key, review.id);
    expect(job.counts).toMatchObject({ updated: 1, skipped: 1, created: 0 });
    expect((await contactsOf(key)).map((contact) => contact.firstName)).toEqual(['Olga']);
  });

  it('ADD_ALL_DESPITE_DUPLICATES creates every valid row, duplicates included', async () => {
    const key = await withExisting();
    const job = await importCsv(app, key, `${csv}old@x.test,Again\n`, { purpose: 'ADD_ALL_DESPITE_DUPLICATES' });
    expect(job.counts).toMatchObject({ created: 3 });
    expect(await contactsOf(key)).toHaveLength(4);
  });

  it('UPDATE_EXISTING_ONLY can identify contacts by id', async () => {
    const { key } = await freshWorkspace();
    const id = await createContact(app, key, { firstName: 'Before', details: [{ kind: 'EMAIL', value: 'id@x.test' }] });
    const job = await importCsv(app, key, `Contact ID,First Name\n${id},After\n00000000-0000-4000-8000-000000000000,Nobody\n`, {
      purpose: 'UPDATE_EXISTING_ONLY',
      identifier: 'CONTACT_ID',
      columns: [
        { index: 0, fieldKey: 'contactId' },
        { index: 1, fieldKey: 'firstName' },
      ],
    });
    expect(job.counts).toMatchObject({ updated: 1, skipped: 1 });
    expect(await contactsOf(key)).toMatchObject([{ firstName: 'After' }]);
  });

  it('reports an identifier shared by two existing contacts as a row error', async () => {
    const { key } = await freshWorkspace();
    await createContact(app, key, { firstName: 'One', details: [{ kind: 'EMAIL', value: 'shared@x.test' }] });
    await createContact(app, key, { firstName: 'Two', details: [{ kind: 'EMAIL', value: 'shared@x.test' }] });
    const job = await validateCsv(app, key, 'Email,First Name\nshared@x.test,Three\n', { purpose: 'ADD_AND_UPDATE', identifier: 'EMAIL' });
    expect(rowsOf(job)).toMatchObject([{ action: 'ERROR', message: expect.stringContaining('2') }]);
  });
});

describe('updates', () => {
  async function contactA() {
    const { key } = await freshWorkspace();
    await createContact(app, key, {
      firstName: 'Contact',
      lastName: 'A',
      tags: ['existing'],
      details: [
        { kind: 'PHONE', value: '+60123456789' },
        { kind: 'EMAIL', value: 'contactabc@email.com' },
      ],
    });
    return key;
  }
  const csv = 'Phone,Email,Last Name,Tags\n+60123456789,contact123@email.com,,new\n';

  it('replaces the primary email (Contact A) and never erases with an empty cell', async () => {
    const key = await contactA();
    const review = await validateCsv(app, key, csv, { purpose: 'UPDATE_EXISTING_ONLY', identifier: 'PHONE', batchTag: false });
    expect(review.updatePreview[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'email', old: 'contactabc@email.com', new: 'contact123@email.com' }]),
    );
    await confirmAndWait(app, key, review.id);
    const [contact] = await contactsOf(key);
    expect(contact!.details.filter((detail) => detail.kind === 'EMAIL')).toEqual([{ kind: 'EMAIL', value: 'contact123@email.com', isPrimary: true }]);
    expect(contact).toMatchObject({ lastName: 'A', tags: ['existing', 'new'] });
  });

  it('with doNotOverwrite keeps existing values, fills empty ones and adds tags', async () => {
    const key = await contactA();
    await importCsv(app, key, 'Phone,Email,Country,Tags\n+60123456789,contact123@email.com,MY,new\n', {
      purpose: 'UPDATE_EXISTING_ONLY',
      identifier: 'PHONE',
      doNotOverwrite: true,
      batchTag: false,
    });
    const [contact] = await contactsOf(key);
    expect(contact!.details.find((detail) => detail.kind === 'EMAIL')!.value).toBe('contactabc@email.com');
    expect(contact).toMatchObject({ country: 'MY', tags: ['existing', 'new'] });
  });
});

describe('rows of one file that share an identifier', () => {
  const csv = 'Email,First Name,Last Name\nsame@x.test,First,\nother@x.test,Other,\nsame@x.test,,Second\n';

  it('REJECT_ALL (the default) makes every one of them an error', async () => {
    const { key } = await freshWorkspace();
    const job = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    expect(rowsOf(job).map((row) => row.action)).toEqual(['ERROR', 'CREATE', 'ERROR']);
    expect(job.preview[0]!.message).toContain('rows (1, 3)');
  });

  it('KEEP_FIRST and KEEP_LAST import one of them and skip the others', async () => {
    const { key } = await freshWorkspace();
    const first = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL', inFileDuplicates: 'KEEP_FIRST' });
    expect(rowsOf(first).map((row) => row.action)).toEqual(['CREATE', 'CREATE', 'SKIP']);
    const last = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL', inFileDuplicates: 'KEEP_LAST' });
    expect(rowsOf(last).map((row) => row.action)).toEqual(['SKIP', 'CREATE', 'CREATE']);
    expect(last.preview[0]!.message).toContain('row 3');
  });

  it('MERGE folds them into the first row', async () => {
    const { key } = await freshWorkspace();
    const job = await importCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL', inFileDuplicates: 'MERGE' });
    expect(job.counts).toMatchObject({ created: 2, skipped: 1 });
    expect((await contactsOf(key)).find((contact) => contact.firstName === 'First')).toMatchObject({ lastName: 'Second', name: 'First Second' });
  });
});

describe('typed fields, new fields and consent', () => {
  it('coerces values by field type, creates fields asked for in the mapping and names bad values', async () => {
    const { key } = await freshWorkspace();
    await createField(app, key, { label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver'] });
    const csv = [
      'Email,Tier,VIP,Birthday,Last order',
      'a@x.test,gold,yes,1990-02-28,2022-10-31T19:30:00.000+05:30',
      'b@x.test,SILVER,0,2022-10-31,2022-10-31',
      'c@x.test,bronze,maybe,31/02/2020,yesterday',
    ].join('\n');
    const job = await validateCsv(app, key, csv, {
      purpose: 'ADD_NEW_ONLY',
      identifier: 'EMAIL',
      columns: [
        { index: 0, fieldKey: 'email' },
        { index: 1, fieldKey: 'tier' },
        { index: 2, newField: { label: 'VIP', type: 'BOOLEAN' } },
        { index: 3, newField: { label: 'Birthday', type: 'DATE' } },
        { index: 4, newField: { label: 'Last order', type: 'DATETIME' } },
      ],
    });
    expect(job.preview[0]!.values).toMatchObject({
      customFields: { tier: 'Gold', vip: true, birthday: '1990-02-28', lastOrder: '2022-10-31T14:00:00.000Z' },
    });
    expect(job.preview[1]!.values).toMatchObject({ customFields: { tier: 'Silver', vip: false, lastOrder: '2022-10-31T00:00:00.000Z' } });
    const message = job.preview[2]!.message!;
    for (const part of ['Tier', 'bronze', 'VIP', 'maybe', 'Birthday', '31/02/2020', 'Last order', 'yesterday']) expect(message).toContain(part);

    await confirmAndWait(app, key, job.id);
    const { rows } = await app.db.pool.query(`SELECT key, type FROM fields WHERE created_by_job_id = $1 ORDER BY key`, [uuidOf(job.id)]);
    expect(rows).toEqual([
      { key: 'birthday', type: 'DATE' },
      { key: 'lastOrder', type: 'DATETIME' },
      { key: 'vip', type: 'BOOLEAN' },
    ]);
  });

  it('records WhatsApp opt-ins and opt-outs, and an opt-in under an existing opt-out is not recorded', async () => {
    const { workspace, key } = await freshWorkspace();
    await app.db.pool.query(
      `INSERT INTO opt_outs (workspace_id, address, kind, channel, source) VALUES ($1, '+12025550199', 'PHONE', 'WHATSAPP', 'API')`,
      [workspace.id],
    );
    const job = await importCsv(app, key, 'Phone,WhatsApp Opted\n+12025550101,TRUE\n+12025550102,FALSE\n+12025550199,TRUE\n', {
      purpose: 'ADD_NEW_ONLY',
      identifier: 'PHONE',
    });
    expect(job.counts).toMatchObject({ created: 3 });
    const outs = await app.db.pool.query(`SELECT address, source FROM opt_outs WHERE workspace_id = $1 ORDER BY address`, [workspace.id]);
    expect(outs.rows).toEqual([
      { address: '+12025550102', source: 'IMPORT' },
      { address: '+12025550199', source: 'API' },
    ]);
    const ins = await app.db.pool.query(`SELECT address FROM opt_ins WHERE workspace_id = $1 ORDER BY address`, [workspace.id]);
    expect(ins.rows.map((row) => row.address)).toEqual(['+12025550101']);
  });
});

describe('what every new contact needs', () => {
  it('refuses rows without a valid phone or email, rows with a wrong number of cells, and workspace requirements', async () => {
    const { workspace, key } = await freshWorkspace();
    await app.db.prisma.workspace.update({ where: { id: workspace.id }, data: { requireFirstName: true } });
    const csv = 'First Name,Email,Phone\nAda,ada@x.test,\nNoAddress,,\n,nofirst@x.test,\nShort,short@x.test\n';
    const job = await validateCsv(app, key, csv, { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL', defaultCountry: 'US' });
    expect(rowsOf(job).map((row) => row.action)).toEqual(['CREATE', 'ERROR', 'ERROR', 'ERROR']);
    expect(job.preview[3]!.message).toContain('2 cells');
    expect(job.counts).toMatchObject({ toCreate: 1, errors: 3 });
  });

  it('can require a phone whose country is known', async () => {
    const { workspace, key } = await freshWorkspace();
    await app.db.prisma.workspace.update({ where: { id: workspace.id }, data: { requirePhoneWithCountry: true } });
    const job = await validateCsv(app, key, 'Email,Phone\nwith@x.test,+12025550143\nwithout@x.test,\nfreephone@x.test,+80012345678\n', {
      purpose: 'ADD_NEW_ONLY',
      identifier: 'EMAIL',
    });
    expect(rowsOf(job).map((row) => row.action)).toEqual(['CREATE', 'ERROR', 'ERROR']);
    expect(job.preview[1]!.message).toContain('country');
  });

  it('adds the job tags and groups, and the batch tag unless turned off', async () => {
    const { workspace, key } = await freshWorkspace();
    const { rows } = await app.db.pool.query(NewGroupRow, [workspace.id, 'Customers']);
    await importCsv(app, key, 'Email\nt@x.test\n', {
      purpose: 'ADD_NEW_ONLY',
      identifier: 'EMAIL',
      tags: ['spring'],
      batchTag: false,
      groupIds: [rows[0].id],
    });
    expect(await contactsOf(key)).toMatchObject([{ tags: ['spring'] }]);
    const members = await app.db.pool.query('SELECT count(*)::int AS n FROM group_members WHERE group_id = $1', [rows[0].id]);
    expect(members.rows[0].n).toBe(1);
  });
});

describe('mapping rules', () => {
  it('names the column of every mapping problem', async () => {
    const { key } = await freshWorkspace();
    const { startContactImport: job } = await app.data(StartImport, { input: { text: 'Phone,Mobile,Notes\n+12025550101,+12025550102,x\n' } }, key);
    if (job.__typename !== 'ImportJob') throw new Error(job.message);
    const { setContactImportMapping } = await app.data(
      SetMapping,
      {
        input: {
          jobId: job.id,
          purpose: 'UPDATE_EXISTING_ONLY',
          identifier: 'EMAIL',
          columns: [
            { index: 0, fieldKey: 'phone' },
            { index: 1, fieldKey: 'phone' },
            { index: 2, fieldKey: 'noSuchField' },
            { index: 7, ignore: true },
          ],
        },
      },
      key,
    );
    expect(setContactImportMapping.__typename).toBe('ValidationError');
    if (setContactImportMapping.__typename !== 'ValidationError') return;
    const paths = setContactImportMapping.issues.map((issue) => issue.path.join('.'));
    for (const prefix of ['columns.1', 'columns.2', 'columns.3', 'identifier']) {
      expect(
        paths.some((path) => path.startsWith(prefix)),
        `an issue at ${prefix} in ${paths.join(', ')}`,
      ).toBe(true);
    }
    expect(setContactImportMapping.message).toContain('Mobile');
  });

  it('refuses a new group whose name is taken, and a group that does not exist', async () => {
    const { workspace, key } = await freshWorkspace();
    await app.db.pool.query(NewGroupRow, [workspace.id, 'Customers']);
    const { startContactImport: job } = await app.data(StartImport, { input: { text: 'Email\na@x.test\n' } }, key);
    if (job.__typename !== 'ImportJob') throw new Error(job.message);
    const { setContactImportMapping } = await app.data(
      SetMapping,
      {
        input: {
          jobId: job.id,
          purpose: 'ADD_NEW_ONLY',
          identifier: 'EMAIL',
          columns: [{ index: 0, fieldKey: 'email' }],
          newGroupName: 'Customers',
          groupIds: ['00000000-0000-4000-8000-000000000000'],
        },
      },
      key,
    );
    expect(setContactImportMapping).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['groupIds', '0'] }, { path: ['newGroupName'], message: expect.stringContaining('Customers') }],
    });
  });

  it('refuses a contact-id identifier outside update-only imports, and an identifier for add-all', async () => {
    const { key } = await freshWorkspace();
    const { startContactImport: job } = await app.data(StartImport, { input: { text: 'Email\na@x.test\n' } }, key);
    if (job.__typename !== 'ImportJob') throw new Error(job.message);
    const byId = await app.data(
      SetMapping,
      { input: { jobId: job.id, purpose: 'ADD_AND_UPDATE', identifier: 'CONTACT_ID', columns: [{ index: 0, fieldKey: 'email' }] } },
      key,
    );
    expect(byId.setContactImportMapping).toMatchObject({
      __typename: 'ValidationError',
      issues: expect.arrayContaining([expect.objectContaining({ path: ['identifier'] })]),
    });
    const addAll = await app.data(
      SetMapping,
      { input: { jobId: job.id, purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: 'EMAIL', columns: [{ index: 0, fieldKey: 'email' }] } },
      key,
    );
    expect(addAll.setContactImportMapping.__typename).toBe('ValidationError');
  });
});

describe('files refused at start, with nothing kept', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['an empty file', '', /empty/i],
    ['a header only', 'First Name,Email\n', /no data rows|header only|only a header/i],
    ['a blank header', 'First Name,,Email\nA,b,c@x.test\n', /blank|empty/i],
    ['duplicate headers', 'Email,Name,email\na@x.test,A,b@x.test\n', /columns 1 and 3 .*"email"/i],
    ['binary content', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /not a CSV/i],
  ];
  for (const [name, content, message] of cases) {
    it(`refuses ${name}`, async () => {
      const { workspace, key } = await freshWorkspace();
      const result = await uploadCsv(app, key, content);
      expect(result.__typename).toBe('ValidationError');
      if (result.__typename === 'ValidationError') expect(result.message).toMatch(message);
      const { rows } = await app.db.pool.query('SELECT count(*)::int AS n FROM import_jobs WHERE workspace_id = $1', [workspace.id]);
      expect(rows[0].n).toBe(0);
    });
  }

  it('refuses files over the workspace row and size limits', async () => {
    const { workspace, key } = await freshWorkspace();
    await app.db.prisma.workspace.update({ where: { id: workspace.id }, data: { importMaxRows: 2, importMaxBytes: 64 } });
    const rows = await uploadCsv(app, key, 'Email\na@x.test\nb@x.test\nc@x.test\n');
    expect(rows).toMatchObject({ __typename: 'LimitExceededError', limit: 2 });
    const size = await uploadCsv(app, key, `Email\n${'a'.repeat(100)}@x.test\n`);
    expect(size).toMatchObject({ __typename: 'LimitExceededError', limit: 64 });
  });
});

describe('encodings', () => {
  it('reads UTF-16 with a byte order mark and Windows-1252', async () => {
    const { key } = await freshWorkspace();
    const text = 'First Name\tEmail\r\nJosé\tjose@x.test\r\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const job16 = await uploadCsv(app, key, utf16);
    expect(job16).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', columns: [{ samples: ['José'] }, { samples: ['jose@x.test'] }] });

    const latin = new Uint8Array(Buffer.from('First Name;Email\r\nJosé Müller;jose@x.test\r\nFrançois;fr@x.test\r\n', 'latin1'));
    const job1252 = await uploadCsv(app, key, latin);
    expect(job1252).toMatchObject({
      encoding: 'windows-1252',
      columns: [{ samples: ['José Müller', 'François'] }, { samples: ['jose@x.test', 'fr@x.test'] }],
    });
  });

  it('writes error files that are safe to open in a spreadsheet', async () => {
    const { key } = await freshWorkspace();
    const job = await validateCsv(app, key, 'Email,First Name\n=cmd|calc,=HYPERLINK("x")\n', { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    const errors = await download(job.errorFileUrl!, key);
    expect(errors.split('\r\n')[1]).toMatch(/^'=cmd\|calc,"'=HYPERLINK\(""x""\)",/);
  });
});
