import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify, type Options as CsvStringifyOptions } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

/** A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet (OWASP "CSV Injection"): a cell starting with `=`,
 * `+`, `-`, `@`, tab or carriage return gets a leading `'`, so it is shown as text, not evaluated.
 *
 * Numbers and phone numbers (`-5`, `+12025550143`) are prefixed too. Exempting "harmless" values
 * would mean predicting how every spreadsheet parses a cell, and a wrong guess runs code on the
 * reader's machine (`-2+3+cmd|' /C calc'!A0` starts like a number). The cost is small and even a
 * gain for phones: unprefixed, Excel turns `+12025550143` into the number 12025550143.
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * How every CSV the product writes (result and error files, exports, the import template) is laid
 * out: UTF-8 with a byte order mark, because Excel reads a CSV without one in the machine's legacy
 * code page and garbles every accented name (the reader, `inspectCsv`, and other tools skip the
 * mark); lines ending in CRLF, as RFC 4180 and Excel expect; and a cell in double quotes whenever
 * it holds a CR, an LF, a quote or the delimiter. csv-stringify by itself quotes only cells holding
 * the record delimiter once one is set, so a bare line feed (a note written over two lines) would
 * go out unquoted and every reader would see the row break in two.
 */
const CSV_OUTPUT_OPTIONS: CsvStringifyOptions = {
  bom: true,
  record_delimiter: 'windows',
  delimiter: ',',
  // CR, LF, the quote and the delimiter above. No `g` flag: the one expression tests every cell.
  quoted_match: /[\r\n",]/,
};

/** Writes one CSV file, row by row. */
export interface CsvWriter {
  /** Resolves once the row is buffered; waits while the file is behind (back-pressure). */
  write(cells: string[]): Promise<void>;
  /** Ends the file and resolves once it is all written (on disk, or handed to the stream). */
  close(): Promise<void>;
}

/**
 * Opens a CSV file for writing and writes its header row. Every cell, headers included, passes
 * through `neutralizeFormula`; the file is laid out as {@link CSV_OUTPUT_OPTIONS} says.
 */
export function createCsvWriter(path: string, headers: string[]): CsvWriter {
  return createCsvStreamWriter(createWriteStream(path), headers);
}

/** Like {@link createCsvWriter}, into any stream (an HTTP response): the same layout and formula safety. */
export function createCsvStreamWriter(destination: Writable, headers: string[]): CsvWriter {
  const stringifier = stringify(CSV_OUTPUT_OPTIONS);
  const done = pipeline(stringifier, destination);
  // Kept to fail the next write; `close` reports it too.
  let failure: unknown;
  done.catch((error: unknown) => {
    failure ??= error;
  });

  const write = async (cells: string[]): Promise<void> => {
    if (failure) throw failure;
    if (!stringifier.write(cells.map(neutralizeFormula))) {
      // If the file fails meanwhile, pipeline destroys the stringifier with the error and `done` rejects.
      await Promise.race([once(stringifier, 'drain'), done]);
    }
  };

  stringifier.write(headers.map(neutralizeFormula));
  return {
    write,
    close: async () => {
      stringifier.end();
      await done;
    },
  };
}

/** A whole small CSV file (the import template) as text: the same layout and formula safety as {@link createCsvWriter}. */
export function csvText(rows: readonly string[][]): string {
  return stringifySync(rows.map((cells) => cells.map(neutralizeFormula)), CSV_OUTPUT_OPTIONS);
}
