import type { FieldType } from './field-value.ts';

/** A field as the column mapper sees it: what a header can match. */
export interface MatchableField {
  key: string;
  label: string;
  /** Other header names that mean this field (built-in fields have them; custom fields may not). */
  synonyms?: readonly string[];
}

/** A field every workspace has. Its key is fixed; clients rely on it (docs/product-rules.md). */
export interface BuiltInField extends MatchableField {
  readonly key: BuiltInFieldKey;
  readonly label: string;
  readonly type: FieldType;
  readonly description: string;
  readonly synonyms: readonly string[];
}

/** The keys of the built-in fields. */
export const BUILT_IN_FIELD_KEYS = [
  'firstName',
  'lastName',
  'name',
  'phone',
  'email',
  'country',
  'countryCode',
  'whatsappOptIn',
  'tags',
  'groups',
] as const;

/** The key of a built-in field. */
export type BuiltInFieldKey = (typeof BUILT_IN_FIELD_KEYS)[number];

/**
 * The import-only mapping key of a column that holds Switchboard contact ids, used with the
 * `CONTACT_ID` identifier of an update-only import. It is not a contact field: nothing is
 * stored under it, the id only finds the contact to update. Reserved so that no custom field made by
 * an import takes this key.
 */
export const CONTACT_ID_KEY = 'contactId';

/**
 * The built-in fields, with the header names the import mapper recognises for each (seeds 000–004
 * and common CRM exports). A header matches a synonym ignoring case, spaces and punctuation, so
 * `E-mail`, `e_mail` and `EMAIL` are one synonym.
 */
export const BUILT_IN_FIELDS: readonly BuiltInField[] = [
  {
    key: 'firstName',
    label: 'First name',
    type: 'TEXT',
    description: 'Given name. With the last name it makes the full name.',
    synonyms: ['Given name', 'Forename', 'First', 'FName'],
  },
  {
    key: 'lastName',
    label: 'Last name',
    type: 'TEXT',
    description: 'Family name. With the first name it makes the full name.',
    synonyms: ['Surname', 'Family name', 'Last', 'LName'],
  },
  {
    key: 'name',
    label: 'Name',
    type: 'TEXT',
    description: 'Full name, when it is given whole rather than as first and last name.',
    synonyms: ['Full Name', 'Contact Name'],
  },
  {
    key: 'phone',
    label: 'Phone number',
    type: 'PHONE',
    description: 'Phone number, stored in E.164 form; read with the country, calling code or default country when not written with +.',
    synonyms: ['Mobile', 'Mobile Number', 'Cell', 'Cell Phone', 'Tel', 'Telephone', 'Phone Number', 'Phone No', 'Msisdn', 'WhatsApp Number'],
  },
  {
    key: 'email',
    label: 'Email',
    type: 'EMAIL',
    description: 'Email address, matched ignoring case.',
    synonyms: ['E-mail', 'Email Address', 'Mail'],
  },
  {
    key: 'country',
    label: 'Country',
    type: 'TEXT',
    description: 'Country as an ISO 3166-1 alpha-2 code (US, GB, IN); also used to read phone numbers written without +.',
    synonyms: ['Country', 'Country ISO', 'Nation'],
  },
  {
    key: 'countryCode',
    label: 'Country code',
    type: 'TEXT',
    description: 'Numeric calling code (1, 44, 91) used to read phone numbers written without +; not stored on the contact.',
    synonyms: ['Country Code', 'Dial Code', 'Calling Code', 'ISD code'],
  },
  {
    key: 'whatsappOptIn',
    label: 'WhatsApp opt-in',
    type: 'BOOLEAN',
    description: 'TRUE records a WhatsApp opt-in for the phone number, FALSE an opt-out; an existing opt-out is never lifted.',
    synonyms: ['WhatsApp Opted', 'WhatsApp Opt-in', 'WhatsApp Consent'],
  },
  {
    key: 'tags',
    label: 'Tags',
    type: 'TEXT',
    description: 'Tags to add, separated by "," or ";".',
    synonyms: ['Tags', 'Labels'],
  },
  {
    key: 'groups',
    label: 'Groups',
    type: 'TEXT',
    description: 'Names of static groups to add the contact to, separated by "," or ";"; matched ignoring case, and made by the import when missing.',
    synonyms: ['Group', 'Groups', 'Lists', 'List', 'Segments'],
  },
];

const MARKS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/gu;

/**
 * A header or name reduced to what matters for matching: accents stripped, lower-cased, letters and
 * digits only (of any script, so `電話` does not vanish). `Phone Number`, `phone_number` and
 * `PHONE-NUMBER` all give `phonenumber`; `Téléphone` gives `telephone`.
 */
export function normalizeHeader(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');
}

/** Latin letters that NFKD does not decompose into a base letter and a mark. */
const LATIN_LETTERS_WITHOUT_DECOMPOSITION: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'Ae',
  œ: 'oe',
  Œ: 'Oe',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};
const LATIN_LETTER_WITHOUT_DECOMPOSITION = /[ßæÆœŒøØđĐðÐłŁþÞı]/g;

/** Longest key made from a label; keys travel in filters and exports, and a paragraph is not a key. */
const FIELD_KEY_MAX_LENGTH = 64;

/** FNV-1a, 32 bits: a few lines, stable across runs and platforms, enough spread for a key suffix. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
}

/**
 * The key of a custom field made from its label: a camelCase ASCII slug (`Date of Birth` →
 * `dateOfBirth`, `Lifetime value ($)` → `lifetimeValue`, `Customer ID` → `customerId`).
 * Accented Latin letters lose their accents and ligatures are spelled out (`Größe` → `grosse`,
 * `Kæde` → `kaede`). A key never starts with a digit (`2nd phone` → `field2ndPhone`). A label with no Latin letters or digits at all
 * (`生日`, `Дата рождения`) becomes `field` plus a hash of the label, so the same label always gives
 * the same key and different labels almost never collide. Use {@link uniqueFieldKey} to rule out
 * collisions with existing fields.
 */
export function fieldKeyFromLabel(label: string): string {
  const latin = label
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(LATIN_LETTER_WITHOUT_DECOMPOSITION, (letter) => LATIN_LETTERS_WITHOUT_DECOMPOSITION[letter] ?? '');
  // Split camelCase and acronyms into words so `CustomerID` and `firstName` keep their word breaks.
  const spaced = latin.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  const words = spaced.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  if (words.length === 0) return `field${shortHash(label.normalize('NFC').trim())}`;
  const key = words
    .map((word, i) => {
      const lower = word.toLowerCase();
      return i === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
  const safe = /^[0-9]/.test(key) ? `field${key}` : key;
  return safe.slice(0, FIELD_KEY_MAX_LENGTH);
}

/**
 * A key for a new custom field that collides neither with `existingKeys` nor with a built-in key:
 * {@link fieldKeyFromLabel}, then `…2`, `…3` and so on. Keys are compared ignoring case, because
 * headers are matched to keys ignoring case and `email` next to `eMail` could not be told apart.
 */
export function uniqueFieldKey(label: string, existingKeys: Iterable<string>): string {
  const taken = new Set<string>(BUILT_IN_FIELD_KEYS.map((key) => key.toLowerCase()));
  for (const key of existingKeys) taken.add(key.toLowerCase());
  const base = fieldKeyFromLabel(label);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = String(n);
    const candidate = base.slice(0, FIELD_KEY_MAX_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A suggested field for a column, with how sure the match is (1 exact, 0.9 synonym, less fuzzy). */
export interface FieldSuggestion {
  key: string;
  confidence: number;
}

/** Confidence of a header equal to a field's key or label once normalized. */
const EXACT_CONFIDENCE = 1;
/** Confidence of a header equal to one of a field's synonyms once normalized. */
const SYNONYM_CONFIDENCE = 0.9;
/** Fuzzy matches always rank below synonyms, even when the similarity rounds to 1. */
const FUZZY_CONFIDENCE_MAX = 0.89;
/**
 * Least similarity for a fuzzy suggestion. Set where typos (`Phone Numbr`, `Adress`, `Frist name`)
 * still match but a field whose name merely starts the same (`Company` against `Company size`) does
 * not: a wrong suggestion a user overlooks puts data in the wrong field.
 */
export const FUZZY_MATCH_THRESHOLD = 0.8;
/**
 * Headers shorter than this (once normalized) are not matched fuzzily: one letter is a fifth of a
 * five-letter word, so `lname` would look like `name` and `Tag` like `Tags` is as likely a guess as not.
 */
const FUZZY_MIN_LENGTH = 6;

/** Sørensen–Dice coefficient of the multisets of adjacent character pairs; forgives reordered words. */
function bigramSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const pair = `${a[i]}${a[i + 1]}`;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const pair = `${b[i]}${b[i + 1]}`;
    const count = counts.get(pair);
    if (count) {
      shared++;
      counts.set(pair, count - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

/**
 * 1 minus the optimal-string-alignment distance (Levenshtein plus swaps of adjacent characters) over
 * the longer length; forgives the transposed letters that pair similarity punishes (`Frist`).
 */
function editSimilarity(a: readonly string[], b: readonly string[]): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // Three rows of the distance matrix: two back is needed for transpositions.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, before[j - 2]! + 1);
      }
      current[j] = distance;
    }
    [before, previous, current] = [previous, current, before];
  }
  return 1 - previous[b.length]! / longest;
}

/**
 * Suggests the field a column should map to, or null when nothing is close. In order: a field whose
 * key or label equals the header ignoring case, spaces and punctuation (confidence 1); a field with
 * such a synonym (0.9); else, for headers of six or more letters, the field with the most similar
 * key, label or synonym — the better of bigram and edit similarity — if at least
 * {@link FUZZY_MATCH_THRESHOLD} (confidence = that similarity, at most 0.89). Ties go to
 * the field listed first, so pass the built-in fields before the custom ones:
 * `suggestField(header, [...BUILT_IN_FIELDS, ...customFields])`.
 */
export function suggestField(header: string, fields: readonly MatchableField[]): FieldSuggestion | null {
  const wanted = normalizeHeader(header);
  if (wanted === '') return null;

  for (const field of fields) {
    if (normalizeHeader(field.key) === wanted || normalizeHeader(field.label) === wanted) {
      return { key: field.key, confidence: EXACT_CONFIDENCE };
    }
  }
  for (const field of fields) {
    if (field.synonyms?.some((synonym) => normalizeHeader(synonym) === wanted)) {
      return { key: field.key, confidence: SYNONYM_CONFIDENCE };
    }
  }

  const wantedChars = Array.from(wanted);
  if (wantedChars.length < FUZZY_MIN_LENGTH) return null;
  let best: MatchableField | undefined;
  let bestSimilarity = FUZZY_MATCH_THRESHOLD;
  for (const field of fields) {
    for (const name of [field.key, field.label, ...(field.synonyms ?? [])]) {
      const chars = Array.from(normalizeHeader(name));
      const similarity = Math.max(bigramSimilarity(wantedChars, chars), editSimilarity(wantedChars, chars));
      if (similarity > bestSimilarity || (best === undefined && similarity === bestSimilarity)) {
        best = field;
        bestSimilarity = similarity;
      }
    }
  }
  if (best === undefined) return null;
  return { key: best.key, confidence: Math.min(Math.round(bestSimilarity * 100) / 100, FUZZY_CONFIDENCE_MAX) };
}
