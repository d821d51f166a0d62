import { normalizeEmail } from './email.ts';
import { issue, type InputIssue } from './errors.ts';
import { splitListValue } from './list-value.ts';
import { normalizePhone } from './phone-number.ts';
import { EMPTY, err, ok, quote, reworded, type CellResult } from './result.ts';

/** The types a contact field can have, in the order they are offered to users. */
export const FIELD_TYPES = ['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DATETIME', 'SELECT', 'MULTI_SELECT', 'URL', 'EMAIL', 'PHONE'] as const;

/** A contact field's type; declared here so the domain does not depend on Prisma's generated enum. */
export type FieldType = (typeof FIELD_TYPES)[number];

/** Whether a string names a field type. */
export function isFieldType(value: string): value is FieldType {
  return (FIELD_TYPES as readonly string[]).includes(value);
}

/**
 * A value as stored in a contact's custom-field jsonb: TEXT, SELECT, URL, EMAIL, PHONE, DATE and
 * DATETIME as strings, NUMBER as a number, BOOLEAN as a boolean, MULTI_SELECT as a list of options.
 */
export type FieldValue = string | number | boolean | string[];

/** The part of a field definition that coercion needs. */
export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  /** The allowed values of a SELECT or MULTI_SELECT field, in their canonical spelling. */
  options: readonly string[];
}

/** What coercion may need beyond the field itself. */
export interface CoerceContext {
  /** The country a national-format PHONE value is read in (the import job's default country). */
  defaultCountry?: string | null;
}

/**
 * Converts one cell to the typed value stored for a field.
 *
 * A blank cell (empty or whitespace only) is {@link EMPTY} for every type: not an error, and not a
 * value — the caller leaves the field as it is, because an empty cell never erases a value. Check
 * `result.ok` first, then `result.empty`, then use `result.value`.
 *
 * Errors name the field's label and the value, e.g. `Birthday: "31/02/2020" is not a date
 * (expected YYYY-MM-DD)`.
 */
export function coerceFieldValue(field: FieldDefinition, raw: string, ctx: CoerceContext = {}): CellResult<FieldValue> {
  const text = raw.trim();
  if (text === '') return EMPTY;
  switch (field.type) {
    case 'TEXT':
      return ok(text);
    case 'NUMBER':
      return coerceNumber(field, text);
    case 'BOOLEAN':
      return coerceBoolean(field, text);
    case 'DATE':
      return coerceDate(field, text);
    case 'DATETIME':
      return coerceDateTime(field, text);
    case 'SELECT':
      return coerceSelect(field, text);
    case 'MULTI_SELECT':
      return coerceMultiSelect(field, text);
    case 'URL':
      return coerceUrl(field, text);
    case 'EMAIL': {
      const email = normalizeEmail(text);
      return email.ok ? email : reworded(email, `${field.label}: ${email.error}`);
    }
    case 'PHONE': {
      const phone = normalizePhone(text, { defaultCountry: ctx.defaultCountry });
      return phone.ok ? ok(phone.value.e164) : reworded(phone, `${field.label}: ${phone.error}`);
    }
    default:
      // Reached only if a caller bypasses the type (e.g. a type added to the database but not here).
      throw new Error(`unknown field type ${String(field.type satisfies never)}`);
  }
}

/**
 * A plain decimal: optional sign, digits with an optional `.` fraction, optional exponent. Thousands
 * separators and decimal commas are refused rather than guessed at, because `1,234` is one thousand
 * two hundred and thirty-four in an American export and one point two three four in a German one.
 */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER = /^[+-]?\d+$/;

function coerceNumber(field: FieldDefinition, text: string): CellResult<number> {
  if (!DECIMAL.test(text)) {
    return err(
      'INVALID_NUMBER',
      `${field.label}: ${quote(text)} is not a number (expected digits with an optional sign, decimal point and exponent, e.g. -1234.5; no thousands separators)`,
      { field: field.label },
    );
  }
  const value = Number(text);
  if (!Number.isFinite(value)) return err('INVALID_NUMBER', `${field.label}: ${quote(text)} is too large a number`, { field: field.label });
  // An integer this long (an account or card number mapped as NUMBER) would be silently rounded.
  if (INTEGER.test(text) && !Number.isSafeInteger(value)) {
    return err('INVALID_NUMBER', `${field.label}: ${quote(text)} has too many digits to store exactly; use a TEXT field for identifiers`, {
      field: field.label,
    });
  }
  // -0 would survive in memory but not in JSON; store the zero that comes back.
  return ok(value === 0 ? 0 : value);
}

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['yes', true],
  ['y', true],
  ['1', true],
  ['false', false],
  ['no', false],
  ['n', false],
  ['0', false],
]);

function coerceBoolean(field: FieldDefinition, text: string): CellResult<boolean> {
  const value = BOOLEAN_WORDS.get(text.toLowerCase());
  if (value === undefined) {
    return err('INVALID_BOOLEAN', `${field.label}: ${quote(text)} is not a yes/no value (expected TRUE/FALSE, yes/no, y/n or 1/0)`, {
      field: field.label,
    });
  }
  return ok(value);
}

const DATE_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year, month (1–12) and day name a day that exists, leap years included. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const isLeap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= last;
}

function coerceDate(field: FieldDefinition, text: string): CellResult<string> {
  const match = DATE_FORM.exec(text);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return err('INVALID_DATE', `${field.label}: ${quote(text)} is not a date (expected YYYY-MM-DD)`, { field: field.label });
  }
  return ok(text);
}

/**
 * ISO 8601 / RFC 3339 in extended form: a date, optionally `T` (or a space) and `HH:MM`, optional
 * `:SS` and fraction, optional offset `Z`, `±HH:MM`, `±HHMM` or `±HH`.
 */
const DATETIME_FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Milliseconds since the epoch of a UTC wall-clock time; unlike `Date.UTC`, years 1–99 stay as given. */
function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

/** Minutes east of UTC of an offset matched by {@link DATETIME_FORM}, or undefined when out of range. */
function offsetMinutes(offset: string | undefined): number | undefined {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = offset.length > 3 ? Number(offset.slice(-2)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Reads an ISO 8601 date-time and stores it as a UTC ISO string (`2022-10-31T14:00:00.000Z`).
 * A bare date means midnight UTC, and a time without an offset is taken as UTC too — the server's
 * own zone would make the stored instant depend on where the import happened to run. Fractions
 * beyond milliseconds are truncated.
 */
function coerceDateTime(field: FieldDefinition, text: string): CellResult<string> {
  const match = DATETIME_FORM.exec(text);
  const fail = () =>
    err('INVALID_DATETIME', `${field.label}: ${quote(text)} is not a date-time (expected ISO 8601, e.g. 2022-10-31T19:30:00+05:30)`, {
      field: field.label,
    });
  if (!match) return fail();
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const east = offsetMinutes(offset);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59 || east === undefined) return fail();
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return ok(new Date(utcMillis(year, month, day, hour, minute, second, ms) - east * 60_000).toISOString());
}

/** How options are compared: case, surrounding and repeated whitespace, and Unicode form ignored. */
function optionKey(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Option lookups per options list. Fields are loaded once per import and their `options` array is
 * reused for every row, so the map is built once instead of scanning the options for each cell.
 */
const optionIndexes = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

function optionIndex(options: readonly string[]): ReadonlyMap<string, string> {
  let index = optionIndexes.get(options);
  if (!index) {
    const built = new Map<string, string>();
    // The first spelling wins should stored options ever differ only by case.
    for (const option of options) if (!built.has(optionKey(option))) built.set(optionKey(option), option);
    index = built;
    optionIndexes.set(options, index);
  }
  return index;
}

/** How many options an error message lists before eliding the rest. */
const OPTIONS_LISTED_MAX = 10;

function notAnOption(field: FieldDefinition, value: string) {
  const listed = field.options.slice(0, OPTIONS_LISTED_MAX).join(', ');
  const more = field.options.length > OPTIONS_LISTED_MAX ? `, … ${field.options.length - OPTIONS_LISTED_MAX} more` : '';
  return err('NOT_AN_OPTION', `${field.label}: ${quote(value)} is not one of the options (${listed}${more})`, {
    field: field.label,
    options: field.options,
  });
}

function coerceSelect(field: FieldDefinition, text: string): CellResult<string> {
  const option = optionIndex(field.options).get(optionKey(text));
  return option === undefined ? notAnOption(field, text) : ok(option);
}

function coerceMultiSelect(field: FieldDefinition, text: string): CellResult<string[]> {
  const items = splitListValue(text);
  // Only separators (`,;`): as blank as an empty cell.
  if (items.length === 0) return EMPTY;
  const index = optionIndex(field.options);
  const chosen = new Set<string>();
  for (const item of items) {
    const option = index.get(optionKey(item));
    if (option === undefined) return notAnOption(field, item);
    chosen.add(option);
  }
  return ok([...chosen]);
}

/**
 * Absolute http(s) URLs per the WHATWG URL standard, stored in their serialized form (scheme and
 * host lower-cased, default port dropped, `/` for an empty path, IDN hosts in punycode) so that equal
 * addresses compare equal in filters.
 */
function coerceUrl(field: FieldDefinition, text: string): CellResult<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return err('INVALID_URL', `${field.label}: ${quote(text)} is not a URL (expected an absolute http:// or https:// address)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err('INVALID_URL', `${field.label}: ${quote(text)} is not an http:// or https:// URL`);
  }
  return ok(url.href);
}

/** Characters that cannot appear in a MULTI_SELECT option, since a cell is split on them. */
const LIST_SEPARATORS_IN_OPTION = /[,;]/;

/** The options to store for a new or edited field, and every problem found with them. */
export interface FieldOptionsCheck {
  /** Trimmed, with inner whitespace collapsed; empty for types without options. */
  options: string[];
  /** Problems, each with its path in the input (`["options", "2"]`); none means the options can be stored. */
  issues: InputIssue[];
}

/**
 * Checks the options given when a field is created or changed. SELECT and MULTI_SELECT need at least
 * one option; each must be non-blank and differ from the others by more than case (matching ignores
 * case, so `Gold` and `gold` could never be told apart); a MULTI_SELECT option cannot contain `,` or
 * `;`. Other types take no options.
 */
export function validateFieldOptions(type: FieldType, options: readonly string[]): FieldOptionsCheck {
  if (type !== 'SELECT' && type !== 'MULTI_SELECT') {
    const issues = options.length > 0 ? [issue(['options'], 'NOT_APPLICABLE', `a ${type} field has no options`)] : [];
    return { options: [], issues };
  }
  const issues: InputIssue[] = [];
  const cleaned: string[] = [];
  const seen = new Map<string, string>();
  options.forEach((raw, index) => {
    const path = ['options', String(index)];
    const option = raw.trim().replace(/\s+/g, ' ');
    if (option === '') {
      issues.push(issue(path, 'REQUIRED', 'an option cannot be blank'));
      return;
    }
    if (type === 'MULTI_SELECT' && LIST_SEPARATORS_IN_OPTION.test(option)) {
      issues.push(issue(path, 'INVALID_OPTION', `${quote(option)} cannot be an option of a multi-select field: "," and ";" separate its values`));
      return;
    }
    const key = optionKey(option);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push(issue(path, 'DUPLICATE_VALUE', `${quote(option)} repeats ${quote(earlier)} (options are matched ignoring case)`));
      return;
    }
    seen.set(key, option);
    cleaned.push(option);
  });
  if (cleaned.length === 0 && issues.length === 0) {
    issues.push(issue(['options'], 'REQUIRED', `a ${type} field needs at least one option`));
  }
  return { options: cleaned, issues };
}
