import { describe, expect, it } from 'vitest';
import { ConflictError, LimitExceededError, ValidationError } from '../../src/domain/errors.ts';
import { checkFieldUnused, checkLabelIsDistinct, defineCustomField, type CustomFieldDefinition } from '../../src/domain/field-definition.ts';

const existing: CustomFieldDefinition[] = [
  { key: 'customerTier', label: 'Customer tier', type: 'TEXT', options: [] },
  { key: 'fieldAbc1234', label: '生日', type: 'DATE', options: [] },
];

function issueOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('checkLabelIsDistinct', () => {
  it.each([
    ['Phone Number', 'the built-in field "Phone number" (key phone)'],
    ['PHONE_NUMBER', 'the built-in field "Phone number" (key phone)'],
    ['WHATSAPP-OPT IN', 'the built-in field "WhatsApp opt-in" (key whatsappOptIn)'],
    ['Updated At', 'the built-in column "Updated at"'],
    ['customer-tier', 'the custom field "Customer tier" (key customerTier)'],
    ['CustomerTier', 'the custom field "Customer tier" (key customerTier)'],
    ['生 日', 'the custom field "生日" (key fieldAbc1234)'],
  ])('refuses %s, naming %s', (label, clash) => {
    expect(issueOf(() => checkLabelIsDistinct(label, existing))).toEqual([
      {
        path: ['label'],
        code: 'FIELD_LABEL_TAKEN',
        message: `"${label}" reads like ${clash}: use that field, or choose a label that differs in more than case, spaces or punctuation`,
      },
    ]);
  });

  it("lets through labels that only contain or resemble another name, and the built-in fields' synonyms", () => {
    for (const label of ['Backup phone', 'Phone numbers', 'Customer tier 2', 'Téléphone fixe', '生日 2', 'Mobile', 'Surname']) {
      expect(() => checkLabelIsDistinct(label, existing), label).not.toThrow();
    }
  });
});

describe('defineCustomField', () => {
  it('keeps refusing built-in keys and existing fields with a ConflictError, and says count and limit when full', () => {
    expect(() => defineCustomField({ label: 'E-mail', type: 'TEXT' }, existing, 10)).toThrow(ConflictError);
    expect(() => defineCustomField({ label: 'customer TIER', type: 'TEXT' }, existing, 10)).toThrow(ConflictError);
    expect(() => defineCustomField({ label: 'Phone Number', type: 'TEXT' }, existing, 10)).toThrow(ValidationError);
    const full = (() => {
      try {
        defineCustomField({ label: 'Extra', type: 'TEXT' }, existing, 1);
      } catch (error) {
        return error;
      }
    })();
    expect(full).toBeInstanceOf(LimitExceededError);
    expect(full).toMatchObject({
      limit: 1,
      code: 'FIELD_LIMIT_REACHED',
      params: { limit: 1, count: 2 },
      message: 'The workspace has 2 custom fields and its limit is 1: delete a field or raise the limit',
    });
  });
});

describe('checkFieldUnused', () => {
  const field = { key: 'rank', label: 'Rank' };

  it('names every dynamic group whose filter uses the field, however deep', () => {
    const groups = [
      { name: 'Top', filter: { field: { key: 'rank', gte: 5 } } },
      { name: 'Deep', filter: { or: [{ tags: { any: ['x'] } }, { not: { and: [{ active: true }, { field: { key: 'rank', isSet: true } }] } }] } },
      { name: 'Other', filter: { field: { key: 'ranking', isSet: true } } },
    ];
    expect(issueOf(() => checkFieldUnused(field, groups))).toEqual([
      {
        path: ['key'],
        code: 'IN_USE',
        params: { groups: ['Top', 'Deep'] },
        message: 'the field "Rank" (key rank) is used by the filter of the groups "Top", "Deep": change their filters or delete them first',
      },
    ]);
    expect(issueOf(() => checkFieldUnused(field, groups.slice(0, 1)))[0]!.message).toContain('the group "Top": change its filter or delete it first');
  });

  it('passes a field no filter uses, and skips filters that no longer parse or are missing', () => {
    const groups = [
      { name: 'Tags', filter: { tags: { any: ['rank'] } } },
      { name: 'Garbled', filter: { field: 'rank' } },
      { name: 'Empty', filter: null },
    ];
    expect(() => checkFieldUnused(field, groups)).not.toThrow();
  });
});
