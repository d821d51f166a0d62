/**
 * How a spreadsheet shows a number or a date, as text to import: the value "as the user sees it",
 * without the exponent or binary noise a plain `String(number)` can give (`1.2025550143E10`,
 * `0.30000000000000004`). Number formats are applied where they change what a contact's data
 * means: zero padding (`00000` for a ZIP code), fixed decimals, digit groups, literals (a phone
 * format `(000) 000-0000`), percentages, and dates. Scientific and fraction formats are read as the
 * plain number, because their short form loses digits.
 */

/** Excel keeps 15 significant digits; more are binary noise (0.1 + 0.2). */
const EXCEL_PRECISION = 15;
const GENERAL = new Intl.NumberFormat('en-US', { useGrouping: false, maximumSignificantDigits: EXCEL_PRECISION });

/** A number in General format: up to 15 significant digits, never an exponent, `-0` as `0`. */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return GENERAL.format(value === 0 ? 0 : value);
}

/** Whether a number format shows a date or a time (`yyyy-mm-dd`, `m/d/yy h:mm`, `[h]:mm`). */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhs]/i.test(formatLetters(format));
}

/**
 * A date cell as ISO 8601 in the cell's own time (spreadsheets store no zone): `YYYY-MM-DD` for a
 * date format, `YYYY-MM-DDTHH:MM` (with `:SS` when the format shows seconds) for a date and time,
 * `HH:MM[:SS]` for a time alone. Rounded to the second, as no format shows less.
 */
export function displayDate(date: Date, format: string | undefined): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  const letters = formatLetters(format ?? '').toLowerCase();
  const hasTime = /[hs]/.test(letters);
  const hasDate = /[yd]/.test(letters) || (!hasTime && letters.includes('m')) || letters === '';
  const time = /s/.test(letters) ? iso.slice(11, 19) : iso.slice(11, 16);
  if (hasDate && hasTime) return `${iso.slice(0, 10)}T${time}`;
  return hasTime ? time : iso.slice(0, 10);
}

/**
 * A number as its format shows it (see the module comment); General, text (`@`) and formats this
 * does not render give {@link generalNumber}.
 */
export function displayNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  if (!format || /^general$/i.test(format.trim()) || format.trim() === '@') return generalNumber(value);
  const sections = splitSections(format);
  let section = sections[0]!;
  let shown = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1]!;
    shown = -value;
  } else if (value === 0 && sections.length > 2) {
    section = sections[2]!;
  }
  const rendered = /\[[<>=]/.test(section) ? null : renderSection(section, shown);
  return rendered ?? generalNumber(value);
}

/** The format without quoted text, escaped characters and bracketed colours or locales. */
function formatLetters(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (char === '"') quoted = !quoted;
    if (char === '\\' && !quoted) {
      current += char + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (char === ';' && !quoted) {
      sections.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  sections.push(current);
  return sections;
}

type Token = { kind: 'digit'; char: '0' | '#' | '?' } | { kind: 'point' } | { kind: 'comma' } | { kind: 'literal'; text: string };

/** The section's tokens, or null when it holds something only {@link generalNumber} should show. */
function tokenize(section: string): { tokens: Token[]; percents: number } | null {
  const tokens: Token[] = [];
  let percents = 0;
  for (let i = 0; i < section.length; i++) {
    const char = section[i]!;
    if (char === '"') {
      const end = section.indexOf('"', i + 1);
      tokens.push({ kind: 'literal', text: section.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? section.length : end;
    } else if (char === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i++;
    } else if (char === '_' || char === '*') {
      i++; // alignment padding and fill characters take room on screen, not text
    } else if (char === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      // `[$€-407]` shows its symbol; colours (`[Red]`) show nothing.
      if (inner.startsWith('$')) tokens.push({ kind: 'literal', text: inner.slice(1).split('-')[0]! });
      i = end < 0 ? section.length : end;
    } else if (char === '0' || char === '#' || char === '?') {
      tokens.push({ kind: 'digit', char });
    } else if (char === '.') {
      if (tokens.some((token) => token.kind === 'point')) return null;
      tokens.push({ kind: 'point' });
    } else if (char === ',') {
      tokens.push({ kind: 'comma' });
    } else if (char === '%') {
      percents++;
      tokens.push({ kind: 'literal', text: '%' });
    } else if (/[a-z@/]/i.test(char)) {
      return null; // exponents, fractions, text sections, dates
    } else {
      tokens.push({ kind: 'literal', text: char });
    }
  }
  return { tokens, percents };
}

function renderSection(section: string, value: number): string | null {
  const parsed = tokenize(section);
  if (!parsed) return null;
  const { tokens, percents } = parsed;
  // A section of text alone (`"zero"`, `"n/a"`) shows that text instead of the number.
  if (!tokens.some((token) => token.kind === 'digit')) return tokens.map((token) => (token.kind === 'literal' ? token.text : '')).join('');
  const point = tokens.findIndex((token) => token.kind === 'point');
  const intEnd = point < 0 ? tokens.length : point;
  const intDigits = tokens.slice(0, intEnd).flatMap((token, index) => (token.kind === 'digit' ? [index] : []));
  const lastIntDigit = intDigits.at(-1) ?? -1;
  // A comma between integer placeholders groups thousands; each comma after the last placeholder scales by 1000.
  const grouping = tokens.some((token, index) => token.kind === 'comma' && index < lastIntDigit && index > (intDigits[0] ?? -1));
  const lastDigit = tokens.findLastIndex((token) => token.kind === 'digit');
  const scalingCommas = tokens.filter((token, index) => token.kind === 'comma' && index > lastDigit).length;
  const scaled = (value * 100 ** percents) / 1000 ** scalingCommas;
  const fracDigits = point < 0 ? [] : tokens.slice(point + 1).flatMap((token) => (token.kind === 'digit' ? [token.char] : []));

  const fixed = new Intl.NumberFormat('en-US', {
    useGrouping: false,
    minimumFractionDigits: fracDigits.length,
    maximumFractionDigits: fracDigits.length,
  }).format(Math.abs(Number(scaled.toPrecision(EXCEL_PRECISION))));
  const [whole = '0', fraction = ''] = fixed.split('.');
  const negative = scaled < 0 && /[1-9]/.test(fixed);

  const intPlaceholders = intDigits.map((index) => (tokens[index] as { char: '0' | '#' | '?' }).char);
  const intText = fillInteger(whole === '0' ? '' : whole, intPlaceholders, grouping);
  const fracText = fillFraction(fraction, fracDigits);

  let out = '';
  let intSlot = 0;
  let fracSlot = 0;
  tokens.forEach((token, index) => {
    if (token.kind === 'literal') out += token.text;
    else if (token.kind === 'point') out += '.';
    else if (token.kind === 'digit') out += index < intEnd ? intText[intSlot++] : fracText[fracSlot++];
  });
  return (negative ? '-' : '') + out;
}

/**
 * The integer's digits spread over the placeholders, right to left: a placeholder without a digit
 * shows `0` for `0`, a space for `?` and nothing for `#`; digits beyond the placeholders go to the
 * first one. With grouping, the whole grouped number goes to the first placeholder.
 */
function fillInteger(digits: string, placeholders: ('0' | '#' | '?')[], grouping: boolean): string[] {
  if (placeholders.length === 0) return [];
  if (grouping) {
    const minimum = placeholders.filter((char) => char === '0').length;
    const padded = digits.padStart(minimum, '0');
    const grouped = padded.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return [grouped, ...placeholders.slice(1).map(() => '')];
  }
  const slots: string[] = placeholders.map((char) => (char === '0' ? '0' : char === '?' ? ' ' : ''));
  let remaining = digits;
  for (let slot = placeholders.length - 1; slot >= 0 && remaining.length > 0; slot--) {
    slots[slot] = slot === 0 ? remaining : remaining.slice(-1);
    remaining = slot === 0 ? '' : remaining.slice(0, -1);
  }
  return slots;
}

/** The decimals over their placeholders; trailing zeros under `#` are dropped, under `?` spaced. */
function fillFraction(fraction: string, placeholders: ('0' | '#' | '?')[]): string[] {
  const slots = placeholders.map((_, index) => fraction[index] ?? '0');
  for (let index = placeholders.length - 1; index >= 0 && slots[index] === '0' && placeholders[index] !== '0'; index--) {
    slots[index] = placeholders[index] === '?' ? ' ' : '';
  }
  return slots;
}
