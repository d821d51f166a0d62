import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { DomainError, LimitExceededError, ValidationError } from '../domain/errors.ts';
import { MAX_ROW_BYTES } from './csv-source.ts';
import { rowCells, SharedStrings, type CellContext, type SharedStringLimits } from './xlsx-cells.ts';
import { ZipArchive, ZipFormatError, type ZipEntry } from './zip-archive.ts';

/** A ZIP archive's first bytes (a local file header, or the end record of an empty archive); every XLSX workbook is one. */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
];

/** Whether the file is a ZIP archive, and so read as a workbook rather than as CSV. */
export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && ZIP_SIGNATURES.some((signature) => signature.every((byte, index) => buffer[index] === byte));
  } finally {
    await handle.close();
  }
}

/**
 * A part compressed more than this many times over is refused once it unpacks to more than
 * `RATIO_CHECKED_FROM_BYTES`: parts as spreadsheets write them compress 5 to 25 times (blank
 * formatted rows are the most), while a ZIP bomb's repeated bytes compress up to 1,000 times.
 */
export const MAX_COMPRESSION_RATIO = 100;
const RATIO_CHECKED_FROM_BYTES = 1024 * 1024;

/**
 * The most a workbook's relationships, sheet list or styles may unpack to: exceljs parses each
 * whole into memory (a bloated styles part of a real workbook is a few MB).
 */
export const MAX_DESCRIPTION_PART_BYTES = 16 * 1024 * 1024;

/**
 * Shared strings are held in memory while the sheet is read (a sheet names them by position): a
 * sheet of a million rows with a few distinct texts on each fits in these; a bigger one can be
 * saved as CSV, which has no such table.
 */
export const SHARED_STRING_LIMITS: Readonly<SharedStringLimits> = { strings: 5_000_000, characters: 50_000_000 };

/** The parts read, at the paths every XLSX writer uses. */
const PARTS = {
  relationships: 'xl/_rels/workbook.xml.rels',
  workbook: 'xl/workbook.xml',
  styles: 'xl/styles.xml',
  sharedStrings: 'xl/sharedStrings.xml',
};
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The sheet read and every sheet of the workbook, in tab order. */
export interface XlsxSheets {
  sheetName: string;
  sheetNames: string[];
}

/**
 * The parsers of exceljs' streaming reader, beyond its typings. Each takes one part's text; the
 * reader's own `parse()`, which unzips the upload as it streams and parks sheets in temporary
 * files, is not used.
 */
interface BookReader {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  /** In emit mode, each string bare (exceljs 4.4 yields them without their event wrapper). */
  _parseSharedStrings(part: Readable): AsyncIterable<{ index: number; text: SharedStringText }>;
  /** A reader of the sheet numbered `sheetNo` (its part's name), named from the workbook's sheet list. */
  _parseWorksheet(text: AsyncIterable<string>, sheetNo: string): Iterable<{ eventType: 'worksheet'; value: SheetReader }>;
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
}
type SharedStringText = string | { richText: { text?: string | null }[] } | null;
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

/**
 * Converts one sheet of the workbook at `path` into `target` as CSV (UTF-8 with a BOM, every cell
 * quoted so no cell can pass for a delimiter), each cell as the spreadsheet shows it (see
 * {@link cellText}). The sheet is `sheetName` (matched ignoring case) or else the first visible
 * one. Blank rows are left out, trailing blank cells trimmed, and data rows padded to the header's
 * width, so empty cells keep their columns.
 *
 * The workbook is read from its ZIP directory, part by part: its relationships, sheet list and
 * styles, then its shared strings (held in memory, compactly: a sheet names them by position), then
 * the one sheet, streamed. Nothing else is unpacked and nothing is written but `target`. A ZIP
 * bomb is refused before anything big is unpacked: a part read compressed more than
 * `MAX_COMPRESSION_RATIO` to 1, or parts read that unpack to more than `maxBytes` (the import size
 * limit) in all. Unpacking counts the bytes, so a directory lying about a size fails as soon as
 * a part passes it; the CSV written is held to `maxBytes` too.
 *
 * Throws `ValidationError` (path `file`) for a ZIP that is not a workbook, a damaged or bomb-like
 * one, a sheet that is empty or has only a header row (naming the workbook's other sheets), or a
 * row longer than `MAX_ROW_BYTES`; `ValidationError` (path `sheetName`) for an unknown sheet,
 * listing the sheets; and `LimitExceededError` past `maxRows` data rows, past `maxBytes`, or past
 * `sharedStringLimits` (`SHARED_STRING_LIMITS` unless given).
 */
export async function convertXlsx(path: string, target: string, options: ConvertOptions): Promise<XlsxSheets> {
  let zip: ZipArchive;
  try {
    zip = await ZipArchive.read(path);
  } catch (error) {
    throw asDomainError(error);
  }
  try {
    return await convertSheet(zip, target, options);
  } catch (error) {
    throw asDomainError(error);
  } finally {
    await zip.close();
  }
}

interface ConvertOptions {
  sheetName?: string | null;
  maxRows: number;
  maxBytes: number;
  sharedStringLimits?: SharedStringLimits;
}

async function convertSheet(zip: ZipArchive, target: string, options: ConvertOptions): Promise<XlsxSheets> {
  // Only the reader's part parsers are used: its input, which its own `parse()` would unzip, stays empty.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    // Emitted rather than cached by exceljs, whose cache keeps each string as a slice of the XML
    // it came from (382 MB of heap for 500,000 rows against ~60 MB in SharedStrings).
    sharedStrings: 'emit',
    styles: 'cache',
    // A hyperlink cell's value is its shown text already.
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookReader;

  const described: ZipEntry[] = [];
  const describe = async (name: string, parse: (part: Readable) => Promise<void>) => {
    const entry = zip.entry(name);
    if (!entry) return;
    checkPart(entry);
    if (entry.size > MAX_DESCRIPTION_PART_BYTES) {
      throw new LimitExceededError(
        'FILE_TOO_LARGE',
        `The workbook's part "${name}" unpacks to ${entry.size} bytes, more than the ${MAX_DESCRIPTION_PART_BYTES} bytes ` +
          `(${MAX_DESCRIPTION_PART_BYTES / 1024 / 1024} MB) a workbook's sheet list, relationships or styles may take`,
        MAX_DESCRIPTION_PART_BYTES,
      );
    }
    checkTotal([...described, entry], options.maxBytes);
    described.push(entry);
    await parse(Readable.from(utf8Text(await zip.unpack(entry))));
  };
  await describe(PARTS.relationships, (part) => reader._parseRels(part));
  await describe(PARTS.workbook, (part) => reader._parseWorkbook(part));
  const sheets = reader.model?.sheets ?? [];
  if (sheets.length === 0)
    throw fileError('UNSUPPORTED_FILE', 'The file is not a CSV or XLSX file: it is a ZIP archive without an Excel workbook in it');
  await describe(PARTS.styles, (part) => reader._parseStyles(part));

  const sheetName = chooseSheet(sheets, options.sheetName);
  const sheetNames = sheets.map((sheet) => sheet.name);
  const chosen = findSheet(zip, reader, sheetName);
  if (!chosen) throw fileError('EMPTY_FILE', `The sheet "${sheetName}" is empty${otherSheets(sheetNames, sheetName)}`);
  const stringsPart = zip.entry(PARTS.sharedStrings);
  const parts = [chosen.entry, ...(stringsPart ? [stringsPart] : [])];
  for (const part of parts) checkPart(part);
  checkTotal([...described, ...parts], options.maxBytes);

  const strings = new SharedStrings(options.sharedStringLimits ?? SHARED_STRING_LIMITS);
  if (stringsPart) {
    const text = guardElements(await zip.unpack(stringsPart), {
      start: '<si',
      tooLong: () => rowTooLong(`The workbook has a shared string longer than ${MAX_ROW_BYTES / 1024 / 1024} MB`),
    });
    for await (const { text: value } of reader._parseSharedStrings(Readable.from(utf8Text(text)))) {
      strings.add(typeof value === 'string' ? value : (value?.richText.map((run) => run.text ?? '').join('') ?? ''));
    }
  }

  const dataRows = await writeCsv(chosen.sheet, target, {
    sheetName,
    maxRows: options.maxRows,
    maxBytes: options.maxBytes,
    context: { strings, date1904: reader.properties?.model?.date1904 === true },
  });
  if (dataRows === undefined) throw fileError('EMPTY_FILE', `The sheet "${sheetName}" is empty${otherSheets(sheetNames, sheetName)}`);
  if (dataRows === 0)
    throw fileError('EMPTY_FILE', `The sheet "${sheetName}" has a header row but no data rows${otherSheets(sheetNames, sheetName)}`);
  return { sheetName, sheetNames };
}

/**
 * The part of the sheet named `sheetName`, and a reader of it that unpacks it only once read.
 * exceljs names each sheet part from the workbook's relationships and sheet list; a part it cannot
 * name keeps a `SheetN` name, as exceljs gives it.
 */
function findSheet(zip: ZipArchive, reader: BookReader, sheetName: string): { entry: ZipEntry; sheet: SheetReader } | undefined {
  for (const entry of zip.entries) {
    const number = SHEET_PART.exec(entry.name)?.[1];
    if (number === undefined) continue;
    for (const { value: sheet } of reader._parseWorksheet(sheetText(zip, entry, sheetName), number)) {
      if (sheet.name === sheetName) return { entry, sheet };
    }
  }
  return undefined;
}

/**
 * The sheet's text up to the end of its rows (what follows, merged cells, formatting, page set-up,
 * is not needed and not unpacked), each row held to `MAX_ROW_BYTES`: exceljs keeps a row's cells,
 * and a cell's text, in memory until the row ends.
 */
async function* sheetText(zip: ZipArchive, entry: ZipEntry, sheetName: string): AsyncGenerator<string> {
  const bytes = guardElements(await zip.unpack(entry), {
    start: '<row',
    end: '</sheetData>',
    tooLong: () => rowTooLong(`The sheet "${sheetName}" has a row longer than ${MAX_ROW_BYTES / 1024 / 1024} MB`),
  });
  yield* utf8Text(bytes);
}

/**
 * Passes an XML part's bytes on, failing with `tooLong()` once more than `MAX_ROW_BYTES` come
 * without the start of an element named by `start` (a row, a shared string): exceljs holds one such
 * element in memory at a time. With `end`, stops after its first occurrence.
 */
async function* guardElements(chunks: AsyncIterable<Buffer>, options: { start: string; end?: string; tooLong: () => Error }): AsyncGenerator<Buffer> {
  const start = Buffer.from(options.start);
  const end = options.end === undefined ? undefined : Buffer.from(options.end);
  // The end of the previous chunk, so that a tag split between two chunks is still found.
  const overlap = Math.max(start.length, end?.length ?? 0) - 1;
  let carry: Buffer = Buffer.alloc(0);
  let sinceStart = 0;
  for await (const chunk of chunks) {
    const window = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const endAt = end ? window.indexOf(end) : -1;
    const scanned = endAt >= 0 ? window.subarray(0, endAt + end!.length) : window;
    const last = scanned.lastIndexOf(start);
    sinceStart = last >= 0 ? scanned.length - last : sinceStart + scanned.length - carry.length;
    if (sinceStart > MAX_ROW_BYTES) throw options.tooLong();
    if (endAt >= 0) {
      yield chunk.subarray(0, scanned.length - carry.length);
      return;
    }
    yield chunk;
    carry = window.subarray(Math.max(0, window.length - overlap));
  }
}

/** UTF-8 bytes as text, characters split between chunks kept whole, a leading BOM dropped. */
async function* utf8Text(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of chunks) {
    let text = decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

/** Refuses a part compressed like a ZIP bomb, before it is unpacked. */
function checkPart(entry: ZipEntry): void {
  if (entry.size > RATIO_CHECKED_FROM_BYTES && entry.size > entry.compressedSize * MAX_COMPRESSION_RATIO) {
    const ratio = entry.compressedSize === 0 ? 'infinitely' : `${Math.round(entry.size / entry.compressedSize)} times`;
    throw fileError(
      'MALFORMED_FILE',
      `The file is refused as a ZIP bomb: its part "${entry.name}" is compressed ${ratio} over (${entry.compressedSize} bytes unpacking to ` +
        `${entry.size}), more than the ${MAX_COMPRESSION_RATIO} times a workbook's part may be`,
    );
  }
}

/** Refuses parts that would unpack to more than the import size limit in all, before they are unpacked. */
function checkTotal(parts: ZipEntry[], maxBytes: number): void {
  const total = parts.reduce((sum, part) => sum + part.size, 0);
  if (total <= maxBytes) return;
  const names = parts.map((part) => `"${part.name}"`).join(', ');
  throw new LimitExceededError(
    'FILE_TOO_LARGE',
    `The workbook unpacks to more than the import size limit of ${maxBytes} bytes (${megabytes(maxBytes)} MB): ` +
      `the parts read (${names}) declare ${total} bytes`,
    maxBytes,
  );
}

/** Writes the sheet's rows to `target` and returns how many came after the header (undefined for a sheet without a header row). */
async function writeCsv(
  sheet: SheetReader,
  target: string,
  options: { sheetName: string; maxRows: number; maxBytes: number; context: CellContext },
): Promise<number | undefined> {
  const csv = stringify({ quoted: true, bom: true });
  const limit = new OutputLimit(options.maxBytes);
  const written = pipeline(csv, limit, createWriteStream(target));
  const tooLarge = () =>
    new LimitExceededError(
      'FILE_TOO_LARGE',
      `The sheet "${options.sheetName}" is larger than the import size limit of ${options.maxBytes} bytes (${megabytes(options.maxBytes)} MB) once converted to CSV`,
      options.maxBytes,
    );
  let rows: number | undefined;
  try {
    rows = await copyRows(sheet, csv, { ...options, overLimit: () => limit.exceeded, tooLarge });
  } finally {
    csv.end();
    await written;
  }
  if (limit.exceeded) throw tooLarge();
  return rows;
}

/** Passes bytes on up to `maxBytes`, then drops them and says so: the caller stops and refuses the file. */
class OutputLimit extends Transform {
  exceeded = false;
  private size = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) this.exceeded = true;
    callback(null, this.exceeded ? undefined : chunk);
  }
}

/** Writes the sheet's rows to `csv` and returns how many came after the header (undefined for a sheet without a header row). */
async function copyRows(
  sheet: SheetReader,
  csv: Writable,
  options: { sheetName: string; maxRows: number; context: CellContext; overLimit: () => boolean; tooLarge: () => Error },
): Promise<number | undefined> {
  let width: number | undefined;
  let rowCount = 0;
  for await (const row of sheet) {
    const cells = rowCells(row, options.context, () =>
      rowTooLong(`The sheet "${options.sheetName}" has a row longer than ${MAX_ROW_BYTES / 1024 / 1024} MB (row ${row.number})`, row.number),
    );
    if (cells.length === 0) continue;
    if (width === undefined) {
      width = cells.length;
    } else {
      rowCount += 1;
      if (rowCount > options.maxRows) {
        throw new LimitExceededError(
          'TOO_MANY_ROWS',
          `The sheet "${options.sheetName}" has more than ${options.maxRows.toLocaleString('en-US')} data rows, the workspace limit`,
          options.maxRows,
        );
      }
      while (cells.length < width) cells.push('');
    }
    if (!csv.write(cells)) await once(csv, 'drain');
    if (options.overLimit()) throw options.tooLarge();
  }
  return width === undefined ? undefined : rowCount;
}
/** The requested sheet (exact name, else ignoring case and surrounding spaces), or the first visible one. */
function chooseSheet(sheets: { name: string; state?: string }[], wanted: string | null | undefined): string {
  if (sheets.length === 0)
    throw fileError('UNSUPPORTED_FILE', 'The file is not a CSV or XLSX file: it is a ZIP archive without an Excel workbook in it');
  if (wanted == null) return (sheets.find((sheet) => !sheet.state || sheet.state === 'visible') ?? sheets[0]!).name;
  const key = wanted.trim().toLowerCase();
  const found = sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.trim().toLowerCase() === key);
  if (!found) {
    const names = sheets.map((sheet) => `"${sheet.name}"`).join(', ');
    throw ValidationError.of(['sheetName'], 'SHEET_NOT_FOUND', `The workbook has no sheet "${wanted}"; its sheets are ${names}`, {
      sheet: wanted,
      sheets: sheets.map((sheet) => sheet.name),
    });
  }
  return found.name;
}

/**
 * For an empty sheet's message: the workbook's other sheets and how to pick one, since the sheet
 * read by default (the first) is often a cover or instructions sheet rather than the data.
 */
function otherSheets(sheetNames: string[], read: string): string {
  const others = sheetNames.filter((name) => name !== read).map((name) => `"${name}"`);
  if (others.length === 0) return '';
  return `; the workbook's other ${others.length === 1 ? 'sheet is' : 'sheets are'} ${others.join(', ')}: choose one with sheetName`;
}

/**
 * What a failure while reading the workbook means to the client: a typed error passes as it is, a
 * ZIP that cannot be read says why, and anything else (exceljs and its XML parser throw plain
 * errors for malformed parts) is a damaged file.
 */
function asDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ZipFormatError) return fileError('MALFORMED_FILE', `The file is not a readable XLSX workbook: ${error.message}`);
  return fileError('MALFORMED_FILE', 'The file is not a readable XLSX workbook: it is damaged, or a ZIP archive of something else');
}

function megabytes(bytes: number): number {
  return Number((bytes / 1_000_000).toFixed(1));
}

function fileError(code: 'EMPTY_FILE' | 'MALFORMED_FILE' | 'UNSUPPORTED_FILE', message: string): ValidationError {
  return ValidationError.of(['file'], code, message);
}

/** A row (or shared string) of the workbook past MAX_ROW_BYTES; `row` is its row number when known. */
function rowTooLong(message: string, row?: number): ValidationError {
  return ValidationError.of(
    ['file'],
    'LINE_TOO_LONG',
    message,
    row === undefined ? { limit: MAX_ROW_BYTES, unit: 'bytes' } : { limit: MAX_ROW_BYTES, unit: 'bytes', line: row },
  );
}
