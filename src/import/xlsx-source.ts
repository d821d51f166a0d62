import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { displayDate, displayNumber, isDateFormat } from '../domain/cell-display.ts';
import { DomainError, LimitExceededError, ValidationError } from '../domain/errors.ts';

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

/** The sheet read and every sheet of the workbook, in tab order. */
export interface XlsxSheets {
  sheetName: string;
  sheetNames: string[];
}

/** What exceljs' streaming reader exposes beyond its typings: its events, the workbook part, each sheet's name and source. */
interface BookReader {
  /** Sheets as `{ eventType: 'worksheet' }`; shared strings, in emit mode, bare (exceljs 4.4 yields them without their event wrapper). */
  parse(): AsyncIterable<{ eventType: 'worksheet'; value: SheetReader } | { eventType?: undefined; index: number; text: SharedStringText }>;
  model?: { sheets?: { name: string; state?: string }[] };
  properties?: { model?: { date1904?: boolean } };
}
type SharedStringText = string | { richText: { text?: string | null }[] } | null;
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
  /** A temporary file's stream when exceljs parked the sheet on disk (its rows came before the shared strings). */
  iterator: unknown;
}

/**
 * Streams one sheet of the workbook at `path` into `target` as CSV (UTF-8 with a BOM, every cell
 * quoted so no cell can pass for a delimiter), each cell as the spreadsheet shows it (see
 * {@link cellText}). The sheet is `sheetName` (matched ignoring case) or else the first visible
 * one. Blank rows are left out, trailing blank cells trimmed, and data rows padded to the header's
 * width, so empty cells keep their columns.
 *
 * exceljs' `WorkbookReader` reads the ZIP as it streams; sheets that come before the shared
 * strings wait in temporary files, never in memory. The shared strings themselves are held (a
 * sheet refers to them by position). Throws `ValidationError` for a ZIP that is not a workbook, a
 * damaged file, an unknown sheet (path `sheetName`, listing the sheets), or a sheet that is empty
 * or has only a header row (naming the workbook's other sheets), and `LimitExceededError` past
 * `maxRows` data rows.
 */
export async function convertXlsx(path: string, target: string, options: { sheetName?: string | null; maxRows: number }): Promise<XlsxSheets> {
  const input = createReadStream(path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    // Emitted rather than cached by exceljs, whose cache keeps each string as a slice of the XML
    // it came from (382 MB of heap for 500,000 rows against ~60 MB in SharedStrings).
    sharedStrings: 'emit',
    styles: 'cache',
    // A hyperlink cell's value is its shown text already.
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookReader;
  const csv = stringify({ quoted: true, bom: true });
  const written = pipeline(csv, createWriteStream(target));

  const strings = new SharedStrings();
  let chosen: string | undefined;
  let read = false;
  /** Rows after the header in the sheet read; undefined while it has no header row either. */
  let dataRows: number | undefined;
  let failure: unknown;
  try {
    // Every sheet is visited, read or not, so that exceljs removes the temporary files it made.
    for await (const event of reader.parse()) {
      if (event.eventType === undefined) {
        const { text } = event;
        strings.add(typeof text === 'string' ? text : (text?.richText.map((run) => run.text ?? '').join('') ?? ''));
        continue;
      }
      const sheet = event.value;
      if (failure !== undefined || read) {
        discard(sheet);
        continue;
      }
      try {
        chosen ??= chooseSheet(reader.model?.sheets ?? [], options.sheetName);
        if (sheet.name === chosen) {
          read = true;
          dataRows = await copyRows(sheet, csv, { sheetName: chosen, maxRows: options.maxRows, context: { strings, date1904: reader.properties?.model?.date1904 === true } });
        } else {
          discard(sheet);
        }
      } catch (error) {
        failure = error instanceof DomainError ? error : unreadable();
        discard(sheet);
      }
    }
  } catch {
    failure ??= unreadable();
  } finally {
    input.destroy();
    csv.end();
    await written;
  }
  if (failure !== undefined) throw failure;

  const sheets = reader.model?.sheets;
  if (!sheets || sheets.length === 0) {
    throw fileError('The file is not a CSV or XLSX file: it is a ZIP archive without an Excel workbook in it');
  }
  const sheetName = chosen ?? chooseSheet(sheets, options.sheetName);
  const sheetNames = sheets.map((sheet) => sheet.name);
  if (!read || dataRows === undefined) throw fileError(`The sheet "${sheetName}" is empty${otherSheets(sheetNames, sheetName)}`);
  if (dataRows === 0) throw fileError(`The sheet "${sheetName}" has a header row but no data rows${otherSheets(sheetNames, sheetName)}`);
  return { sheetName, sheetNames };
}

/** The requested sheet (exact name, else ignoring case and surrounding spaces), or the first visible one. */
function chooseSheet(sheets: { name: string; state?: string }[], wanted: string | null | undefined): string {
  if (sheets.length === 0) throw fileError('The file is not a CSV or XLSX file: it is a ZIP archive without an Excel workbook in it');
  if (wanted == null) return (sheets.find((sheet) => !sheet.state || sheet.state === 'visible') ?? sheets[0]!).name;
  const key = wanted.trim().toLowerCase();
  const found = sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.trim().toLowerCase() === key);
  if (!found) {
    const names = sheets.map((sheet) => `"${sheet.name}"`).join(', ');
    throw ValidationError.of(['sheetName'], `The workbook has no sheet "${wanted}"; its sheets are ${names}`);
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

/** Writes the sheet's rows to `csv` and returns how many came after the header (undefined for a sheet without a header row). */
async function copyRows(sheet: SheetReader, csv: Writable, options: { sheetName: string; maxRows: number; context: CellContext }): Promise<number | undefined> {
  let width: number | undefined;
  let rowCount = 0;
  for await (const row of sheet) {
    const cells = rowCells(row, options.context);
    if (cells.length === 0) continue;
    if (width === undefined) {
      width = cells.length;
    } else {
      rowCount += 1;
      if (rowCount > options.maxRows) {
        throw new LimitExceededError(
          `The sheet "${options.sheetName}" has more than ${options.maxRows.toLocaleString('en-US')} data rows, the workspace limit`,
          options.maxRows,
        );
      }
      while (cells.length < width) cells.push('');
    }
    if (!csv.write(cells)) await once(csv, 'drain');
  }
  return width === undefined ? undefined : rowCount;
}

/** The row's cells in their columns, up to its last non-blank one (none for a blank row). */
function rowCells(row: ExcelJS.Row, context: CellContext): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    cells[column - 1] = cellText(cell.value, cell.numFmt, context);
  });
  let end = cells.length;
  while (end > 0 && !cells[end - 1]?.trim()) end--;
  return Array.from({ length: end }, (_, index) => cells[index] ?? '');
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); the 1904 system starts 1,462 days later. */
const EXCEL_EPOCH_OFFSET_DAYS = 25569;
const DATE_1904_OFFSET_DAYS = 1462;
const DAY_MS = 86_400_000;

/**
 * A cell as the spreadsheet shows it: text as written (Excel's `_x000D_` escapes decoded), numbers
 * and dates by their format (src/domain/cell-display.ts), booleans TRUE/FALSE, a formula's cached
 * result (exceljs gives a boolean result as 1 or 0 and drops error results, which become empty),
 * rich text as its plain text, an error value as shown (`#N/A`), a hyperlink as its text.
 */
function cellText(value: ExcelJS.CellValue | undefined, format: string | undefined, context: CellContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeEscapes(value);
  if (typeof value === 'number') {
    if (!isDateFormat(format)) return displayNumber(value, format);
    const days = value - EXCEL_EPOCH_OFFSET_DAYS + (context.date1904 ? DATE_1904_OFFSET_DAYS : 0);
    return displayDate(new Date(days * DAY_MS), format);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return displayDate(value, format);
  if ('sharedString' in value) return decodeEscapes(context.strings.get((value as { sharedString: number }).sharedString));
  if ('richText' in value) return decodeEscapes(value.richText.map((run) => run.text ?? '').join(''));
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'object' && result !== null && !(result instanceof Date) ? '' : cellText(result as ExcelJS.CellValue, format, context);
  }
  if ('error' in value) return value.error;
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue, format, context);
  return '';
}

interface CellContext {
  strings: SharedStrings;
  date1904: boolean;
}

/** Strings joined per block, so one string is a few bytes plus an offset rather than an object of its own. */
const SHARED_STRINGS_PER_BLOCK = 1024;

/**
 * The workbook's shared strings (a sheet names them by position), held compactly: a sheet that
 * comes before them in the ZIP waits on disk, but the strings must stay in memory while it is read.
 */
class SharedStrings {
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  /** Where each string starts in its block; the next string's start (or the block's end) ends it. */
  private starts = new Uint32Array(SHARED_STRINGS_PER_BLOCK * 16);
  private count = 0;

  add(text: string): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.starts.length * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    const inBlock = this.pending.length;
    this.starts[this.count] = inBlock === 0 ? 0 : this.starts[this.count - 1]! + this.pending[inBlock - 1]!.length;
    this.pending.push(text);
    this.count++;
    if (this.pending.length === SHARED_STRINGS_PER_BLOCK) this.seal();
  }

  get(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return '';
    const block = Math.floor(index / SHARED_STRINGS_PER_BLOCK);
    if (block === this.blocks.length) this.seal();
    const text = this.blocks[block]!;
    const last = index % SHARED_STRINGS_PER_BLOCK === SHARED_STRINGS_PER_BLOCK - 1 || index === this.count - 1;
    return text.slice(this.starts[index], last ? text.length : this.starts[index + 1]);
  }

  private seal(): void {
    // `join` copies into one flat string, dropping the references to the XML the parts were cut from.
    this.blocks.push(this.pending.join(''));
    this.pending = [];
  }
}

function decodeEscapes(text: string): string {
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Closes the temporary file of a sheet that is skipped; exceljs opens it and leaves it to the reader. */
function discard(sheet: SheetReader): void {
  const source = sheet.iterator as { destroy?: () => void } | null;
  if (source && typeof source.destroy === 'function') source.destroy();
}

function unreadable(): ValidationError {
  return fileError('The file is not a readable XLSX workbook: it is damaged, or a ZIP archive of something else');
}

function fileError(message: string): ValidationError {
  return ValidationError.of(['file'], message);
}
