import { issue, ValidationError, type InputIssue } from './errors.ts';
import { BUILT_IN_FIELDS } from './field-key.ts';
import type { FieldDefinition } from './field-value.ts';
import { joinListValue } from './list-value.ts';

export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The built-in columns of a contact export, in their default order. */
export const EXPORT_BUILT_IN_COLUMNS = [
  'firstName',
  'lastName',
  'name',
  'phone',
  'email',
  'country',
  'tags',
  'groups',
  'createdAt',
  'updatedAt',
] as const;
export type ExportBuiltInColumn = (typeof EXPORT_BUILT_IN_COLUMNS)[number];

/** Headers of the built-in columns: the field labels the import recognises, so an export imports back as is. */
const BUILT_IN_HEADERS: Record<ExportBuiltInColumn, string> = {
  ...(Object.fromEntries(BUILT_IN_FIELDS.map((field) => [field.key, field.label])) as Record<string, string>),
  groups: 'Groups',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
} as Record<ExportBuiltInColumn, string>;

/** One column of an export file. */
export type ExportColumn =
  | { kind: 'builtIn'; key: ExportBuiltInColumn; header: string }
  | { kind: 'custom'; key: string; header: string; field: FieldDefinition };

/** Most columns one export may name: every built-in and custom field fits with room to spare. */
export const EXPORT_MAX_COLUMNS = 200;

/**
 * The columns of an export: the keys asked for, in that order, or every built-in column and then
 * every custom field (in the order given) when none are named. Unknown and repeated keys are
 * ValidationError issues naming their position in `path`.
 */
export function resolveExportColumns(
  keys: readonly string[] | null | undefined,
  customFields: readonly FieldDefinition[],
  path: readonly string[] = ['input', 'columns'],
): ExportColumn[] {
  const byKey = new Map(customFields.map((field) => [field.key, field]));
  const column = (key: string): ExportColumn | undefined => {
    if ((EXPORT_BUILT_IN_COLUMNS as readonly string[]).includes(key)) {
      return { kind: 'builtIn', key: key as ExportBuiltInColumn, header: BUILT_IN_HEADERS[key as ExportBuiltInColumn] };
    }
    const field = byKey.get(key);
    return field && { kind: 'custom', key, header: field.label, field };
  };
  if (!keys || keys.length === 0) return [...EXPORT_BUILT_IN_COLUMNS, ...customFields.map((field) => field.key)].map((key) => column(key)!);
  if (keys.length > EXPORT_MAX_COLUMNS) {
    throw ValidationError.of([...path], 'TOO_MANY_ITEMS', `at most ${EXPORT_MAX_COLUMNS} columns, got ${keys.length}`, {
      limit: EXPORT_MAX_COLUMNS,
      count: keys.length,
    });
  }

  const issues: InputIssue[] = [];
  const columns: ExportColumn[] = [];
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    const found = column(key);
    if (!found) {
      issues.push(
        issue(
          [...path, String(index)],
          'UNKNOWN_FIELD',
          `"${key}" is not a column: use ${EXPORT_BUILT_IN_COLUMNS.join(', ')} or a custom field key`,
          { key },
        ),
      );
    } else if (seen.has(key)) {
      issues.push(issue([...path, String(index)], 'DUPLICATE_VALUE', `"${key}" is named twice`));
    } else {
      seen.add(key);
      columns.push(found);
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  return columns;
}

/**
 * One contact as an export reads it: a value per column, in the columns' order. A text column holds
 * text or null; createdAt and updatedAt hold milliseconds since the epoch; tags and groups hold
 * their names, or null for none; a custom field holds its stored JSON value, or null when it is unset.
 */
export type ExportRow = readonly unknown[];

/**
 * A stored custom field value as a cell, in the form the import reads back: numbers in plain
 * notation, booleans as TRUE/FALSE, multi-select options joined as the import splits them.
 */
function customCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Array.isArray(value)) return joinListValue(value.map(String));
  return String(value);
}

const listCell = (value: unknown): string => (value === null ? '' : joinListValue(value as string[]));
const textCell = (value: unknown): string => (value === null ? '' : (value as string));

const DAY_MS = 86_400_000;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number): string => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * Writes moments (milliseconds since the epoch) exactly as `Date.toISOString` does, in UTC with
 * milliseconds (`2026-01-02T03:04:05.678Z`), for one column of a whole file: the date is worked out
 * once per day, and contacts next to each other mostly share one; the time of day is arithmetic.
 * A Date per cell would cost ten times as much.
 */
function timeCells(): (value: unknown) => string {
  let day = Number.NaN;
  let date = '';
  return (value) => {
    const ms = value as number;
    const today = Math.floor(ms / DAY_MS);
    if (today !== day) {
      day = today;
      const iso = new Date(today * DAY_MS).toISOString();
      date = iso.slice(0, iso.indexOf('T') + 1);
    }
    const time = ms - today * DAY_MS;
    const hours = Math.floor(time / 3_600_000);
    const minutes = Math.floor(time / 60_000) % 60;
    const seconds = Math.floor(time / 1000) % 60;
    return `${date}${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(time % 1000)}Z`;
  };
}

/**
 * Turns an {@link ExportRow} of these columns into the texts of its cells, one per column. Each
 * column's conversion is chosen once, not per cell. Spreadsheet-formula safety is the writer's job
 * (every cell of every file passes through it), not this function's.
 */
export function exportRowCells(columns: readonly ExportColumn[]): (row: ExportRow) => string[] {
  const cells = columns.map((column) => {
    if (column.kind === 'custom') return customCell;
    if (column.key === 'tags' || column.key === 'groups') return listCell;
    return column.key === 'createdAt' || column.key === 'updatedAt' ? timeCells() : textCell;
  });
  return (row) => cells.map((cell, index) => cell(row[index]));
}

/** What a download URL carries: the export, checked when the URL was made and again when it is fetched. */
export interface ExportRequest {
  format: ExportFormat;
  search?: string | null;
  /** The filter tree as the GraphQL input gave it (the domain parser checks it on each use). */
  filter?: unknown;
  orderBy?: { field: string; direction?: 'ASC' | 'DESC' | null }[] | null;
  groupId?: string | null;
  columns?: string[] | null;
}

/** An export request as URL-safe text (base64url JSON); it carries no workspace, which comes from the key. */
export function encodeExportRequest(request: ExportRequest): string {
  return Buffer.from(JSON.stringify(request)).toString('base64url');
}

/** The export request of a download URL, or a ValidationError when the text is not one. */
export function decodeExportRequest(token: string | null): ExportRequest {
  const invalid = ValidationError.of(
    ['request'],
    'INVALID_DOWNLOAD_LINK',
    'the download URL does not carry an export request; ask contactExport for a new one',
  );
  if (!token) throw invalid;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString());
  } catch {
    throw invalid;
  }
  if (typeof value !== 'object' || value === null || !EXPORT_FORMATS.includes((value as ExportRequest).format)) throw invalid;
  const request = value as ExportRequest;
  const isStringList = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  if (request.columns != null && !isStringList(request.columns)) throw invalid;
  if (request.search != null && typeof request.search !== 'string') throw invalid;
  if (request.groupId != null && typeof request.groupId !== 'string') throw invalid;
  const isOrder = (order: unknown) =>
    typeof order === 'object' &&
    order !== null &&
    typeof (order as { field?: unknown }).field === 'string' &&
    [undefined, null, 'ASC', 'DESC'].includes((order as { direction?: unknown }).direction as string);
  if (request.orderBy != null && !(Array.isArray(request.orderBy) && request.orderBy.every(isOrder))) throw invalid;
  return request;
}
