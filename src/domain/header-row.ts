import type { FieldSuggestion } from './field-key.ts';

/**
 * Whether the first line of pasted text is a header (pasted lines come with or without a header
 * row). A header names its columns, so the first line is taken as one unless it reads
 * like data: one of its cells looks like a value ({@link valueKind}: an email address, a phone
 * number, a number, a date, TRUE/FALSE), or a cell is blank, or two cells are the same (a header
 * needs a distinct name for every column). `Name, Phone` is a header; `Ada, +1 202 555 0143` and
 * `ada@example.com` are data. A first line of plain words (`Ada, Lovelace`) cannot be told from a
 * header; it is taken as one, as in a CSV file, and the client can say otherwise.
 */
export function isHeaderRow(cells: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = cell.trim().normalize('NFC').toLowerCase();
    if (key === '' || seen.has(key) || valueKind(cell) !== null) return false;
    seen.add(key);
  }
  return cells.length > 0;
}

export type ValueKind = 'email' | 'date' | 'phone' | 'number' | 'boolean';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}.*)?$/;
const WRITTEN_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;
const PHONE = /^\+?[\d\s().\-/]+$/;
/** Digits of the shortest national number and of the longest E.164 number. */
const PHONE_DIGITS = { min: 7, max: 15 };
/** Fewest digits of a phone number written as bare digits (a national number with its area code). */
const PHONE_BARE_DIGITS = 10;
const NUMBER = /^[-+]?(?:\d+(?:[.,\s]\d+)*|\.\d+)%?$/;
const BOOLEAN = /^(?:true|false)$/i;

/** What kind of value a cell holds, judged by its form alone; null for text (or blank). */
export function valueKind(cell: string): ValueKind | null {
  const text = cell.trim();
  if (text === '') return null;
  if (EMAIL.test(text)) return 'email';
  if (ISO_DATE.test(text) || WRITTEN_DATE.test(text)) return 'date';
  if (PHONE.test(text)) {
    const digits = text.replace(/\D/g, '').length;
    // Bare digits are a phone number only when long enough for one with its area code; shorter
    // ones (an id, an amount) are numbers unless written like a phone number.
    const writtenAsPhone = text.startsWith('+') || /[\s().\-/]/.test(text) || digits >= PHONE_BARE_DIGITS;
    if (digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max && writtenAsPhone) return 'phone';
  }
  if (NUMBER.test(text)) return 'number';
  if (BOOLEAN.test(text)) return 'boolean';
  return null;
}

/** The names given to the columns of text without a header: `Column 1`, `Column 2`, … */
export function generatedColumnNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Column ${index + 1}`);
}

/** Confidence of a field suggested from a column's values rather than its name (below any name match). */
export const VALUE_CONFIDENCE = 0.5;
/** Share of a column's non-blank sampled values that must be of one kind to suggest its field. */
const VALUE_SHARE = 0.8;
const FIELD_OF_KIND: Partial<Record<ValueKind, string>> = { email: 'email', phone: 'phone' };

/**
 * For a column without a name: the field its values suggest, when at least 80% of its non-blank
 * sampled values are email addresses (`email`) or phone numbers (`phone`).
 */
export function suggestFieldFromValues(values: readonly string[]): FieldSuggestion | null {
  const kinds = values.filter((value) => value.trim() !== '').map(valueKind);
  if (kinds.length === 0) return null;
  for (const [kind, key] of Object.entries(FIELD_OF_KIND)) {
    if (kinds.filter((found) => found === kind).length / kinds.length >= VALUE_SHARE) return { key, confidence: VALUE_CONFIDENCE };
  }
  return null;
}
