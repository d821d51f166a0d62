import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { globalIdOf, uuidOf } from '../support/global-ids.ts';
import { importCsv, validateCsv, waitWhile } from '../support/imports.ts';
import { createContact, createField } from '../support/operations.ts';

const RevertImport = graphql(`
  mutation RevertImport($jobId: ID!) {
    revertContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { id status revertRequestedAt }
      ... on Error { message }
    }
  }
`);

const RevertedJob = graphql(`
  query RevertedJob($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob {
        status
        counts { created updated reverted revertConflicts }
        progress { processedRows totalRows }
        revertConflicts(first: 10) { totalCount edges { node { contactId createdByImport outcome changedFields } } }
      }
    }
  }
`);

const RevertProgress = graphql(`
  subscription RevertProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status progress { processedRows totalRows } counts { reverted revertConflicts } }
  }
`);

const RevertEditContact = graphql(`
  mutation RevertEditContact($input: UpdateContactInput!) {
    updateContact(input: $input) { __typename ... on Contact { id } ... on Error { message } }
  }
`);

const RevertContactState = graphql(`
  query RevertContactState($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact {
        firstName
        lastName
        name
        country
        customFields
        tags
        details { id kind value rawValue isPrimary }
      }
    }
  }
`);

const RevertContactCount = graphql(`
  query RevertContactCount { contacts(first: 1) { totalCount } }
`);

const app = useTestApp();

/** A workspace of its own per test, so that counts start at zero. */
async function freshWorkspace() {
  const workspace = await app.createWorkspace();
  return { workspace, key: workspace.keys.WRITE };
}

async function revertAndWait(key: string, jobId: string) {
  const { revertContactImport } = await app.data(RevertImport, { jobId }, key);
  expect(revertContactImport).toMatchObject({ __typename: 'ImportJob', status: 'REVERTING' });
  await waitWhile(app, key, jobId, ['REVERTING']);
  const { importJob } = await app.data(RevertedJob, { id: jobId }, key);
  if (importJob.__typename !== 'ImportJob') throw new Error(importJob.__typename);
  expect(importJob.status).toBe('REVERTED');
  return importJob;
}

async function contactState(key: string, id: string) {
  const { contact } = await app.data(RevertContactState, { id }, key);
  return contact;
}

async function contactCount(key: string) {
  return (await app.data(RevertContactCount, {}, key)).contacts.totalCount;
}

/** Ada and Bob as an API client made them, before any import. */
async function seedContacts(key: string) {
  expect(await createField(app, key, { label: 'Tier', type: 'TEXT' })).toBe('tier');
  const ids: string[] = [];
  for (const [firstName, phone, email] of [
    ['Ada', '+12025550101', 'ada@revert.test'],
    ['Bob', '+12025550102', 'bob@revert.test'],
  ] as const) {
    ids.push(
      await createContact(app, key, {
        firstName,
        lastName: 'Before',
        country: 'US',
        tags: ['old'],
        customFields: [{ key: 'tier', value: 'silver' }],
        details: [
          { kind: 'PHONE', value: phone },
          { kind: 'EMAIL', value: email },
        ],
      }),
    );
  }
  return ids as [string, string];
}

describe('revertContactImport', () => {
  it('after a create-only import: deletes its contacts, its batch tag, group and new field; keeps the opt-outs it recorded', async () => {
    const { workspace, key } = await freshWorkspace();
    const csv = 'Name,Phone,Shoe size,WhatsApp Opted\nAda One,+12025550111,38,TRUE\nBob Two,+12025550112,44,FALSE\n';
    const job = await importCsv(app, key, csv, {
      purpose: 'ADD_NEW_ONLY',
      identifier: 'PHONE',
      newGroupName: 'Spring fair',
      columns: [
        { index: 0, fieldKey: 'name' },
        { index: 1, fieldKey: 'phone' },
        { index: 2, newField: { label: 'Shoe size', type: 'NUMBER' } },
        { index: 3, fieldKey: 'whatsappOptIn' },
      ],
    });
    expect(job.counts.created).toBe(2);
    expect(await contactCount(key)).toBe(2);

    const reverted = await revertAndWait(key, job.id);
    expect(reverted.counts).toMatchObject({ created: 2, reverted: 2, revertConflicts: 0 });
    expect(reverted.progress).toEqual({ processedRows: 2, totalRows: 2 });
    expect(reverted.revertConflicts.totalCount).toBe(0);
    expect(await contactCount(key)).toBe(0);

    const left = await app.db.pool.query(
      `SELECT (SELECT count(*)::int FROM tags WHERE workspace_id = $1) AS tags, (SELECT count(*)::int FROM groups WHERE workspace_id = $1) AS groups,
              (SELECT count(*)::int FROM fields WHERE workspace_id = $1) AS fields,
              (SELECT array_agg(address) FROM opt_outs WHERE workspace_id = $1) AS opt_outs`,
      [workspace.id],
    );
    expect(left.rows[0]).toEqual({ tags: 0, groups: 0, fields: 0, opt_outs: ['+12025550112'] });
  });

  it('after an update-only import: names, country, custom fields, tags, groups and the replaced phone get their earlier values back', async () => {
    const { workspace, key } = await freshWorkspace();
    const [ada, bob] = await seedContacts(key);
    const before = [await contactState(key, ada), await contactState(key, bob)];
    const groupsAndMembers = async () =>
      (
        await app.db.pool.query(
          `SELECT (SELECT count(*)::int FROM groups WHERE workspace_id = $1) AS groups, (SELECT count(*)::int FROM group_members WHERE workspace_id = $1) AS members`,
          [workspace.id],
        )
      ).rows[0];

    const csv = 'Email,First Name,Country,Tier,Mobile\nada@revert.test,Adele,GB,gold,+44 20 7946 0958\nbob@revert.test,Robert,FR,gold,\n';
    const job = await importCsv(app, key, csv, { purpose: 'UPDATE_EXISTING_ONLY', identifier: 'EMAIL', tags: ['spring'], newGroupName: 'Updated' });
    expect(job.counts.updated).toBe(2);
    expect(await contactState(key, ada)).toMatchObject({
      firstName: 'Adele',
      country: 'GB',
      customFields: { tier: 'gold' },
      tags: expect.arrayContaining(['old', 'spring']),
      details: expect.arrayContaining([expect.objectContaining({ kind: 'PHONE', value: '+442079460958' })]),
    });
    expect(await groupsAndMembers()).toEqual({ groups: 1, members: 2 });

    const reverted = await revertAndWait(key, job.id);
    expect(reverted.counts).toMatchObject({ reverted: 2, revertConflicts: 0 });
    expect([await contactState(key, ada), await contactState(key, bob)]).toEqual(before);
    expect(await groupsAndMembers()).toEqual({ groups: 0, members: 0 });
    expect(await contactCount(key)).toBe(2);
  });

  it('after a mixed import: deletes the contacts it created and restores the ones it updated, reporting progress over the subscription', async () => {
    const { key } = await freshWorkspace();
    const [ada] = await seedContacts(key);
    const before = await contactState(key, ada);
    const csv = 'Phone,First Name,Tier\n+12025550101,Adele,gold\n+12025550131,Carol,bronze\n+12025550132,Dan,\n';
    const job = await importCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(job.counts).toMatchObject({ created: 2, updated: 1 });
    expect(await contactCount(key)).toBe(4);

    const { revertContactImport } = await app.data(RevertImport, { jobId: job.id }, key);
    expect(revertContactImport).toMatchObject({ __typename: 'ImportJob', status: 'REVERTING' });
    const events: unknown[] = [];
    for await (const event of app
      .wsClient({ authorization: `Bearer ${key}` })
      .iterate({ query: print(RevertProgress), variables: { jobId: job.id } })) {
      events.push((event.data as { contactImportProgress: unknown }).contactImportProgress);
    }
    expect(events.at(-1)).toMatchObject({
      status: 'REVERTED',
      progress: { processedRows: 3, totalRows: 3 },
      counts: { reverted: 3, revertConflicts: 0 },
    });

    expect(await contactState(key, ada)).toEqual(before);
    expect(await contactCount(key)).toBe(2);
  });

  it('leaves contacts changed after the import as they are and reports them, restoring the others', async () => {
    const { key } = await freshWorkspace();
    const [ada, bob] = await seedContacts(key);
    const bobBefore = await contactState(key, bob);
    const csv = 'Phone,First Name\n+12025550101,Adele\n+12025550102,Robert\n+12025550141,Erin\n';
    const job = await importCsv(app, key, csv, { purpose: 'ADD_AND_UPDATE', identifier: 'PHONE' });
    expect(job.counts).toMatchObject({ created: 1, updated: 2 });
    const { rows } = await app.db.pool.query(`SELECT contact_id FROM import_changes WHERE job_id = $1 AND created`, [uuidOf(job.id)]);
    const erin = globalIdOf('Contact', rows[0].contact_id);

    // Later edits: Ada's first name, and the country of Erin, whom the import created.
    for (const input of [
      { id: ada, firstName: 'Later' },
      { id: erin, country: 'CA' },
    ]) {
      expect((await app.data(RevertEditContact, { input }, key)).updateContact.__typename).toBe('Contact');
    }
    const adaEdited = await contactState(key, ada);
    const erinEdited = await contactState(key, erin);

    const reverted = await revertAndWait(key, job.id);
    expect(reverted.counts).toMatchObject({ reverted: 1, revertConflicts: 2 });
    expect(reverted.revertConflicts.totalCount).toBe(2);
    const conflicts = reverted.revertConflicts.edges.map((edge) => edge.node);
    expect(conflicts).toEqual(
      expect.arrayContaining([
        { contactId: ada, createdByImport: false, outcome: 'CONFLICT', changedFields: expect.arrayContaining(['firstName']) },
        { contactId: erin, createdByImport: true, outcome: 'CONFLICT', changedFields: ['country'] },
      ]),
    );
    // Neither conflicting contact was overwritten or deleted; Bob, untouched since, is restored.
    expect(await contactState(key, ada)).toEqual(adaEdited);
    expect(await contactState(key, erin)).toEqual(erinEdited);
    expect(await contactState(key, bob)).toEqual(bobBefore);
  });

  it('refuses what cannot be reverted with InvalidStateError, and jobs of another workspace as not found', async () => {
    const { key } = await freshWorkspace();
    const inReview = await validateCsv(app, key, 'Email\nreview@revert.test\n', { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    expect((await app.data(RevertImport, { jobId: inReview.id }, key)).revertContactImport).toMatchObject({
      __typename: 'InvalidStateError',
      message: expect.stringContaining('REVIEW'),
    });

    const done = await importCsv(app, key, 'Email\ntwice@revert.test\n', { purpose: 'ADD_NEW_ONLY', identifier: 'EMAIL' });
    const other = await app.createWorkspace('Other');
    expect((await app.data(RevertImport, { jobId: done.id }, other.keys.WRITE)).revertContactImport.__typename).toBe('NotFoundError');
    await revertAndWait(key, done.id);
    expect((await app.data(RevertImport, { jobId: done.id }, key)).revertContactImport).toMatchObject({
      __typename: 'InvalidStateError',
      message: expect.stringContaining('REVERTED'),
    });
  });
});
