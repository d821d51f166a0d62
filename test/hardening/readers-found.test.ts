import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.ts';
import { StartImport, uploadCsv } from '../support/imports.ts';

/**
 * What the readers' fuzz tests (readers-fuzz.test.ts) found, each imported through the server as a
 * user would: files read wrong before, read right now.
 */

const app = useTestApp();
let key: string;

beforeAll(async () => {
  key = (await app.createWorkspace()).keys.WRITE;
});

describe('CSV', () => {
  it('takes the right delimiter when a cell of several lines crosses the 64 KiB read to guess it', async () => {
    // The guess parsed the first 64 KiB, which ends inside the quoted note; the parse error dropped
    // every row before it, and a comma was guessed for a file of semicolons.
    const note = `"${'a note of many lines\n'.repeat(4_000)}"`;
    const csv = `Name;Email;Note\nAda;ada@x.test;short\nBob;bob@x.test;${note}\nCy;cy@x.test;end\n`;
    const started = await uploadCsv(app, key, csv);
    expect(started).toMatchObject({ __typename: 'ImportJob', delimiter: ';', totalRows: 3 });
    if (started.__typename === 'ImportJob') expect(started.columns.map((column) => column.header)).toEqual(['Name', 'Email', 'Note']);
  });
});

describe('UTF-16', () => {
  it('keeps an emoji whole where the end of a 64 KiB chunk parts its two halves (UTF-16BE)', async () => {
    const note = 'a😀'.repeat(30_000);
    const csv = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(`Name|Note\nAda|${note}\n`, 'utf-16be')]);
    const started = await uploadCsv(app, key, new Uint8Array(csv));
    expect(started).toMatchObject({ __typename: 'ImportJob', encoding: 'utf-16be', totalRows: 1 });
    if (started.__typename === 'ImportJob') expect(started.columns[1]!.samples[0] === note).toBe(true);
  });
});

describe('pasted text', () => {
  it('counts the columns of a paste without a header whose first cell holds a line break', async () => {
    // A spreadsheet copies a cell of two lines in quotes; the first line was cut at its line break,
    // and so had no tab, and the paste was read as one comma-separated column.
    const text = '"Ada\nLovelace"\tada@x.test\t+12025550143\nBob\tbob@x.test\t+12025550101\n';
    const { startContactImport: started } = await app.data(StartImport, { input: { text, hasHeader: false } }, key);
    expect(started).toMatchObject({ __typename: 'ImportJob', delimiter: '\t', totalRows: 2 });
    if (started.__typename === 'ImportJob') {
      expect(started.columns.map((column) => [column.header, column.samples[0]])).toEqual([
        ['Column 1', 'Ada\nLovelace'],
        ['Column 2', 'ada@x.test'],
        ['Column 3', '+12025550143'],
      ]);
    }
  });
});

describe('XLSX', () => {
  it('shows a date cell out of a spreadsheet’s range as the spreadsheet does, instead of refusing the workbook as damaged', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('People');
    sheet.addRow(['Email', 'Joined']);
    for (const [email, serial] of [
      ['far@x.test', 1e10],
      ['before@x.test', -99_974_432],
      ['fine@x.test', 45_352],
    ] as const) {
      sheet.addRow([email, serial]).getCell(2).numFmt = 'yyyy-mm-dd';
    }
    const started = await uploadCsv(app, key, new Uint8Array(await book.xlsx.writeBuffer()), 'people.xlsx');
    expect(started).toMatchObject({ __typename: 'ImportJob', totalRows: 3 });
    if (started.__typename === 'ImportJob') expect(started.columns[1]!.samples).toEqual(['########', '########', '2024-03-01']);
  });
});
