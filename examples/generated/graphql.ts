/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How a field value is checked and stored. */
export type FieldType =
  | 'BOOLEAN'
  | 'DATE'
  | 'DATETIME'
  | 'EMAIL'
  | 'MULTI_SELECT'
  | 'NUMBER'
  | 'PHONE'
  | 'SELECT'
  | 'TEXT'
  | 'URL';

/** What to do with one column: map it to a field, create a new custom field for it, or ignore it. */
export type ImportColumnInput = {
  /** A built-in or custom field key (or contactId, to identify contacts by id). */
  fieldKey?: string | null | undefined;
  ignore?: boolean | null | undefined;
  index: number;
  newField?: ImportNewFieldInput | null | undefined;
};

export type ImportIdentifier =
  | 'CONTACT_ID'
  | 'EMAIL'
  | 'PHONE';

export type ImportNewFieldInput = {
  label: string;
  options?: Array<string> | null | undefined;
  type: FieldType;
};

/** A phase of a job that moves rows; `ImportProgress` counts the rows of one of them. */
export type ImportPhase =
  /** Every contact the import touched is restored or deleted. The phase of REVERTING and REVERTED. */
  | 'REVERTING'
  /** Every row of the file is read and decided. The phase of MAPPING (not started), VALIDATING and REVIEW (done). */
  | 'VALIDATING'
  /** Every row is written, in batches of 5,000. The phase of QUEUED (not started), IMPORTING and COMPLETED (done). */
  | 'WRITING';

export type ImportPurpose =
  | 'ADD_ALL_DESPITE_DUPLICATES'
  | 'ADD_AND_UPDATE'
  | 'ADD_NEW_ONLY'
  | 'UPDATE_EXISTING_ONLY';

/** MAPPING → VALIDATING → REVIEW → QUEUED → IMPORTING → COMPLETED, or FAILED, CANCELLED, EXPIRED; REVERTING → REVERTED after an undo. */
export type ImportStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'EXPIRED'
  | 'FAILED'
  | 'IMPORTING'
  | 'MAPPING'
  | 'QUEUED'
  | 'REVERTED'
  | 'REVERTING'
  | 'REVIEW'
  | 'VALIDATING';

/** Rows of one file sharing an identifier: REJECT_ALL makes them all errors; KEEP_FIRST/KEEP_LAST import one; MERGE folds them into the first. */
export type InFileDuplicates =
  | 'KEEP_FIRST'
  | 'KEEP_LAST'
  | 'MERGE'
  | 'REJECT_ALL';

export type SetContactImportMappingInput = {
  /** Add the automatic tag naming this import (default true). */
  batchTag?: boolean | null | undefined;
  columns: Array<ImportColumnInput>;
  /** ISO 3166-1 alpha-2 country for phone numbers written without one. */
  defaultCountry?: string | null | undefined;
  /** Fill only empty fields of existing contacts, add tags without removing any. */
  doNotOverwrite?: boolean | null | undefined;
  /** Static groups the imported contacts join. */
  groupIds?: Array<string | number> | null | undefined;
  /** How existing contacts are recognised; none for ADD_ALL_DESPITE_DUPLICATES. */
  identifier?: ImportIdentifier | null | undefined;
  /** Default REJECT_ALL. */
  inFileDuplicates?: InFileDuplicates | null | undefined;
  jobId: string | number;
  /** A new static group, made by this import, that the contacts join. */
  newGroupName?: string | null | undefined;
  purpose: ImportPurpose;
  /** Tags every imported contact gets. */
  tags?: Array<string> | null | undefined;
};

/** Give either a file (a CSV or XLSX upload, GraphQL multipart request) or text pasted from a spreadsheet. */
export type StartContactImportInput = {
  file?: File | null | undefined;
  /** A name for the import; defaults to the uploaded file name. */
  fileName?: string | null | undefined;
  /** For text: whether the first line is a header. When not given, it is one unless it reads like data (a cell that is an email, phone number, number, date or TRUE/FALSE, or a blank or repeated cell). */
  hasHeader?: boolean | null | undefined;
  /** For an XLSX file: the sheet to import (ignoring case); default the first visible sheet. */
  sheetName?: string | null | undefined;
  /** Lines of tab- or comma-separated values, with or without a header line. */
  text?: string | null | undefined;
};

export type ExampleStartImportMutationVariables = Exact<{
  input: StartContactImportInput;
}>;


export type ExampleStartImportMutation = { startContactImport:
    | { __typename: 'ImportJob', id: string, totalRows: number, columns: Array<{ index: number, header: string, suggestedFieldKey: string | null }> }
    | { __typename: 'LimitExceededError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type ExampleMapColumnsMutationVariables = Exact<{
  input: SetContactImportMappingInput;
}>;


export type ExampleMapColumnsMutation = { setContactImportMapping:
    | { __typename: 'ImportJob', status: ImportStatus }
    | { __typename: 'InvalidStateError', message: string }
    | { __typename: 'LimitExceededError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type ExampleReviewQueryVariables = Exact<{
  jobId: string | number;
}>;


export type ExampleReviewQuery = { importJob:
    | { __typename: 'ImportJob', errorFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number }, skipReasons: Array<{ reason: string, count: number }> }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type ExampleConfirmMutationVariables = Exact<{
  jobId: string | number;
}>;


export type ExampleConfirmMutation = { confirmContactImport:
    | { __typename: 'ImportJob', status: ImportStatus }
    | { __typename: 'InvalidStateError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type ExampleProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type ExampleProgressSubscription = { contactImportProgress: { status: ImportStatus, failureReason: string | null, resultFileUrl: string | null, progress: { phase: ImportPhase, processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null }, counts: { created: number, updated: number, skipped: number, failed: number } } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ExampleStartImportDocument = new TypedDocumentString(`
    mutation ExampleStartImport($input: StartContactImportInput!) {
  startContactImport(input: $input) {
    __typename
    ... on ImportJob {
      id
      totalRows
      columns {
        index
        header
        suggestedFieldKey
      }
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExampleStartImportMutation, ExampleStartImportMutationVariables>;
export const ExampleMapColumnsDocument = new TypedDocumentString(`
    mutation ExampleMapColumns($input: SetContactImportMappingInput!) {
  setContactImportMapping(input: $input) {
    __typename
    ... on ImportJob {
      status
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExampleMapColumnsMutation, ExampleMapColumnsMutationVariables>;
export const ExampleReviewDocument = new TypedDocumentString(`
    query ExampleReview($jobId: ID!) {
  importJob(id: $jobId) {
    __typename
    ... on ImportJob {
      counts {
        toCreate
        toUpdate
        toSkip
        errors
      }
      skipReasons {
        reason
        count
      }
      errorFileUrl
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExampleReviewQuery, ExampleReviewQueryVariables>;
export const ExampleConfirmDocument = new TypedDocumentString(`
    mutation ExampleConfirm($jobId: ID!) {
  confirmContactImport(jobId: $jobId) {
    __typename
    ... on ImportJob {
      status
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ExampleConfirmMutation, ExampleConfirmMutationVariables>;
export const ExampleProgressDocument = new TypedDocumentString(`
    subscription ExampleProgress($jobId: ID!) {
  contactImportProgress(jobId: $jobId) {
    status
    failureReason
    progress {
      phase
      processedRows
      totalRows
      rowsPerSecond
      etaSeconds
    }
    counts {
      created
      updated
      skipped
      failed
    }
    resultFileUrl
  }
}
    `) as unknown as TypedDocumentString<ExampleProgressSubscription, ExampleProgressSubscriptionVariables>;