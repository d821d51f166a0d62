import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../../src/domain/email.ts';
import { quote } from '../../src/domain/result.ts';

describe('normalizeEmail', () => {
  it('trims and lower-cases the whole address so matching ignores case', () => {
    expect(normalizeEmail('  Jane.Doe@Example.COM ')).toEqual({ ok: true, value: 'jane.doe@example.com' });
    expect(normalizeEmail('JOHN@EXAMPLE.ORG')).toEqual(normalizeEmail('john@example.org'));
  });

  it.each([
    'a@b.co',
    'first.last@example.com',
    'user+tag@sub.example.co.uk',
    "o'brien@example.ie",
    'x_y-z@my-domain.io',
    '12345@example.com',
    'info@xn--bcher-kva.de',
    'jörg@bücher.de',
    '用户@例子.广告',
  ])('accepts %j', (address) => {
    expect(normalizeEmail(address).ok).toBe(true);
  });

  it.each([
    'plainaddress',
    '@example.com',
    'user@',
    'user@example',
    'user@@example.com',
    'user@exa@mple.com',
    'us er@example.com',
    'user@exa mple.com',
    '.user@example.com',
    'user.@example.com',
    'us..er@example.com',
    'user@example..com',
    'user@-example.com',
    'user@example-.com',
    'user@example.c',
    'user@example.123',
    'user@example.com.',
    'John <john@example.com>',
    'mailto:john@example.com',
    `${'a'.repeat(65)}@example.com`,
    `user@${'a'.repeat(64)}.com`,
    `user@${'abcdefghi.'.repeat(25)}com`,
  ])('rejects %j with a message naming it', (address) => {
    expect(normalizeEmail(address)).toEqual({ ok: false, code: 'INVALID_EMAIL', error: `${quote(address)} is not a valid email address` });
  });

  it('says so when there is nothing to check', () => {
    expect(normalizeEmail('  ')).toEqual({ ok: false, code: 'REQUIRED', error: 'no email address given' });
  });

  it('puts a decomposed accent in composed form so both spellings match', () => {
    expect(normalizeEmail('jose\u0301@example.com')).toEqual(normalizeEmail('jos\u00e9@example.com'));
  });

  it('stays fast on long hostile input', () => {
    const started = performance.now();
    normalizeEmail(`${'a.'.repeat(5_000)}@${'b-'.repeat(5_000)}`);
    normalizeEmail(`a@${'b'.repeat(10_000)}`);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
