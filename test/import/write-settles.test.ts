import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { CONTACT_SNAPSHOT } from '../../src/import/journal.ts';
import { useTestApp } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { Confirm, confirmAndWait, download, importCsv, validateCsv, waitWhile, type Job } from '../support/imports.ts';
import { createContact, createGroup, deleteContact } from '../support/operations.ts';

// The write settles every row against the contact book as it is when the row is written: the
// review is a preview, and whatever happened since (another import, a contact added or deleted by
// hand) decides what the row really does. The result file and the counts say what happened.

const EditContact = graphql(`
  mutation SettleEditContact($input: UpdateContactInput!) {
    updateContact(input: $input) { __typename ... on Contact { firstName lastName name } ... on Error { message } }
  }
`);

const Revert = graphql(`
  mutation SettleRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const Sync = graphql(`
  mutation SettleSync($input: SyncContactsInput!) {
    syncContacts(input: $input) { __typename ... on SyncResult { linked } ... on Error { message } }
  }
`);

const Book = graphql(`
  query SettleBook {
    contacts(first: 100) {
      totalCount
      edges { node { id firstName lastName name details { kind value isPrimary } groups { name } } }
    }
    groups(first: 100) { edges { node { name type } } }
  }
`);

const app = useTestApp();

async function freshKey(): Promise<string> {
  return (await app.createWorkspace()).keys.ADMIN;
}

async function book(key: string) {
  return app.data(Book, {}, key);
}

/** The result file's rows as objects keyed by header. */
async function resultRows(job: Job, key: string): Promise<Record<string, string>[]> {
  return parse(await download(job.resultFileUrl!, key), { columns: true });
}

describe('rows settled when they are written', () => {
  it('writes a file validated twice and confirmed twice once: the second job updates what the first created', async () => {
    const key = await freshKey();
    const csv = ['Phone,First Name', ...Array.from({ length: 5000 }, (_, i) => `+1202555${String(i).padStart(4, '0')},Ann`)].join('\n');
    const first = await validateCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    const second = await validateCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect([first.counts.toCreate, second.counts.toCreate]).toEqual([5000, 5000]);

    for (const job of [first, second]) {
      const { confirmContactImport } = await app.data(Confirm, { jobId: job.id }, key);
      expect(confirmContactImport.__typename).toBe('ImportJob');
    }
    const done = [await waitWhile(app, key, first.id, ['QUEUED', 'IMPORTING']), await waitWhile(app, key, second.id, ['QUEUED', 'IMPORTING'])];
    expect(done.map((job) => job.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(done[0]!.counts).toMatchObject({ created: 5000, updated: 0 });
    expect(done[1]!.counts).toMatchObject({ created: 0, updated: 5000, failed: 0 });
    expect((await book(key)).contacts.totalCount).toBe(5000);

    const rows = await resultRows(done[1]!, key);
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((row) => `${row['Import Status']}|${row.Errors}|${row.Notes}`))).toEqual(
      new Set(['Updated||changed since the review: now matches an existing contact (added after the review)']),
    );
  });

  it('skips an add-new-only row whose phone was added by hand after the review, and says why', async () => {
    const key = await freshKey();
    const job = await validateCsv(app, key, 'Phone,First Name\n+12025550143,Ann\n+12025550144,Bob\n', {
      purpose: 'ADD_NEW_ONLY',
      identifier: 'PHONE',
    });
    expect(job.counts.toCreate).toBe(2);
    await createContact(app, key, { firstName: 'Hand', details: [{ kind: 'PHONE', value: '+1 202 555 0143' }] });

    const done = await confirmAndWait(app, key, job.id);
    expect(done.counts).toMatchObject({ created: 1, skipped: 1, failed: 0 });
    const { contacts } = await book(key);
    expect(contacts.totalCount).toBe(2);
    expect(contacts.edges.map((edge) => edge.node.firstName).sort()).toEqual(['Bob', 'Hand']);
    expect((await resultRows(done, key)).map((row) => [row['Import Status'], row.Errors, row.Notes, row['Error Codes']])).toEqual([
      [
        'Skipped',
        'a contact with this phone number already exists',
        'changed since the review: now matches an existing contact (added after the review)',
        'CONTACT_EXISTS',
      ],
      ['Imported', '', '', ''],
    ]);
  });

  it('skips an update-only row whose contact was deleted after the review; the job completes', async () => {
    const key = await freshKey();
    const gone = await createContact(app, key, { firstName: 'Gone', details: [{ kind: 'EMAIL', value: 'gone@example.com' }] });
    await createContact(app, key, { firstName: 'Kept', details: [{ kind: 'EMAIL', value: 'kept@example.com' }] });
    const job = await validateCsv(app, key, 'Email,Last Name\ngone@example.com,Smith\nkept@example.com,Jones\n', {
      purpose: 'UPDATE_EXISTING_ONLY',
      identifier: 'EMAIL',
    });
    expect(job.counts.toUpdate).toBe(2);
    await deleteContact(app, key, gone);

    const done = await confirmAndWait(app, key, job.id);
    expect(done.counts).toMatchObject({ updated: 1, skipped: 1, failed: 0, created: 0 });
    expect((await resultRows(done, key)).map((row) => [row['Import Status'], row.Errors, row.Notes])).toEqual([
      [
        'Skipped',
        'no contact with this email address',
        'changed since the review: the contact that had this email address was deleted or no longer has it',
      ],
      ['Updated', '', ''],
    ]);
    expect((await book(key)).contacts.edges.map((edge) => edge.node.name)).toEqual(['Kept Jones']);
  });

  it('skips an update-only row by contact id whose contact was deleted after the review', async () => {
    const key = await freshKey();
    const id = await createContact(app, key, { firstName: 'Gone', details: [{ kind: 'EMAIL', value: 'gone@example.com' }] });
    const job = await validateCsv(app, key, `Contact ID,Last Name\n${id},Smith\n`, {
      purpose: 'UPDATE_EXISTING_ONLY',
      identifier: 'CONTACT_ID',
      columns: [
        { index: 0, fieldKey: 'contactId' },
        { index: 1, fieldKey: 'lastName' },
      ],
    });
    expect(job.counts.toUpdate).toBe(1);
    await deleteContact(app, key, id);
    const done = await confirmAndWait(app, key, job.id);
    expect(done.counts).toMatchObject({ skipped: 1, failed: 0 });
    expect((await resultRows(done, key))[0]).toMatchObject({
      Errors: 'no contact with this id',
      Notes: 'changed since the review: its contact was deleted after the review',
      'Error Codes': 'NO_MATCHING_CONTACT',
    });
  });

  it('creates an add-and-update row whose contact was deleted after the review', async () => {
    const key = await freshKey();
    const gone = await createContact(app, key, { firstName: 'Old', details: [{ kind: 'PHONE', value: '+12025550143' }] });
    const job = await validateCsv(app, key, 'Phone,First Name\n+12025550143,New\n', { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(job.counts.toUpdate).toBe(1);
    await deleteContact(app, key, gone);
    const done = await confirmAndWait(app, key, job.id);
    expect(done.counts).toMatchObject({ created: 1, updated: 0 });
    const { contacts } = await book(key);
    expect(contacts.edges.map((edge) => [edge.node.firstName, edge.node.details.map((detail) => detail.value)])).toEqual([['New', ['+12025550143']]]);
  });
});

describe('a row matching a secondary detail', () => {
  it('updates the contact and leaves its details as they are', async () => {
    const key = await freshKey();
    await createContact(app, key, {
      firstName: 'Ann',
      details: [
        { kind: 'PHONE', value: '+12025550143', primary: true },
        { kind: 'PHONE', value: '+12025550199', primary: false },
        { kind: 'EMAIL', value: 'ann@example.com', primary: true },
        { kind: 'EMAIL', value: 'ann.work@example.com', primary: false },
      ],
    });
    const job = await validateCsv(app, key, 'Phone,Email,First Name\n+1 202 555 0199,ann.work@example.com,Anne\n', {
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
    });
    expect(job.updatePreview[0]!.changes).toEqual([
      { field: 'firstName', old: 'Ann', new: 'Anne' },
      { field: 'name', old: 'Ann', new: 'Anne' },
    ]);
    const done = await confirmAndWait(app, key, job.id);
    expect(done.counts).toMatchObject({ updated: 1, created: 0 });
    const { contacts } = await book(key);
    expect(contacts.totalCount).toBe(1);
    expect(contacts.edges[0]!.node.firstName).toBe('Anne');
    expect(contacts.edges[0]!.node.details.map(({ kind, value, isPrimary }) => `${kind} ${value} ${isPrimary}`).sort()).toEqual([
      'EMAIL ann.work@example.com false',
      'EMAIL ann@example.com true',
      'PHONE +12025550143 true',
      'PHONE +12025550199 false',
    ]);
  });
});

describe('the name rule', () => {
  it('keeps a full name given whole when one part is edited, through the API and through an import', async () => {
    const key = await freshKey();
    await importCsv(app, key, 'Name,Phone\nTina Turner,+12025550143\n', { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    const [tina] = (await book(key)).contacts.edges.map((edge) => edge.node);
    expect(tina).toMatchObject({ name: 'Tina Turner', firstName: null, lastName: null });

    const { updateContact } = await app.data(EditContact, { input: { id: tina!.id, lastName: 'Turner-Edited' } }, key);
    expect(updateContact).toMatchObject({ lastName: 'Turner-Edited', name: 'Tina Turner' });

    const job = await importCsv(app, key, 'First Name,Phone\nAnna Mae,+12025550143\n', { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(job.counts.updated).toBe(1);
    expect((await book(key)).contacts.edges[0]!.node).toMatchObject({ firstName: 'Anna Mae', lastName: 'Turner-Edited', name: 'Tina Turner' });

    const { syncContacts } = await app.data(
      Sync,
      { input: { source: 'crm', records: [{ externalId: '1', phone: '+12025550143', lastName: 'Bullock' }] } },
      key,
    );
    expect(syncContacts).toMatchObject({ linked: 1 });
    expect((await book(key)).contacts.edges[0]!.node).toMatchObject({ lastName: 'Bullock', name: 'Tina Turner' });
  });

  it('lets a full name made from the parts follow them', async () => {
    const key = await freshKey();
    const id = await createContact(app, key, { firstName: 'Bob', details: [{ kind: 'PHONE', value: '+12025550143' }] });
    const { updateContact } = await app.data(EditContact, { input: { id, lastName: 'Smith' } }, key);
    expect(updateContact).toMatchObject({ name: 'Bob Smith' });
    await importCsv(app, key, 'First Name,Phone\nRobert,+12025550143\n', { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect((await book(key)).contacts.edges[0]!.node).toMatchObject({ firstName: 'Robert', lastName: 'Smith', name: 'Robert Smith' });
  });
});

describe('a groups column', () => {
  it('adds contacts to groups by name, makes the missing ones, notes dynamic ones, and its undo removes what it made', async () => {
    const key = await freshKey();
    await createGroup(app, key, { name: 'VIP', type: 'STATIC' });
    await createGroup(app, key, { name: 'Everyone', type: 'DYNAMIC', filter: { active: true } });

    const csv = 'Phone,Group\n+12025550143,"vip; Newsletter"\n+12025550144,Newsletter\n+12025550145,everyone\n';
    const job = await validateCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(job.preview[0]!.values).toMatchObject({ groups: ['vip', 'Newsletter'] });
    const done = await confirmAndWait(app, key, job.id);
    expect(done.counts).toMatchObject({ created: 3 });

    const after = await book(key);
    const groupsOf = (phone: string) =>
      after.contacts.edges
        .find((edge) => edge.node.details[0]!.value === phone)!
        .node.groups.map((group) => group.name)
        .sort();
    // A contact's groups include the dynamic ones it matches.
    expect(groupsOf('+12025550143')).toEqual(['Everyone', 'Newsletter', 'VIP']);
    expect(groupsOf('+12025550144')).toEqual(['Everyone', 'Newsletter']);
    expect(after.groups.edges.map((edge) => edge.node.name).sort()).toEqual(['Everyone', 'Newsletter', 'VIP']);
    expect((await resultRows(done, key))[2]!.Notes).toBe(
      'Everyone is a dynamic group: its filter decides its members, so the row does not add the contact to it',
    );

    // The journal's snapshot of each new contact, built from what the inserts returned, is the
    // contact as a revert reads it.
    const { rows: journal } = await app.db.pool.query(
      `SELECT count(*)::int AS created, count(*) FILTER (WHERE ic.after = ${CONTACT_SNAPSHOT})::int AS equal
       FROM import_changes ic JOIN contacts c ON c.workspace_id = ic.workspace_id AND c.id = ic.contact_id WHERE ic.job_id = $1`,
      [uuidOf(done.id)],
    );
    expect(journal[0]).toEqual({ created: 3, equal: 3 });

    const { revertContactImport } = await app.data(Revert, { jobId: done.id }, key);
    expect(revertContactImport.__typename).toBe('ImportJob');
    await waitWhile(app, key, done.id, ['COMPLETED', 'REVERTING']);
    const reverted = await book(key);
    expect(reverted.contacts.totalCount).toBe(0);
    expect(reverted.groups.edges.map((edge) => edge.node.name).sort()).toEqual(['Everyone', 'VIP']);
  });
});
