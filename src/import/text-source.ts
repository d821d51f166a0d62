import { Readable } from 'node:stream';
import { generatedColumnNames, isHeaderRow } from '../domain/header-row.ts';
import { sampleRecords } from './csv-source.ts';

/** Pasted text as it is stored: a header line is added when the paste has none. */
export interface PastedText {
  stream: Readable;
  hasHeader: boolean;
}

/** How much of the paste is looked at to decide its delimiter, header and width. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;

/**
 * Prepares pasted text for storage. The delimiter is a tab when the first line has one (what a
 * spreadsheet copies), else whichever of `,` `;` `|` it has most (a comma when none). Whether the
 * first line is a header is `hasHeader` when given, else decided by {@link isHeaderRow}. Without a
 * header, a line `Column 1, Column 2, …` is put first, with as many columns as most of the first 50
 * lines have cells; the text itself is kept as pasted. A BOM marks the stored text as UTF-8 (it
 * arrived as a string, so there is no encoding to guess).
 */
export async function preparePastedText(text: string, hasHeader: boolean | null | undefined): Promise<PastedText> {
  const delimiter = pasteDelimiter(text);
  const lines = await firstLines(text, delimiter);
  const header = hasHeader ?? (lines[0] ? isHeaderRow(lines[0]) : true);
  const added = header ? '' : `${generatedColumnNames(mostCommonWidth(lines)).join(delimiter)}\n`;
  return { stream: Readable.from([`\uFEFF${added}`, text]), hasHeader: header };
}

const PASTE_DELIMITERS = ['\t', ',', ';', '|'];

function pasteDelimiter(text: string): string {
  const counts = firstLineDelimiters(text);
  if (counts.has('\t')) return '\t';
  let best = { delimiter: ',', count: 0 };
  for (const delimiter of [',', ';', '|']) {
    const count = counts.get(delimiter) ?? 0;
    if (count > best.count) best = { delimiter, count };
  }
  return best.delimiter;
}

/**
 * How often each delimiter appears in the first non-blank line, outside quoted cells. As in CSV, a
 * quote opens a cell only at the cell's start: a cell of several lines, which a spreadsheet copies
 * in quotes, stays in its line, and a stray quote (`5'11"`) is just a character.
 */
function firstLineDelimiters(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  let blank = true;
  let quoted = false;
  let cellStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') index++;
      else if (char === '"') quoted = false;
      continue;
    }
    if (char === '\n' || char === '\r') {
      if (!blank) break;
      counts.clear();
      cellStart = true;
      continue;
    }
    if (char.trim() !== '') blank = false;
    if (PASTE_DELIMITERS.includes(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
      cellStart = true;
    } else {
      quoted = char === '"' && cellStart;
      cellStart = false;
    }
  }
  return counts;
}

/** The first non-blank lines' cells; a quoted cell cut by the sample's end just ends them. */
function firstLines(text: string, delimiter: string): Promise<string[][]> {
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  const sample = text.length <= SAMPLE_CHARS ? text : text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
  return sampleRecords(sample, { delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }, SAMPLE_LINES);
}

/** The cell count most lines have; a tie goes to the wider one, so no cell is left without a column. */
function mostCommonWidth(lines: string[][]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.length, (counts.get(line.length) ?? 0) + 1);
  let best = { width: 1, count: 0 };
  for (const [width, count] of counts) {
    if (count > best.count || (count === best.count && width > best.width)) best = { width, count };
  }
  return best.width;
}
