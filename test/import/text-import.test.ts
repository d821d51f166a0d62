import { describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp } from '../support/app.ts';
import { confirmAndWait, download, SetMapping, waitWhile } from '../support/imports.ts';
import { sendFile } from '../support/operations.ts';

const StartPaste = graphql(`
  mutation StartPaste($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob {
        id
        sourceKind
        delimiter
        hasHeader
        sheetName
        totalRows
        columns { index header samples suggestedFieldKey confidence needsDecision }
      }
      ... on ValidationError { message issues { path message } }
    }
  }
`);

const PastedContacts = graphql(`
  query PastedContacts {
    contacts(first: 50) { totalCount edges { node { name details { kind value } } } }
  }
`);

const app = useTestApp();

async function freshKey(): Promise<string> {
  return (await app.createWorkspace()).keys.WRITE;
}

async function paste(key: string, text: string, hasHeader?: boolean) {
  const { startContactImport } = await app.data(StartPaste, { input: { text, hasHeader } }, key);
  return startContactImport;
}

/** Maps every suggested column, validates, confirms, and returns the contacts and the result file. */
async function importAll(key: string, jobId: string, columns: { index: number; suggestedFieldKey?: string | null }[]) {
  const mapping = columns.map((column) =>
    column.suggestedFieldKey ? { index: column.index, fieldKey: column.suggestedFieldKey } : { index: column.index, ignore: true },
  );
  const mapped = await app.data(
    SetMapping,
    { input: { jobId, columns: mapping, purpose: 'ADD_NEW_ONLY', identifier: 'PHONE', defaultCountry: 'US' } },
    key,
  );
  expect(mapped.setContactImportMapping.__typename).toBe('ImportJob');
  const review = await waitWhile(app, key, jobId, ['VALIDATING']);
  expect(review.status).toBe('REVIEW');
  const done = await confirmAndWait(app, key, jobId);
  const { contacts } = await app.data(PastedContacts, {}, key);
  return { done, contacts, result: await download(done.resultFileUrl!, key) };
}

describe('pasted text with a header', () => {
  it('reads comma-separated lines whose first line names the columns', async () => {
    const key = await freshKey();
    const job = await paste(key, 'Name,Phone,Email\nAda Lovelace,(202) 555-0143,ada@example.com\nBob Smith,+1 303 555 0101,bob@example.com\n');
    expect(job).toMatchObject({ __typename: 'ImportJob', sourceKind: 'TEXT', delimiter: ',', hasHeader: true, sheetName: null, totalRows: 2 });
    if (job.__typename !== 'ImportJob') return;
    expect(job.columns.map((column) => [column.header, column.suggestedFieldKey])).toEqual([
      ['Name', 'name'],
      ['Phone', 'phone'],
      ['Email', 'email'],
    ]);
    const { done, contacts, result } = await importAll(key, job.id, job.columns);
    expect(done.counts.created).toBe(2);
    expect(contacts.totalCount).toBe(2);
    expect(result.split('\r\n')[0]).toBe('Name,Phone,Email,Import Status,Errors,Notes,Error Codes');
  });

  it('reads tab-separated lines copied from a spreadsheet, with a header of unknown words', async () => {
    const key = await freshKey();
    const job = await paste(key, 'Nombre\tTeléfono\r\nAda\t+12025550143\r\n');
    expect(job).toMatchObject({
      delimiter: '\t',
      hasHeader: true,
      totalRows: 1,
      columns: [
        { header: 'Nombre', samples: ['Ada'] },
        { header: 'Teléfono', samples: ['+12025550143'] },
      ],
    });
  });
});

describe('pasted text without a header', () => {
  it('names tab-separated columns by position and suggests fields from their values', async () => {
    const key = await freshKey();
    const text = [
      'Ada Lovelace\t(202) 555-0143\tada@example.com',
      'Bob Smith\t303-555-0101\tbob@example.com',
      'Eve Adams\t+1 415 555 0199\teve@example.com',
    ].join('\n');
    const job = await paste(key, text);
    expect(job).toMatchObject({ __typename: 'ImportJob', sourceKind: 'TEXT', delimiter: '\t', hasHeader: false, totalRows: 3 });
    if (job.__typename !== 'ImportJob') return;
    expect(
      job.columns.map((column) => [column.header, column.suggestedFieldKey, column.confidence, column.needsDecision, column.samples[0]]),
    ).toEqual([
      ['Column 1', null, null, true, 'Ada Lovelace'],
      ['Column 2', 'phone', 0.5, false, '(202) 555-0143'],
      ['Column 3', 'email', 0.5, false, 'ada@example.com'],
    ]);
    const columns = job.columns.map((column, index) => (index === 0 ? { ...column, suggestedFieldKey: 'name' } : column));
    const { done, contacts, result } = await importAll(key, job.id, columns);
    expect(done.counts.created).toBe(3);
    expect(contacts.edges.map(({ node }) => node.name).sort()).toEqual(['Ada Lovelace', 'Bob Smith', 'Eve Adams']);
    const lines = result.split('\r\n');
    expect(lines[0]).toBe('Column 1,Column 2,Column 3,Import Status,Errors,Notes,Error Codes');
    expect(lines[1]).toBe('Ada Lovelace,(202) 555-0143,ada@example.com,Imported,,,');
  });

  it('reads a comma-separated list of phone numbers, the first line included', async () => {
    const key = await freshKey();
    const job = await paste(key, '+12025550143,Ada\n+13035550101,Bob\n');
    expect(job).toMatchObject({
      delimiter: ',',
      hasHeader: false,
      totalRows: 2,
      columns: [
        { header: 'Column 1', suggestedFieldKey: 'phone' },
        { header: 'Column 2', suggestedFieldKey: null },
      ],
    });
  });

  it('gives every cell of the widest usual line a column', async () => {
    const key = await freshKey();
    const job = await paste(key, 'a@x.test\nb@x.test,VIP\nc@x.test,VIP\n');
    expect(job).toMatchObject({
      hasHeader: false,
      totalRows: 3,
      columns: [{ header: 'Column 1', suggestedFieldKey: 'email' }, { header: 'Column 2' }],
    });
  });
});

describe('hasHeader given', () => {
  it('overrides the detection either way', async () => {
    const key = await freshKey();
    expect(await paste(key, 'Ada,Lovelace\nBob,Smith\n')).toMatchObject({ hasHeader: true, totalRows: 1 });
    expect(await paste(key, 'Ada,Lovelace\nBob,Smith\n', false)).toMatchObject({
      hasHeader: false,
      totalRows: 2,
      columns: [{ header: 'Column 1', samples: ['Ada', 'Bob'] }, { header: 'Column 2' }],
    });
    expect(await paste(key, 'ada@example.com,2024\nb@x.test,2025\n', true)).toMatchObject({
      hasHeader: true,
      totalRows: 1,
      columns: [{ header: 'ada@example.com' }, { header: '2024' }],
    });
  });

  it('is refused with a file, and a sheet name with text', async () => {
    const key = await freshKey();
    const withSheet = await app.data(StartPaste, { input: { text: 'Email\na@x.test\n', sheetName: 'People' } }, key);
    expect(withSheet.startContactImport).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'sheetName'] }] });
    const withFile = await sendFile(app, key, StartPaste, { hasHeader: false }, { content: 'Email\na@x.test\n', name: 'a.csv', type: 'text/csv' });
    expect(withFile.startContactImport).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'hasHeader'] }] });
  });
});
