import type { CustomFieldDefinition } from './field-definition.ts';
import { CONTACT_ID_KEY, type MatchableField } from './field-key.ts';
import type { FieldType } from './field-value.ts';

/**
 * The mapping step of an import: the options a client chooses, and the {@link ImportPlan} the
 * validator and the writer follow once planImport (import-plan.ts) has checked them against the
 * file's headers and the workspace's fields. Mapping happens once per job, so those checks throw;
 * the per-row rules are in import-row.ts and never do.
 */

/** What an import does with the rows of its file. */
export const IMPORT_PURPOSES = ['ADD_NEW_ONLY', 'UPDATE_EXISTING_ONLY', 'ADD_AND_UPDATE', 'ADD_ALL_DESPITE_DUPLICATES'] as const;
export type ImportPurpose = (typeof IMPORT_PURPOSES)[number];

/** What recognises an existing contact. CONTACT_ID only for update-only imports. */
export const IMPORT_IDENTIFIERS = ['PHONE', 'EMAIL', 'CONTACT_ID'] as const;
export type ImportIdentifier = (typeof IMPORT_IDENTIFIERS)[number];

/** What to do with rows of one file that share an identifier. */
export const IN_FILE_DUPLICATES = ['REJECT_ALL', 'KEEP_FIRST', 'KEEP_LAST', 'MERGE'] as const;
export type InFileDuplicates = (typeof IN_FILE_DUPLICATES)[number];

/** Every row sharing an identifier with another row is an error. */
export const DEFAULT_IN_FILE_DUPLICATES: InFileDuplicates = 'REJECT_ALL';

/** The mapping key of the column an identifier reads; {@link CONTACT_ID_KEY} is import-only. */
export const IDENTIFIER_KEYS = {
  PHONE: 'phone',
  EMAIL: 'email',
  CONTACT_ID: CONTACT_ID_KEY,
} as const satisfies Record<ImportIdentifier, string>;

/**
 * A column a client may map to Switchboard contact ids. Not a field: pass it to
 * suggestColumns (import-column-suggestions.ts) after the fields when a "Contact ID" header should be recognised.
 */
export const CONTACT_ID_COLUMN: MatchableField = { key: CONTACT_ID_KEY, label: 'Contact ID', synonyms: [] };

/** Whether a purpose may change existing contacts (and so whether `doNotOverwrite` means anything). */
export function purposeUpdates(purpose: ImportPurpose): boolean {
  return purpose === 'UPDATE_EXISTING_ONLY' || purpose === 'ADD_AND_UPDATE';
}

/** Whether a purpose may create contacts (and so whether the "new contact needs" rules apply). */
export function purposeCreates(purpose: ImportPurpose): boolean {
  return purpose !== 'UPDATE_EXISTING_ONLY';
}

/** A custom field the import creates for a column. */
export interface NewFieldInput {
  label: string;
  type: FieldType;
  options?: string[] | null;
}

/** One column's mapping as the client sends it: exactly one of `fieldKey`, `newField`, `ignore: true`. */
export interface ColumnMappingInput {
  /** Zero-based position of the column in the file. */
  index: number;
  /** A built-in field key, an existing custom field key, or {@link CONTACT_ID_KEY}. */
  fieldKey?: string | null;
  newField?: NewFieldInput | null;
  ignore?: boolean | null;
}

/** The mapping and options of `setContactImportMapping`; clients rely on their names. */
export interface ImportOptionsInput {
  /** Columns not listed are ignored. */
  columns: ColumnMappingInput[];
  purpose: ImportPurpose;
  /** Required, except for ADD_ALL_DESPITE_DUPLICATES, where it must be absent. */
  identifier?: ImportIdentifier | null;
  /** Fill only empty fields of existing contacts. Ignored (stored as false) by purposes that do not update. */
  doNotOverwrite?: boolean | null;
  /** ISO 3166-1 alpha-2 country that phone numbers written without `+` are read in, after the row's own hints. */
  defaultCountry?: string | null;
  /** Tags added to every contact the import creates or updates. */
  tags?: string[] | null;
  /** Whether the automatic batch tag of this import is added too (default true; a client may leave it out). */
  batchTag?: boolean | null;
  /** Existing groups the contacts join; the service checks that they exist. */
  groupIds?: string[] | null;
  /** A group the import creates and puts the contacts in; may be combined with `groupIds`. */
  newGroupName?: string | null;
  /** Default REJECT_ALL. Ignored (stored as null) by ADD_ALL_DESPITE_DUPLICATES, which has no identifier to compare. */
  inFileDuplicates?: InFileDuplicates | null;
}

/** What planImport (import-plan.ts) checks the input against. */
export interface ImportPlanContext {
  /** The file's headers, in column order. */
  headers: readonly string[];
  /** The workspace's custom fields. */
  customFields: readonly CustomFieldDefinition[];
  /** The workspace's custom field limit; the fields this import creates count towards it. */
  customFieldLimit: number;
}

/** A column read into a contact field: built-in, existing custom, or one in {@link ImportPlan.newFields}. */
export interface FieldTarget {
  kind: 'field';
  key: string;
  type: FieldType;
  label: string;
  /** The options of a SELECT or MULTI_SELECT field; empty otherwise. */
  options: string[];
}

/** A column of Switchboard contact ids, used to find the contact to update (CONTACT_ID identifier). */
export interface ContactIdTarget {
  kind: 'contactId';
}

export type ColumnTarget = FieldTarget | ContactIdTarget;

/** A mapped column. */
export interface PlannedColumn {
  index: number;
  header: string;
  target: ColumnTarget;
}

/** Bumped when the shape of {@link ImportPlan} changes, so a stored plan can be told from a newer one. */
export const IMPORT_PLAN_VERSION = 1;

/**
 * The checked, normalized mapping and options of an import. Plain JSON (no Dates, Maps or classes):
 * it is stored in the job row and read back by the validator and the writer, possibly in another
 * process.
 */
export interface ImportPlan {
  version: typeof IMPORT_PLAN_VERSION;
  /** Mapped columns only, in column order. */
  columns: PlannedColumn[];
  /** Custom fields to create before the write, in column order. Their keys are final. */
  newFields: CustomFieldDefinition[];
  purpose: ImportPurpose;
  /** Null exactly when the purpose is ADD_ALL_DESPITE_DUPLICATES. */
  identifier: ImportIdentifier | null;
  /** Always false for purposes that do not update. */
  doNotOverwrite: boolean;
  /** Upper-case alpha-2 with a phone numbering plan, or null. */
  defaultCountry: string | null;
  /** Trimmed, non-blank, without duplicates. */
  tags: string[];
  batchTag: boolean;
  /** Lower-cased ids, without duplicates; not yet checked to exist. */
  groupIds: string[];
  newGroupName: string | null;
  /** Null for ADD_ALL_DESPITE_DUPLICATES, which has no identifier to find duplicates by. */
  inFileDuplicates: InFileDuplicates | null;
}
