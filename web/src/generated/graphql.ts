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

/** STATIC groups hold explicit members; DYNAMIC groups are a saved filter resolved when read. */
export type GroupType =
  | 'DYNAMIC'
  | 'STATIC';

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

export type ImportPurpose =
  | 'ADD_ALL_DESPITE_DUPLICATES'
  | 'ADD_AND_UPDATE'
  | 'ADD_NEW_ONLY'
  | 'UPDATE_EXISTING_ONLY';

/** What the import reads. */
export type ImportSourceKind =
  | 'CSV'
  | 'TEXT'
  | 'XLSX';

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

export type WizardJobFragment = { id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } };

export type WizardWorkspaceQueryVariables = Exact<{ [key: string]: never; }>;


export type WizardWorkspaceQuery = { workspace: { name: string, importMaxBytes: number, importMaxRows: number }, fields: Array<{ key: string, label: string, type: FieldType, builtIn: boolean }>, groups: { edges: Array<{ node: { id: string, name: string, type: GroupType } }> } };

export type WizardStartImportMutationVariables = Exact<{
  input: StartContactImportInput;
}>;


export type WizardStartImportMutation = { startContactImport:
    | { __typename: 'ImportJob', id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, columns: Array<{ index: number, header: string, samples: Array<string>, suggestedFieldKey: string | null, confidence: number | null, needsDecision: boolean }>, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } }
    | { __typename: 'LimitExceededError', message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type WizardSetMappingMutationVariables = Exact<{
  input: SetContactImportMappingInput;
}>;


export type WizardSetMappingMutation = { setContactImportMapping:
    | { __typename: 'ImportJob', id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } }
    | { __typename: 'InvalidStateError', message: string }
    | { __typename: 'LimitExceededError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type WizardReviewQueryVariables = Exact<{
  id: string | number;
}>;


export type WizardReviewQuery = { importJob:
    | { __typename: 'ImportJob', id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, skipReasons: Array<{ reason: string, count: number }>, updatePreview: Array<{ rowNumber: number, contactId: string, changes: Array<{ field: string, old: unknown, new: unknown }> }>, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type WizardConfirmMutationVariables = Exact<{
  jobId: string | number;
}>;


export type WizardConfirmMutation = { confirmContactImport:
    | { __typename: 'ImportJob', id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } }
    | { __typename: 'InvalidStateError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type WizardCancelMutationVariables = Exact<{
  jobId: string | number;
}>;


export type WizardCancelMutation = { cancelContactImport:
    | { __typename: 'ImportJob', id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } }
    | { __typename: 'InvalidStateError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type WizardRevertMutationVariables = Exact<{
  jobId: string | number;
}>;


export type WizardRevertMutation = { revertContactImport:
    | { __typename: 'ImportJob', id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } }
    | { __typename: 'InvalidStateError', message: string }
    | { __typename: 'NotFoundError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type WizardProgressSubscriptionVariables = Exact<{
  jobId: string | number;
}>;


export type WizardProgressSubscription = { contactImportProgress: { id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } } };

export type WizardHistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type WizardHistoryQuery = { importJobs:
    | { __typename: 'ImportJobConnection', totalCount: number, edges: Array<{ node: { id: string, status: ImportStatus, fileName: string, sourceKind: ImportSourceKind, totalRows: number, failureReason: string | null, cancelRequested: boolean, createdAt: string, finishedAt: string | null, reviewExpiresAt: string | null, errorFileUrl: string | null, resultFileUrl: string | null, counts: { toCreate: number, toUpdate: number, toSkip: number, errors: number, created: number, updated: number, skipped: number, failed: number, reverted: number, revertConflicts: number }, progress: { processedRows: number, totalRows: number, rowsPerSecond: number | null, etaSeconds: number | null } } }> }
    | { __typename: 'ValidationError', message: string }
   };

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
export const WizardJobFragmentDoc = new TypedDocumentString(`
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}
    `, {"fragmentName":"WizardJob"}) as unknown as TypedDocumentString<WizardJobFragment, unknown>;
export const WizardWorkspaceDocument = new TypedDocumentString(`
    query WizardWorkspace {
  workspace {
    name
    importMaxBytes
    importMaxRows
  }
  fields {
    key
    label
    type
    builtIn
  }
  groups(first: 100) {
    edges {
      node {
        id
        name
        type
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WizardWorkspaceQuery, WizardWorkspaceQueryVariables>;
export const WizardStartImportDocument = new TypedDocumentString(`
    mutation WizardStartImport($input: StartContactImportInput!) {
  startContactImport(input: $input) {
    __typename
    ... on ImportJob {
      ...WizardJob
      columns {
        index
        header
        samples
        suggestedFieldKey
        confidence
        needsDecision
      }
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardStartImportMutation, WizardStartImportMutationVariables>;
export const WizardSetMappingDocument = new TypedDocumentString(`
    mutation WizardSetMapping($input: SetContactImportMappingInput!) {
  setContactImportMapping(input: $input) {
    __typename
    ... on ImportJob {
      ...WizardJob
    }
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardSetMappingMutation, WizardSetMappingMutationVariables>;
export const WizardReviewDocument = new TypedDocumentString(`
    query WizardReview($id: ID!) {
  importJob(id: $id) {
    __typename
    ... on ImportJob {
      ...WizardJob
      skipReasons {
        reason
        count
      }
      updatePreview(first: 10) {
        rowNumber
        contactId
        changes {
          field
          old
          new
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardReviewQuery, WizardReviewQueryVariables>;
export const WizardConfirmDocument = new TypedDocumentString(`
    mutation WizardConfirm($jobId: ID!) {
  confirmContactImport(jobId: $jobId) {
    __typename
    ... on ImportJob {
      ...WizardJob
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardConfirmMutation, WizardConfirmMutationVariables>;
export const WizardCancelDocument = new TypedDocumentString(`
    mutation WizardCancel($jobId: ID!) {
  cancelContactImport(jobId: $jobId) {
    __typename
    ... on ImportJob {
      ...WizardJob
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardCancelMutation, WizardCancelMutationVariables>;
export const WizardRevertDocument = new TypedDocumentString(`
    mutation WizardRevert($jobId: ID!) {
  revertContactImport(jobId: $jobId) {
    __typename
    ... on ImportJob {
      ...WizardJob
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardRevertMutation, WizardRevertMutationVariables>;
export const WizardProgressDocument = new TypedDocumentString(`
    subscription WizardProgress($jobId: ID!) {
  contactImportProgress(jobId: $jobId) {
    ...WizardJob
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardProgressSubscription, WizardProgressSubscriptionVariables>;
export const WizardHistoryDocument = new TypedDocumentString(`
    query WizardHistory {
  importJobs(first: 10) {
    __typename
    ... on ImportJobConnection {
      totalCount
      edges {
        node {
          ...WizardJob
        }
      }
    }
    ... on Error {
      message
    }
  }
}
    fragment WizardJob on ImportJob {
  id
  status
  fileName
  sourceKind
  totalRows
  failureReason
  cancelRequested
  createdAt
  finishedAt
  reviewExpiresAt
  counts {
    toCreate
    toUpdate
    toSkip
    errors
    created
    updated
    skipped
    failed
    reverted
    revertConflicts
  }
  progress {
    processedRows
    totalRows
    rowsPerSecond
    etaSeconds
  }
  errorFileUrl
  resultFileUrl
}`) as unknown as TypedDocumentString<WizardHistoryQuery, WizardHistoryQueryVariables>;