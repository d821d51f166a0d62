import parsePhoneNumberFromString, { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import metadata from 'libphonenumber-js/max/metadata';
import { err, ok, quote, type Result } from './result.ts';

/** Where a national-format number may take its country from; each is tried in this order. */
export interface PhoneHints {
  /** The row's ISO 3166-1 alpha-2 country (`Country` column), any case. */
  country?: string | null;
  /** The row's numeric calling code (`Country Code` column): `91`, `+91` or `0091`. */
  callingCode?: string | null;
  /** The import job's (or workspace's) default country, ISO 3166-1 alpha-2. */
  defaultCountry?: string | null;
}

/** A valid phone number in the form contacts are matched on. */
export interface NormalizedPhone {
  /** `+` and digits, e.g. `+12025550143`; an extension, if one was written, is dropped. */
  e164: string;
  /**
   * The country the number belongs to according to its numbering plan, which can differ from the
   * hint used to read it (`07911 123456` read as GB is a Guernsey number, `GG`). Undefined for
   * non-geographic numbers such as `+800` freephone.
   */
  country: string | undefined;
}

/**
 * ISO 3166-1 alpha-2 codes that libphonenumber has no numbering plan for (uninhabited or without
 * their own telephone service). They are real countries for the `country` field, but cannot be used
 * to read a phone number.
 */
const COUNTRIES_WITHOUT_NUMBERING_PLAN: ReadonlySet<string> = new Set(['AQ', 'BV', 'GS', 'HM', 'PN', 'TF', 'UM']);

/** Every calling code with a numbering plan, geographic (`44`) or not (`800`). */
const CALLING_CODES: ReadonlySet<string> = new Set([...Object.keys(metadata.country_calling_codes), ...Object.keys(metadata.nonGeographic ?? {})]);

type ParseOptions = { defaultCountry?: CountryCode; defaultCallingCode?: string; extract: false };

/**
 * `extract: false` makes libphonenumber reject text around the number (`call 202 555 0143`,
 * `2025550143 bar`) instead of quietly picking a number out of it.
 */
const INTERNATIONAL_OPTIONS: ParseOptions = { extract: false };

/** How a national-format number is read, and how that reading is named in an error message. */
interface Reading {
  options: ParseOptions;
  description: string;
}

/**
 * Readings per country and per calling code, built once: a 500k-row import reads most numbers with
 * the same one or two hints, and reusing the objects saves allocations on every row.
 */
const readingsByCountry = new Map<string, Reading>();
const readingsByCallingCode = new Map<string, Reading>();

function readingForCountry(country: CountryCode): Reading {
  let reading = readingsByCountry.get(country);
  if (!reading) {
    reading = { options: { defaultCountry: country, extract: false }, description: `read as a number of ${country}` };
    readingsByCountry.set(country, reading);
  }
  return reading;
}

function readingForCallingCode(callingCode: string): Reading {
  let reading = readingsByCallingCode.get(callingCode);
  if (!reading) {
    reading = { options: { defaultCallingCode: callingCode, extract: false }, description: `read with calling code +${callingCode}` };
    readingsByCallingCode.set(callingCode, reading);
  }
  return reading;
}

/** A leading plus (ASCII or full-width) marks the international form. */
const PLUS_FORM = /^[+＋]/;

/** `(+44) 7400 123456`: libphonenumber reads `+(44)` but not `(+44)`. */
const BRACKETED_PLUS = /^\(\s*([+＋])/;

/** A code shaped like ISO 3166-1 alpha-2: two ASCII letters. */
const ALPHA2 = /^[A-Za-z]{2}$/;

/**
 * Whether `alpha2` is an ISO 3166-1 alpha-2 country code (any case, surrounding spaces ignored).
 * Accepts every code libphonenumber has a numbering plan for — which also includes `XK` (Kosovo)
 * and the ITU-only `AC` and `TA` — plus the ISO territories that have none (`AQ`, `BV`, …).
 */
export function isValidCountryCode(alpha2: string): boolean {
  const code = alpha2.trim();
  if (!ALPHA2.test(code)) return false;
  const upper = code.toUpperCase();
  return isSupportedCountry(upper) || COUNTRIES_WITHOUT_NUMBERING_PLAN.has(upper);
}

/** A country column's value as stored: the upper-case alpha-2 code, or an error naming the value. */
export function normalizeCountryCode(raw: string): Result<string> {
  if (!isValidCountryCode(raw)) return err('INVALID_COUNTRY', `${quote(raw)} is not a country code (expected ISO 3166-1 alpha-2, e.g. US or GB)`);
  return ok(raw.trim().toUpperCase());
}

/** One to three digits, optionally after `+` or the `00` international prefix. */
const CALLING_CODE_FORM = /^(?:\+|00)?\s*(\d{1,3})$/;

/**
 * Reads a calling code as spreadsheets hold it: `91`, `+91`, `0091` or `+ 91` all give `"91"`.
 * Only codes that have a numbering plan are accepted; the digits come back without `+` or `00`.
 * Area-code forms such as `1-242` are not accepted — the area code belongs in the number.
 */
export function parseCallingCode(raw: string): Result<string> {
  const match = CALLING_CODE_FORM.exec(raw.trim());
  const digits = match?.[1];
  if (digits === undefined || !CALLING_CODES.has(digits)) {
    return err('INVALID_CALLING_CODE', `${quote(raw)} is not a country calling code (expected digits such as 1, 44 or 91)`);
  }
  return ok(digits);
}

/**
 * Picks how to read a national-format number: the row's country, else its calling code, else the
 * default country. The first hint present decides; a later one is not tried when the first gives an
 * invalid number, because a typo read under another plan can look valid and would be stored wrong.
 * A hint that is present but malformed is an error rather than skipped, for the same reason.
 * Resolves to undefined when no hint is present.
 */
function chooseReading(hints: PhoneHints): Result<Reading | undefined> {
  const country = hints.country?.trim();
  if (country) {
    const upper = country.toUpperCase();
    if (ALPHA2.test(country) && isSupportedCountry(upper)) return ok(readingForCountry(upper));
    if (!isValidCountryCode(country)) {
      return err('INVALID_COUNTRY', `country ${quote(country)} is not an ISO 3166-1 alpha-2 code (e.g. US or GB)`);
    }
    // A real country without telephone service of its own: the next hint may still help.
  }
  const callingCode = hints.callingCode?.trim();
  if (callingCode) {
    const parsed = parseCallingCode(callingCode);
    if (!parsed.ok) return parsed;
    return ok(readingForCallingCode(parsed.value));
  }
  const fallback = hints.defaultCountry?.trim();
  if (fallback) {
    const upper = fallback.toUpperCase();
    if (ALPHA2.test(fallback) && isSupportedCountry(upper)) return ok(readingForCountry(upper));
    return err('INVALID_COUNTRY', `default country ${quote(fallback)} is not an ISO 3166-1 alpha-2 code with a phone numbering plan`);
  }
  return ok(undefined);
}

/**
 * Normalizes a phone number to E.164 with libphonenumber's full metadata, so the same number written
 * any way (`(202) 555-0143` read as US, `+1 202 555 0143`, `001 202 555 0143`) gives one value to
 * match contacts on. A number in international form (`+…`, `(+44) …`, or `00…`, the international
 * prefix almost everywhere) is read on its own and the hints are ignored; otherwise the first hint present
 * is used (see {@link PhoneHints}). Only numbers valid for their numbering plan are accepted, and
 * letters or other text around the number make it invalid (an extension such as `ext. 12` is
 * allowed and dropped).
 */
export function normalizePhone(raw: string, hints: PhoneHints = {}): Result<NormalizedPhone> {
  const text = raw.trim();
  if (text === '') return err('REQUIRED', 'no phone number given');

  // libphonenumber strips `00` only when the default country dials out with it (not in the US,
  // whose prefix is 011), so `00` is turned into `+` here to make it mean the same for every row.
  const input = text.startsWith('00') ? `+${text.slice(2)}` : text.replace(BRACKETED_PLUS, '$1(');

  let options = INTERNATIONAL_OPTIONS;
  let description: string | undefined;
  if (!PLUS_FORM.test(input)) {
    const reading = chooseReading(hints);
    if (!reading.ok) return err(reading.code, `${quote(text)} could not be read: ${reading.error}`);
    if (reading.value === undefined) {
      return err(
        'PHONE_NEEDS_COUNTRY',
        `${quote(text)} has no country: write it in international form (+ and country code), or give a country, a calling code or a default country`,
      );
    }
    options = reading.value.options;
    description = reading.value.description;
  }

  const phone = parsePhoneNumberFromString(input, options);
  if (phone === undefined || !phone.isValid()) {
    return err('INVALID_PHONE', `${quote(text)} is not a valid phone number${description ? ` (${description})` : ''}`);
  }
  return ok({ e164: phone.number, country: phone.country });
}
