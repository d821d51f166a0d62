import { describe, expect, it } from 'vitest';
import { compareExternalIds, decideOwnership, lastOccurrences, normalizeSyncRecord, recordHash } from '../../src/domain/sync.ts';

describe('compareExternalIds', () => {
  it('orders integer ids by value, also beyond 2^53', () => {
    expect(['10', '9', '123', '321', '2'].sort(compareExternalIds)).toEqual(['2', '9', '10', '123', '321']);
    expect(compareExternalIds('90071992547409930', '90071992547409929')).toBe(1);
    expect(compareExternalIds('123456789012345678901234567890', '99')).toBe(1);
  });

  it('puts integer ids before other ids, and orders the others by code units', () => {
    expect(['b', '10', 'A', 'a', '-1', '2'].sort(compareExternalIds)).toEqual(['2', '10', '-1', 'A', 'a', 'b']);
  });

  it('is total: equal values with leading zeros fall back to string order', () => {
    expect(compareExternalIds('007', '7')).toBeLessThan(0);
    expect(compareExternalIds('7', '007')).toBeGreaterThan(0);
    expect(compareExternalIds('7', '7')).toBe(0);
  });
});

describe('normalizeSyncRecord', () => {
  it('normalizes phone, email and names and hashes the normalized values', () => {
    const result = normalizeSyncRecord({ externalId: ' 123 ', phone: '+1 234 567 8901', firstName: ' Ada ', lastName: 'Lovelace', email: 'ADA@X.TEST' });
    expect(result).toMatchObject({
      ok: true,
      record: { externalId: '123', phone: '+12345678901', rawPhone: '+1 234 567 8901', firstName: 'Ada', name: 'Ada Lovelace', email: 'ada@x.test' },
    });
    const again = normalizeSyncRecord({ externalId: '123', phone: '+12345678901', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@x.test' });
    expect(result.ok && again.ok && result.record.hash === again.record.hash).toBe(true);
  });

  it('reads national numbers with the default country', () => {
    const result = normalizeSyncRecord({ externalId: '1', phone: '(202) 555-0143' }, 'US');
    expect(result).toMatchObject({ ok: true, record: { phone: '+12025550143' } });
  });

  it('lists every problem of an invalid record', () => {
    const result = normalizeSyncRecord({ externalId: '7', phone: '555', email: 'nope', firstName: 'R2D2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[0]).toMatch(/^phone: "555"/);
    expect(result.reasons[1]).toMatch(/^email: "nope" is not a valid email address/);
    expect(result.reasons[2]).toMatch(/^firstName:/);
  });

  it('needs a phone or an email, and an externalId', () => {
    expect(normalizeSyncRecord({ externalId: '', firstName: 'Ada' })).toEqual({
      ok: false,
      externalId: '',
      reasons: ['externalId is empty', 'a record needs a phone number or an email address'],
    });
    expect(normalizeSyncRecord({ externalId: '1', email: 'a@x.test' })).toMatchObject({ ok: true, record: { phone: null } });
  });

  it('hashes only the normalized values', () => {
    expect(recordHash({ phone: '+1', firstName: null, lastName: null, email: null })).not.toBe(
      recordHash({ phone: '+1', firstName: 'A', lastName: null, email: null }),
    );
  });
});

describe('decideOwnership', () => {
  const claim = (externalId: string, phone: string) => ({ externalId, phone });

  it('gives an unowned number to the lowest numeric id (the seed example)', () => {
    const owners = decideOwnership([claim('321', '+12345678901'), claim('123', '+12345678901')], new Map());
    expect(owners.get('+12345678901')).toBe('123');
  });

  it('compares numerically, not as text', () => {
    expect(decideOwnership([claim('10', 'P'), claim('9', 'P')], new Map()).get('P')).toBe('9');
  });

  it('keeps a number with the record that holds it, even against a lower id arriving later', () => {
    const owners = decideOwnership([claim('123', 'P'), claim('321', 'P')], new Map([['P', '321']]));
    expect(owners.get('P')).toBe('321');
  });

  it('lets a holder that moves to a free number release its old one', () => {
    const owners = decideOwnership([claim('5', 'Q'), claim('7', 'P')], new Map([['P', '5']]));
    expect(Object.fromEntries(owners)).toEqual({ Q: '5', P: '7' });
  });

  it('keeps the old number with a holder that loses its new one', () => {
    // 5 holds P and wants Q, which 1 holds: 5 keeps P, so 7 does not get it.
    const owners = decideOwnership([claim('5', 'Q'), claim('7', 'P')], new Map([['P', '5'], ['Q', '1']]));
    expect(Object.fromEntries(owners)).toEqual({ Q: '1', P: '5' });
  });

  it('lets two holders swap numbers', () => {
    const owners = decideOwnership([claim('1', 'Q'), claim('2', 'P')], new Map([['P', '1'], ['Q', '2']]));
    expect(Object.fromEntries(owners)).toEqual({ Q: '1', P: '2' });
  });
});

describe('lastOccurrences', () => {
  it('keeps the last record of each externalId and counts the others', () => {
    const { records, superseded } = lastOccurrences([
      { externalId: '1', v: 'a' },
      { externalId: '2', v: 'b' },
      { externalId: ' 1', v: 'c' },
    ]);
    expect(records).toEqual([{ externalId: '2', v: 'b' }, { externalId: ' 1', v: 'c' }]);
    expect(superseded).toBe(1);
  });
});
