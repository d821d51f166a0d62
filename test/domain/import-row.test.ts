/**
 * The rules of one import row, case by case (cells, phones, emails, typed fields, tags, groups,
 * consent, decisions): the table of the row rules, kept together; over 400 lines for that reason.
 */
import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../../src/domain/field-definition.ts';
import type { ImportOptionsInput, ImportPlan, ImportPurpose } from '../../src/domain/import-options.ts';
import { planImport } from '../../src/domain/import-plan.ts';
import { decideRow, identifierKindOf, settleRow } from '../../src/domain/import-row-decision.ts';
import { withoutFormulaGuard } from '../../src/domain/formula-guard.ts';
import { mergeDuplicateRows, normalizeImportRow, type ImportRowResult, type RowData } from '../../src/domain/import-row.ts';
import { previewUpdate, type ExistingContact } from '../../src/domain/import-update-preview.ts';

const FIELDS: CustomFieldDefinition[] = [
  { key: 'birthday', label: 'Birthday', type: 'DATE', options: [] },
  { key: 'lastVisit', label: 'Last visit', type: 'DATETIME', options: [] },
  { key: 'subscribed', label: 'Subscribed', type: 'BOOLEAN', options: [] },
  { key: 'tier', label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver'] },
  { key: 'interests', label: 'Interests', type: 'MULTI_SELECT', options: ['Golf', 'Tennis'] },
  { key: 'backupPhone', label: 'Backup phone', type: 'PHONE', options: [] },
];

/** A plan mapping the file's columns, in order, to the keys given; add-and-update by phone unless told. */
function planOf(mapping: [header: string, key: string][], options: Partial<ImportOptionsInput> = {}): ImportPlan {
  return planImport(
    { columns: mapping.map(([, fieldKey], index) => ({ index, fieldKey })), purpose: 'ADD_AND_UPDATE', identifier: 'PHONE', ...options },
    { headers: mapping.map(([header]) => header), customFields: FIELDS, customFieldLimit: 100 },
  );
}

/** A plan without an identifier, for rules that have nothing to do with matching. */
function addAllPlan(mapping: [header: string, key: string][], options: Partial<ImportOptionsInput> = {}): ImportPlan {
  return planOf(mapping, { purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: null, ...options });
}

function read(plan: ImportPlan, cells: string[]): ImportRowResult {
  return normalizeImportRow(cells, plan, { headerCount: cells.length });
}

/** The data of a row that must be valid, failing the test with its errors otherwise. */
function dataOf(plan: ImportPlan, cells: string[]): RowData {
  const row = read(plan, cells);
  if (row.errors.length > 0) throw new Error(row.errors.join('; '));
  return row.data;
}

const PHONE_ROW: [string, string][] = [
  ['Phone', 'phone'],
  ['Country', 'country'],
];

describe('normalizeImportRow: phone numbers', () => {
  it('gives (202) 555-0143 with country US and +1 202 555 0143 the same identifier', () => {
    const plan = planOf(PHONE_ROW);
    const national = read(plan, ['(202) 555-0143', 'US']);
    const international = read(plan, ['+1 202 555 0143', '']);
    expect(national.identifier).toBe('+12025550143');
    expect(international.identifier).toBe(national.identifier);
    expect(national).toEqual({
      data: { phone: { e164: '+12025550143', raw: '(202) 555-0143', country: 'US' }, country: 'US', customFields: {}, tags: [] },
      errors: [],
      codes: [],
      identifier: '+12025550143',
    });
  });

  it("reads a cell written formula-safe ('+…, as exports and result files write phones) as the value after the guard", () => {
    expect(dataOf(planOf(PHONE_ROW), ["'+1 202 555 0143", ''])).toMatchObject({ phone: { e164: '+12025550143', raw: '+1 202 555 0143' } });
    expect(withoutFormulaGuard("'=1+2")).toBe('=1+2');
    expect(withoutFormulaGuard("'plain")).toBe("'plain");
  });

  it('reads a national number with the Country column (GB)', () => {
    expect(dataOf(planOf(PHONE_ROW), ['07400 123456', 'gb'])).toMatchObject({ phone: { e164: '+447400123456' }, country: 'GB' });
  });

  it('reads a national number with the Country Code column (91)', () => {
    const plan = planOf([
      ['Phone Number', 'phone'],
      ['Country Code', 'countryCode'],
    ]);
    expect(dataOf(plan, ['9876543210', '91'])).toEqual({
      phone: { e164: '+919876543210', raw: '9876543210', country: 'IN' },
      customFields: {},
      tags: [],
    });
  });

  it('prefers the row’s country, then its calling code, then the default country', () => {
    const plan = planOf(
      [
        ['Phone', 'phone'],
        ['Country', 'country'],
        ['Country Code', 'countryCode'],
      ],
      { defaultCountry: 'US' },
    );
    expect(read(plan, ['07400 123456', 'GB', '1']).identifier).toBe('+447400123456');
    expect(read(plan, ['9876543210', '', '91']).identifier).toBe('+919876543210');
    expect(read(plan, ['202 555 0143', '', '']).identifier).toBe('+12025550143');
  });

  it('names the column and the value of an invalid number', () => {
    const plan = planOf([['Phone', 'phone']], { defaultCountry: 'US' });
    expect(read(plan, ['(202) 555-01']).errors).toEqual(['Phone: "(202) 555-01" is not a valid phone number (read as a number of US)']);
  });

  it('reports a bad calling code on its own column even when the phone does not need it', () => {
    const plan = planOf([
      ['Phone', 'phone'],
      ['Country Code', 'countryCode'],
    ]);
    expect(read(plan, ['+1 202 555 0143', 'abc']).errors).toEqual([
      'Country Code: "abc" is not a country calling code (expected digits such as 1, 44 or 91)',
    ]);
  });

  it('reads a custom PHONE field in the default country', () => {
    const plan = addAllPlan([['Backup', 'backupPhone']], { defaultCountry: 'US' });
    expect(dataOf(plan, ['202-555-0143']).customFields).toEqual({ backupPhone: '+12025550143' });
  });
});

describe('normalizeImportRow: names, email, country', () => {
  const plan = addAllPlan([
    ['First Name', 'firstName'],
    ['Last Name', 'lastName'],
    ['Email', 'email'],
  ]);

  it.each([
    ["O'Brien", 'Seán'],
    ['Jean-Luc', 'Picard'],
    ['José', 'Álvarez'],
    ['李雷', ''],
  ])('accepts %s %s, leaving the full name to be made from the parts', (first, last) => {
    const data = dataOf(plan, [first, last, 'a@example.com']);
    expect(data).toMatchObject({ firstName: first });
    expect('lastName' in data).toBe(last !== '');
    expect('name' in data).toBe(false);
  });

  it('names the column of a name with digits or symbols', () => {
    expect(read(plan, ['R2D2', 'Smith', '']).errors).toEqual([
      'First Name: "R2D2" is not a valid name: "2" is not allowed (only letters, spaces, apostrophes, hyphens and periods)',
    ]);
  });

  it('fills the full name from a Name column alone, which wins over first and last name', () => {
    expect(dataOf(addAllPlan([['Name', 'name']]), ['  Ada   Lovelace '])).toEqual({ name: 'Ada Lovelace', customFields: {}, tags: [] });
    const both = addAllPlan([
      ['Name', 'name'],
      ['First', 'firstName'],
      ['Last', 'lastName'],
    ]);
    expect(dataOf(both, ['Ada King', 'Ada', 'Lovelace'])).toMatchObject({ name: 'Ada King', firstName: 'Ada', lastName: 'Lovelace' });
    expect('name' in dataOf(both, ['', 'Ada', 'Lovelace'])).toBe(false);
  });

  it('lower-cases the email, keeps the cell as given, and names a bad one', () => {
    expect(dataOf(plan, ['', '', ' John.Smith@Gmail.com '])).toEqual({
      email: { value: 'john.smith@gmail.com', raw: ' John.Smith@Gmail.com ' },
      customFields: {},
      tags: [],
    });
    expect(read(plan, ['', '', 'john@']).errors).toEqual(['Email: "john@" is not a valid email address']);
  });

  it('matches on the lower-cased email', () => {
    const byEmail = planOf([['E-mail', 'email']], { identifier: 'EMAIL' });
    expect(read(byEmail, ['John.Smith@Gmail.com']).identifier).toBe(read(byEmail, ['john.smith@gmail.com']).identifier);
  });

  it('stores the country upper-cased and names a bad one', () => {
    const countries = addAllPlan([['Country', 'country']]);
    expect(dataOf(countries, ['gb']).country).toBe('GB');
    expect(read(countries, ['England']).errors).toEqual(['Country: "England" is not a country code (expected ISO 3166-1 alpha-2, e.g. US or GB)']);
  });
});

describe('normalizeImportRow: typed fields', () => {
  it.each([
    ['2022-10-31T19:30:00.000+05:30', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31T14:00:00Z', '2022-10-31T14:00:00.000Z'],
    ['2022-10-31', '2022-10-31T00:00:00.000Z'],
  ])('reads the DATETIME %s', (cell, stored) => {
    expect(dataOf(addAllPlan([['Visited', 'lastVisit']]), [cell]).customFields).toEqual({ lastVisit: stored });
  });

  it.each([
    ['TRUE', true],
    ['false', false],
    ['Yes', true],
    ['no', false],
    ['1', true],
    ['0', false],
  ])('reads the BOOLEAN %s', (cell, value) => {
    expect(dataOf(addAllPlan([['Subscribed', 'subscribed']]), [cell]).customFields).toEqual({ subscribed: value });
  });

  it('reads DATE as YYYY-MM-DD and SELECT ignoring case, MULTI_SELECT item by item', () => {
    const plan = addAllPlan([
      ['DOB', 'birthday'],
      ['Level', 'tier'],
      ['Hobbies', 'interests'],
    ]);
    expect(dataOf(plan, ['2023-10-25', 'gold', 'tennis; GOLF']).customFields).toEqual({
      birthday: '2023-10-25',
      tier: 'Gold',
      interests: ['Tennis', 'Golf'],
    });
  });

  it('names the column header and the value of a bad typed value, in column order', () => {
    const plan = addAllPlan([
      ['DOB', 'birthday'],
      ['Level', 'tier'],
      ['Visited', 'lastVisit'],
      ['Subscribed', 'subscribed'],
    ]);
    expect(read(plan, ['31/10/2022', 'Bronze', '31 Oct 2022', 'maybe']).errors).toEqual([
      'DOB: "31/10/2022" is not a date (expected YYYY-MM-DD)',
      'Level: "Bronze" is not one of the options (Gold, Silver)',
      'Visited: "31 Oct 2022" is not a date-time (expected ISO 8601, e.g. 2022-10-31T19:30:00+05:30)',
      'Subscribed: "maybe" is not a yes/no value (expected TRUE/FALSE, yes/no, y/n or 1/0)',
    ]);
  });

  it('reads WhatsApp consent: TRUE is an opt-in, FALSE an opt-out', () => {
    const plan = planOf([
      ['Phone', 'phone'],
      ['WhatsApp Opted', 'whatsappOptIn'],
    ]);
    expect(dataOf(plan, ['+12025550143', 'TRUE']).whatsappOptIn).toBe(true);
    expect(dataOf(plan, ['+12025550143', 'FALSE']).whatsappOptIn).toBe(false);
    expect('whatsappOptIn' in dataOf(plan, ['+12025550143', ''])).toBe(false);
    expect(read(plan, ['+12025550143', 'opted']).errors).toEqual([
      'WhatsApp Opted: "opted" is not a yes/no value (expected TRUE/FALSE, yes/no, y/n or 1/0)',
    ]);
  });

  it('splits a tags column, normalizing and deduplicating its tags', () => {
    const plan = addAllPlan([['Labels', 'tags']]);
    expect(dataOf(plan, ['vip, Spring   sale;vip;']).tags).toEqual(['vip', 'Spring sale']);
    expect(read(plan, [`ok, ${'x'.repeat(101)}`]).errors).toEqual([
      `Labels: "${'x'.repeat(80)}…" is longer than 100 characters, the most a tag may have`,
    ]);
  });
});

describe('normalizeImportRow: the row', () => {
  const plan = planOf([
    ['Phone', 'phone'],
    ['First Name', 'firstName'],
    ['Email', 'email'],
    ['DOB', 'birthday'],
    ['Tags', 'tags'],
  ]);

  it('refuses a row with the wrong number of cells without reading it', () => {
    const row = normalizeImportRow(['+12025550143', 'Ann', 'R2D2', '', ''], plan, { headerCount: 7 });
    expect(row).toEqual({
      data: { customFields: {}, tags: [] },
      errors: ['row has 5 cells, the header has 7'],
      codes: ['WRONG_CELL_COUNT'],
      identifier: null,
    });
    expect(normalizeImportRow(['+12025550143'], plan, { headerCount: 5 }).errors).toEqual(['row has 1 cell, the header has 5']);
  });

  it('leaves blank cells out of the data: an empty cell never erases a value', () => {
    expect(read(plan, ['+12025550143', '  ', '', '\t', '']).data).toEqual({
      phone: { e164: '+12025550143', raw: '+12025550143', country: 'US' },
      customFields: {},
      tags: [],
    });
  });

  it('makes a missing identifier an error, but not twice for an invalid one', () => {
    expect(read(plan, ['', 'Ann', 'ann@example.com', '', '']).errors).toEqual(['Phone: no phone number to identify the contact by']);
    expect(read(plan, ['12', 'Ann', '', '', '']).errors).toEqual([
      'Phone: "12" has no country: write it in international form (+ and country code), or give a country, a calling code or a default country',
    ]);
    const byEmail = planOf([['Email', 'email']], { identifier: 'EMAIL' });
    expect(read(byEmail, ['']).errors).toEqual(['Email: no email address to identify the contact by']);
    expect(read(byEmail, ['']).codes).toEqual(['MISSING_IDENTIFIER']);
    expect(read(plan, ['12', 'Ann', '', '', '']).codes).toEqual(['PHONE_NEEDS_COUNTRY']);
  });

  it('needs no identifier when adding all despite duplicates', () => {
    expect(read(addAllPlan([['Email', 'email']]), [''])).toEqual({ data: { customFields: {}, tags: [] }, errors: [], codes: [], identifier: null });
  });

  it('reads contact ids as ids, lower-cased', () => {
    const byId = planImport(
      {
        columns: [
          { index: 0, fieldKey: 'contactId' },
          { index: 1, fieldKey: 'email' },
        ],
        purpose: 'UPDATE_EXISTING_ONLY',
        identifier: 'CONTACT_ID',
      },
      { headers: ['Contact ID', 'Email'], customFields: [], customFieldLimit: 100 },
    );
    const id = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    expect(read(byId, [` ${id} `, 'a@example.com'])).toMatchObject({
      identifier: id.toLowerCase(),
      data: { contactId: id.toLowerCase() },
      errors: [],
    });
    expect(read(byId, ['17', '']).errors).toEqual(['Contact ID: "17" is not a contact id']);
    expect(read(byId, ['17', '']).codes).toEqual(['INVALID_ID']);
    expect(read(byId, ['', 'a@example.com']).errors).toEqual(['Contact ID: no contact id to identify the contact by']);
  });

  it('collects every problem of the row, each with its code in the same order', () => {
    const row = read(plan, ['+1 202', 'R2D2', 'x@', '2020-02-30', 'vip']);
    expect(row.errors).toHaveLength(4);
    expect(row.codes).toEqual(['INVALID_PHONE', 'INVALID_NAME', 'INVALID_EMAIL', 'INVALID_DATE']);
  });

  it('returns plain JSON data, the same for a plan read back from JSON', () => {
    const cells = ['+12025550143', 'Ann', 'Ann@Example.com', '1990-05-01', 'vip'];
    const row = read(plan, cells);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
    expect(read(JSON.parse(JSON.stringify(plan)) as ImportPlan, cells)).toEqual(row);
    expect(read(plan, cells)).toEqual(row);
  });
});

describe('decideRow', () => {
  const rules = { requireFirstName: false, requirePhoneWithCountry: false };
  const byPhone = planOf([
    ['Phone', 'phone'],
    ['First Name', 'firstName'],
    ['Email', 'email'],
  ]);
  const row = read(byPhone, ['+1 202 555 0143', 'Ann', '']);
  const byEmail = planOf([['Email', 'email']], { identifier: 'EMAIL' });
  const emailRow = read(byEmail, ['ann@example.com']);

  it('makes a row with errors an error, its errors joined and its codes in the same order', () => {
    const bad = read(byPhone, ['+1 202', 'R2D2', '']);
    expect(decideRow(bad, 0, 'ADD_AND_UPDATE', rules)).toEqual({
      action: 'ERROR',
      reason: bad.errors.join('; '),
      codes: ['INVALID_PHONE', 'INVALID_NAME'],
    });
    expect(bad.errors).toHaveLength(2);
  });

  it('makes an identifier matching two or more contacts an error', () => {
    for (const purpose of ['ADD_NEW_ONLY', 'UPDATE_EXISTING_ONLY', 'ADD_AND_UPDATE'] as ImportPurpose[]) {
      expect(decideRow(row, 2, purpose, rules)).toEqual({
        action: 'ERROR',
        reason: '2 existing contacts have this phone number: merge them, or identify the contact another way',
        codes: ['AMBIGUOUS_MATCH'],
      });
    }
  });

  it('follows the purpose', () => {
    const decide = (purpose: ImportPurpose, matches: number, of = row) => decideRow(of, matches, purpose, rules);
    expect(decide('ADD_NEW_ONLY', 0)).toEqual({ action: 'CREATE', reason: null, codes: [] });
    expect(decide('ADD_NEW_ONLY', 1)).toEqual({
      action: 'SKIP',
      reason: 'a contact with this phone number already exists',
      codes: ['CONTACT_EXISTS'],
    });
    expect(decide('UPDATE_EXISTING_ONLY', 1)).toEqual({ action: 'UPDATE', reason: null, codes: [] });
    expect(decide('UPDATE_EXISTING_ONLY', 0, emailRow)).toEqual({
      action: 'SKIP',
      reason: 'no contact with this email address',
      codes: ['NO_MATCHING_CONTACT'],
    });
    expect(decide('UPDATE_EXISTING_ONLY', 0)).toEqual({
      action: 'SKIP',
      reason: 'no contact with this phone number',
      codes: ['NO_MATCHING_CONTACT'],
    });
    expect(decide('ADD_AND_UPDATE', 1)).toEqual({ action: 'UPDATE', reason: null, codes: [] });
    expect(decide('ADD_AND_UPDATE', 0)).toEqual({ action: 'CREATE', reason: null, codes: [] });
  });

  it('names a missing contact id', () => {
    const idRow: ImportRowResult = {
      data: { contactId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', customFields: {}, tags: [] },
      errors: [],
      codes: [],
      identifier: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    };
    expect(decideRow(idRow, 0, 'UPDATE_EXISTING_ONLY', rules)).toEqual({
      action: 'SKIP',
      reason: 'no contact with this id',
      codes: ['NO_MATCHING_CONTACT'],
    });
  });

  it('always creates valid rows when adding all despite duplicates, which still need a phone or email', () => {
    const plan = addAllPlan([
      ['First Name', 'firstName'],
      ['Phone', 'phone'],
    ]);
    expect(decideRow(read(plan, ['Ann', '+12025550143']), 0, 'ADD_ALL_DESPITE_DUPLICATES', rules)).toEqual({
      action: 'CREATE',
      reason: null,
      codes: [],
    });
    expect(decideRow(read(plan, ['Ann', '']), 0, 'ADD_ALL_DESPITE_DUPLICATES', rules)).toEqual({
      action: 'ERROR',
      reason: 'a new contact needs at least one valid phone number or email address',
      codes: ['PHONE_OR_EMAIL_REQUIRED'],
    });
  });

  it('applies the workspace requirements to rows that create, not to updates', () => {
    const noName = read(byPhone, ['+1 202 555 0143', '', '']);
    const strict = { requireFirstName: true, requirePhoneWithCountry: false };
    expect(decideRow(noName, 0, 'ADD_AND_UPDATE', strict)).toEqual({
      action: 'ERROR',
      reason: 'this workspace requires a first name for new contacts',
      codes: ['FIRST_NAME_REQUIRED'],
    });
    expect(decideRow(noName, 1, 'ADD_AND_UPDATE', strict)).toEqual({ action: 'UPDATE', reason: null, codes: [] });
    expect(decideRow(row, 0, 'ADD_AND_UPDATE', strict)).toEqual({ action: 'CREATE', reason: null, codes: [] });
  });

  it('requires, when set, a phone whose country is known', () => {
    const strict = { requireFirstName: false, requirePhoneWithCountry: true };
    const reason = 'this workspace requires a phone number whose country is known';
    expect(decideRow(row, 0, 'ADD_AND_UPDATE', strict)).toEqual({ action: 'CREATE', reason: null, codes: [] });
    expect(decideRow(emailRow, 0, 'ADD_AND_UPDATE', strict)).toEqual({ action: 'ERROR', reason, codes: ['PHONE_COUNTRY_REQUIRED'] });
    // +800 is international freephone: valid, but of no country.
    const freephone = read(byPhone, ['+800 1234 5678', 'Ann', '']);
    expect(freephone.errors).toEqual([]);
    expect(decideRow(freephone, 0, 'ADD_AND_UPDATE', strict)).toEqual({ action: 'ERROR', reason, codes: ['PHONE_COUNTRY_REQUIRED'] });
  });

  it('tells the kind of a normalized identifier', () => {
    expect(['+12025550143', '+foo@example.com', '3f2504e0-4f89-41d3-9a0c-0305e82c3301'].map(identifierKindOf)).toEqual([
      'PHONE',
      'EMAIL',
      'CONTACT_ID',
    ]);
  });
});

describe('previewUpdate', () => {
  const contactA: ExistingContact = {
    firstName: 'Ann',
    lastName: null,
    name: 'Ann',
    country: 'US',
    customFields: { tier: 'Silver', interests: ['Golf', 'Tennis'] },
    tags: ['vip'],
    groups: [],
    phone: '+12025550143',
    email: 'contactabc@email.com',
    details: ['+12025550143', 'contactabc@email.com'],
  };
  const plan = planOf([
    ['Phone', 'phone'],
    ['Email', 'email'],
    ['First Name', 'firstName'],
    ['Last Name', 'lastName'],
    ['Level', 'tier'],
    ['Hobbies', 'interests'],
    ['Tags', 'tags'],
  ]);

  it('replaces the email of Contact A, identified by phone', () => {
    const data = dataOf(plan, ['+1 202 555 0143', 'contact123@email.com', '', '', '', '', '']);
    expect(previewUpdate(contactA, data, false)).toEqual([{ field: 'email', old: 'contactabc@email.com', new: 'contact123@email.com' }]);
  });

  it('keeps the email of Contact A with doNotOverwrite', () => {
    const data = dataOf(plan, ['+1 202 555 0143', 'contact123@email.com', '', '', '', '', '']);
    expect(previewUpdate(contactA, data, true)).toEqual([]);
  });

  it('replaces values, lists only changes, and compares multi-select values as sets', () => {
    const data = dataOf(plan, ['+1 202 555 0143', 'contactabc@email.com', 'Anne', 'Lee', 'gold', 'tennis, golf', '']);
    expect(previewUpdate(contactA, data, false)).toEqual([
      { field: 'firstName', old: 'Ann', new: 'Anne' },
      { field: 'lastName', old: null, new: 'Lee' },
      { field: 'name', old: 'Ann', new: 'Anne Lee' },
      { field: 'tier', old: 'Silver', new: 'Gold' },
    ]);
  });

  it('fills only empty fields with doNotOverwrite', () => {
    const data = dataOf(plan, ['+1 202 555 0143', '', 'Anne', 'Lee', 'gold', '', '']);
    // Ann's full name followed her parts, so it follows the last name filled in.
    expect(previewUpdate(contactA, data, true)).toEqual([
      { field: 'lastName', old: null, new: 'Lee' },
      { field: 'name', old: 'Ann', new: 'Ann Lee' },
    ]);
    const blank: ExistingContact = { ...contactA, firstName: null, name: null, customFields: {}, phone: null, details: ['contactabc@email.com'] };
    expect(previewUpdate(blank, data, true)).toEqual([
      { field: 'firstName', old: null, new: 'Anne' },
      { field: 'lastName', old: null, new: 'Lee' },
      { field: 'name', old: null, new: 'Anne Lee' },
      { field: 'phone', old: null, new: '+12025550143' },
      { field: 'tier', old: null, new: 'Gold' },
    ]);
  });

  it('replaces the primary phone without doNotOverwrite', () => {
    const data = dataOf(planOf([['Phone', 'phone']], { identifier: 'PHONE' }), ['+44 7400 123456']);
    expect(previewUpdate(contactA, data, false)).toEqual([{ field: 'phone', old: '+12025550143', new: '+447400123456' }]);
  });

  it('makes a full name built from parts follow the contact’s resulting parts', () => {
    const bob: ExistingContact = { ...contactA, firstName: 'Bob', lastName: 'Smith', name: 'Bob Smith' };
    const data = dataOf(addAllPlan([['First Name', 'firstName']]), ['Robert']);
    expect(previewUpdate(bob, data, false)).toEqual([
      { field: 'firstName', old: 'Bob', new: 'Robert' },
      { field: 'name', old: 'Bob Smith', new: 'Robert Smith' },
    ]);
    expect(previewUpdate(bob, data, true)).toEqual([]);
    expect(previewUpdate({ ...bob, name: 'Bobby S' }, dataOf(addAllPlan([['First Name', 'firstName']]), ['Bob']), false)).toEqual([]);
  });

  it('replaces the full name with one given whole', () => {
    const data = dataOf(addAllPlan([['Name', 'name']]), ['Ann Lee']);
    expect(previewUpdate(contactA, data, false)).toEqual([{ field: 'name', old: 'Ann', new: 'Ann Lee' }]);
    expect(previewUpdate(contactA, data, true)).toEqual([]);
  });

  it('only ever adds tags, the row’s and the job’s, in both modes', () => {
    const data = dataOf(plan, ['+1 202 555 0143', '', '', '', '', '', 'new, vip']);
    const added = { field: 'tags', old: ['vip'], new: ['vip', 'new', 'Import 2024-05-01'] };
    expect(previewUpdate(contactA, data, false, ['Import 2024-05-01'])).toEqual([added]);
    expect(previewUpdate(contactA, data, true, ['Import 2024-05-01'])).toEqual([added]);
    expect(previewUpdate({ ...contactA, tags: ['vip', 'new', 'old'] }, data, false)).toEqual([]);
  });
});

describe('mergeDuplicateRows', () => {
  const plan = planOf([
    ['Phone', 'phone'],
    ['First Name', 'firstName'],
    ['Last Name', 'lastName'],
    ['Email', 'email'],
    ['Level', 'tier'],
    ['DOB', 'birthday'],
    ['Tags', 'tags'],
  ]);

  it('keeps the first value of each field, fills blanks from later rows and unites tags', () => {
    const rows = [
      dataOf(plan, ['+12025550143', 'Ann', '', '', 'Gold', '', 'a, b']),
      dataOf(plan, ['+1 202 555 0143', 'Anne', 'Lee', 'ann@example.com', 'Silver', '1990-05-01', 'b, c']),
      dataOf(plan, ['+12025550143', '', '', 'other@example.com', '', '', 'd']),
    ];
    expect(mergeDuplicateRows(rows)).toEqual({
      phone: { e164: '+12025550143', raw: '+12025550143', country: 'US' },
      firstName: 'Ann',
      lastName: 'Lee',
      email: { value: 'ann@example.com', raw: 'ann@example.com' },
      customFields: { tier: 'Gold', birthday: '1990-05-01' },
      tags: ['a', 'b', 'c', 'd'],
    });
  });

  it('keeps a full name given whole', () => {
    const named = addAllPlan([
      ['Name', 'name'],
      ['Last Name', 'lastName'],
    ]);
    expect(mergeDuplicateRows([dataOf(named, ['Ada King', '']), dataOf(named, ['', 'Lovelace'])])).toMatchObject({
      name: 'Ada King',
      lastName: 'Lovelace',
    });
  });

  it('gives empty data for no rows', () => {
    expect(mergeDuplicateRows([])).toEqual({ customFields: {}, tags: [] });
  });
});

describe('settleRow', () => {
  const phone = '+12025550143';
  const reviewed = (action: 'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR', contactId: string | null, createError: string | null = null) => ({
    identifier: phone,
    action,
    contactId,
    createError,
    createErrorCode: createError === null ? null : ('FIRST_NAME_REQUIRED' as const),
  });

  it('changes nothing when the contact book still says what it said at the review', () => {
    expect(settleRow(reviewed('CREATE', 'new-id'), { count: 0, contactId: null }, 'ADD_AND_UPDATE')).toBeNull();
    expect(settleRow(reviewed('UPDATE', 'c1'), { count: 1, contactId: 'c1' }, 'ADD_AND_UPDATE')).toBeNull();
    expect(settleRow(reviewed('SKIP', null), { count: 0, contactId: null }, 'UPDATE_EXISTING_ONLY')).toBeNull();
    expect(settleRow(reviewed('ERROR', 'c1'), { count: 3, contactId: 'c1' }, 'ADD_AND_UPDATE')).toBeNull();
  });

  it('updates, or skips, a row whose identifier a contact took after the review', () => {
    expect(settleRow(reviewed('CREATE', 'new-id'), { count: 1, contactId: 'c9' }, 'ADD_AND_UPDATE')).toEqual({
      action: 'UPDATE',
      contactId: 'c9',
      reason: null,
      code: null,
      note: 'changed since the review: now matches an existing contact (added after the review)',
    });
    expect(settleRow(reviewed('CREATE', 'new-id'), { count: 1, contactId: 'c9' }, 'ADD_NEW_ONLY')).toMatchObject({
      action: 'SKIP',
      reason: 'a contact with this phone number already exists',
      code: 'CONTACT_EXISTS',
    });
  });

  it('creates, skips or fails a row whose contact is gone, by the purpose and what a new contact needs', () => {
    const gone = { count: 0, contactId: null };
    expect(settleRow(reviewed('UPDATE', 'c1'), gone, 'ADD_AND_UPDATE')).toMatchObject({ action: 'CREATE', contactId: null });
    expect(settleRow(reviewed('UPDATE', 'c1', 'this workspace requires a first name for new contacts'), gone, 'ADD_AND_UPDATE')).toMatchObject({
      action: 'ERROR',
      reason: 'this workspace requires a first name for new contacts',
      code: 'FIRST_NAME_REQUIRED',
    });
    expect(settleRow(reviewed('UPDATE', 'c1'), gone, 'UPDATE_EXISTING_ONLY')).toEqual({
      action: 'SKIP',
      contactId: null,
      reason: 'no contact with this phone number',
      code: 'NO_MATCHING_CONTACT',
      note: 'changed since the review: the contact that had this phone number was deleted or no longer has it',
    });
  });

  it('fails a row whose identifier became ambiguous, and updates one whose duplicates were merged', () => {
    expect(settleRow(reviewed('UPDATE', 'c1'), { count: 2, contactId: 'c1' }, 'ADD_AND_UPDATE')).toMatchObject({
      action: 'ERROR',
      code: 'AMBIGUOUS_MATCH',
      note: 'changed since the review: 2 contacts now have this phone number',
    });
    expect(settleRow(reviewed('ERROR', 'c1'), { count: 1, contactId: 'c1' }, 'ADD_AND_UPDATE')).toMatchObject({
      action: 'UPDATE',
      contactId: 'c1',
      note: 'changed since the review: the contacts that shared this phone number were merged or deleted',
    });
    expect(settleRow(reviewed('UPDATE', 'c1'), { count: 1, contactId: 'c2' }, 'ADD_AND_UPDATE')).toMatchObject({
      action: 'UPDATE',
      contactId: 'c2',
      note: 'changed since the review: this phone number now belongs to another contact',
    });
  });
});

describe('previewUpdate of a row matching a secondary detail', () => {
  it('lists no phone or email change: the values are already the contact’s', () => {
    const contact: ExistingContact = {
      firstName: 'Ann',
      lastName: null,
      name: 'Ann',
      country: null,
      customFields: {},
      tags: [],
      groups: [],
      phone: '+12025550143',
      email: 'ann@example.com',
      details: ['+12025550143', '+12025550199', 'ann@example.com', 'ann.work@example.com'],
    };
    const byPhone = planOf(
      [
        ['Phone', 'phone'],
        ['Email', 'email'],
      ],
      { identifier: 'PHONE' },
    );
    expect(previewUpdate(contact, dataOf(byPhone, ['+1 202 555 0199', 'ann.work@example.com']), false)).toEqual([]);
  });
});
