import { describe, expect, it } from 'vitest';
import { generatedColumnNames, isHeaderRow, suggestFieldFromValues, VALUE_CONFIDENCE, valueKind } from '../../src/domain/header-row.ts';

describe('valueKind', () => {
  it.each([
    ['ada@example.com', 'email'],
    ['+1 202 555 0143', 'phone'],
    ['(202) 555-0143', 'phone'],
    ['2025550143', 'phone'],
    ['555-0143', 'phone'],
    ['42', 'number'],
    ['1,234.50', 'number'],
    ['-3.5', 'number'],
    ['12%', 'number'],
    ['2024-01-31', 'date'],
    ['2024-01-31T13:45', 'date'],
    ['31/01/2024', 'date'],
    ['TRUE', 'boolean'],
    ['false', 'boolean'],
    ['Phone', null],
    ['Phone 2', null],
    ['E-mail address', null],
    ['2024 spend', null],
    ['', null],
  ])('%j is %s', (cell, kind) => {
    expect(valueKind(cell)).toBe(kind);
  });
});

describe('isHeaderRow', () => {
  it.each([
    [['Name', 'Phone', 'Email'], true],
    [['Nombre', 'Teléfono'], true],
    [['phone'], true],
    [['Ada', 'Lovelace'], true],
    [['Ada', '+1 202 555 0143'], false],
    [['ada@example.com'], false],
    [['+12025550143'], false],
    [['Ada', 'Lovelace', '2024-01-31'], false],
    [['Ada', '', 'Smith'], false],
    [['Yes', 'yes'], false],
    [['Name', 'TRUE'], false],
    [[], false],
  ])('%j → %s', (cells, header) => {
    expect(isHeaderRow(cells)).toBe(header);
  });
});

describe('columns without a header', () => {
  it('names them by position', () => {
    expect(generatedColumnNames(3)).toEqual(['Column 1', 'Column 2', 'Column 3']);
  });

  it('suggests phone or email from values, at most one stray value in five', () => {
    expect(suggestFieldFromValues(['+1 202 555 0143', '(303) 555-0101', '', '2025550199'])).toEqual({ key: 'phone', confidence: VALUE_CONFIDENCE });
    expect(suggestFieldFromValues(['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'n/a'])).toEqual({ key: 'email', confidence: VALUE_CONFIDENCE });
    expect(suggestFieldFromValues(['a@x.test', 'n/a', 'b@x.test'])).toBeNull();
    expect(suggestFieldFromValues(['Ada', 'Bob'])).toBeNull();
    expect(suggestFieldFromValues(['', ' '])).toBeNull();
  });
});
