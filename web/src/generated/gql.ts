/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment WizardJob on ImportJob {\n    id\n    status\n    fileName\n    sourceKind\n    totalRows\n    failureReason\n    cancelRequested\n    createdAt\n    finishedAt\n    reviewExpiresAt\n    counts { toCreate toUpdate toSkip errors created updated skipped failed reverted revertConflicts }\n    progress { processedRows totalRows rowsPerSecond etaSeconds }\n    errorFileUrl\n    resultFileUrl\n  }\n": typeof types.WizardJobFragmentDoc,
    "\n  query WizardWorkspace {\n    workspace { name importMaxBytes importMaxRows }\n    fields { key label type builtIn }\n    groups(first: 100) { edges { node { id name type } } }\n  }\n": typeof types.WizardWorkspaceDocument,
    "\n  mutation WizardStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        ...WizardJob\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardStartImportDocument,
    "\n  mutation WizardSetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardSetMappingDocument,
    "\n  query WizardReview($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...WizardJob\n        skipReasons { reason count }\n        updatePreview(first: 10) { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardReviewDocument,
    "\n  mutation WizardConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardConfirmDocument,
    "\n  mutation WizardCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardCancelDocument,
    "\n  mutation WizardRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardRevertDocument,
    "\n  subscription WizardProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { ...WizardJob }\n  }\n": typeof types.WizardProgressDocument,
    "\n  query WizardHistory {\n    importJobs(first: 10) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        edges { node { ...WizardJob } }\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.WizardHistoryDocument,
};
const documents: Documents = {
    "\n  fragment WizardJob on ImportJob {\n    id\n    status\n    fileName\n    sourceKind\n    totalRows\n    failureReason\n    cancelRequested\n    createdAt\n    finishedAt\n    reviewExpiresAt\n    counts { toCreate toUpdate toSkip errors created updated skipped failed reverted revertConflicts }\n    progress { processedRows totalRows rowsPerSecond etaSeconds }\n    errorFileUrl\n    resultFileUrl\n  }\n": types.WizardJobFragmentDoc,
    "\n  query WizardWorkspace {\n    workspace { name importMaxBytes importMaxRows }\n    fields { key label type builtIn }\n    groups(first: 100) { edges { node { id name type } } }\n  }\n": types.WizardWorkspaceDocument,
    "\n  mutation WizardStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        ...WizardJob\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.WizardStartImportDocument,
    "\n  mutation WizardSetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n": types.WizardSetMappingDocument,
    "\n  query WizardReview($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...WizardJob\n        skipReasons { reason count }\n        updatePreview(first: 10) { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n": types.WizardReviewDocument,
    "\n  mutation WizardConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n": types.WizardConfirmDocument,
    "\n  mutation WizardCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n": types.WizardCancelDocument,
    "\n  mutation WizardRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n": types.WizardRevertDocument,
    "\n  subscription WizardProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { ...WizardJob }\n  }\n": types.WizardProgressDocument,
    "\n  query WizardHistory {\n    importJobs(first: 10) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        edges { node { ...WizardJob } }\n      }\n      ... on Error { message }\n    }\n  }\n": types.WizardHistoryDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WizardJob on ImportJob {\n    id\n    status\n    fileName\n    sourceKind\n    totalRows\n    failureReason\n    cancelRequested\n    createdAt\n    finishedAt\n    reviewExpiresAt\n    counts { toCreate toUpdate toSkip errors created updated skipped failed reverted revertConflicts }\n    progress { processedRows totalRows rowsPerSecond etaSeconds }\n    errorFileUrl\n    resultFileUrl\n  }\n"): typeof import('./graphql').WizardJobFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WizardWorkspace {\n    workspace { name importMaxBytes importMaxRows }\n    fields { key label type builtIn }\n    groups(first: 100) { edges { node { id name type } } }\n  }\n"): typeof import('./graphql').WizardWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WizardStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob {\n        ...WizardJob\n        columns { index header samples suggestedFieldKey confidence needsDecision }\n      }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardStartImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WizardSetMapping($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on ValidationError { issues { path message } }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardSetMappingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WizardReview($id: ID!) {\n    importJob(id: $id) {\n      __typename\n      ... on ImportJob {\n        ...WizardJob\n        skipReasons { reason count }\n        updatePreview(first: 10) { rowNumber contactId changes { field old new } }\n      }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WizardConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardConfirmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WizardCancel($jobId: ID!) {\n    cancelContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardCancelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WizardRevert($jobId: ID!) {\n    revertContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { ...WizardJob }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardRevertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WizardProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) { ...WizardJob }\n  }\n"): typeof import('./graphql').WizardProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WizardHistory {\n    importJobs(first: 10) {\n      __typename\n      ... on ImportJobConnection {\n        totalCount\n        edges { node { ...WizardJob } }\n      }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').WizardHistoryDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
