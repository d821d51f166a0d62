import type ExcelJS from 'exceljs';
import { displayDate, displayNumber, isDateFormat } from '../domain/cell-display.ts';
import { LimitExceededError } from '../domain/errors.ts';
import { MAX_ROW_BYTES } from './csv-source.ts';

/**
 * The cells of a worksheet's rows as the spreadsheet shows them, and the workbook's shared strings
 * they point at: the part of reading an XLSX workbook that is about values, not about the file.
 */

/** How many shared strings a workbook may have, and how many characters they may hold in all. */
export interface SharedStringLimits {
  strings: number;
  characters: number;
}

/**
 * The row's cells in their columns, up to its last non-blank one (none for a blank row). Throws
 * `tooLong()` once its text passes `MAX_ROW_BYTES`, before it is all made: a few bytes of XML can
 * name one long shared string in each of 16,384 cells.
 */
export function rowCells(row: ExcelJS.Row, context: CellContext, tooLong: () => Error): string[] {
  const cells: string[] = [];
  let length = 0;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellText(cell.value, cell.numFmt, context);
    length += text.length;
    if (length > MAX_ROW_BYTES) throw tooLong();
    cells[column - 1] = text;
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
 * The dates a spreadsheet can show, from its day 0 to the end of 9999. Any other date cell it
 * shows as `########`, and so does the import: its value (a number past JavaScript's dates, too)
 * has no date to show.
 */
const FIRST_DATE_MS = Date.UTC(1899, 11, 30);
const END_OF_DATES_MS = Date.UTC(10000, 0, 1);
const NOT_A_DATE = '########';

/**
 * A cell as the spreadsheet shows it: text as written (Excel's `_x000D_` escapes decoded), numbers
 * and dates by their format (src/domain/cell-display.ts; a date out of a spreadsheet's range as
 * `########`), booleans TRUE/FALSE, a formula's cached result (exceljs gives a boolean result as 1
 * or 0 and drops error results, which become empty), rich text as its plain text, an error value
 * as shown (`#N/A`), a hyperlink as its text.
 */
function cellText(value: ExcelJS.CellValue | undefined, format: string | undefined, context: CellContext): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeEscapes(value);
  if (typeof value === 'number') {
    if (!isDateFormat(format)) return displayNumber(value, format);
    const days = value - EXCEL_EPOCH_OFFSET_DAYS + (context.date1904 ? DATE_1904_OFFSET_DAYS : 0);
    return shownDate(new Date(days * DAY_MS), format);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return shownDate(value, format);
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

/** A date cell by its format, or `NOT_A_DATE` outside the dates a spreadsheet shows (rounded to the second, as shown). */
function shownDate(date: Date, format: string | undefined): string {
  const shown = Math.round(date.getTime() / 1000) * 1000;
  return shown >= FIRST_DATE_MS && shown < END_OF_DATES_MS ? displayDate(date, format) : NOT_A_DATE;
}

export interface CellContext {
  strings: SharedStrings;
  date1904: boolean;
}

/** Strings joined per block, so one string is a few bytes plus an offset rather than an object of its own. */
const SHARED_STRINGS_PER_BLOCK = 1024;

/**
 * The workbook's shared strings (a sheet names them by position), held compactly, as they stay in
 * memory while the sheet is read; past its limits `add` throws `LimitExceededError`.
 */
export class SharedStrings {
  private readonly blocks: string[] = [];
  private pending: string[] = [];
  /** Where each string starts in its block; the next string's start (or the block's end) ends it. */
  private starts = new Uint32Array(SHARED_STRINGS_PER_BLOCK * 16);
  private count = 0;
  private characters = 0;

  constructor(private readonly limits: SharedStringLimits) {}

  add(text: string): void {
    const { strings, characters } = this.limits;
    this.characters += text.length;
    if (this.count === strings) {
      throw new LimitExceededError(
        'FILE_TOO_LARGE',
        `The workbook has more than ${strings.toLocaleString('en-US')} shared strings, the most an import holds in memory: ` +
          'import the sheet saved as CSV, or split the workbook',
        strings,
      );
    }
    if (this.characters > characters) {
      throw new LimitExceededError(
        'FILE_TOO_LARGE',
        `The workbook's shared strings hold more than ${characters.toLocaleString('en-US')} characters, the most an import ` +
          'holds in memory: import the sheet saved as CSV, or split the workbook',
        characters,
      );
    }
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(Math.min(this.starts.length * 2, strings));
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
