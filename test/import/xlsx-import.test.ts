/**
 * XLSX imports through the API, workbook by workbook (cells as shown, the archive, sheets, files
 * refused, memory): each case builds its own small workbook, which makes the file long; over 400
 * lines for that reason.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFileKeys } from '../../src/files/file-store.ts';
import { readCsvRows } from '../../src/import/csv-source.ts';
import { graphql } from '../generated/gql.ts';
import type { StartContactImportInput } from '../generated/graphql.ts';
import { useTestApp } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { confirmAndWait, download, SetMapping, waitWhile } from '../support/imports.ts';
import { createField, sendFile } from '../support/operations.ts';

const StartWorkbookImport = graphql(`
  mutation StartWorkbookImport($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob {
        id
        status
        sourceKind
        fileName
        encoding
        delimiter
        hasHeader
        sheetName
        sheetNames
        totalRows
        columns { index header samples suggestedFieldKey }
      }
      ... on ValidationError { message issues { path message } }
      ... on LimitExceededError { message limit }
    }
  }
`);

const WorkbookContacts = graphql(`
  query WorkbookContacts {
    contacts(first: 50) { totalCount edges { node { firstName lastName customFields details { kind value } } } }
  }
`);

const run = promisify(execFile);
const CONVERTER = path.join(import.meta.dirname, '../support/convert-workbook.ts');
/** Heap the converting process gets for a 200,000-row workbook. */
const HEAP_CAP_MB = 128;

const app = useTestApp();
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'xlsx-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function freshWorkspace() {
  const workspace = await app.createWorkspace();
  return { workspace, key: workspace.keys.WRITE };
}

/** Sends a workbook as a GraphQL multipart request, as a browser would. */
async function upload(key: string, content: Uint8Array, options: Omit<StartContactImportInput, 'file'> & { name?: string } = {}) {
  const { name = 'contacts.xlsx', ...input } = options;
  return (await sendFile(app, key, StartWorkbookImport, input, { content, name, type: 'application/octet-stream' })).startContactImport;
}

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** exceljs' temporary files of this process (sheets parked on disk until the shared strings are read). */
async function temporaryFiles(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((name) => name.startsWith(`tmp-${process.pid}-`));
}

async function jobCount(workspaceId: string): Promise<number> {
  const { rows } = await app.db.pool.query('SELECT count(*)::int AS n FROM import_jobs WHERE workspace_id = $1', [workspaceId]);
  return rows[0].n;
}

describe('an XLSX import from upload to result file', () => {
  it('reads the first visible sheet, imports it and writes the result with the cells as seen', async () => {
    const { key } = await freshWorkspace();
    expect(await createField(app, key, { label: 'Joined', type: 'DATE' })).toBe('joined');
    const content = await workbook((book) => {
      book.addWorksheet('Archive', { state: 'hidden' }).addRow(['Phone']).commit();
      const sheet = book.addWorksheet('People');
      sheet.addRow(['First Name', 'Last Name', 'Phone', 'Email', 'Joined']);
      sheet.addRow(['Ada', 'Lovelace', 12025550143, 'ada@example.com', new Date(Date.UTC(2024, 0, 31))]);
      sheet.addRow([]);
      sheet.addRow(['Bob', 'Smith', '+1 (303) 555-0101', { text: 'bob@example.com', hyperlink: 'mailto:bob@example.com' }, null]);
      sheet.addRow(['Eve', 'Bad', 12, 'eve@example.com', null]);
      sheet.getColumn(5).numFmt = 'yyyy-mm-dd';
    });

    const started = await upload(key, content);
    expect(started).toMatchObject({
      __typename: 'ImportJob',
      status: 'MAPPING',
      sourceKind: 'XLSX',
      fileName: 'contacts.xlsx',
      encoding: null,
      delimiter: null,
      hasHeader: true,
      sheetName: 'People',
      sheetNames: ['Archive', 'People'],
      totalRows: 3,
    });
    if (started.__typename !== 'ImportJob') return;
    expect(started.columns.map((column) => [column.header, column.suggestedFieldKey, column.samples])).toEqual([
      ['First Name', 'firstName', ['Ada', 'Bob', 'Eve']],
      ['Last Name', 'lastName', ['Lovelace', 'Smith', 'Bad']],
      ['Phone', 'phone', ['12025550143', '+1 (303) 555-0101', '12']],
      ['Email', 'email', ['ada@example.com', 'bob@example.com', 'eve@example.com']],
      ['Joined', 'joined', ['2024-01-31', '', '']],
    ]);

    const columns = started.columns.map((column) => ({ index: column.index, fieldKey: column.suggestedFieldKey! }));
    const mapped = await app.data(
      SetMapping,
      { input: { jobId: started.id, columns, purpose: 'ADD_NEW_ONLY', identifier: 'PHONE', defaultCountry: 'US' } },
      key,
    );
    expect(mapped.setContactImportMapping.__typename).toBe('ImportJob');
    const review = await waitWhile(app, key, started.id, ['VALIDATING']);
    expect(review).toMatchObject({ status: 'REVIEW', counts: { toCreate: 2, errors: 1 } });
    const errors = await download(review.errorFileUrl!, key);
    expect(errors.split('\r\n')[0]).toBe('First Name,Last Name,Phone,Email,Joined,Error,Error Codes');
    expect(errors).toContain('Eve,Bad,12,eve@example.com,,');

    const done = await confirmAndWait(app, key, started.id);
    expect(done.counts).toMatchObject({ created: 2, failed: 1 });
    const { contacts } = await app.data(WorkbookContacts, {}, key);
    expect(contacts.edges.map(({ node }) => node).sort((a, b) => a.firstName!.localeCompare(b.firstName!))).toEqual([
      {
        firstName: 'Ada',
        lastName: 'Lovelace',
        customFields: { joined: '2024-01-31' },
        details: expect.arrayContaining([
          { kind: 'PHONE', value: '+12025550143' },
          { kind: 'EMAIL', value: 'ada@example.com' },
        ]),
      },
      {
        firstName: 'Bob',
        lastName: 'Smith',
        customFields: {},
        details: expect.arrayContaining([
          { kind: 'PHONE', value: '+13035550101' },
          { kind: 'EMAIL', value: 'bob@example.com' },
        ]),
      },
    ]);

    const result = (await download(done.resultFileUrl!, key)).split('\r\n');
    expect(result[0]).toBe('First Name,Last Name,Phone,Email,Joined,Import Status,Errors,Notes,Error Codes');
    expect(result[1]).toBe('Ada,Lovelace,12025550143,ada@example.com,2024-01-31,Imported,,,');
    expect(result[2]).toBe("Bob,Smith,'+1 (303) 555-0101,bob@example.com,,Imported,,,");
    expect(result[3]).toMatch(/^Eve,Bad,12,eve@example.com,,Error,/);
  });

  it('recognises a workbook by its content, whatever its name', async () => {
    const { key } = await freshWorkspace();
    const content = await workbook((book) => {
      const sheet = book.addWorksheet('Sheet1');
      sheet.addRow(['Email']);
      sheet.addRow(['a@x.test']);
    });
    expect(await upload(key, content, { name: 'export.csv' })).toMatchObject({ sourceKind: 'XLSX', sheetName: 'Sheet1', totalRows: 1 });
  });
});

describe('cells as the user sees them', () => {
  it('reads numbers, dates, formulas, booleans, rich text, shared strings and formats', async () => {
    const { key } = await freshWorkspace();
    const headers = [
      'Phone',
      'Noise',
      'Joined',
      'Met',
      'At',
      'Active',
      'Formula',
      'Text formula',
      'Date formula',
      'Rich',
      'Zip',
      'Styled phone',
      'Typed',
      'Money',
      'Error',
      'Gap',
      'Last',
    ];
    const content = await workbook((book) => {
      const sheet = book.addWorksheet('Values');
      sheet.addRow(headers);
      const row = sheet.addRow([
        12025550143,
        0.1 + 0.2,
        new Date(Date.UTC(2024, 1, 29)),
        new Date(Date.UTC(2024, 1, 29, 18, 30)),
        new Date(Date.UTC(1899, 11, 30, 9, 5)),
        true,
        { formula: 'A2+1', result: 12025550144 },
        { formula: 'UPPER("ada")', result: 'ADA' },
        { formula: 'DATE(2024,3,1)', result: 45352 },
        { richText: [{ text: 'Ada ', font: { bold: true } }, { text: 'Lovelace' }] },
        2134,
        2025550143,
        '00123',
        1234.5,
        { error: '#N/A' },
        null,
        'end',
      ]);
      row.getCell(3).numFmt = 'dd/mm/yyyy';
      row.getCell(4).numFmt = 'm/d/yy h:mm';
      row.getCell(5).numFmt = 'h:mm';
      row.getCell(9).numFmt = 'yyyy-mm-dd';
      row.getCell(11).numFmt = '00000';
      row.getCell(12).numFmt = '(000) 000-0000';
      row.getCell(13).numFmt = '@';
      row.getCell(14).numFmt = '#,##0.00';
      sheet.addRow(['same', 'same', 'same']);
    });
    const started = await upload(key, content);
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    expect(started.columns.map((column) => column.header)).toEqual(headers);
    expect(Object.fromEntries(started.columns.map((column) => [column.header, column.samples[0]]))).toEqual({
      Phone: '12025550143',
      Noise: '0.3',
      Joined: '2024-02-29',
      Met: '2024-02-29T18:30',
      At: '09:05',
      Active: 'TRUE',
      Formula: '12025550144',
      'Text formula': 'ADA',
      'Date formula': '2024-03-01',
      Rich: 'Ada Lovelace',
      Zip: '02134',
      'Styled phone': '(202) 555-0143',
      Typed: '00123',
      Money: '1,234.50',
      Error: '#N/A',
      Gap: '',
      Last: 'end',
    });
    // A short row keeps its cells in their columns and is padded to the header's width.
    expect(started.columns.map((column) => column.samples[1])).toEqual(['same', 'same', 'same', ...Array(14).fill('')]);
  });
});

describe('reading the archive', () => {
  it('keeps letters whole where the unpacked XML is cut into chunks', async () => {
    const { workspace, key } = await freshWorkspace();
    const names = Array.from({ length: 6_000 }, (_, index) => `Zoë Müller-Ñandú ${index} 中文`);
    const content = await workbook((book) => {
      const sheet = book.addWorksheet('People');
      sheet.addRow(['Name', 'Email']);
      for (const [index, name] of names.entries()) sheet.addRow([name, `p${index}@x.test`]);
    });
    const started = await upload(key, content);
    if (started.__typename !== 'ImportJob') throw new Error(started.message);
    const read: string[] = [];
    const stored = await app.files.localCopy(importFileKeys(workspace.id, uuidOf(started.id)).source);
    for await (const row of readCsvRows(stored.path, { encoding: 'utf-8', bom: true, delimiter: ',', headers: [], rowCount: 0, samples: [] }))
      read.push(row.cells[0]!);
    await stored.remove();
    expect(read.filter((name) => name.includes('\uFFFD'))).toEqual([]);
    expect(read).toEqual(names);
  });
});

describe('sheets', () => {
  const twoSheets = () =>
    workbook((book) => {
      const notes = book.addWorksheet('Notes');
      notes.addRow(['Note']);
      notes.addRow(['hello']);
      const people = book.addWorksheet('People 2024');
      people.addRow(['Email', 'Name']);
      people.addRow(['a@x.test', 'Ada']);
      people.addRow(['b@x.test', 'Bob']);
    });

  it('reads the first sheet by default and a chosen one by name, ignoring case', async () => {
    const { key } = await freshWorkspace();
    const content = await twoSheets();
    const temporaryBefore = await temporaryFiles();
    expect(await upload(key, content)).toMatchObject({ sheetName: 'Notes', totalRows: 1, columns: [{ header: 'Note' }] });
    expect(await upload(key, content, { sheetName: 'people 2024' })).toMatchObject({
      sheetName: 'People 2024',
      sheetNames: ['Notes', 'People 2024'],
      totalRows: 2,
      columns: [{ header: 'Email', samples: ['a@x.test', 'b@x.test'] }, { header: 'Name' }],
    });
    // The sheet skipped and the sheet read were both parked on disk; neither is left there.
    expect(await temporaryFiles()).toEqual(temporaryBefore);
  });

  it('refuses an unknown sheet, naming the sheets there are, and keeps nothing', async () => {
    const { workspace, key } = await freshWorkspace();
    const temporaryBefore = await temporaryFiles();
    const result = await upload(key, await twoSheets(), { sheetName: 'Contacts' });
    expect(result).toEqual({
      __typename: 'ValidationError',
      message: 'sheetName: The workbook has no sheet "Contacts"; its sheets are "Notes", "People 2024"',
      issues: [{ path: ['sheetName'], message: 'The workbook has no sheet "Contacts"; its sheets are "Notes", "People 2024"' }],
    });
    expect(await jobCount(workspace.id)).toBe(0);
    expect(await app.files.list(workspace.id)).toEqual([]);
    expect(await temporaryFiles()).toEqual(temporaryBefore);
  });

  it('refuses a first sheet without data rows, naming it and the sheets to choose from, and reads the one chosen', async () => {
    const { workspace, key } = await freshWorkspace();
    const content = await workbook((book) => {
      book.addWorksheet('Instructions').addRow(['Fill in the Contacts sheet, one person a row']);
      const contacts = book.addWorksheet('Contacts');
      contacts.addRow(['Email', 'Name']);
      contacts.addRow(['a@x.test', 'Ada']);
      book.addWorksheet('Notes').addRow(['Note']);
    });
    const message =
      'The sheet "Instructions" has a header row but no data rows; the workbook\'s other sheets are "Contacts", "Notes": choose one with sheetName';
    expect(await upload(key, content)).toEqual({
      __typename: 'ValidationError',
      message: `file: ${message}`,
      issues: [{ path: ['file'], message }],
    });
    expect(await jobCount(workspace.id)).toBe(0);
    expect(await upload(key, content, { sheetName: 'contacts' })).toMatchObject({ __typename: 'ImportJob', sheetName: 'Contacts', totalRows: 1 });
  });

  it('names the other sheet of a workbook whose first sheet is empty', async () => {
    const { key } = await freshWorkspace();
    const content = await workbook((book) => {
      book.addWorksheet('Cover');
      const people = book.addWorksheet('People');
      people.addRow(['Email']);
      people.addRow(['a@x.test']);
    });
    expect(await upload(key, content)).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['file'], message: 'The sheet "Cover" is empty; the workbook\'s other sheet is "People": choose one with sheetName' }],
    });
  });

  it('refuses a sheet name for a CSV file', async () => {
    const { key } = await freshWorkspace();
    const result = await upload(key, new TextEncoder().encode('Email\na@x.test\n'), { name: 'a.csv', sheetName: 'People' });
    expect(result).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['sheetName'] }] });
  });
});

/** A ZIP archive of uncompressed entries: enough to hold something that is not a workbook. */
function zipOf(entries: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe('files refused', () => {
  const headerOnly = () => workbook((book) => book.addWorksheet('S').addRow(['Email', 'Name']));
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, RegExp][] = [
    ['a damaged workbook', async () => (await headerOnly()).slice(0, 300), /not a readable XLSX workbook/],
    [
      'a ZIP header followed by junk',
      () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not really a zip at all')]),
      /not a readable XLSX workbook/,
    ],
    [
      'a ZIP archive of something else',
      () => zipOf({ 'word/document.xml': '<w:document/>', 'readme.txt': 'hello' }),
      /ZIP archive without an Excel workbook/,
    ],
    ['an empty sheet', () => workbook((book) => book.addWorksheet('Blank')), /^file: The sheet "Blank" is empty$/],
    ['a header without rows', headerOnly, /^file: The sheet "S" has a header row but no data rows$/],
    [
      'an Excel 97–2003 workbook',
      () => Buffer.from('d0cf11e0a1b11ae1000000', 'hex'),
      /\(\.xls\) workbook .*save it as an Excel Workbook \(\.xlsx\) or as CSV$/,
    ],
    [
      'duplicate headers',
      () =>
        workbook((book) => {
          const sheet = book.addWorksheet('S');
          sheet.addRow(['Email', 'Name', 'email']);
          sheet.addRow(['a@x.test', 'A', 'b@x.test']);
        }),
      /Columns 1 and 3 have the same header "email"/,
    ],
    [
      'a blank header',
      () =>
        workbook((book) => {
          const sheet = book.addWorksheet('S');
          sheet.addRow(['Email', null, 'Name']);
          sheet.addRow(['a@x.test', 'x', 'A']);
        }),
      /Column 2 has a blank header/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(`refuses ${name}, keeping nothing`, async () => {
      const { workspace, key } = await freshWorkspace();
      const result = await upload(key, await make());
      expect(result.__typename).toBe('ValidationError');
      if (result.__typename === 'ValidationError') expect(result.message).toMatch(message);
      expect(await jobCount(workspace.id)).toBe(0);
    });
  }

  it('refuses more rows than the workspace limit', async () => {
    const { workspace, key } = await freshWorkspace();
    await app.db.prisma.workspace.update({ where: { id: workspace.id }, data: { importMaxRows: 2 } });
    const content = await workbook((book) => {
      const sheet = book.addWorksheet('Big');
      sheet.addRow(['Email']);
      for (let i = 0; i < 5; i++) sheet.addRow([`p${i}@x.test`]);
    });
    expect(await upload(key, content)).toMatchObject({
      __typename: 'LimitExceededError',
      limit: 2,
      message: 'The sheet "Big" has more than 2 data rows, the workspace limit',
    });
    expect(await jobCount(workspace.id)).toBe(0);
  });
});

describe('memory', () => {
  it('converts a 200,000-row workbook with bounded memory', { timeout: 300_000 }, async () => {
    const ROWS = 200_000;
    const file = path.join(dir, 'large.xlsx');
    // Written as Excel does: strings shared, and the shared strings stored after the sheet, so
    // that the reader has to park the sheet on disk until it has them.
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useSharedStrings: true, useStyles: true });
    const sheet = writer.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name', 'Phone', 'Email', 'Joined', 'Score']).commit();
    for (let i = 0; i < ROWS; i++) {
      const row = sheet.addRow([
        `Person${i}`,
        'Smith',
        12025550000 + (i % 10_000),
        `person${i}@example.com`,
        new Date(Date.UTC(2024, 0, 1 + (i % 365))),
        i / 10,
      ]);
      row.getCell(5).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    sheet.commit();
    await writer.commit();
    const { size } = await stat(file);

    // In a process of its own whose heap is capped: were the rows held, it would run out.
    const target = path.join(dir, 'large.csv');
    const { stdout } = await run(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', 'tsx', CONVERTER, file, target]);
    const cost = JSON.parse(stdout) as { sheets: unknown; seconds: number; rssBeforeMb: number; rssGrowthMb: number };
    expect(cost.sheets).toEqual({ sheetName: 'Contacts', sheetNames: ['Contacts'] });
    console.log(
      `xlsx-source: ${ROWS} rows, ${(size / 2 ** 20).toFixed(1)} MB workbook converted in ${cost.seconds.toFixed(1)} s ` +
        `(${Math.round(ROWS / cost.seconds)} rows/s) with a ${HEAP_CAP_MB} MB heap; RSS ${cost.rssBeforeMb.toFixed(0)} MB before, peak growth ${cost.rssGrowthMb.toFixed(1)} MB`,
    );

    let read = 0;
    let last: string[] = [];
    for await (const row of readCsvRows(target, { encoding: 'utf-8', bom: true, delimiter: ',', headers: [], rowCount: 0, samples: [] })) {
      read += 1;
      last = row.cells;
    }
    expect(read).toBe(ROWS);
    const lastJoined = new Date(Date.UTC(2024, 0, 1 + ((ROWS - 1) % 365))).toISOString().slice(0, 10);
    expect(last).toEqual([
      `Person${ROWS - 1}`,
      'Smith',
      String(12025550000 + ((ROWS - 1) % 10_000)),
      `person${ROWS - 1}@example.com`,
      lastJoined,
      '19999.9',
    ]);
    // Held whole, the rows as exceljs objects would take gigabytes; streaming keeps to the shared
    // strings (400,000 distinct names and emails, ~10 MB packed) plus parser buffers and garbage.
    expect(cost.rssGrowthMb).toBeLessThan(150);
  });
});
