import { parse } from 'csv-parse/sync';

/**
 * Reads a CSV as a spreadsheet does: a CR, an LF or a CRLF outside quotes ends a row. (csv-parse
 * by default takes the first line end it meets as the only one, so it would read a bare LF in an
 * unquoted cell as text and hide exactly the broken files these tests look for.)
 */
export function parseAnyLineEnd(text: string | Buffer): string[][] {
  return parse(text, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] });
}
