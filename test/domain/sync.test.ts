import { describe, expect, it } from 'vitest';
import {
  compareExternalIds,
  decideOwnership,
  decideSync,
  lastOccurrences,
  normalizeSyncRecord,
  recordHash,
  type NormalizedSyncRecord,
  type PhoneHolder,
  type StoredLink,
} from '../../src/domain/sync.ts';

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
    const result = normalizeSyncRecord({
      externalId: ' 123 ',
      phone: '+1 234 567 8901',
      firstName: ' Ada ',
      lastName: 'Lovelace',
      email: 'ADA@X.TEST',
    });
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
    const owners = decideOwnership(
      [claim('5', 'Q'), claim('7', 'P')],
      new Map([
        ['P', '5'],
        ['Q', '1'],
      ]),
    );
    expect(Object.fromEntries(owners)).toEqual({ Q: '1', P: '5' });
  });

  it('lets two holders swap numbers', () => {
    const owners = decideOwnership(
      [claim('1', 'Q'), claim('2', 'P')],
      new Map([
        ['P', '1'],
        ['Q', '2'],
      ]),
    );
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
    expect(records).toEqual([
      { externalId: '2', v: 'b' },
      { externalId: ' 1', v: 'c' },
    ]);
    expect(superseded).toBe(1);
  });
});

describe('decideSync', () => {
  const record = (externalId: string, phone: string | null, firstName = 'Ada'): NormalizedSyncRecord => {
    const result = normalizeSyncRecord({ externalId, phone, firstName, email: phone ? null : `${externalId}@x.test` });
    if (!result.ok) throw new Error(result.reasons.join('; '));
    return result.record;
  };
  const link = (of: NormalizedSyncRecord, contactId: string): StoredLink => ({
    externalId: of.externalId,
    contactId,
    phone: of.phone,
    hash: of.hash,
  });
  const holder = (phone: string, contactId: string, linkedExternalIds: string[] = []): PhoneHolder => ({ phone, contactId, linkedExternalIds });
  const P = '+12025550101';
  const Q = '+12025550102';
  const outcomes = (decisions: Map<string, { outcome: string }>) =>
    Object.fromEntries([...decisions].map(([id, decision]) => [id, decision.outcome]));

  it('creates a contact when nobody has the number, and for a record without a phone', () => {
    expect(outcomes(decideSync([record('1', P), record('2', null)], [], []))).toEqual({ 1: 'CREATED', 2: 'CREATED' });
  });

  it('links a new record to the one contact that has its number', () => {
    expect(decideSync([record('1', P)], [], [holder(P, 'c1')]).get('1')).toEqual({ outcome: 'LINKED', contactId: 'c1' });
  });

  it('links no record when two contacts have the number, and names them', () => {
    expect(decideSync([record('1', P)], [], [holder(P, 'c1'), holder(P, 'c2')]).get('1')).toEqual({
      outcome: 'CONTACT_CONFLICT',
      phone: P,
      kind: 'SHARED_BY_CONTACTS',
      contactIds: ['c1', 'c2'],
      message: '2 contacts have this phone number: merge them',
    });
  });

  it('settles a shared number among the records of the source before the contact book', () => {
    const decisions = decideSync([record('10', P), record('9', P)], [], [holder(P, 'c1')]);
    expect(decisions.get('9')).toEqual({ outcome: 'LINKED', contactId: 'c1' });
    expect(decisions.get('10')).toEqual({ outcome: 'CONFLICT', phone: P, ownerExternalId: '9' });
  });

  it('gives a contact to one record of a source: the one linked to it, else the lowest new id', () => {
    // c1 has P and Q; record 5 is linked to it through P.
    const five = record('5', P);
    expect(decideSync([record('3', Q)], [link(five, 'c1')], [holder(Q, 'c1', ['5'])]).get('3')).toEqual({
      outcome: 'CONFLICT',
      phone: Q,
      ownerExternalId: '5',
    });
    const decisions = decideSync([record('8', P), record('7', Q)], [], [holder(P, 'c1'), holder(Q, 'c1')]);
    expect(decisions.get('7')).toEqual({ outcome: 'LINKED', contactId: 'c1' });
    expect(decisions.get('8')).toEqual({ outcome: 'CONFLICT', phone: P, ownerExternalId: '7' });
  });

  it('updates a linked record whose number its own contact has, whoever else has it', () => {
    const before = record('1', P);
    const after = record('1', Q, 'Grace');
    expect(decideSync([after], [link(before, 'c1')], [holder(Q, 'c1'), holder(Q, 'c2')]).get('1')).toEqual({
      outcome: 'UPDATED',
      contactId: 'c1',
      movesPhone: true,
    });
    expect(decideSync([after], [link(before, 'c1')], []).get('1')).toEqual({ outcome: 'UPDATED', contactId: 'c1', movesPhone: true });
    expect(decideSync([before], [link(before, 'c1')], []).get('1')).toEqual({ outcome: 'UNCHANGED', contactId: 'c1' });
  });

  it('lets two linked records swap numbers their contacts have', () => {
    const one = record('1', P);
    const two = record('2', Q);
    const decisions = decideSync(
      [record('1', Q), record('2', P)],
      [link(one, 'c1'), link(two, 'c2')],
      [holder(P, 'c1', ['1']), holder(Q, 'c2', ['2'])],
    );
    expect(outcomes(decisions)).toEqual({ 1: 'UPDATED', 2: 'UPDATED' });
  });

  it("holds back a linked record moving to another contact's number, and keeps its old number from others", () => {
    const before = record('1', P);
    const decisions = decideSync([record('1', Q), record('2', P)], [link(before, 'c1')], [holder(Q, 'c2')]);
    expect(decisions.get('1')).toMatchObject({ outcome: 'CONTACT_CONFLICT', kind: 'OTHER_CONTACT', contactIds: ['c2'], phone: Q });
    expect(decisions.get('2')).toEqual({ outcome: 'CONFLICT', phone: P, ownerExternalId: '1' });
  });
});
