import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import chardet from 'chardet';
import { CsvError, parse, type Options as CsvParseOptions } from 'csv-parse';
import iconv from 'iconv-lite';
import { issue, LimitExceededError, ValidationError, type InputIssue } from '../domain/errors.ts';

/** What `inspectCsv` found out about an uploaded CSV file; enough to read it again with `readCsvRows`. */
export interface CsvLayout {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Whether the file starts with a byte order mark (it is skipped when reading). */
  bom: boolean;
  delimiter: ',' | ';' | '\t' | '|';
  /** The header row's cells, as written. */
  headers: string[];
  /** Data rows after the header, not counting rows whose cells are all blank. */
  rowCount: number;
  /** The first five data rows' cells. */
  samples: string[][];
}

/** A data row; `rowNumber` is 1 for the first data row after the header. */
export interface CsvRow {
  rowNumber: number;
  cells: string[];
}

type Encoding = CsvLayout['encoding'];
type Delimiter = CsvLayout['delimiter'];

/** How much of the file's start is looked at to tell its encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The longest row accepted, in bytes. A 5 MB cell is fine; the cap exists because csv-parse
 * holds a row in memory until it ends, so a quote that is never closed would otherwise pull the
 * rest of a 1 GB file into memory before failing.
 */
export const MAX_ROW_BYTES = 8 * 1024 * 1024;

const SAMPLE_ROWS = 5;
/** Rows of the sniffed text compared when choosing a delimiter. */
const DELIMITER_SAMPLE_ROWS = 50;
/** In order of preference when two fit equally well. */
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** File signatures of formats people upload by mistake, with what to call them. */
const BINARY_SIGNATURES: ReadonlyArray<{ bytes: number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'a ZIP archive' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97–2003 (.xls) workbook or other Office document — save it as an Excel Workbook (.xlsx) or as CSV',
  },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
];

/**
 * Checks an uploaded file and describes it: encoding, delimiter, header row and row count.
 * Sniffs the first 64 KiB for encoding and delimiter, then reads the whole file once, streaming,
 * stopping as soon as the row limit is passed. Throws `ValidationError` (path `file`) for an empty
 * file, a header without data rows, blank or duplicate headers, binary content or CSV that cannot
 * be parsed, and `LimitExceededError` for more than `maxRows` data rows.
 */
export async function inspectCsv(path: string, limits: { maxRows: number }): Promise<CsvLayout> {
  const head = await readHead(path, SNIFF_BYTES + 1);
  if (head.length === 0) throw fileError('EMPTY_FILE', 'The file is empty');
  const truncated = head.length > SNIFF_BYTES;
  const sample = head.subarray(0, SNIFF_BYTES);

  rejectBinary(sample);
  const { encoding, bom, asciiOnly } = detectEncoding(sample, truncated);
  const delimiter = await detectDelimiter(sampleText(sample, encoding, truncated));

  try {
    return await scan(path, { encoding, bom, delimiter }, limits.maxRows, asciiOnly);
  } catch (error) {
    // An ASCII start proves little: a Windows-1252 "José" may first appear after 64 KiB. Decoded
    // as UTF-8 such bytes become U+FFFD; rather than store mangled names, read the file as 1252.
    if (!(error instanceof NotUtf8Error)) throw error;
    return scan(path, { encoding: 'windows-1252', bom: false, delimiter }, limits.maxRows, false);
  }
}

/**
 * Streams a file's data rows (the header row is skipped), as described by `inspectCsv`. Rows with
 * too few or too many cells come as they are: the caller makes them row errors. Rows whose cells
 * are all blank are skipped, as `inspectCsv` does not count them.
 */
export async function* readCsvRows(path: string, layout: CsvLayout): AsyncIterable<CsvRow> {
  let rowNumber = 0;
  let header = true;
  for await (const cells of records(path, layout.encoding, layout.delimiter, false)) {
    if (header) {
      header = false;
      continue;
    }
    rowNumber += 1;
    yield { rowNumber, cells };
  }
}

async function scan(
  path: string,
  format: { encoding: Encoding; bom: boolean; delimiter: Delimiter },
  maxRows: number,
  watchUtf8: boolean,
): Promise<CsvLayout> {
  let headers: string[] | undefined;
  let rowCount = 0;
  const samples: string[][] = [];
  for await (const cells of records(path, format.encoding, format.delimiter, watchUtf8)) {
    if (!headers) {
      checkHeaders(cells);
      headers = cells;
      continue;
    }
    rowCount += 1;
    if (rowCount > maxRows) {
      throw new LimitExceededError(
        'TOO_MANY_ROWS',
        `The file has more than ${maxRows.toLocaleString('en-US')} data rows, the workspace limit`,
        maxRows,
      );
    }
    if (samples.length < SAMPLE_ROWS) samples.push(cells);
  }
  if (!headers) throw fileError('EMPTY_FILE', 'The file is empty: it has no rows, only blank lines');
  if (rowCount === 0) throw fileError('EMPTY_FILE', 'The file has a header row but no data rows');
  return { ...format, headers, rowCount, samples };
}

/** Raised inside a UTF-8 scan when the text turns out not to be UTF-8; the scan is redone as 1252. */
class NotUtf8Error extends Error {}

/**
 * The file's non-blank records, decoded and parsed, streaming. csv-parse's relaxations keep messy
 * rows as rows (stray quotes stay in the cell, cell counts may vary); what it cannot relax becomes
 * a `ValidationError` naming the line.
 */
async function* records(path: string, encoding: Encoding, delimiter: Delimiter, watchUtf8: boolean): AsyncGenerator<string[]> {
  const parser = parse({ ...PARSE_OPTIONS, delimiter, info: true, max_record_size: MAX_ROW_BYTES });
  const decode = [decodeText(encoding), ...(watchUtf8 ? [replacementCharacterWatch()] : [])];
  // Errors of any stage reach the parser (pipeline destroys it with them) and so the loop below;
  // leaving the loop early destroys the parser, and pipeline closes the file.
  pipeline([createReadStream(path), ...decode, parser]).catch(() => {});

  // Where the last record ended, to say on which line a broken one starts.
  let lastLine = 0;
  let lastEmptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      lastLine = info.lines;
      lastEmptyLines = info.empty_lines;
      if (record.every((cell) => cell.trim() === '')) continue;
      yield record;
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const startLine = lastLine + Number(error.empty_lines ?? lastEmptyLines) - lastEmptyLines + 1;
    throw csvSyntaxError(error, startLine);
  }
}

/** Options shared by the sniffing and the reading parser, so both see the same rows. */
const PARSE_OPTIONS = {
  bom: true,
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  trim: false,
} satisfies CsvParseOptions;

function csvSyntaxError(error: CsvError, startLine: number): ValidationError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return fileError('MALFORMED_FILE', `The file is not valid CSV: a quoted cell in the row starting on line ${startLine} is never closed`);
    case 'CSV_MAX_RECORD_SIZE':
      return ValidationError.of(
        ['file'],
        'LINE_TOO_LONG',
        `The file is not valid CSV: the row starting on line ${startLine} is longer than ${MAX_ROW_BYTES / 1024 / 1024} MB ` +
          '(often a quote that is never closed)',
        { limit: MAX_ROW_BYTES, unit: 'bytes', line: startLine },
      );
    default:
      return fileError('MALFORMED_FILE', `The file is not valid CSV near line ${startLine}: ${error.message}`);
  }
}

/**
 * The file's bytes as text, streaming. A character beyond U+FFFF (an emoji) is two UTF-16 code
 * units, which the end of a chunk can part: the first is held back for the next chunk, as text
 * passed on cannot hold half a character (iconv-lite's own decoding stream turns both halves of
 * a UTF-16BE one into U+FFFD).
 */
function decodeText(encoding: Encoding): Transform {
  const decoder = iconv.getDecoder(encoding);
  let held = '';
  const whole = (text: string): string => {
    const all = held + text;
    const last = all.charCodeAt(all.length - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? all.length - 1 : all.length;
    held = all.slice(end);
    return all.slice(0, end);
  };
  return new Transform({
    encoding: 'utf8',
    transform(chunk: Buffer, _encoding, callback) {
      const text = whole(decoder.write(chunk));
      if (text) this.push(text);
      callback();
    },
    flush(callback) {
      const text = held + (decoder.end() ?? '');
      if (text) this.push(text);
      callback();
    },
  });
}

function replacementCharacterWatch(): Transform {
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      if (String(chunk).includes('\uFFFD')) callback(new NotUtf8Error());
      else callback(null, chunk);
    },
  });
}

function checkHeaders(headers: string[]): void {
  const issues: InputIssue[] = [];
  const seen = new Map<string, number>();
  headers.forEach((header, index) => {
    const key = header.trim().normalize('NFC').toLowerCase();
    if (key === '') {
      issues.push(issue(['file'], 'BLANK_HEADER', `Column ${index + 1} has a blank header`, { column: index + 1 }));
      return;
    }
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      issues.push(
        issue(['file'], 'DUPLICATE_HEADER', `Columns ${first + 1} and ${index + 1} have the same header "${header.trim()}"`, {
          header: header.trim(),
          columns: [first + 1, index + 1],
        }),
      );
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

function rejectBinary(sample: Buffer): void {
  for (const { bytes, what } of BINARY_SIGNATURES) {
    if (startsWith(sample, bytes)) throw fileError('UNSUPPORTED_FILE', `The file is not a CSV file: it is ${what}`);
  }
}

/** `asciiOnly`: the sample had no byte above 0x7F, so UTF-8 is a guess the full read may revise. */
function detectEncoding(sample: Buffer, truncated: boolean): { encoding: Encoding; bom: boolean; asciiOnly: boolean } {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true, asciiOnly: false };
  if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true, asciiOnly: false };
  if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true, asciiOnly: false };
  if (sample.includes(0)) {
    throw fileError('UNSUPPORTED_FILE', 'The file is not a CSV file: it contains binary data (UTF-16 text needs a byte order mark)');
  }
  // chardet names some Latin-1 relative for plain ASCII, which reads the same as UTF-8.
  if (!sample.some((byte) => byte >= 0x80)) return { encoding: 'utf-8', bom: false, asciiOnly: true };
  // A sample cut mid-character would look like broken UTF-8: judge whole lines only.
  const cut = lastLineBreak(sample);
  const judged = truncated && cut > 0 ? sample.subarray(0, cut + 1) : sample;
  // Only UTF-8 and 1252 are read. Any other 8-bit guess (ISO-8859-1, -15, 1250, …) is most likely
  // 1252 in practice, and 1252 holds every printable character of ISO-8859-1.
  const encoding = chardet.detect(judged) === 'UTF-8' ? 'utf-8' : 'windows-1252';
  return { encoding, bom: false, asciiOnly: false };
}

function sampleText(sample: Buffer, encoding: Encoding, truncated: boolean): string {
  const even = encoding.startsWith('utf-16') ? sample.subarray(0, sample.length - (sample.length % 2)) : sample;
  const text = iconv.decode(even, encoding);
  if (!truncated) return text;
  // Drop the partial last line; it would look like a row with too few cells.
  const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return cut > 0 ? text.slice(0, cut) : text;
}

/**
 * Parses the sample with each candidate and keeps the one whose header has more than one column
 * and whose rows most often have as many cells as the header. Ties go to more columns, then to the
 * order of `DELIMITERS` (so a one-column file, or one with no data rows to compare, gets `,`).
 */
async function detectDelimiter(text: string): Promise<Delimiter> {
  let best = { delimiter: ',' as Delimiter, consistency: 0, columns: 1 };
  for (const delimiter of DELIMITERS) {
    const [header, ...rows] = await parseSample(text, delimiter);
    if (!header || header.length < 2) continue;
    const consistency = rows.length === 0 ? 1 : rows.filter((row) => row.length === header.length).length / rows.length;
    if (consistency > best.consistency || (consistency === best.consistency && header.length > best.columns)) {
      best = { delimiter, consistency, columns: header.length };
    }
  }
  return best.delimiter;
}

/** The sample's first non-blank rows (a header and up to `DELIMITER_SAMPLE_ROWS` more). */
function parseSample(text: string, delimiter: Delimiter): Promise<string[][]> {
  return sampleRecords(text, { ...PARSE_OPTIONS, delimiter }, DELIMITER_SAMPLE_ROWS + 1);
}

/**
 * The first `limit` non-blank records of a sample of text, parsed with `options`. A parse error
 * just ends them, keeping the records before it: the sample's end often cuts a quoted cell, and a
 * cell of several lines can cross it. (csv-parse's async iterator would drop the records it
 * buffered before the error, all of them for a sample parsed in one chunk.)
 */
export function sampleRecords(text: string, options: CsvParseOptions, limit: number): Promise<string[][]> {
  return new Promise((resolve) => {
    const records: string[][] = [];
    const parser = parse(options);
    const done = () => resolve(records);
    parser.on('data', (cells: string[]) => {
      if (records.length === limit || cells.every((cell) => cell.trim() === '')) return;
      records.push(cells);
      if (records.length === limit) parser.destroy();
    });
    parser.on('error', done);
    parser.on('end', done);
    parser.on('close', done);
    parser.end(text);
  });
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    let length = 0;
    while (length < bytes) {
      const { bytesRead } = await handle.read(buffer, length, bytes - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return bytes.every((byte, index) => buffer[index] === byte);
}

function lastLineBreak(buffer: Buffer): number {
  return Math.max(buffer.lastIndexOf(0x0a), buffer.lastIndexOf(0x0d));
}

function fileError(code: 'EMPTY_FILE' | 'MALFORMED_FILE' | 'UNSUPPORTED_FILE', message: string): ValidationError {
  return ValidationError.of(['file'], code, message);
}
