import { createReadStream } from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../domain/errors.ts';
import type { MatchableField } from '../domain/field-key.ts';
import { suggestFieldFromValues } from '../domain/header-row.ts';
import { suggestColumns, type ColumnSuggestion } from '../domain/import-column-suggestions.ts';
import type { UploadLimit } from '../domain/upload-limit.ts';
import type { ImportSourceKind } from '../generated/prisma/enums.ts';
import { inspectCsv, type CsvLayout } from './csv-source.ts';
import { saveUpload, scratchFolder, type FileStore } from '../files/file-store.ts';
import { preparePastedText } from './text-source.ts';
import { convertXlsx, isZipFile, type XlsxSheets } from './xlsx-source.ts';

/**
 * Where an import's rows come from: an uploaded file (CSV, or an XLSX workbook and the sheet to
 * read), or text pasted from a spreadsheet (whether its first line is a header detected unless given).
 */
export type ImportSource =
  | { kind: 'file'; stream: NodeJS.ReadableStream; fileName: string; sheetName?: string | null }
  | { kind: 'text'; text: string; fileName?: string | null; hasHeader?: boolean | null };

/** A stored import source and what was detected about it. */
export interface StoredSource {
  kind: ImportSourceKind;
  /** Bytes received (for text, as stored). */
  size: number;
  /** The stored rows, which `readCsvRows` reads whatever the source was. */
  layout: CsvLayout;
  /** The uploaded CSV's (or pasted text's) encoding and delimiter; null for a workbook, which has neither. */
  encoding: string | null;
  delimiter: string | null;
  hasHeader: boolean;
  /** For a workbook: the sheet read, and all its sheets in tab order. */
  sheetName: string | null;
  sheetNames: string[] | null;
}

/**
 * Stores an import's source under `key` as CSV rows and describes them. Every kind ends up as CSV,
 * so validation, review and the result file read any source the same way (`readCsvRows`), and a
 * workbook is parsed once rather than on every pass:
 * - an upload that is a ZIP archive is read as an XLSX workbook (by content, whatever its name):
 *   one sheet is converted, cells as the spreadsheet shows them (src/import/xlsx-source.ts), and
 *   the converted rows replace the upload;
 * - any other upload is CSV, kept as received (src/import/csv-source.ts);
 * - pasted text is kept as pasted, with a header line added when it has none (src/import/text-source.ts).
 * The upload goes to the store as it arrives; it is then read from a local copy (the workbook's
 * reader needs random access, the CSV's reads the file more than once). The same checks apply to
 * all (empty, header only, blank or duplicate headers, row and size limits). On failure the caller
 * removes the job's files.
 */
export async function storeSource(options: {
  files: FileStore;
  key: string;
  source: ImportSource;
  limit: UploadLimit;
  maxRows: number;
}): Promise<StoredSource> {
  const { files, key, source, limit, maxRows } = options;
  const upload = source.kind === 'text' ? await preparePastedText(source.text, source.hasHeader) : { stream: source.stream, hasHeader: true };
  const { size } = await saveUpload(files, key, upload.stream, limit);
  const copy = await files.localCopy(key);
  try {
    if (source.kind === 'text') {
      const layout = await inspectCsv(copy.path, { maxRows });
      const { encoding, delimiter } = layout;
      return { kind: 'TEXT', size, layout, encoding, delimiter, hasHeader: upload.hasHeader, sheetName: null, sheetNames: null };
    }
    if (await isZipFile(copy.path)) {
      const { layout, sheets } = await storeSheet(files, key, copy.path, { sheetName: source.sheetName, maxRows, maxBytes: limit.bytes });
      return { kind: 'XLSX', size, layout, encoding: null, delimiter: null, hasHeader: true, ...sheets };
    }
    if (source.sheetName != null)
      throw ValidationError.of(['sheetName'], 'NOT_APPLICABLE', 'The file is CSV, not an XLSX workbook: it has no sheets to choose from');
    const layout = await inspectCsv(copy.path, { maxRows });
    return { kind: 'CSV', size, layout, encoding: layout.encoding, delimiter: layout.delimiter, hasHeader: true, sheetName: null, sheetNames: null };
  } finally {
    await copy.remove();
  }
}

/** Converts one sheet of the workbook at `workbook` to CSV in a scratch folder, checks it, and stores it under `key` in the workbook's place. */
async function storeSheet(
  files: FileStore,
  key: string,
  workbook: string,
  options: { sheetName?: string | null; maxRows: number; maxBytes: number },
): Promise<{ layout: CsvLayout; sheets: XlsxSheets }> {
  const scratch = await scratchFolder();
  try {
    const converted = path.join(scratch.path, 'sheet.csv');
    const sheets = await convertXlsx(workbook, converted, options);
    const layout = await inspectCsv(converted, { maxRows: options.maxRows });
    await files.save(key, createReadStream(converted));
    return { layout, sheets };
  } finally {
    await scratch.remove();
  }
}

/**
 * Suggests a field for each column (see `suggestColumns`). Columns of text pasted without a header
 * have only generated names, so they get a field suggested by their sampled values instead (a
 * column of phone numbers → `phone`, of emails → `email`), unless a column before took that field.
 */
export function suggestSourceColumns(stored: StoredSource, fields: readonly MatchableField[]): ColumnSuggestion[] {
  const columns = suggestColumns(stored.layout.headers, stored.layout.samples, fields);
  if (stored.hasHeader) return columns;
  const taken = new Set<string>();
  return columns.map((column) => {
    const suggestion = suggestFieldFromValues(column.samples);
    if (!suggestion || taken.has(suggestion.key)) return column;
    taken.add(suggestion.key);
    return { ...column, suggestedFieldKey: suggestion.key, confidence: suggestion.confidence, needsDecision: false };
  });
}
