import { describe, expect, it } from 'vitest';
import { fullName, nameFollowsParts, resolveNames, validateName } from '../../src/domain/person-name.ts';

describe('validateName', () => {
  it.each([
    "O'Brien",
    'O’Brien',
    'Jean-Luc',
    'José',
    '李雷',
    'Zoë',
    'Nguyễn Văn A',
    'J. R. R.',
    'Мария',
    'محمد',
    'राम',
    'Łukasz',
    'Anne‐Marie',
    'Gal·la',
    'ジョン・スミス',
    'می‌خواهم',
  ])('accepts %j', (name) => {
    expect(validateName(name)).toEqual({ ok: true, value: name });
  });

  it.each([
    ['R2D2', '"2"'],
    ['john@x', '"@"'],
    ['Bob!', '"!"'],
    ['Ann_Lee', '"_"'],
    ['Tom & Jerry', '"&"'],
    ['😀 Smile', '"😀"'],
  ])('rejects %j naming the character at fault', (name, character) => {
    expect(validateName(name)).toEqual({
      ok: false,
      code: 'INVALID_NAME',
      error: `${JSON.stringify(name)} is not a valid name: ${character} is not allowed (only letters, spaces, apostrophes, hyphens and periods)`,
    });
  });

  it('rejects punctuation with no letters', () => {
    expect(validateName(' - ')).toEqual({ ok: false, code: 'INVALID_NAME', error: '"-" is not a valid name: it has no letters' });
    expect(validateName('...')).toMatchObject({ ok: false });
  });

  it('trims and collapses inner whitespace, tabs and no-break spaces included', () => {
    expect(validateName('  Mary \t  Jane\u00a0 Watson ')).toEqual({ ok: true, value: 'Mary Jane Watson' });
  });

  it('stores names in composed Unicode form', () => {
    expect(validateName('Jose\u0301')).toEqual({ ok: true, value: 'Jos\u00e9' });
  });

  it('treats a blank name as no value, not an error', () => {
    expect(validateName('')).toEqual({ ok: true, empty: true });
    expect(validateName('   ')).toEqual({ ok: true, empty: true });
  });
});

describe('fullName', () => {
  it('joins the parts that are present', () => {
    expect(fullName('Jean-Luc', 'Picard')).toBe('Jean-Luc Picard');
    expect(fullName(' Jean-Luc ', null)).toBe('Jean-Luc');
    expect(fullName(undefined, 'Picard')).toBe('Picard');
    expect(fullName('', '  Picard')).toBe('Picard');
  });

  it('is undefined when there is no part', () => {
    expect(fullName()).toBeUndefined();
    expect(fullName(' ', '')).toBeUndefined();
    expect(fullName(null, null)).toBeUndefined();
  });
});

describe('resolveNames', () => {
  const tina = { firstName: null, lastName: null, name: 'Tina Turner' };
  const bob = { firstName: 'Bob', lastName: 'Smith', name: 'Bob Smith' };

  it('keeps a full name given whole when a part changes', () => {
    expect(nameFollowsParts(tina)).toBe(false);
    expect(resolveNames(tina, { firstName: null, lastName: 'Turner-Edited' })).toEqual({
      firstName: null,
      lastName: 'Turner-Edited',
      name: 'Tina Turner',
    });
  });

  it('lets a full name made from the parts follow them', () => {
    expect(nameFollowsParts(bob)).toBe(true);
    expect(resolveNames(bob, { firstName: 'Robert', lastName: 'Smith' })).toEqual({ firstName: 'Robert', lastName: 'Smith', name: 'Robert Smith' });
    expect(resolveNames({ firstName: null, lastName: null, name: null }, { firstName: 'Ann', lastName: null }).name).toBe('Ann');
  });

  it('takes a full name given in the change, and keeps the name when the parts are cleared', () => {
    expect(resolveNames(bob, { firstName: 'Bob', lastName: 'Smith' }, 'Robert Smith').name).toBe('Robert Smith');
    expect(resolveNames(bob, { firstName: 'Bob', lastName: 'Smith' }, null).name).toBeNull();
    expect(resolveNames(bob, { firstName: null, lastName: null }).name).toBe('Bob Smith');
  });
});
