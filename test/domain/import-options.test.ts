/**
 * The mapping step's rules, input by input (columns, fields, purpose, identifier, options, new
 * fields): one table of cases against one set of fields; over 400 lines for that reason.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError, type InputIssue } from '../../src/domain/errors.ts';
import type { CustomFieldDefinition } from '../../src/domain/field-definition.ts';
import { BUILT_IN_FIELDS } from '../../src/domain/field-key.ts';
import { suggestColumns } from '../../src/domain/import-column-suggestions.ts';
import {
  CONTACT_ID_COLUMN,
  purposeCreates,
  purposeUpdates,
  type ImportOptionsInput,
  type ImportPlanContext,
} from '../../src/domain/import-options.ts';
import { planImport } from '../../src/domain/import-plan.ts';
import { importBatchTag, normalizeTag } from '../../src/domain/tag.ts';

const CUSTOM_FIELDS: CustomFieldDefinition[] = [
  { key: 'tier', label: 'Tier', type: 'SELECT', options: ['Gold', 'Silver'] },
  { key: 'birthday', label: 'Birthday', type: 'DATE', options: [] },
];

/** Phone is column 2 and Mobile column 4, as in the message the rules are specified with. */
const HEADERS = ['Name', 'Phone', 'Email', 'Mobile', 'Country', 'Country Code', 'Tier', 'Notes', 'ID'];

function context(overrides: Partial<ImportPlanContext> = {}): ImportPlanContext {
  return { headers: HEADERS, customFields: CUSTOM_FIELDS, customFieldLimit: 100, ...overrides };
}

/** A valid input: Name → name, Phone → phone, identified by phone, adding and updating. */
function input(overrides: Partial<ImportOptionsInput> = {}): ImportOptionsInput {
  return {
    columns: [
      { index: 0, fieldKey: 'name' },
      { index: 1, fieldKey: 'phone' },
    ],
    purpose: 'ADD_AND_UPDATE',
    identifier: 'PHONE',
    ...overrides,
  };
}

/** The issues of an input that must be rejected. */
function issuesOf(options: ImportOptionsInput, ctx: ImportPlanContext = context()): InputIssue[] {
  try {
    planImport(options, ctx);
  } catch (error) {
    // Each issue's path, code and message; the params are checked where they matter.
    if (error instanceof ValidationError) return error.issues.map(({ path, code, message }) => ({ path, code, message }));
    throw error;
  }
  throw new Error('the input was accepted');
}

describe('planImport: a valid mapping', () => {
  it('returns the normalized plan with defaults, mapped columns only, in column order', () => {
    const plan = planImport(
      input({
        columns: [
          { index: 6, fieldKey: 'tier' },
          { index: 1, fieldKey: 'phone' },
          { index: 0, fieldKey: 'name' },
          { index: 7, ignore: true },
        ],
      }),
      context(),
    );
    expect(plan).toEqual({
      version: 1,
      columns: [
        { index: 0, header: 'Name', target: { kind: 'field', key: 'name', type: 'TEXT', label: 'Name', options: [] } },
        { index: 1, header: 'Phone', target: { kind: 'field', key: 'phone', type: 'PHONE', label: 'Phone number', options: [] } },
        { index: 6, header: 'Tier', target: { kind: 'field', key: 'tier', type: 'SELECT', label: 'Tier', options: ['Gold', 'Silver'] } },
      ],
      newFields: [],
      purpose: 'ADD_AND_UPDATE',
      identifier: 'PHONE',
      doNotOverwrite: false,
      defaultCountry: null,
      tags: [],
      batchTag: true,
      groupIds: [],
      newGroupName: null,
      inFileDuplicates: 'REJECT_ALL',
    });
  });

  it('is plain JSON, as stored in the job row', () => {
    const plan = planImport(input({ columns: [...input().columns, { index: 7, newField: { label: 'Notes', type: 'TEXT' } }] }), context());
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it('does not share option lists with the workspace fields it was given', () => {
    const plan = planImport(input({ columns: [...input().columns, { index: 6, fieldKey: 'tier' }] }), context());
    const target = plan.columns[2]!.target;
    expect(target.kind === 'field' && target.options).not.toBe(CUSTOM_FIELDS[0]!.options);
  });

  it('accepts country and countryCode mapped together', () => {
    const plan = planImport(
      input({ columns: [...input().columns, { index: 4, fieldKey: 'country' }, { index: 5, fieldKey: 'countryCode' }] }),
      context(),
    );
    expect(plan.columns.map((column) => column.target.kind === 'field' && column.target.key)).toEqual(['name', 'phone', 'country', 'countryCode']);
  });

  it('ignores columns that are not listed', () => {
    const plan = planImport(input({ columns: [{ index: 1, fieldKey: 'phone' }] }), context());
    expect(plan.columns.map((column) => column.index)).toEqual([1]);
  });
});

describe('planImport: columns', () => {
  it('names a column index that does not exist', () => {
    expect(
      issuesOf(input({ columns: [...input().columns, { index: 9, fieldKey: 'email' }, { index: -1, ignore: true }, { index: 1.5, ignore: true }] })),
    ).toEqual([
      { path: ['columns', '2', 'index'], code: 'OUT_OF_RANGE', message: 'column index 9 does not exist: the file has 9 columns, numbered from 0' },
      { path: ['columns', '3', 'index'], code: 'OUT_OF_RANGE', message: 'column index -1 does not exist: the file has 9 columns, numbered from 0' },
      { path: ['columns', '4', 'index'], code: 'OUT_OF_RANGE', message: 'column index 1.5 does not exist: the file has 9 columns, numbered from 0' },
    ]);
  });

  it('refuses a column listed twice', () => {
    expect(issuesOf(input({ columns: [...input().columns, { index: 1, ignore: true }] }))).toEqual([
      { path: ['columns', '2', 'index'], code: 'DUPLICATE_VALUE', message: 'column 2 "Phone" is listed more than once (also at columns.1)' },
    ]);
  });

  it('wants exactly one of a field, a new field or ignore', () => {
    expect(
      issuesOf(
        input({
          columns: [
            ...input().columns,
            { index: 2 },
            { index: 3, ignore: false },
            { index: 4, fieldKey: 'country', ignore: true },
            { index: 7, fieldKey: 'email', newField: { label: 'Notes', type: 'TEXT' } },
          ],
        }),
      ),
    ).toEqual([
      { path: ['columns', '2'], code: 'ONE_OF', message: 'column 3 "Email": choose a field, a new field or ignore' },
      { path: ['columns', '3'], code: 'ONE_OF', message: 'column 4 "Mobile": choose a field, a new field or ignore' },
      { path: ['columns', '4'], code: 'ONE_OF', message: 'column 5 "Country": choose only one of a field, a new field or ignore' },
      { path: ['columns', '5'], code: 'ONE_OF', message: 'column 8 "Notes": choose only one of a field, a new field or ignore' },
    ]);
  });

  it('maps each field once, naming the column that has it', () => {
    expect(issuesOf(input({ columns: [...input().columns, { index: 2, fieldKey: 'email' }, { index: 3, fieldKey: 'phone' }] }))).toEqual([
      { path: ['columns', '3'], code: 'FIELD_ALREADY_MAPPED', message: 'column 4 "Mobile": the field phone is already mapped to column 2 "Phone"' },
    ]);
  });

  it('lets the leftmost column keep a field whatever order the columns are listed in', () => {
    expect(
      issuesOf(
        input({
          columns: [
            { index: 3, fieldKey: 'phone' },
            { index: 1, fieldKey: 'phone' },
          ],
        }),
      ),
    ).toEqual([
      { path: ['columns', '0'], code: 'FIELD_ALREADY_MAPPED', message: 'column 4 "Mobile": the field phone is already mapped to column 2 "Phone"' },
    ]);
  });

  it('accepts only built-in and existing custom field keys, hinting at a wrong case', () => {
    expect(issuesOf(input({ columns: [...input().columns, { index: 2, fieldKey: 'Email' }, { index: 7, fieldKey: 'notes' }] }))).toEqual([
      {
        path: ['columns', '2', 'fieldKey'],
        code: 'UNKNOWN_FIELD',
        message: 'column 3 "Email": there is no field with the key "Email" (keys are case-sensitive: did you mean "email"?)',
      },
      { path: ['columns', '3', 'fieldKey'], code: 'UNKNOWN_FIELD', message: 'column 8 "Notes": there is no field with the key "notes"' },
    ]);
  });

  it('wants at least one column mapped', () => {
    const message = { path: ['columns'], code: 'REQUIRED', message: 'map at least one column to a field' };
    expect(issuesOf(input({ columns: [], purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: null }))).toEqual([message]);
    expect(issuesOf(input({ columns: [{ index: 0, ignore: true }], purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: null }))).toEqual([message]);
  });
});

describe('planImport: new fields', () => {
  it('creates a field keyed by the slug of its label, with its options cleaned', () => {
    const plan = planImport(
      input({ columns: [...input().columns, { index: 7, newField: { label: '  Customer   Notes ', type: 'SELECT', options: [' Hot ', 'Cold'] } }] }),
      context(),
    );
    const field = { key: 'customerNotes', label: 'Customer Notes', type: 'SELECT', options: ['Hot', 'Cold'] };
    expect(plan.newFields).toEqual([field]);
    expect(plan.columns[2]).toEqual({ index: 7, header: 'Notes', target: { kind: 'field', ...field } });
  });

  it('refuses a new field that is a built-in or existing field, or whose options are wrong', () => {
    expect(
      issuesOf(
        input({
          columns: [
            ...input().columns,
            { index: 3, newField: { label: 'Phone', type: 'TEXT' } },
            { index: 6, newField: { label: 'birthday', type: 'DATE' } },
            { index: 7, newField: { label: 'Notes', type: 'SELECT', options: ['A', ' '] } },
            { index: 8, newField: { label: '   ', type: 'TEXT' } },
          ],
        }),
      ),
    ).toEqual([
      {
        path: ['columns', '2', 'newField', 'label'],
        code: 'FIELD_KEY_TAKEN',
        message: 'column 4 "Mobile": "Phone" would be the key "phone" of a built-in field: map the column to that field instead',
      },
      {
        path: ['columns', '3', 'newField', 'label'],
        code: 'FIELD_KEY_TAKEN',
        message: 'column 7 "Tier": a custom field "Birthday" (key "birthday") already exists: map the column to that field instead',
      },
      { path: ['columns', '4', 'newField', 'options', '1'], code: 'REQUIRED', message: 'column 8 "Notes": an option cannot be blank' },
      { path: ['columns', '5', 'newField', 'label'], code: 'REQUIRED', message: 'column 9 "ID": a field needs a label' },
    ]);
  });

  it('refuses two new fields with the same key', () => {
    expect(
      issuesOf(
        input({
          columns: [
            ...input().columns,
            { index: 7, newField: { label: 'Notes', type: 'TEXT' } },
            { index: 8, newField: { label: 'notes!', type: 'TEXT' } },
          ],
        }),
      ),
    ).toEqual([
      {
        path: ['columns', '3'],
        code: 'FIELD_KEY_TAKEN',
        message: 'column 9 "ID": the new field "notes!" would have the key notes, the same as the new field "Notes" of column 8 "Notes"',
      },
    ]);
  });

  it('refuses a key differing only by case from an existing field', () => {
    const fields: CustomFieldDefinition[] = [{ key: 'foobar', label: 'Foobar', type: 'TEXT', options: [] }];
    expect(
      issuesOf(
        input({ columns: [...input().columns, { index: 7, newField: { label: 'Foo Bar', type: 'TEXT' } }] }),
        context({ customFields: fields }),
      ),
    ).toEqual([
      {
        path: ['columns', '2', 'newField', 'label'],
        code: 'FIELD_LABEL_TAKEN',
        message:
          'column 8 "Notes": "Foo Bar" reads like the custom field "Foobar" (key foobar): use that field, or choose a label that differs in more than case, spaces or punctuation',
      },
    ]);
  });

  it('keeps contactId for contact ids', () => {
    expect(issuesOf(input({ columns: [...input().columns, { index: 8, newField: { label: 'Contact ID', type: 'TEXT' } }] }))).toEqual([
      {
        path: ['columns', '2', 'newField', 'label'],
        code: 'FIELD_KEY_TAKEN',
        message: 'column 9 "ID": "Contact ID" would have the key contactId, which imports use for contact ids: choose another label',
      },
    ]);
  });

  it('refuses an unknown type', () => {
    const columns = [...input().columns, { index: 7, newField: { label: 'Notes', type: 'STRING' as never } }];
    expect(issuesOf(input({ columns }))).toEqual([
      { path: ['columns', '2', 'newField', 'type'], code: 'INVALID_CHOICE', message: 'column 8 "Notes": "STRING" is not a field type' },
    ]);
  });

  it('counts the new fields against the custom field limit', () => {
    const columns = [
      ...input().columns,
      { index: 7, newField: { label: 'Notes', type: 'TEXT' as const } },
      { index: 8, newField: { label: 'Legacy ID', type: 'TEXT' as const } },
    ];
    expect(planImport(input({ columns }), context({ customFieldLimit: 4 })).newFields).toHaveLength(2);
    expect(issuesOf(input({ columns }), context({ customFieldLimit: 3 }))).toEqual([
      {
        path: ['columns'],
        code: 'FIELD_LIMIT_REACHED',
        message: 'this mapping creates 2 new fields, but the workspace has 2 custom fields of its limit of 3 (room for 1)',
      },
    ]);
  });
});

describe('planImport: purpose and identifier', () => {
  it('requires an identifier except when adding all despite duplicates, where there is none', () => {
    expect(issuesOf(input({ identifier: null }))).toEqual([
      { path: ['identifier'], code: 'REQUIRED', message: 'choose an identifier (PHONE, EMAIL or CONTACT_ID) to recognise existing contacts' },
    ]);
    expect(issuesOf(input({ purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: 'PHONE' }))).toEqual([
      {
        path: ['identifier'],
        code: 'NOT_APPLICABLE',
        message: 'an import that adds all contacts despite duplicates uses no identifier: every row makes a new contact',
      },
    ]);
    const plan = planImport(input({ purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: null, inFileDuplicates: 'MERGE' }), context());
    expect(plan).toMatchObject({ identifier: null, inFileDuplicates: null });
  });

  it('requires the identifier column to be mapped', () => {
    expect(issuesOf(input({ identifier: 'EMAIL' }))).toEqual([
      { path: ['identifier'], code: 'IDENTIFIER_NOT_MAPPED', message: 'the identifier EMAIL needs a column mapped to email' },
    ]);
  });

  it('allows CONTACT_ID only when updating existing contacts only, with a contactId column', () => {
    const columns = [...input().columns, { index: 8, fieldKey: 'contactId' }];
    const plan = planImport(input({ columns, purpose: 'UPDATE_EXISTING_ONLY', identifier: 'CONTACT_ID' }), context());
    expect(plan.columns[2]).toEqual({ index: 8, header: 'ID', target: { kind: 'contactId' } });
    expect(issuesOf(input({ columns, purpose: 'ADD_AND_UPDATE', identifier: 'CONTACT_ID' }))).toEqual([
      {
        path: ['identifier'],
        code: 'NOT_APPLICABLE',
        message: 'CONTACT_ID identifies contacts only in an UPDATE_EXISTING_ONLY import: a new contact has no id yet',
      },
    ]);
    expect(issuesOf(input({ purpose: 'UPDATE_EXISTING_ONLY', identifier: 'CONTACT_ID' }))).toEqual([
      { path: ['identifier'], code: 'IDENTIFIER_NOT_MAPPED', message: 'the identifier CONTACT_ID needs a column mapped to contactId' },
    ]);
  });

  it('refuses a contact id column with another identifier', () => {
    expect(issuesOf(input({ columns: [...input().columns, { index: 8, fieldKey: 'contactId' }] }))).toEqual([
      { path: ['columns', '2'], code: 'NOT_APPLICABLE', message: 'column 9 "ID": a contact id column is used only with the CONTACT_ID identifier' },
    ]);
  });

  it('refuses values outside the enums', () => {
    expect(issuesOf(input({ purpose: 'ADD' as never, identifier: 'NAME' as never, inFileDuplicates: 'FIRST' as never }))).toEqual([
      {
        path: ['purpose'],
        code: 'INVALID_CHOICE',
        message: '"ADD" is not an import purpose (ADD_NEW_ONLY, UPDATE_EXISTING_ONLY, ADD_AND_UPDATE, ADD_ALL_DESPITE_DUPLICATES)',
      },
      { path: ['identifier'], code: 'INVALID_CHOICE', message: '"NAME" is not an identifier (PHONE, EMAIL, CONTACT_ID)' },
      { path: ['inFileDuplicates'], code: 'INVALID_CHOICE', message: '"FIRST" is not one of REJECT_ALL, KEEP_FIRST, KEEP_LAST, MERGE' },
    ]);
  });

  it('keeps doNotOverwrite only for purposes that update', () => {
    expect(planImport(input({ doNotOverwrite: true }), context()).doNotOverwrite).toBe(true);
    expect(planImport(input({ doNotOverwrite: true, purpose: 'UPDATE_EXISTING_ONLY' }), context()).doNotOverwrite).toBe(true);
    expect(planImport(input({ doNotOverwrite: true, purpose: 'ADD_NEW_ONLY' }), context()).doNotOverwrite).toBe(false);
    expect(planImport(input({ doNotOverwrite: true, purpose: 'ADD_ALL_DESPITE_DUPLICATES', identifier: null }), context()).doNotOverwrite).toBe(
      false,
    );
  });

  it('says which purposes create and which update', () => {
    expect(
      ['ADD_NEW_ONLY', 'UPDATE_EXISTING_ONLY', 'ADD_AND_UPDATE', 'ADD_ALL_DESPITE_DUPLICATES'].map((p) => [
        purposeCreates(p as never),
        purposeUpdates(p as never),
      ]),
    ).toEqual([
      [true, false],
      [false, true],
      [true, true],
      [true, false],
    ]);
  });
});

describe('planImport: options', () => {
  it('stores the default country upper-cased; a blank one is none', () => {
    expect(planImport(input({ defaultCountry: ' gb ' }), context()).defaultCountry).toBe('GB');
    expect(planImport(input({ defaultCountry: '' }), context()).defaultCountry).toBeNull();
  });

  it('refuses a default country that is not one, or cannot read phone numbers', () => {
    expect(issuesOf(input({ defaultCountry: 'UK' }))).toEqual([
      { path: ['defaultCountry'], code: 'INVALID_COUNTRY', message: '"UK" is not a country code (expected ISO 3166-1 alpha-2, e.g. US or GB)' },
    ]);
    expect(issuesOf(input({ defaultCountry: 'AQ' }))).toEqual([
      { path: ['defaultCountry'], code: 'INVALID_COUNTRY', message: 'AQ has no phone numbering plan, so phone numbers cannot be read in it' },
    ]);
  });

  it('trims, collapses and deduplicates tags, refusing blank ones', () => {
    expect(planImport(input({ tags: [' vip ', 'spring  sale', 'vip'] }), context()).tags).toEqual(['vip', 'spring sale']);
    expect(issuesOf(input({ tags: ['vip', '  ', 'x'.repeat(101)] }))).toEqual([
      { path: ['tags', '1'], code: 'REQUIRED', message: 'a tag cannot be blank' },
      { path: ['tags', '2'], code: 'TOO_LONG', message: `"${'x'.repeat(80)}…" is longer than 100 characters, the most a tag may have` },
    ]);
  });

  it('keeps the batch tag unless turned off', () => {
    expect(planImport(input({ batchTag: null }), context()).batchTag).toBe(true);
    expect(planImport(input({ batchTag: false }), context()).batchTag).toBe(false);
  });

  it('takes group ids as ids, lower-cased and once, with a new group alongside', () => {
    const id = '3F2504E0-4F89-41D3-9A0C-0305E82C3301';
    const plan = planImport(input({ groupIds: [id, id.toLowerCase()], newGroupName: '  Spring   leads ' }), context());
    expect(plan.groupIds).toEqual([id.toLowerCase()]);
    expect(plan.newGroupName).toBe('Spring leads');
    expect(issuesOf(input({ groupIds: ['42'], newGroupName: ' ' }))).toEqual([
      { path: ['groupIds', '0'], code: 'INVALID_ID', message: '"42" is not a valid id' },
      { path: ['newGroupName'], code: 'REQUIRED', message: 'a new group needs a name' },
    ]);
  });

  it('defaults in-file duplicates to REJECT_ALL and keeps a choice', () => {
    expect(planImport(input({ inFileDuplicates: 'KEEP_LAST' }), context()).inFileDuplicates).toBe('KEEP_LAST');
    expect(planImport(input({ inFileDuplicates: null }), context()).inFileDuplicates).toBe('REJECT_ALL');
  });

  it('lists every problem at once in one ValidationError', () => {
    const options = input({
      columns: [{ index: 3, fieldKey: 'phne' }],
      identifier: 'EMAIL',
      defaultCountry: 'ZZ',
      tags: [''],
    });
    expect(() => planImport(options, context())).toThrow(ValidationError);
    expect(issuesOf(options).map((issue) => issue.path.join('.'))).toEqual(['columns.0.fieldKey', 'identifier', 'defaultCountry', 'tags.0']);
  });
});

describe('normalizeTag', () => {
  it('trims and collapses whitespace', () => {
    expect(normalizeTag('  Spring \t sale ')).toEqual({ ok: true, value: 'Spring sale' });
  });

  it('refuses blank and overlong tags', () => {
    expect(normalizeTag(' ')).toEqual({ ok: false, code: 'REQUIRED', error: 'a tag cannot be blank' });
    expect(normalizeTag('x'.repeat(100))).toMatchObject({ ok: true });
    expect(normalizeTag('x'.repeat(101))).toMatchObject({ ok: false, code: 'TOO_LONG', params: { limit: 100, length: 101 } });
  });
});

describe('importBatchTag', () => {
  const createdAt = new Date('2026-11-22T06:23:41Z');

  it('names the import by its start and file, and keeps two imports of one file in one minute apart', () => {
    const first = importBatchTag({ id: '0a1b2c3d-0000-4000-8000-000000000000', createdAt, fileName: 'contacts.csv' });
    const second = importBatchTag({ id: '9f8e7d6c-0000-4000-8000-000000000000', createdAt, fileName: 'contacts.csv' });
    expect(first).toBe('Import 2026-11-22 06:23 contacts.csv #0a1b2c3d');
    expect(second).not.toBe(first);
  });

  it('shortens a long file name, never the id that tells imports apart', () => {
    const tag = importBatchTag({ id: '0a1b2c3d-0000-4000-8000-000000000000', createdAt, fileName: `${'x'.repeat(200)}.csv` });
    expect(tag).toHaveLength(100);
    expect(tag.endsWith(' #0a1b2c3d')).toBe(true);
    expect(normalizeTag(tag)).toEqual({ ok: true, value: tag });
  });
});

describe('suggestColumns', () => {
  it('suggests each field for one column at most: the most confident match keeps it', () => {
    const columns = suggestColumns(['Mobile', 'E-mail', 'Phone Number', 'Given name', 'Surname', 'Favourite colour'], [], BUILT_IN_FIELDS);
    expect(columns.map(({ header, suggestedFieldKey, confidence, needsDecision }) => [header, suggestedFieldKey, confidence, needsDecision])).toEqual(
      [
        ['Mobile', null, null, true],
        ['E-mail', 'email', 1, false],
        ['Phone Number', 'phone', 1, false],
        ['Given name', 'firstName', 0.9, false],
        ['Surname', 'lastName', 0.9, false],
        ['Favourite colour', null, null, true],
      ],
    );
  });

  it('gives a tie to the leftmost column', () => {
    const columns = suggestColumns(['Cell', 'Mobile', 'Tel'], [], BUILT_IN_FIELDS);
    expect(columns.map((column) => column.suggestedFieldKey)).toEqual(['phone', null, null]);
    expect(columns.map((column) => column.needsDecision)).toEqual([false, true, true]);
  });

  it('takes each column’s samples from the sample rows, blank where a row is short', () => {
    const columns = suggestColumns(['Name', 'Phone'], [['Ann', '+1 202 555 0143'], ['Bob']], BUILT_IN_FIELDS);
    expect(columns).toEqual([
      { index: 0, header: 'Name', samples: ['Ann', 'Bob'], suggestedFieldKey: 'name', confidence: 1, needsDecision: false },
      { index: 1, header: 'Phone', samples: ['+1 202 555 0143', ''], suggestedFieldKey: 'phone', confidence: 1, needsDecision: false },
    ]);
  });

  it('matches custom fields after the built-in ones, and contact ids when asked', () => {
    const columns = suggestColumns(['Tier', 'Contact ID', 'Birthday'], [], [...BUILT_IN_FIELDS, ...CUSTOM_FIELDS, CONTACT_ID_COLUMN]);
    expect(columns.map((column) => column.suggestedFieldKey)).toEqual(['tier', 'contactId', 'birthday']);
  });
});
