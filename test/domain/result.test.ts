import { describe, expect, it } from 'vitest';
import { EMPTY, err, ok, quote } from '../../src/domain/result.ts';

describe('result helpers', () => {
  it('build the three outcomes', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('REQUIRED', 'bad')).toEqual({ ok: false, code: 'REQUIRED', error: 'bad' });
    expect(err('TOO_LONG', 'long', { limit: 3 })).toEqual({ ok: false, code: 'TOO_LONG', error: 'long', params: { limit: 3 } });
    expect(EMPTY).toEqual({ ok: true, empty: true });
    expect(Object.isFrozen(EMPTY)).toBe(true);
  });
});

describe('quote', () => {
  it('puts a value in double quotes, escaping what would be invisible or ambiguous', () => {
    expect(quote('31/02/2020')).toBe('"31/02/2020"');
    expect(quote('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(quote('李雷')).toBe('"李雷"');
  });

  it('shortens a long value so one cell cannot flood an error file', () => {
    const quoted = quote('x'.repeat(1_000));
    expect(quoted).toBe(`"${'x'.repeat(80)}…"`);
  });
});
