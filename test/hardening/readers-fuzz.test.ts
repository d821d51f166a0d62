import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LimitExceededError, ValidationError } from '../../src/domain/errors.ts';
import { generatedColumnNames } from '../../src/domain/header-row.ts';
import { inspectCsv, readCsvRows, type CsvLayout } from '../../src/import/csv-source.ts';
import { preparePastedText } from '../../src/import/text-source.ts';
import { convertXlsx, isZipFile } from '../../src/import/xlsx-source.ts';
import { ZipArchive } from '../../src/import/zip-archive.ts';
import { zipArchive, type ZipInput } from '../support/workbook-zip.ts';

/**
 * Property-based tests of the file readers (CSV, XLSX, pasted text), called directly as the import
 * calls them: detection (`inspectCsv`, `isZipFile`, `convertXlsx`, `preparePastedText`), then every
 * row (`readCsvRows`). Whatever the input, a reader returns rows or refuses the file with a typed
 * error (ValidationError on `file`, LimitExceededError); never another exception, never a hang
 * (each input is small, and each run has a time limit). Valid files written by a CSV or XLSX
 * writer read back as written.
 *
 * The runs use a fixed seed, so that the inputs are the same on every run; FUZZ_SEED=<number>
 * explores others. The inputs tried are counted in each test's name: 1,330 in all, the inputs of
 * earlier failures among them (tried first).
 *
 * Over 400 lines: the input generators of the three readers share their arbitraries and checks.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
/** Long enough for one input on a loaded machine; an input taking longer fails the property. */
const RUN_TIMEOUT_MS = 10_000;
const MAX_BYTES = 64 * 1024 * 1024;

let dir: string;
let files = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'readers-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** Every property's parameters but its number of runs. */
const RUNS = { seed: SEED, timeout: RUN_TIMEOUT_MS };

async function fileOf(bytes: Uint8Array | string): Promise<string> {
  const file = path.join(dir, `input-${++files}`);
  await writeFile(file, bytes);
  return file;
}

/** A file read as the import reads an upload: a ZIP archive as a workbook (converted to CSV), anything else as CSV. */
async function readUpload(bytes: Uint8Array, maxRows: number): Promise<{ layout: CsvLayout; rows: string[][] }> {
  let file = await fileOf(bytes);
  if (await isZipFile(file)) {
    await convertXlsx(file, `${file}.csv`, { maxRows, maxBytes: MAX_BYTES });
    file = `${file}.csv`;
  }
  return readRows(file, maxRows);
}

/** Pasted text read as the import reads it: stored with its header line, then read as CSV. */
async function readPaste(text: string, hasHeader: boolean | null, maxRows: number): Promise<{ layout: CsvLayout; rows: string[][] }> {
  const file = path.join(dir, `paste-${++files}`);
  const pasted = await preparePastedText(text, hasHeader);
  await pipeline(pasted.stream, createWriteStream(file));
  return readRows(file, maxRows);
}

async function readRows(file: string, maxRows: number): Promise<{ layout: CsvLayout; rows: string[][] }> {
  const layout = await inspectCsv(file, { maxRows });
  const rows: string[][] = [];
  for await (const row of readCsvRows(file, layout)) rows.push(row.cells);
  return { layout, rows };
}

/**
 * The reader's answer is rows (as many as its inspection counted, the samples first) or a typed
 * refusal of the file; anything else thrown fails the property.
 */
async function readsOrRefuses(read: () => Promise<{ layout: CsvLayout; rows: string[][] }>): Promise<void> {
  let result: { layout: CsvLayout; rows: string[][] };
  try {
    result = await read();
  } catch (error) {
    if (error instanceof LimitExceededError) return;
    if (error instanceof ValidationError && error.issues.every((issue) => issue.path.join('.') === 'file')) return;
    throw error;
  }
  expect(result.rows).toHaveLength(result.layout.rowCount);
  expect(result.rows.slice(0, result.layout.samples.length)).toEqual(result.layout.samples);
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/**
 * A cell holding a line break is quoted, as RFC 4180 asks: csv-stringify quotes only the line
 * break it writes between records, and a bare CR or LF in a cell left unquoted ends a row for any reader.
 */
const LINE_BREAK = /[\r\n]/;

/** Byte order marks, a NUL, bytes that are not UTF-8 (a lone lead byte, a stray continuation, an encoded surrogate). */
const ODD_BYTES = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x00],
  [0xc3],
  [0xff],
  [0x80],
  [0xe9],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
].map((bytes) => Buffer.from(bytes));

/** Pieces of CSV: delimiters, quotes, every line break, words, accents, odd bytes, and now and then a long cell. */
const csvPiece: fc.Arbitrary<Buffer> = fc.oneof(
  {
    arbitrary: fc
      .constantFrom(
        ',',
        ';',
        '\t',
        '|',
        '"',
        '""',
        '\r',
        '\n',
        '\r\n',
        ' ',
        'Name',
        'Email',
        'a@x.test',
        '+12025550143',
        'é',
        '€',
        '中',
        '😀',
        '\u00a0',
        '\u2028',
      )
      .map(utf8),
    weight: 30,
  },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map(utf8), weight: 8 },
  { arbitrary: fc.constantFrom(...ODD_BYTES), weight: 5 },
  // Now and then past the 64 KiB read to guess the encoding and delimiter, within the row limit.
  {
    arbitrary: fc
      .record({ text: fc.constantFrom('x', 'é', '"', ',', '\n'), length: fc.integer({ min: 1_000, max: 50_000 }) })
      .map(({ text, length }) => utf8(text.repeat(length))),
    weight: 1,
  },
);

const csvish: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.option(fc.constantFrom(...ODD_BYTES.slice(0, 3)), { nil: undefined }), fc.array(csvPiece, { maxLength: 60 }))
  .map(([bom, pieces]) => new Uint8Array(Buffer.concat([...(bom ? [bom] : []), ...pieces])));

describe('any bytes', () => {
  it('are read as rows or refused with a typed error (300 inputs)', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc
        .tuple(fc.constantFrom(...ODD_BYTES.slice(0, 3), Buffer.from('PK\x03\x04'), Buffer.from('PK\x05\x06')), fc.uint8Array({ maxLength: 4096 }))
        .map(([head, tail]) => new Uint8Array(Buffer.concat([head, tail]))),
    );
    await fc.assert(
      fc.asyncProperty(bytes, (input) => readsOrRefuses(() => readUpload(input, 1000))),
      { ...RUNS, numRuns: 300 },
    );
  }, 120_000);
});

describe('CSV', () => {
  it('CSV-ish bytes (quotes, delimiters, CR/LF mixes, BOMs, invalid UTF-8, NULs, long cells) are read or refused (200 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(csvish, fc.integer({ min: 1, max: 50 }), (input, maxRows) => readsOrRefuses(() => readUpload(input, maxRows))),
      { ...RUNS, numRuns: 200 },
    );
  }, 120_000);

  it('valid CSV, written by csv-stringify in any encoding the reader detects, reads back as written (120 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        table(),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.constantFrom('utf-8', 'utf-8 BOM', 'utf-16le', 'utf-16be'),
        async (written, lineBreak, quoted, encoding) => {
          const text = stringify([written.header, ...written.rows], {
            delimiter: written.delimiter,
            record_delimiter: lineBreak,
            quoted,
            quoted_match: LINE_BREAK,
          });
          const { layout, rows } = await readUpload(encode(text, encoding), 1000);
          expect(layout.delimiter).toBe(written.delimiter);
          expect(layout.headers).toEqual(written.header);
          expect(rows).toEqual(written.rows.filter((row) => row.some((cell) => cell.trim() !== '')));
        },
      ),
      {
        ...RUNS,
        numRuns: 120,
        examples: [
          // Found: a cell of many lines crossing the 64 KiB read to guess the delimiter (a comma was guessed).
          [
            {
              delimiter: ';',
              header: ['Name', 'Note'],
              rows: [
                ['Ada', 'line\n'.repeat(14_000)],
                ['Bob', 'x'],
              ],
            },
            '\n',
            false,
            'utf-8',
          ],
          // Found: in UTF-16BE, an emoji parted by the end of a 64 KiB chunk (both halves became U+FFFD).
          [{ delimiter: '|', header: ['Name', 'Note'], rows: [['Ada', 'a😀'.repeat(30_000)]] }, '\n', false, 'utf-16be'],
        ],
      },
    );
  }, 120_000);
});

describe('pasted text', () => {
  it('any text, with or without a header, is read or refused (150 inputs)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 600 }),
      csvish.map((bytes) => Buffer.from(bytes).toString('utf8')),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.constantFrom(true, false, null), (input, hasHeader) => readsOrRefuses(() => readPaste(input, hasHeader, 1000))),
      { ...RUNS, numRuns: 150 },
    );
  }, 120_000);

  it('cells copied from a spreadsheet (tab-separated) read back as copied, under a header given or generated (100 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(table({ delimiter: '\t' }), fc.boolean(), async (copied, hasHeader) => {
        const lines = hasHeader ? [copied.header, ...copied.rows] : copied.rows;
        const { layout, rows } = await readPaste(stringify(lines, { delimiter: '\t', quoted_match: LINE_BREAK }), hasHeader, 1000);
        const expected = lines.slice(hasHeader ? 1 : 0).filter((row) => row.some((cell) => cell.trim() !== ''));
        expect(layout.headers).toEqual(hasHeader ? copied.header : generatedColumnNames(copied.header.length));
        expect(rows).toEqual(expected);
      }),
      {
        ...RUNS,
        numRuns: 100,
        // Found: a first cell holding a line break, without a header (the paste was taken for one column).
        examples: [[{ delimiter: '\t', header: ['a', 'aa'], rows: [['\n', 'a']] }, false]],
      },
    );
  }, 120_000);
});

describe('XLSX', () => {
  let workbook: Buffer;
  let storedWorkbook: Buffer;

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('People');
    sheet.addRow(['Name', 'Phone', 'Joined', 'Score', 'Note']);
    sheet.addRow([
      'Zoë Müller',
      12025550143,
      new Date(Date.UTC(2024, 0, 31)),
      { formula: 'B2/2', result: 6012775071.5 },
      { richText: [{ text: 'a ' }, { text: 'b', font: { bold: true } }] },
    ]);
    sheet.addRow(['Ada', '+44 20 7946 0958', null, true, 'line\nbreak']);
    sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
    book.addWorksheet('Other').addRow(['x']);
    workbook = Buffer.from(await book.xlsx.writeBuffer());
    // The same parts stored rather than deflated, so that a changed byte changes the XML itself.
    storedWorkbook = zipArchive(await unpackAll(workbook));
  });

  it('a valid workbook, changed in a few bytes, is read or refused (300 inputs)', async () => {
    // Where in the file, as a fraction of its length: anywhere, the ZIP's headers, its directory or its
    // parts. Mostly bytes changed in place: a byte inserted or deleted moves every offset after it.
    const place = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((millionths) => millionths / 1_000_000);
    const change = fc.record({
      at: place,
      kind: fc.oneof({ arbitrary: fc.constant('set'), weight: 6 }, fc.constantFrom('insert', 'delete', 'copy')),
      byte: fc.integer({ min: 0, max: 255 }),
      length: fc.integer({ min: 1, max: 64 }),
    });
    const cut = fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: place, weight: 1 });
    const changed = fc.tuple(fc.boolean(), fc.array(change, { minLength: 1, maxLength: 6 }), cut);
    await fc.assert(
      fc.asyncProperty(changed, ([stored, changes, cut]) => {
        let bytes: Buffer = Buffer.from(stored ? storedWorkbook : workbook);
        for (const { at, kind, byte, length } of changes) bytes = mutate(bytes, Math.floor(at * bytes.length), kind, byte, length);
        if (cut !== undefined) bytes = bytes.subarray(0, Math.floor(cut * bytes.length));
        return readsOrRefuses(() => readUpload(new Uint8Array(bytes), 1000));
      }),
      { ...RUNS, numRuns: 300 },
    );
  }, 120_000);

  it('cells written by exceljs read back as written (60 inputs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        table({ xml: true }),
        fc.constantFrom('workbook', 'stream, shared strings', 'stream, inline strings'),
        async (written, writer) => {
          const lines = [written.header, ...written.rows];
          const bytes = writer === 'workbook' ? await writeWorkbook(lines) : await writeStreaming(lines, writer === 'stream, shared strings');
          const { layout, rows } = await readUpload(bytes, 1000);
          expect(layout.headers).toEqual(trimEnd(written.header));
          // The sheet reads as a spreadsheet shows it: blank rows left out, trailing blank cells
          // dropped, data rows padded to the header's width.
          const expected = written.rows
            .map(trimEnd)
            .filter((row) => row.length > 0)
            .map((row) => [...row, ...Array(Math.max(0, written.header.length - row.length)).fill('')]);
          expect(rows).toEqual(expected);
        },
      ),
      {
        ...RUNS,
        numRuns: 60,
        // Found: letters cut in two where the unpacked XML was cut into chunks.
        examples: [[{ delimiter: ',', header: ['Name', 'City'], rows: [['Zoë Müller-Ñandú 中文 '.repeat(2_000), 'Kraków']] }, 'workbook']],
      },
    );
  }, 120_000);

  it('any value exceljs writes, in any number format, is read as a cell, never taken for a damaged file (100 inputs)', async () => {
    const value: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      // Spread: fast-check's records have no prototype, which exceljs' writer needs.
      fc
        .record({
          formula: fc.constant('A1'),
          result: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 5 }), fc.boolean()),
        })
        .map((cell) => ({ ...cell })),
      fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }).map((texts) => ({ richText: texts.map((text) => ({ text })) })),
      fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }, { text: 'link', hyperlink: 'https://example.com' }, null),
    ) as fc.Arbitrary<ExcelJS.CellValue>;
    const format = fc.constantFrom(
      undefined,
      'General',
      '@',
      '0',
      '0.00',
      '#,##0.00',
      '00000',
      '(000) 000-0000',
      '0%',
      '0.00E+00',
      '# ?/?',
      'yyyy-mm-dd',
      'm/d/yy h:mm',
      'h:mm:ss',
      '[h]:mm',
      'dd/mm/yyyy hh:mm:ss',
      '"$"#,##0.00;[Red]-"$"#,##0.00',
      '[<=9999999]###-####;(###) ###-####',
      ';;;',
    );
    const cells = fc.array(fc.tuple(value, format), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(cells, { minLength: 1, maxLength: 8 }), async (rows) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('Values');
        sheet.addRow(['A', 'B', 'C', 'D', 'E', 'F']);
        for (const row of rows) {
          const added = sheet.addRow(row.map(([cell]) => cell));
          row.forEach(([, numFmt], index) => {
            if (numFmt !== undefined) added.getCell(index + 1).numFmt = numFmt;
          });
        }
        const bytes = new Uint8Array(await book.xlsx.writeBuffer());
        try {
          const { layout, rows: read } = await readUpload(bytes, 1000);
          expect(read).toHaveLength(layout.rowCount);
        } catch (error) {
          // A sheet whose every data row shows blank is refused as such; nothing else is.
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).message).toBe('file: The sheet "Values" has a header row but no data rows');
        }
      }),
      {
        ...RUNS,
        numRuns: 100,
        // Found: a date before a spreadsheet's first day (refused as a damaged workbook).
        examples: [
          [
            [
              [
                [-99_974_432, 'm/d/yy h:mm'],
                [0, undefined],
              ],
              [[0, undefined]],
            ],
          ],
        ],
      },
    );
  }, 120_000);
});

/** Every part of a ZIP archive, unpacked, to be packed again. */
async function unpackAll(bytes: Buffer): Promise<ZipInput[]> {
  const archive = await ZipArchive.read(await fileOf(bytes));
  try {
    const parts: ZipInput[] = [];
    for (const entry of archive.entries) {
      const chunks: Buffer[] = [];
      for await (const chunk of await archive.unpack(entry)) chunks.push(chunk as Buffer);
      parts.push({ name: entry.name, data: Buffer.concat(chunks), store: true });
    }
    return parts;
  } finally {
    await archive.close();
  }
}

async function writeWorkbook(lines: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sheet');
  for (const line of lines) sheet.addRow(line);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** As exceljs' streaming writer writes, the shared strings after the sheet, or each cell's text in the sheet. */
async function writeStreaming(lines: string[][], useSharedStrings: boolean): Promise<Uint8Array> {
  const file = path.join(dir, `written-${++files}.xlsx`);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings });
  const sheet = writer.addWorksheet('Sheet');
  for (const line of lines) sheet.addRow(line).commit();
  sheet.commit();
  await writer.commit();
  return new Uint8Array(await readFile(file));
}

function mutate(bytes: Buffer, at: number, kind: string, byte: number, length: number): Buffer {
  switch (kind) {
    case 'set':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at + 1)]);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(length, byte), bytes.subarray(at)]);
    case 'delete':
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
    default:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + length), bytes.subarray(at)]);
  }
}

function trimEnd(row: string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1]!.trim() === '') end--;
  return row.slice(0, end);
}

function encode(text: string, encoding: 'utf-8' | 'utf-8 BOM' | 'utf-16le' | 'utf-16be'): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8(text);
    case 'utf-8 BOM':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
  }
}

/**
 * A table as people keep contacts: a header of distinct, non-blank names and rows as wide as it,
 * at least one of them not blank. Cells hold quotes, line breaks, spaces, accents, emoji and the
 * table's own delimiter, but not the other delimiters a reader could take for it (a file whose
 * cells are full of semicolons is ambiguous to any reader guessing its delimiter). For a workbook
 * (`xml`), no CR, which XML reads as LF (Excel writes a CR as `_x000D_`, which the reader decodes),
 * and no emoji: exceljs' writer can cut one in two where its buffer fills.
 */
function table(
  options: { delimiter?: '\t'; xml?: boolean } = {},
): fc.Arbitrary<{ delimiter: ',' | ';' | '\t' | '|'; header: string[]; rows: string[][] }> {
  return fc.constantFrom<',' | ';' | '\t' | '|'>(...(options.delimiter ? [options.delimiter] : ([',', ';', '\t', '|'] as const))).chain((chosen) => {
    const special = options.xml ? ['\n'] : ['\n', '\r', '😀'];
    const unit = fc.constantFrom('a', 'b', 'Z', '0', '7', ' ', '"', '.', '@', '+', '-', '_', 'é', 'ß', 'Ö', '中', ...special, chosen);
    const cell = fc.oneof(
      { arbitrary: fc.string({ unit, maxLength: 12 }), weight: 9 },
      { arbitrary: fc.string({ unit, minLength: 5_000, maxLength: 12_000 }), weight: 1 },
    );
    const name = fc.string({ unit, minLength: 1, maxLength: 10 }).filter((text) => text.trim() !== '');
    return fc.uniqueArray(name, { minLength: 2, maxLength: 6, selector: (text) => text.trim().normalize('NFC').toLowerCase() }).chain((header) =>
      fc
        .array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { minLength: 1, maxLength: 12 })
        .filter((rows) => rows.some((row) => row.some((text) => text.trim() !== '')))
        .map((rows) => ({ delimiter: chosen, header, rows })),
    );
  });
}
