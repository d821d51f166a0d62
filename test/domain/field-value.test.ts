import { describe, expect, it } from 'vitest';
import {
  FIELD_TYPES,
  coerceFieldValue,
  isFieldType,
  validateFieldOptions,
  type FieldDefinition,
  type FieldType,
} from '../../src/domain/field-value.ts';
import { joinListValue, splitListValue } from '../../src/domain/list-value.ts';

function field(type: FieldType, label = 'Field', options: string[] = []): FieldDefinition {
  return { key: 'field', label, type, options };
}

/** The stored value of a cell that must be accepted. */
function storedValue(definition: FieldDefinition, raw: string, defaultCountry?: string) {
  const result = coerceFieldValue(definition, raw, { defaultCountry });
  if (!result.ok) throw new Error(result.error);
  if (result.empty) throw new Error(`${JSON.stringify(raw)} was read as empty`);
  return result.value;
}

/** The message of a cell that must be rejected. */
function errorOf(definition: FieldDefinition, raw: string, defaultCountry?: string): string {
  const result = coerceFieldValue(definition, raw, { defaultCountry });
  if (result.ok) throw new Error(`${JSON.stringify(raw)} was accepted`);
  return result.error;
}

describe('field types', () => {
  it('lists the ten types and recognises them', () => {
    expect(FIELD_TYPES).toEqual(['TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DATETIME', 'SELECT', 'MULTI_SELECT', 'URL', 'EMAIL', 'PHONE']);
    expect(isFieldType('MULTI_SELECT')).toBe(true);
    expect(isFieldType('text')).toBe(false);
    expect(isFieldType('INTEGER')).toBe(false);
  });
});

describe('coerceFieldValue: empty cells', () => {
  it.each(FIELD_TYPES)('treats blank %s input as empty, never as a value or an error', (type) => {
    const definition = field(type, 'Field', ['A']);
    expect(coerceFieldValue(definition, '')).toEqual({ ok: true, empty: true });
    expect(coerceFieldValue(definition, ' \t ')).toEqual({ ok: true, empty: true });
  });

  it('treats a multi-select cell of separators only as empty', () => {
    expect(coerceFieldValue(field('MULTI_SELECT', 'Interests', ['Golf']), ' , ; ')).toEqual({ ok: true, empty: true });
  });
});

describe('coerceFieldValue: TEXT', () => {
  it('stores the trimmed text', () => {
    expect(storedValue(field('TEXT'), '  Hello,  world  ')).toBe('Hello,  world');
  });
});

describe('coerceFieldValue: NUMBER', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['1234.5', 1234.5],
    ['0.25', 0.25],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-2.5E-2', -0.025],
    [' 12 ', 12],
    ['-0', 0],
    ['9007199254740991', 9007199254740991],
  ])('reads %j as %j', (raw, expected) => {
    expect(Object.is(storedValue(field('NUMBER'), raw), expected)).toBe(true);
  });

  it.each(['1,234.5', '1.234,5', '3,5', '1 000', '12abc', '$12', '50%', '0x1F', 'Infinity', 'NaN', '-', '.', 'e5', '1_000'])('rejects %j', (raw) => {
    expect(errorOf(field('NUMBER', 'Lifetime value'), raw)).toBe(
      `Lifetime value: ${JSON.stringify(raw)} is not a number (expected digits with an optional sign, decimal point and exponent, e.g. -1234.5; no thousands separators)`,
    );
  });

  it('rejects numbers beyond the range of a double', () => {
    expect(errorOf(field('NUMBER', 'Score'), '1e999')).toBe('Score: "1e999" is too large a number');
  });

  it('rejects integers too long to store exactly instead of rounding them', () => {
    expect(errorOf(field('NUMBER', 'Account'), '12345678901234567890')).toBe(
      'Account: "12345678901234567890" has too many digits to store exactly; use a TEXT field for identifiers',
    );
  });
});

describe('coerceFieldValue: BOOLEAN', () => {
  it.each(['TRUE', 'true', 'True', 'yes', 'YES', 'Yes', 'y', 'Y', '1', ' true '])('reads %j as true', (raw) => {
    expect(storedValue(field('BOOLEAN'), raw)).toBe(true);
  });

  it.each(['FALSE', 'false', 'False', 'no', 'NO', 'No', 'n', 'N', '0'])('reads %j as false', (raw) => {
    expect(storedValue(field('BOOLEAN'), raw)).toBe(false);
  });

  it.each(['maybe', '2', 'yess', 'on', 'T'])('rejects %j', (raw) => {
    expect(errorOf(field('BOOLEAN', 'WhatsApp Opted'), raw)).toBe(
      `WhatsApp Opted: ${JSON.stringify(raw)} is not a yes/no value (expected TRUE/FALSE, yes/no, y/n or 1/0)`,
    );
  });
});

describe('coerceFieldValue: DATE', () => {
  it.each(['2023-01-31', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01', ' 2023-06-15 '])('accepts %j', (raw) => {
    expect(storedValue(field('DATE'), raw)).toBe(raw.trim());
  });

  it('names the field and value of a date that does not exist or is not YYYY-MM-DD', () => {
    expect(errorOf(field('DATE', 'Birthday'), '31/02/2020')).toBe('Birthday: "31/02/2020" is not a date (expected YYYY-MM-DD)');
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-01-00',
    '0000-01-01',
    '2023-1-5',
    '20230105',
    '2023-01-05T10:00:00Z',
    '05/01/2023',
  ])('rejects %j', (raw) => {
    expect(errorOf(field('DATE', 'Birthday'), raw)).toBe(`Birthday: ${JSON.stringify(raw)} is not a date (expected YYYY-MM-DD)`);
  });
});

describe('coerceFieldValue: DATETIME', () => {
  it.each([
    // The three DATETIME forms of docs/product-rules.md, "Row rules".
    ['2022-10-31T19:30:00.000+05:30', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31T14:00:00Z', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31', '2022-10-31T00:00:00.000Z'],
    // Other ISO 8601 shapes.
    ['2022-10-31T14:00Z', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31T09:00:00-05:00', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31T19:30:00+0530', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31T16:00:00+02', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31 14:00:00', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31t14:00:00z', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31T14:00:00.123456Z', '2022-10-31T14:00:00.123Z'],
    ['2022-10-31T14:00:00,5Z', '2022-10-31T14:00:00.500Z'],
    ['2022-11-01T01:00:00+11:00', '2022-10-31T14:00:00.000Z'],
    ['2024-02-29T23:30:00-01:00', '2024-03-01T00:30:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('reads %j as %j', (raw, expected) => {
    expect(storedValue(field('DATETIME'), raw)).toBe(expected);
  });

  it.each([
    '2022-10-31T24:00:00Z',
    '2022-10-31T14:60:00Z',
    '2022-10-31T14:00:60Z',
    '2022-02-30T10:00:00Z',
    '2022-10-31T14:00:00+25:00',
    '2022-10-31T14:00:00+05:75',
    '2022-10-31T14',
    '2022-10-31T14:00:00 UTC',
    '31/10/2022 14:00',
    'Oct 31 2022',
    '1667224800',
  ])('rejects %j', (raw) => {
    expect(errorOf(field('DATETIME', 'Appointment'), raw)).toBe(
      `Appointment: ${JSON.stringify(raw)} is not a date-time (expected ISO 8601, e.g. 2022-10-31T19:30:00+05:30)`,
    );
  });
});

describe('coerceFieldValue: SELECT', () => {
  const plan = field('SELECT', 'Plan', ['Gold', 'Silver', 'Bronze']);

  it('matches an option ignoring case and stores its canonical spelling', () => {
    expect(storedValue(plan, 'gold')).toBe('Gold');
    expect(storedValue(plan, 'GOLD')).toBe('Gold');
    expect(storedValue(plan, '  SiLvEr ')).toBe('Silver');
  });

  it('ignores repeated inner whitespace and Unicode form', () => {
    const tier = field('SELECT', 'Tier', ['Très Bien', 'Very  Good']);
    expect(storedValue(tier, 'tre\u0300s bien')).toBe('Très Bien');
    expect(storedValue(tier, 'very good')).toBe('Very  Good');
  });

  it('names the field, value and options when there is no match', () => {
    expect(errorOf(plan, 'Platinum')).toBe('Plan: "Platinum" is not one of the options (Gold, Silver, Bronze)');
  });

  it('lists at most ten options in the message', () => {
    const many = field(
      'SELECT',
      'Code',
      Array.from({ length: 25 }, (_, i) => `C${i + 1}`),
    );
    expect(errorOf(many, 'X')).toBe('Code: "X" is not one of the options (C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, … 15 more)');
  });

  it('keeps working when a field’s options change', () => {
    const before = field('SELECT', 'Plan', ['Gold']);
    expect(storedValue(before, 'gold')).toBe('Gold');
    const after = { ...before, options: ['Gold', 'Platinum'] };
    expect(storedValue(after, 'platinum')).toBe('Platinum');
  });
});

describe('coerceFieldValue: MULTI_SELECT', () => {
  const interests = field('MULTI_SELECT', 'Interests', ['Golf', 'Tennis', 'Chess']);

  it('splits on "," and ";", matches each ignoring case and removes repeats', () => {
    expect(storedValue(interests, 'golf, TENNIS;chess')).toEqual(['Golf', 'Tennis', 'Chess']);
    expect(storedValue(interests, 'Tennis;tennis, golf,,')).toEqual(['Tennis', 'Golf']);
    expect(storedValue(interests, 'chess')).toEqual(['Chess']);
  });

  it('names the item that is not an option', () => {
    expect(errorOf(interests, 'Golf, Polo')).toBe('Interests: "Polo" is not one of the options (Golf, Tennis, Chess)');
  });
});

describe('coerceFieldValue: URL', () => {
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['http://Example.COM/a/b?c=d#e', 'http://example.com/a/b?c=d#e'],
    ['https://example.com:443/x', 'https://example.com/x'],
    ['https://bücher.de/', 'https://xn--bcher-kva.de/'],
    ['https://example.com/a b', 'https://example.com/a%20b'],
  ])('stores %j as %j', (raw, expected) => {
    expect(storedValue(field('URL'), raw)).toBe(expected);
  });

  it.each(['example.com', 'www.example.com', '/relative/path', 'http://', 'https://exa mple.com'])('rejects %j', (raw) => {
    expect(errorOf(field('URL', 'Website'), raw)).toBe(
      `Website: ${JSON.stringify(raw)} is not a URL (expected an absolute http:// or https:// address)`,
    );
  });

  it.each(['ftp://example.com/file', 'mailto:a@example.com', 'javascript:alert(1)'])('rejects the non-web URL %j', (raw) => {
    expect(errorOf(field('URL', 'Website'), raw)).toBe(`Website: ${JSON.stringify(raw)} is not an http:// or https:// URL`);
  });
});

describe('coerceFieldValue: EMAIL', () => {
  it('stores the normalized address', () => {
    expect(storedValue(field('EMAIL'), ' Jane@Example.COM ')).toBe('jane@example.com');
  });

  it('prefixes the error with the field label', () => {
    expect(errorOf(field('EMAIL', 'Work email'), 'jane@')).toBe('Work email: "jane@" is not a valid email address');
  });
});

describe('coerceFieldValue: PHONE', () => {
  it('stores E.164, reading a national number in the default country', () => {
    expect(storedValue(field('PHONE'), '(202) 555-0143', 'US')).toBe('+12025550143');
    expect(storedValue(field('PHONE'), '+44 7400 123456')).toBe('+447400123456');
  });

  it('prefixes the error with the field label', () => {
    expect(errorOf(field('PHONE', 'Office phone'), '(202) 555-01', 'US')).toBe(
      'Office phone: "(202) 555-01" is not a valid phone number (read as a number of US)',
    );
    expect(errorOf(field('PHONE', 'Office phone'), '(202) 555-0143')).toContain('Office phone: "(202) 555-0143" has no country');
  });
});

describe('splitListValue', () => {
  it('splits on both separators and drops blank items', () => {
    expect(splitListValue(' vip; 2024 ,, lead ;')).toEqual(['vip', '2024', 'lead']);
    expect(splitListValue('')).toEqual([]);
  });

  it('reads an item written whole in quotes as written, separators, blanks and doubled quotes included', () => {
    expect(splitListValue('"Smith, Jones", vip')).toEqual(['Smith, Jones', 'vip']);
    expect(splitListValue(' "a;b" ;"say ""hi""",c')).toEqual(['a;b', 'say "hi"', 'c']);
    expect(splitListValue('" padded "')).toEqual([' padded ']);
    expect(splitListValue('"", " ", x')).toEqual(['x']);
  });

  it('keeps any other quote as an ordinary character', () => {
    expect(splitListValue('5" screen, "big" deal')).toEqual(['5" screen', '"big" deal']);
    expect(splitListValue('"open, ended')).toEqual(['"open', 'ended']);
    expect(splitListValue('"a"", b')).toEqual(['"a""', 'b']);
    expect(splitListValue('x "y, z"')).toEqual(['x "y', 'z"']);
  });
});

describe('joinListValue', () => {
  it('joins with ", " and quotes only the items that need it', () => {
    expect(joinListValue(['vip', 'lead'])).toBe('vip, lead');
    expect(joinListValue(['Smith, Jones', 'a;b', 'say "hi"', ' padded', 'plain'])).toBe('"Smith, Jones", "a;b", "say ""hi""", " padded", plain');
    expect(joinListValue(['', ' ', 'x'])).toBe('x');
    expect(joinListValue([])).toBe('');
  });

  /** A small seeded generator (mulberry32), so that a failing list comes again on the next run. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // Separators, quotes and blanks are over-represented: they are what the quoting is about.
  const ALPHABET = [',', ';', '"', '"', ' ', '\t', '\n', '\r', 'a', 'b', 'é', '李', '=', '-', "'"];

  it('is read back item for item by splitListValue, for random lists of non-blank items', () => {
    const next = random(20261202);
    const pick = () => ALPHABET[Math.floor(next() * ALPHABET.length)]!;
    const item = () => Array.from({ length: 1 + Math.floor(next() * 6) }, pick).join('');
    for (let run = 0; run < 5000; run++) {
      const items = Array.from({ length: Math.floor(next() * 5) }, item).filter((candidate) => candidate.trim() !== '');
      const joined = joinListValue(items);
      expect(splitListValue(joined), JSON.stringify(joined)).toEqual(items);
    }
  });

  it('writes items without separators, quotes or outer blanks as before: joined by ", "', () => {
    const next = random(7);
    for (let run = 0; run < 500; run++) {
      const items = Array.from({ length: 1 + Math.floor(next() * 4) }, () => `tag ${Math.floor(next() * 1000)}`);
      expect(joinListValue(items)).toBe(items.join(', '));
    }
  });
});

describe('validateFieldOptions', () => {
  it('returns trimmed options and no issues when they are fine', () => {
    expect(validateFieldOptions('SELECT', [' Gold ', 'Silver  Plus'])).toEqual({ options: ['Gold', 'Silver Plus'], issues: [] });
  });

  it('requires at least one option for SELECT and MULTI_SELECT', () => {
    expect(validateFieldOptions('SELECT', [])).toEqual({
      options: [],
      issues: [{ path: ['options'], code: 'REQUIRED', message: 'a SELECT field needs at least one option' }],
    });
    expect(validateFieldOptions('MULTI_SELECT', []).issues).toHaveLength(1);
  });

  it('reports blank options and options repeated ignoring case, each with its index', () => {
    expect(validateFieldOptions('SELECT', ['Gold', ' ', 'gold', 'Silver', 'SILVER '])).toEqual({
      options: ['Gold', 'Silver'],
      issues: [
        { path: ['options', '1'], code: 'REQUIRED', message: 'an option cannot be blank' },
        { path: ['options', '2'], code: 'DUPLICATE_VALUE', message: '"gold" repeats "Gold" (options are matched ignoring case)' },
        { path: ['options', '4'], code: 'DUPLICATE_VALUE', message: '"SILVER" repeats "Silver" (options are matched ignoring case)' },
      ],
    });
  });

  it('refuses separators inside a multi-select option but allows them in a select', () => {
    expect(validateFieldOptions('MULTI_SELECT', ['Rock, Pop', 'Jazz']).issues).toEqual([
      {
        path: ['options', '0'],
        code: 'INVALID_OPTION',
        message: '"Rock, Pop" cannot be an option of a multi-select field: "," and ";" separate its values',
      },
    ]);
    expect(validateFieldOptions('SELECT', ['Rock, Pop']).issues).toEqual([]);
  });

  it('refuses options for other types', () => {
    expect(validateFieldOptions('TEXT', [])).toEqual({ options: [], issues: [] });
    expect(validateFieldOptions('NUMBER', ['1'])).toEqual({
      options: [],
      issues: [{ path: ['options'], code: 'NOT_APPLICABLE', message: 'a NUMBER field has no options' }],
    });
  });
});
