import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { neutralizeFormula } from '../domain/formula-guard.ts';

/** A cell holding one of these goes in double quotes: CR, LF, the quote and the delimiter. */
const NEEDS_QUOTES = /[\r\n",]/;

/** The UTF-8 byte order mark every file starts with (see {@link csvLines}). */
const BOM = '\uFEFF';

function csvCell(cell: string): string {
  const safe = neutralizeFormula(cell);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Rows as the lines of a CSV, laid out as every CSV the product writes (result and error files,
 * exports, the import template) is: cells separated by commas; lines ending in CRLF, as RFC 4180
 * and Excel expect; a cell in double quotes, its quotes doubled, whenever it holds a CR, an LF, a
 * quote or the delimiter (a bare line feed too: a note written over two lines would otherwise
 * break the row in two for every reader); and every cell through `neutralizeFormula` first. The
 * file itself starts with a UTF-8 byte order mark, because Excel reads a CSV without one in the
 * machine's legacy code page and garbles every accented name (the reader, `inspectCsv`, and other
 * tools skip the mark).
 */
function csvLines(rows: readonly (readonly string[])[]): string {
  let text = '';
  for (const cells of rows) text += `${cells.map(csvCell).join(',')}\r\n`;
  return text;
}

/** Resolves once `stream` has drained its buffer, or has closed (the next write then fails). */
export function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      // Both listeners go, whichever fired: waits do not pile up listeners on a long stream.
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/** Writes one CSV file, row by row or a batch of rows at a time. */
export interface CsvWriter {
  /** Resolves once the row is buffered; waits while the file is behind (back-pressure). */
  write(cells: readonly string[]): Promise<void>;
  /** Writes the rows as one chunk; resolves once it is buffered, waiting while the file is behind. */
  writeRows(rows: readonly (readonly string[])[]): Promise<void>;
  /** Ends the file and resolves once it is all written (on disk, or handed to the stream). */
  close(): Promise<void>;
}

/**
 * Writes a CSV file into a stream (a file in the store, an HTTP response), its header row first,
 * laid out as {@link csvLines} says. A write that fills the stream's buffer waits for it to drain;
 * a stream that fails or closes early fails the next write and `close`.
 */
export function createCsvStreamWriter(destination: Writable, headers: string[]): CsvWriter {
  // Kept to fail the next write; `close` reports it too.
  let failure: unknown;
  destination.on('error', (error: unknown) => {
    failure ??= error;
  });

  const push = async (text: string): Promise<void> => {
    if (failure) throw failure;
    if (destination.destroyed) throw new Error('the file was closed before it was complete');
    if (!destination.write(text)) await drained(destination);
  };

  destination.write(BOM + csvLines([headers]));
  return {
    write: (cells) => push(csvLines([cells])),
    writeRows: (rows) => push(csvLines(rows)),
    close: async () => {
      destination.end();
      await finished(destination);
    },
  };
}

/** A whole small CSV file (the import template) as text: the same layout and formula safety as {@link createCsvStreamWriter}. */
export function csvText(rows: readonly string[][]): string {
  return BOM + csvLines(rows);
}
