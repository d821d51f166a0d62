import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { generatedColumnNames, isHeaderRow } from '../domain/header-row.ts';

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

function pasteDelimiter(text: string): string {
  const first = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  if (first.includes('\t')) return '\t';
  let best = { delimiter: ',', count: 0 };
  for (const delimiter of [',', ';', '|']) {
    const count = first.split(delimiter).length - 1;
    if (count > best.count) best = { delimiter, count };
  }
  return best.delimiter;
}

/** The first non-blank lines' cells; a quoted cell cut by the sample's end just ends them. */
async function firstLines(text: string, delimiter: string): Promise<string[][]> {
  const cut = text.lastIndexOf('\n', SAMPLE_CHARS);
  const sample = text.length <= SAMPLE_CHARS ? text : text.slice(0, cut > 0 ? cut : SAMPLE_CHARS);
  const lines: string[][] = [];
  const parser = Readable.from([sample]).pipe(parse({ delimiter, bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }));
  try {
    for await (const record of parser) {
      const cells = record as string[];
      if (cells.every((cell) => cell.trim() === '')) continue;
      lines.push(cells);
      if (lines.length >= SAMPLE_LINES) break;
    }
  } catch {
    // Keep the lines read so far.
  }
  return lines;
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
