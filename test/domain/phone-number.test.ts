import { describe, expect, it } from 'vitest';
import { isValidCountryCode, normalizeCountryCode, normalizePhone, parseCallingCode } from '../../src/domain/phone-number.ts';

/** The E.164 value of a number that must be valid, failing the test with the error otherwise. */
function e164(raw: string, hints: Parameters<typeof normalizePhone>[1] = {}): string {
  const result = normalizePhone(raw, hints);
  if (!result.ok) throw new Error(result.error);
  return result.value.e164;
}

function errorOf(raw: string, hints: Parameters<typeof normalizePhone>[1] = {}): string {
  const result = normalizePhone(raw, hints);
  if (result.ok) throw new Error(`expected ${raw} to be rejected, got ${result.value.e164}`);
  return result.error;
}

describe('normalizePhone', () => {
  it('gives a US national number and its international form the same E.164', () => {
    const national = e164('(202) 555-0143', { country: 'US' });
    expect(national).toBe('+12025550143');
    expect(e164('+1 202 555 0143')).toBe(national);
  });

  it('reports the country the number belongs to', () => {
    expect(normalizePhone('(202) 555-0143', { country: 'US' })).toEqual({
      ok: true,
      value: { e164: '+12025550143', country: 'US' },
    });
    // 07911 12xxxx is a Guernsey range: the number's own country, not the hint, is reported.
    expect(normalizePhone('07911 123456', { country: 'GB' })).toEqual({
      ok: true,
      value: { e164: '+447911123456', country: 'GG' },
    });
    expect(normalizePhone('07400 123456', { country: 'GB' })).toEqual({
      ok: true,
      value: { e164: '+447400123456', country: 'GB' },
    });
  });

  it('reads a national number with the row country column', () => {
    expect(e164('07911 123456', { country: 'GB' })).toBe('+447911123456');
    expect(e164('07911 123456', { country: 'gb' })).toBe('+447911123456');
    expect(e164('07911 123456', { country: ' GB ' })).toBe('+447911123456');
  });

  it('reads a national number with the numeric calling code column', () => {
    expect(e164('9876543210', { callingCode: '91' })).toBe('+919876543210');
    expect(e164('9876543210', { callingCode: '+91' })).toBe('+919876543210');
    expect(e164('9876543210', { callingCode: '0091' })).toBe('+919876543210');
    expect(normalizePhone('9876543210', { callingCode: '91' })).toEqual({
      ok: true,
      value: { e164: '+919876543210', country: 'IN' },
    });
    // Calling code 1 is shared; the number's area code decides the country.
    expect(normalizePhone('2025550143', { callingCode: '1' })).toEqual({
      ok: true,
      value: { e164: '+12025550143', country: 'US' },
    });
  });

  it('falls back to the default country', () => {
    expect(e164('(202) 555-0143', { defaultCountry: 'US' })).toBe('+12025550143');
    expect(e164('07911 123456', { defaultCountry: 'GB' })).toBe('+447911123456');
  });

  it('uses the hints in order: country, then calling code, then default country', () => {
    // 07911 123456 is only valid as a British number, so which hint was used shows in the outcome.
    expect(e164('07911 123456', { country: 'GB', callingCode: '91', defaultCountry: 'US' })).toBe('+447911123456');
    expect(e164('9876543210', { country: null, callingCode: '91', defaultCountry: 'GB' })).toBe('+919876543210');
    expect(e164('9876543210', { country: '', callingCode: ' ', defaultCountry: 'IN' })).toBe('+919876543210');
    // The first hint present decides; a later one is not tried when it fails.
    expect(normalizePhone('9876543210', { country: 'GB', callingCode: '91' }).ok).toBe(false);
  });

  it('lets a number in international form win over every hint', () => {
    expect(normalizePhone('+44 7400 123456', { country: 'US', callingCode: '91', defaultCountry: 'IN' })).toEqual({
      ok: true,
      value: { e164: '+447400123456', country: 'GB' },
    });
    // Even a malformed hint does not matter when the number carries its own country.
    expect(e164('+1 202 555 0143', { country: 'USA', callingCode: 'x' })).toBe('+12025550143');
  });

  it('treats a leading 00 as the international prefix, whatever the default country', () => {
    expect(e164('0044 7911 123456')).toBe('+447911123456');
    // The US dials out with 011, so libphonenumber alone would read 0044… as a US number.
    expect(e164('0044 7911 123456', { defaultCountry: 'US' })).toBe('+447911123456');
    expect(e164('001 202 555 0143', { country: 'GB' })).toBe('+12025550143');
    expect(e164('00919876543210')).toBe('+919876543210');
  });

  it('still understands a country’s own international prefix for a national-format number', () => {
    expect(e164('011 44 7911 123456', { country: 'US' })).toBe('+447911123456');
  });

  it('accepts common punctuation, full-width digits and a plus in brackets', () => {
    for (const raw of ['202.555.0143', '202-555-0143', '1 (202) 555-0143', '２０２５５５０１４３', ' 2025550143 ']) {
      expect(e164(raw, { defaultCountry: 'US' }), raw).toBe('+12025550143');
    }
    expect(e164('(+44) 7400 123456')).toBe('+447400123456');
    // The British habit of writing the trunk prefix in brackets after the country code.
    expect(e164('+44 (0) 7400 123456')).toBe('+447400123456');
  });

  it('recognises the calling code written into a national number', () => {
    expect(e164('919876543210', { country: 'IN' })).toBe('+919876543210');
  });

  it('drops an extension', () => {
    expect(e164('202 555 0143 ext. 12', { country: 'US' })).toBe('+12025550143');
  });

  it('accepts non-geographic numbers, with no country', () => {
    expect(normalizePhone('+800 1234 5678')).toEqual({ ok: true, value: { e164: '+80012345678', country: undefined } });
  });

  it('rejects invalid numbers with a message naming the value', () => {
    expect(errorOf('(202) 555-01', { country: 'US' })).toBe('"(202) 555-01" is not a valid phone number (read as a number of US)');
    expect(errorOf('+1 202 555 01')).toBe('"+1 202 555 01" is not a valid phone number');
    expect(errorOf('12345', { callingCode: '91' })).toBe('"12345" is not a valid phone number (read with calling code +91)');
    expect(errorOf('+999 1234 5678')).toContain('is not a valid phone number');
    expect(errorOf('0000', { defaultCountry: 'US' })).toContain('"0000" is not a valid phone number');
  });

  it('rejects text around a number instead of picking the number out of it', () => {
    expect(errorOf('call 202 555 0143', { country: 'US' })).toContain('is not a valid phone number');
    expect(errorOf('2025550143 bar', { country: 'US' })).toContain('is not a valid phone number');
    expect(errorOf('+1 202 555 0143 / +1 202 555 0144')).toContain('is not a valid phone number');
    expect(errorOf('abc', { country: 'US' })).toBe('"abc" is not a valid phone number (read as a number of US)');
  });

  it('says distinctly when a national-format number has no country to read it with', () => {
    const error = errorOf('(202) 555-0143');
    expect(error).toContain('"(202) 555-0143" has no country');
    expect(error).not.toContain('is not a valid phone number');
    expect(errorOf('07911 123456', { country: '', callingCode: null, defaultCountry: '  ' })).toContain('has no country');
  });

  it('rejects a malformed hint rather than guessing past it', () => {
    expect(errorOf('2025550143', { country: 'USA', defaultCountry: 'US' })).toBe(
      '"2025550143" could not be read: country "USA" is not an ISO 3166-1 alpha-2 code (e.g. US or GB)',
    );
    expect(errorOf('9876543210', { callingCode: '999' })).toContain('"999" is not a country calling code');
    expect(errorOf('2025550143', { defaultCountry: 'XX' })).toContain('default country "XX"');
  });

  it('moves past a real country that has no numbering plan of its own', () => {
    expect(e164('2025550143', { country: 'AQ', defaultCountry: 'US' })).toBe('+12025550143');
  });

  it('rejects blank input', () => {
    expect(errorOf('   ', { country: 'US' })).toBe('no phone number given');
  });
});

describe('isValidCountryCode', () => {
  it('accepts ISO 3166-1 alpha-2 codes in any case', () => {
    for (const code of ['US', 'GB', 'in', 'De', ' FR ', 'XK', 'AQ']) expect(isValidCountryCode(code), code).toBe(true);
  });

  it('rejects anything else', () => {
    for (const code of ['', 'USA', 'U', 'XX', 'ZZ', '12', 'U1', 'United States']) expect(isValidCountryCode(code), code).toBe(false);
  });
});

describe('normalizeCountryCode', () => {
  it('returns the upper-case code', () => {
    expect(normalizeCountryCode(' gb ')).toEqual({ ok: true, value: 'GB' });
  });

  it('names the value when it is not a code', () => {
    expect(normalizeCountryCode('United Kingdom')).toEqual({
      ok: false,
      code: 'INVALID_COUNTRY',
      error: '"United Kingdom" is not a country code (expected ISO 3166-1 alpha-2, e.g. US or GB)',
    });
  });
});

describe('parseCallingCode', () => {
  it.each([
    ['1', '1'],
    ['+1', '1'],
    ['44', '44'],
    ['0091', '91'],
    ['+ 91', '91'],
    [' 353 ', '353'],
    ['800', '800'],
  ])('reads %j as %j', (raw, code) => {
    expect(parseCallingCode(raw)).toEqual({ ok: true, value: code });
  });

  it.each(['', '0', '999', '1-242', '44a', 'UK', '+', '00', '12345'])('rejects %j', (raw) => {
    expect(parseCallingCode(raw)).toEqual({
      ok: false,
      code: 'INVALID_CALLING_CODE',
      error: expect.stringContaining('is not a country calling code'),
    });
  });
});
