import { describe, expect, it } from 'vitest';
import {
  checkMergeRequest,
  MERGE_MAX_OTHERS,
  mergeContactAttributes,
  planDetailMove,
  type MergeableContact,
  type MergeableDetail,
} from '../../src/domain/contact-merge.ts';
import { LimitExceededError, ValidationError } from '../../src/domain/errors.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const blank: MergeableContact = { firstName: null, lastName: null, name: null, country: null, customFields: {} };

describe('checkMergeRequest', () => {
  it('lower-cases ids and drops repeats among the others', () => {
    expect(checkMergeRequest({ primaryId: id(1).toUpperCase(), otherIds: [id(2), id(3), id(2)] })).toEqual({
      primaryId: id(1),
      otherIds: [id(2), id(3)],
    });
  });

  it('refuses the primary among the others, naming where it is', () => {
    const error = (() => {
      try {
        checkMergeRequest({ primaryId: id(1), otherIds: [id(2), id(1)] });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([
      { path: ['input', 'otherIds', '1'], code: 'MERGE_INTO_ITSELF', message: 'the primary contact cannot also be merged into itself' },
    ]);
  });

  it('refuses malformed ids, no others, and too many others', () => {
    expect(() => checkMergeRequest({ primaryId: 'nope', otherIds: [id(2)] })).toThrow(ValidationError);
    expect(() => checkMergeRequest({ primaryId: id(1), otherIds: [id(2), '7'] })).toThrow(/otherIds\.1: "7" is not a valid id/);
    expect(() => checkMergeRequest({ primaryId: id(1), otherIds: [] })).toThrow(ValidationError);
    const many = Array.from({ length: MERGE_MAX_OTHERS + 1 }, (_, index) => id(index + 2));
    expect(() => checkMergeRequest({ primaryId: id(1), otherIds: many })).toThrow(LimitExceededError);
    expect(checkMergeRequest({ primaryId: id(1), otherIds: many.slice(1) }).otherIds).toHaveLength(MERGE_MAX_OTHERS);
  });
});

describe('mergeContactAttributes', () => {
  it('keeps every value the primary has', () => {
    const primary = { firstName: 'Ada', lastName: 'Lovelace', name: 'Ada Lovelace', country: 'GB', customFields: { tier: 'gold' } };
    const other = { firstName: 'Augusta', lastName: 'King', name: 'Augusta King', country: 'US', customFields: { tier: 'silver' } };
    expect(mergeContactAttributes(primary, [other])).toEqual(primary);
  });

  it('fills empty values from the first other contact that has them', () => {
    const primary = { ...blank, firstName: 'Ada', name: 'Ada', customFields: { tier: 'gold', note: '', colours: [] } };
    const others = [
      { ...blank, country: 'GB', customFields: { tier: 'silver', colours: ['red'] } },
      { ...blank, lastName: 'Lovelace', country: 'US', customFields: { note: 'met at the fair', age: 36 } },
    ];
    expect(mergeContactAttributes(primary, others)).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      name: 'Ada Lovelace',
      country: 'GB',
      customFields: { tier: 'gold', note: 'met at the fair', colours: ['red'], age: 36 },
    });
  });

  it('keeps a full name given whole even when a part is filled', () => {
    const primary = { ...blank, firstName: 'Ada', name: 'Countess of Lovelace' };
    expect(mergeContactAttributes(primary, [{ ...blank, lastName: 'King' }]).name).toBe('Countess of Lovelace');
  });

  it("gives a nameless primary the merged parts, or else another's full name", () => {
    expect(
      mergeContactAttributes(blank, [
        { ...blank, firstName: 'Ada' },
        { ...blank, lastName: 'King', name: 'Lady King' },
      ]).name,
    ).toBe('Ada King');
    expect(mergeContactAttributes(blank, [{ ...blank, name: 'Lady King' }]).name).toBe('Lady King');
    expect(mergeContactAttributes(blank, [blank]).name).toBeNull();
  });

  it('does not change its inputs', () => {
    const primary = { ...blank, customFields: {} };
    mergeContactAttributes(primary, [{ ...blank, customFields: { tier: 'gold' } }]);
    expect(primary.customFields).toEqual({});
  });
});

describe('planDetailMove', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  const detail = (n: number, contact: number, kind: 'PHONE' | 'EMAIL', value: string, isPrimary: boolean, minute = n): MergeableDetail => ({
    id: id(100 + n),
    contactId: id(contact),
    kind,
    value,
    isPrimary,
    createdAt: at(minute),
  });

  it('drops values the primary has, moves the rest without their primary flags', () => {
    const details = [
      detail(1, 1, 'PHONE', '+12025550143', true),
      detail(2, 2, 'PHONE', '+12025550143', true),
      detail(3, 2, 'PHONE', '+12025550199', false),
      detail(4, 1, 'EMAIL', 'ada@example.com', true),
      detail(5, 2, 'EMAIL', 'augusta@example.com', true),
    ];
    expect(planDetailMove(id(1), [id(2)], details)).toEqual([
      { id: id(105), isPrimary: false },
      { id: id(103), isPrimary: false },
    ]);
  });

  it('makes the first moved detail primary for a kind the primary had none of', () => {
    const details = [
      detail(1, 1, 'PHONE', '+12025550143', true),
      detail(2, 3, 'EMAIL', 'later@example.com', false, 1),
      detail(3, 3, 'EMAIL', 'main@example.com', true, 9),
      detail(4, 2, 'EMAIL', 'first@example.com', false),
    ];
    // Contact 2 comes first in otherIds, so its email leads; contact 3's primary email follows its own order.
    expect(planDetailMove(id(1), [id(2), id(3)], details)).toEqual([
      { id: id(104), isPrimary: true },
      { id: id(103), isPrimary: false },
      { id: id(102), isPrimary: false },
    ]);
  });

  it('moves a value shared by two others once', () => {
    const details = [
      detail(1, 1, 'EMAIL', 'a@example.com', true),
      detail(2, 2, 'PHONE', '+447700900123', true),
      detail(3, 3, 'PHONE', '+447700900123', true),
    ];
    expect(planDetailMove(id(1), [id(2), id(3)], details)).toEqual([{ id: id(102), isPrimary: true }]);
  });
});
