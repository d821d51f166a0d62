import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_FIELDS,
  BUILT_IN_FIELD_KEYS,
  FUZZY_MATCH_THRESHOLD,
  fieldKeyFromLabel,
  normalizeHeader,
  suggestField,
  uniqueFieldKey,
} from '../../src/domain/field-key.ts';
import { isFieldType } from '../../src/domain/field-value.ts';

describe('BUILT_IN_FIELDS', () => {
  it('has the keys clients rely on, in order, each once', () => {
    expect(BUILT_IN_FIELDS.map((field) => field.key)).toEqual([
      'firstName',
      'lastName',
      'name',
      'phone',
      'email',
      'country',
      'countryCode',
      'whatsappOptIn',
      'tags',
      'groups',
    ]);
    expect(BUILT_IN_FIELD_KEYS).toEqual(BUILT_IN_FIELDS.map((field) => field.key));
  });

  it('gives every field a label, a known type and a description', () => {
    for (const field of BUILT_IN_FIELDS) {
      expect(field.label.trim(), field.key).not.toBe('');
      expect(isFieldType(field.type), field.key).toBe(true);
      expect(field.description.trim(), field.key).not.toBe('');
    }
    expect(BUILT_IN_FIELDS.find((field) => field.key === 'phone')?.type).toBe('PHONE');
    expect(BUILT_IN_FIELDS.find((field) => field.key === 'email')?.type).toBe('EMAIL');
    expect(BUILT_IN_FIELDS.find((field) => field.key === 'whatsappOptIn')?.type).toBe('BOOLEAN');
  });

  it('never lets one synonym point at two fields', () => {
    const owners = new Map<string, string>();
    for (const field of BUILT_IN_FIELDS) {
      for (const name of [field.key, field.label, ...field.synonyms]) {
        const normalized = normalizeHeader(name);
        const owner = owners.get(normalized);
        expect(owner === undefined || owner === field.key, `${name} belongs to ${owner} and ${field.key}`).toBe(true);
        owners.set(normalized, field.key);
      }
    }
  });
});

describe('normalizeHeader', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeHeader('Phone Number')).toBe('phonenumber');
    expect(normalizeHeader('phone_number')).toBe('phonenumber');
    expect(normalizeHeader(' PHONE-NUMBER. ')).toBe('phonenumber');
    expect(normalizeHeader('E-mail')).toBe('email');
    expect(normalizeHeader('Téléphone')).toBe('telephone');
    expect(normalizeHeader('Lifetime value ($)')).toBe('lifetimevalue');
  });

  it('keeps letters and digits of every script', () => {
    expect(normalizeHeader('電話 No. 2')).toBe('電話no2');
    expect(normalizeHeader('Телефон')).toBe('телефон');
  });
});

describe('fieldKeyFromLabel', () => {
  it.each([
    ['Date of Birth', 'dateOfBirth'],
    ['Lifetime value ($)', 'lifetimeValue'],
    ['Customer ID', 'customerId'],
    ['CustomerID', 'customerId'],
    ['firstName', 'firstName'],
    ['NPS score', 'npsScore'],
    ['iPhone model', 'iPhoneModel'],
    ['  loyalty   tier  ', 'loyaltyTier'],
    ['Größe (cm)', 'grosseCm'],
    ['Crème brûlée', 'cremeBrulee'],
    ['Kæde', 'kaede'],
    ['2nd phone', 'field2ndPhone'],
    ['VIP 客户等级', 'vip'],
  ])('makes %j into %j', (label, key) => {
    expect(fieldKeyFromLabel(label)).toBe(key);
  });

  it('gives labels without Latin letters a stable hashed key', () => {
    const key = fieldKeyFromLabel('生日');
    expect(key).toMatch(/^field[0-9a-z]{7}$/);
    expect(fieldKeyFromLabel('生日')).toBe(key);
    expect(fieldKeyFromLabel(' 生日 ')).toBe(key);
    expect(fieldKeyFromLabel('李雷')).not.toBe(key);
    expect(fieldKeyFromLabel('Дата рождения')).toMatch(/^field[0-9a-z]{7}$/);
  });

  it('caps the key length', () => {
    expect(fieldKeyFromLabel('word '.repeat(40)).length).toBe(64);
  });
});

describe('uniqueFieldKey', () => {
  it('returns the label’s key when it is free', () => {
    expect(uniqueFieldKey('Date of Birth', ['anniversary'])).toBe('dateOfBirth');
  });

  it('numbers the key when it is taken, ignoring case', () => {
    expect(uniqueFieldKey('Date of Birth', ['dateofbirth'])).toBe('dateOfBirth2');
    expect(uniqueFieldKey('Date of Birth', ['dateOfBirth', 'DATEOFBIRTH2'])).toBe('dateOfBirth3');
  });

  it('never takes a built-in key', () => {
    expect(uniqueFieldKey('Email', [])).toBe('email2');
    expect(uniqueFieldKey('Tags', [])).toBe('tags2');
  });
});

describe('suggestField', () => {
  const custom = [
    { key: 'companySize', label: 'Company size' },
    { key: 'dateOfBirth', label: 'Date of Birth' },
    { key: 'address', label: 'Address' },
  ];
  const fields = [...BUILT_IN_FIELDS, ...custom];

  it('matches a key or label exactly, ignoring case, spaces and punctuation', () => {
    expect(suggestField('Phone Number', fields)).toEqual({ key: 'phone', confidence: 1 });
    expect(suggestField('phone_number', fields)).toEqual({ key: 'phone', confidence: 1 });
    expect(suggestField('PHONE', fields)).toEqual({ key: 'phone', confidence: 1 });
    expect(suggestField('First Name', fields)).toEqual({ key: 'firstName', confidence: 1 });
    expect(suggestField('country_code', fields)).toEqual({ key: 'countryCode', confidence: 1 });
    expect(suggestField('E-mail', fields)).toEqual({ key: 'email', confidence: 1 });
    expect(suggestField('WhatsApp Opt-in', fields)).toEqual({ key: 'whatsappOptIn', confidence: 1 });
  });

  it.each([
    ['Mobile', 'phone'],
    ['Mobile Number', 'phone'],
    ['Cell', 'phone'],
    ['Cell Phone', 'phone'],
    ['Tel', 'phone'],
    ['Telephone', 'phone'],
    ['Phone No', 'phone'],
    ['MSISDN', 'phone'],
    ['WhatsApp Number', 'phone'],
    ['Email Address', 'email'],
    ['Mail', 'email'],
    ['Given name', 'firstName'],
    ['Forename', 'firstName'],
    ['First', 'firstName'],
    ['Surname', 'lastName'],
    ['Family name', 'lastName'],
    ['Last', 'lastName'],
    ['Full Name', 'name'],
    ['Contact Name', 'name'],
    ['Country ISO', 'country'],
    ['Nation', 'country'],
    ['Dial Code', 'countryCode'],
    ['Calling Code', 'countryCode'],
    ['ISD code', 'countryCode'],
    ['WhatsApp Opted', 'whatsappOptIn'],
    ['WhatsApp Consent', 'whatsappOptIn'],
    ['Labels', 'tags'],
  ])('maps the synonym %j to %j with confidence 0.9', (header, key) => {
    expect(suggestField(header, fields)).toEqual({ key, confidence: 0.9 });
  });

  it('lets custom fields match exactly', () => {
    expect(suggestField('Company Size', fields)).toEqual({ key: 'companySize', confidence: 1 });
    expect(suggestField('date_of_birth', fields)).toEqual({ key: 'dateOfBirth', confidence: 1 });
  });

  it('prefers an exact custom field over a built-in synonym', () => {
    expect(suggestField('Mobile', [...fields, { key: 'mobile', label: 'Mobile' }])).toEqual({ key: 'mobile', confidence: 1 });
  });

  it.each([
    ['Phone Numbr', 'phone'],
    ['Email Adress', 'email'],
    ['Frist Name', 'firstName'],
    ['Last Nmae', 'lastName'],
    ['Country Cde', 'countryCode'],
    ['Adress', 'address'],
    ['Date Of Brith', 'dateOfBirth'],
  ])('matches the misspelt %j to %j with a fuzzy confidence below 0.9', (header, key) => {
    const suggestion = suggestField(header, fields);
    expect(suggestion?.key).toBe(key);
    expect(suggestion?.confidence).toBeGreaterThanOrEqual(FUZZY_MATCH_THRESHOLD);
    expect(suggestion?.confidence).toBeLessThan(0.9);
  });

  it.each(['Company', 'Notes', 'Created At', 'Status', 'Birth Date', 'Names', 'Tag', 'DOB', '電話', '', '  --  '])(
    'suggests nothing for %j',
    (header) => {
      expect(suggestField(header, fields)).toBeNull();
    },
  );

  it('treats a numbered column as a fuzzy match of its field', () => {
    expect(suggestField('Phone 2', fields)).toEqual({ key: 'phone', confidence: 0.89 });
  });

  it('only suggests built-ins passed in', () => {
    expect(suggestField('Email', custom)).toBeNull();
  });
});
