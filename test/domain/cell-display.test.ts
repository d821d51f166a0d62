import { describe, expect, it } from 'vitest';
import { displayDate, displayNumber, generalNumber, isDateFormat } from '../../src/domain/cell-display.ts';

describe('generalNumber', () => {
  it.each([
    [12025550143, '12025550143'],
    [0.1 + 0.2, '0.3'],
    [1e21, '1000000000000000000000'],
    [1.5e-10, '0.00000000015'],
    [-0, '0'],
    [-42.5, '-42.5'],
    [1234567890123456, '1234567890123460'],
    [Number.NaN, ''],
  ])('shows %s as %j', (value, shown) => {
    expect(generalNumber(value)).toBe(shown);
  });
});

describe('displayNumber', () => {
  it.each([
    [12025550143, 'General', '12025550143'],
    [12025550143, '@', '12025550143'],
    [12025550143, '0.00E+00', '12025550143'],
    [2134, '00000', '02134'],
    [2025550143, '(000) 000-0000', '(202) 555-0143'],
    [5550143, '000-000-0000', '000-555-0143'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [-12.5, '0.00', '-12.50'],
    [-12.5, '#,##0.00;(#,##0.00)', '(12.50)'],
    [0, '0.00;-0.00;"zero"', 'zero'],
    [1.5, '0.0#', '1.5'],
    [1.25, '0.0#', '1.25'],
    [1234, '"$"#,##0', '$1,234'],
    [1234, '[$€-407] #,##0.00', '€ 1,234.00'],
    [1500000, '#,##0.0,,"M"', '1.5M'],
    [Math.PI, '[Red]0.00', '3.14'],
    [-1234.5, '$#,##0.00_);[Red]($#,##0.00)', '($1,234.50)'],
    [0.5, '# ?/?', '0.5'],
    [0, '#', ''],
  ])('shows %s in format %j as %j', (value, format, shown) => {
    expect(displayNumber(value, format)).toBe(shown);
  });
});

describe('dates', () => {
  const moment = new Date(Date.UTC(2024, 0, 31, 13, 45, 29, 600));

  it.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm', true],
    ['[Red]0.00', false],
    ['"day" 0', false],
    ['General', false],
    [undefined, false],
  ])('tells whether %j is a date format (%s)', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  it.each([
    ['yyyy-mm-dd', '2024-01-31'],
    ['mmm yyyy', '2024-01-31'],
    ['m/d/yy h:mm', '2024-01-31T13:45'],
    ['dd/mm/yyyy hh:mm:ss', '2024-01-31T13:45:30'],
    ['h:mm:ss', '13:45:30'],
    ['hh:mm', '13:45'],
  ])('shows a date in format %j as ISO %j', (format, shown) => {
    expect(displayDate(moment, format)).toBe(shown);
  });
});
