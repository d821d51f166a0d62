import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { SetMapping, confirmAndWait, uploadCsv, waitWhile } from '../support/imports.ts';

const FieldKeys = graphql(`
  query MessyFieldKeys {
    fields { key label }
  }
`);

const ContactValues = graphql(`
  query MessyContacts {
    contacts(first: 50) { edges { node { customFields details { value } } } }
  }
`);

/** The csv-spectrum package: tricky CSV files with the records each must parse to. */
const spectrumDir = path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const spectrum = readdirSync(path.join(spectrumDir, 'csvs')).map((file) => {
  const name = path.basename(file, '.csv');
  return {
    name,
    csv: readFileSync(path.join(spectrumDir, 'csvs', file)),
    records: [JSON.parse(readFileSync(path.join(spectrumDir, 'json', `${name}.json`), 'utf8'))].flat() as Record<string, string>[],
  };
});
// Its JSON names another phone number than its CSV, and its CSV's degree signs are not UTF-8.
const VALUES_DIFFER = new Set(['location_coordinates']);

const app = useTestApp();
let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await app.createWorkspace();
});

describe('csv-spectrum files, uploaded as they are', () => {
  for (const file of spectrum) {
    it(`${file.name}: headers, row count and samples as the specification reads them`, async () => {
      const job = await uploadCsv(app, workspace.keys.WRITE, file.csv, `${file.name}.csv`);
      expect(job.__typename).toBe('ImportJob');
      if (job.__typename !== 'ImportJob') return;
      const headers = Object.keys(file.records[0]!);
      expect(job.columns.map((column) => column.header)).toEqual(headers);
      expect(job.totalRows).toBe(file.records.length);
      if (!VALUES_DIFFER.has(file.name)) {
        for (const [index, header] of headers.entries()) expect(job.columns[index]!.samples).toEqual(file.records.map((record) => record[header]));
      }
    });
  }
});

describe('csv-spectrum records adapted into contact rows', () => {
  for (const file of spectrum.filter((candidate) => !VALUES_DIFFER.has(candidate.name))) {
    it(`${file.name}: every value reaches the contact's custom fields unchanged`, async () => {
      const other = await app.createWorkspace(file.name);
      const headers = Object.keys(file.records[0]!);
      const rows = file.records.map((record, index) => [
        `row${index}@${file.name.replace(/_/g, '-')}.test`,
        ...headers.map((header) => record[header]!),
      ]);
      const csv = stringify([['Email', ...headers.map((header) => `Spectrum ${header}`)], ...rows], { quoted: true });

      const started = await uploadCsv(app, other.keys.WRITE, csv);
      if (started.__typename !== 'ImportJob') throw new Error(started.message);
      const mapping = await app.data(
        SetMapping,
        {
          input: {
            jobId: started.id,
            purpose: 'ADD_NEW_ONLY',
            identifier: 'EMAIL',
            columns: [
              { index: 0, fieldKey: 'email' },
              ...headers.map((header, index) => ({ index: index + 1, newField: { label: `Spectrum ${header}`, type: 'TEXT' as const } })),
            ],
          },
        },
        other.keys.WRITE,
      );
      expect(mapping.setContactImportMapping.__typename).toBe('ImportJob');
      await waitWhile(app, other.keys.WRITE, started.id, ['VALIDATING']);
      const done = await confirmAndWait(app, other.keys.WRITE, started.id);
      expect(done.counts).toMatchObject({ created: file.records.length, failed: 0 });

      const { fields } = await app.data(FieldKeys, {}, other.keys.READ);
      const keyOf = (header: string) => fields.find((field) => field.label === `Spectrum ${header}`)!.key;
      const { contacts } = await app.data(ContactValues, {}, other.keys.READ);
      const byEmail = new Map(contacts.edges.map(({ node }) => [node.details[0]!.value, node.customFields]));
      file.records.forEach((record, index) => {
        // TEXT values are trimmed, and an empty cell stores nothing.
        const expected = Object.fromEntries(
          headers.filter((header) => record[header]!.trim() !== '').map((header) => [keyOf(header), record[header]!.trim()]),
        );
        expect(byEmail.get(rows[index]![0]!)).toEqual(expected);
      });
    });
  }
});

describe('malformed and oversized files through the API', () => {
  it('refuses a quote that is never closed, naming the line, and keeps nothing', async () => {
    const result = await uploadCsv(app, workspace.keys.WRITE, 'Email,Name\na@x.test,"Ada\nb@x.test,Bob\n');
    expect(result).toMatchObject({ __typename: 'ValidationError', message: expect.stringMatching(/quote.*line 2|line 2.*quote/i) });
  });

  it('imports a row with a 5 MB cell, and makes stray quotes and wrong cell counts row errors', async () => {
    const big = 'x'.repeat(5 * 2 ** 20);
    const csv = `Email,Notes\nbig@x.test,${big}\nstray@x.test,say "hi" there\nshort@x.test\nlong@x.test,a,b\n`;
    const started = await uploadCsv(app, workspace.keys.WRITE, csv);
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    expect(started.totalRows).toBe(4);
    await app.data(
      SetMapping,
      {
        input: {
          jobId: started.id,
          purpose: 'ADD_NEW_ONLY',
          identifier: 'EMAIL',
          columns: [
            { index: 0, fieldKey: 'email' },
            { index: 1, newField: { label: 'Notes', type: 'TEXT' } },
          ],
        },
      },
      workspace.keys.WRITE,
    );
    const job = await waitWhile(app, workspace.keys.WRITE, started.id, ['VALIDATING']);
    expect(job.preview.map((row) => row.action)).toEqual(['CREATE', 'CREATE', 'ERROR', 'ERROR']);
    expect(job.preview[1]!.values).toMatchObject({ customFields: { notes: 'say "hi" there' } });
  });
});
