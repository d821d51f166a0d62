import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeErrorCode, ERROR_CODE_NAMES, ERROR_CODES, isErrorCode } from '../../src/domain/error-codes.ts';
import { InvalidStateError, issue, LimitExceededError, NotFoundError, rejection, ValidationError } from '../../src/domain/errors.ts';
import { coerceFieldValue, type FieldDefinition } from '../../src/domain/field-value.ts';
import { normalizePhone } from '../../src/domain/phone-number.ts';
import { err } from '../../src/domain/result.ts';
import { lineTooLong, uploadLimit, uploadTooLarge } from '../../src/domain/upload-limit.ts';

const SOURCE = path.resolve(import.meta.dirname, '../../src');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes(`${path.sep}generated`))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the list of error codes', () => {
  it('names each code in SCREAMING_SNAKE and says when it happens', () => {
    expect(ERROR_CODE_NAMES.length).toBeGreaterThan(40);
    for (const code of ERROR_CODE_NAMES) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/);
      expect(ERROR_CODES[code].when.length, code).toBeGreaterThan(20);
      expect(describeErrorCode(code)).toMatch(/ (No params|Params: .+)\.$/);
    }
  });

  it('documents the params a code carries', () => {
    expect(describeErrorCode('FIELD_LIMIT_REACHED')).toContain('Params: `limit` (the limit), `count` (the custom fields the workspace has)');
    expect(describeErrorCode('REQUIRED')).toMatch(/No params\.$/);
  });

  it('tells codes from other strings', () => {
    expect(isErrorCode('NOT_FOUND')).toBe(true);
    expect(isErrorCode('not_found')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('has no code that nothing raises', async () => {
    const files = (await sourceFiles(SOURCE)).filter((file) => !file.endsWith(`${path.sep}error-codes.ts`));
    const text = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n');
    const unused = ERROR_CODE_NAMES.filter((code) => !text.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });
});

describe('the errors carry their code and params', () => {
  it('puts the class fields among the params', () => {
    expect(new NotFoundError('Group', 'g1')).toMatchObject({ code: 'NOT_FOUND', params: { entity: 'Group', id: 'g1' } });
    expect(new LimitExceededError('TOO_MANY_ROWS', 'too many', 10)).toMatchObject({ code: 'TOO_MANY_ROWS', limit: 10, params: { limit: 10 } });
    expect(new InvalidStateError('INVALID_STATE', 'no', 'REVIEW')).toMatchObject({
      code: 'INVALID_STATE',
      state: 'REVIEW',
      params: { state: 'REVIEW' },
    });
  });

  it('makes a ValidationError VALIDATION_FAILED, each issue with its own code', () => {
    const error = new ValidationError([issue(['a'], 'REQUIRED', 'needed'), issue(['b'], 'TOO_LONG', 'long', { limit: 3, length: 4 })]);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', params: {}, message: 'a: needed; b: long' });
    expect(error.issues).toEqual([
      { path: ['a'], code: 'REQUIRED', message: 'needed' },
      { path: ['b'], code: 'TOO_LONG', message: 'long', params: { limit: 3, length: 4 } },
    ]);
    expect(rejection(['c'], err('INVALID_EMAIL', 'bad'))).toEqual({ path: ['c'], code: 'INVALID_EMAIL', message: 'bad' });
  });

  it('codes the upload limits', () => {
    expect(uploadTooLarge(uploadLimit(100, 1000))).toMatchObject({ code: 'FILE_TOO_LARGE', params: { limit: 100, setBy: 'workspace' } });
    expect(uploadTooLarge(uploadLimit(1000, 100))).toMatchObject({ code: 'FILE_TOO_LARGE', params: { limit: 100, setBy: 'server' } });
    expect(lineTooLong(7, 320)).toMatchObject({ code: 'LINE_TOO_LONG', params: { limit: 320, line: 7, unit: 'characters' } });
  });
});

describe('value checks give a code with their message', () => {
  const field = (type: FieldDefinition['type'], options: string[] = []): FieldDefinition => ({ key: 'f', label: 'Tier', type, options });

  it.each([
    ['NUMBER', '1,5', 'INVALID_NUMBER'],
    ['NUMBER', '12345678901234567890', 'INVALID_NUMBER'],
    ['BOOLEAN', 'maybe', 'INVALID_BOOLEAN'],
    ['DATE', '2020-02-30', 'INVALID_DATE'],
    ['DATETIME', 'noon', 'INVALID_DATETIME'],
    ['URL', 'ftp://example.com', 'INVALID_URL'],
    ['EMAIL', 'x@', 'INVALID_EMAIL'],
    ['PHONE', '12', 'PHONE_NEEDS_COUNTRY'],
  ] as const)('a %s field refuses %j with %s', (type, value, code) => {
    expect(coerceFieldValue(field(type), value)).toMatchObject({ ok: false, code, error: expect.stringMatching(/^Tier: /) });
  });

  it('names the field and its options for a value that is not one of them', () => {
    expect(coerceFieldValue(field('SELECT', ['Gold', 'Silver']), 'Bronze')).toMatchObject({
      ok: false,
      code: 'NOT_AN_OPTION',
      params: { field: 'Tier', options: ['Gold', 'Silver'] },
    });
  });

  it('tells a bad phone number from one without a country, and from a bad hint', () => {
    expect(normalizePhone('(202) 555-01', { defaultCountry: 'US' })).toMatchObject({ ok: false, code: 'INVALID_PHONE' });
    expect(normalizePhone('202 555 0143')).toMatchObject({ ok: false, code: 'PHONE_NEEDS_COUNTRY' });
    expect(normalizePhone('202 555 0143', { country: 'USA' })).toMatchObject({ ok: false, code: 'INVALID_COUNTRY' });
    expect(normalizePhone('202 555 0143', { callingCode: 'x' })).toMatchObject({ ok: false, code: 'INVALID_CALLING_CODE' });
    expect(normalizePhone(' ')).toMatchObject({ ok: false, code: 'REQUIRED' });
  });
});
