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
    "\n  mutation ExampleStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id totalRows columns { index header suggestedFieldKey } }\n      ... on Error { message }\n    }\n  }\n": typeof types.ExampleStartImportDocument,
    "\n  mutation ExampleMapColumns($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { status }\n      ... on Error { message }\n    }\n  }\n": typeof types.ExampleMapColumnsDocument,
    "\n  query ExampleReview($jobId: ID!) {\n    importJob(id: $jobId) {\n      __typename\n      ... on ImportJob {\n        counts { toCreate toUpdate toSkip errors }\n        skipReasons { reason count }\n        errorFileUrl\n      }\n      ... on Error { message }\n    }\n  }\n": typeof types.ExampleReviewDocument,
    "\n  mutation ExampleConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { status }\n      ... on Error { message }\n    }\n  }\n": typeof types.ExampleConfirmDocument,
    "\n  subscription ExampleProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      status\n      failureReason\n      progress { phase processedRows totalRows rowsPerSecond etaSeconds }\n      counts { created updated skipped failed }\n      resultFileUrl\n    }\n  }\n": typeof types.ExampleProgressDocument,
};
const documents: Documents = {
    "\n  mutation ExampleStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id totalRows columns { index header suggestedFieldKey } }\n      ... on Error { message }\n    }\n  }\n": types.ExampleStartImportDocument,
    "\n  mutation ExampleMapColumns($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { status }\n      ... on Error { message }\n    }\n  }\n": types.ExampleMapColumnsDocument,
    "\n  query ExampleReview($jobId: ID!) {\n    importJob(id: $jobId) {\n      __typename\n      ... on ImportJob {\n        counts { toCreate toUpdate toSkip errors }\n        skipReasons { reason count }\n        errorFileUrl\n      }\n      ... on Error { message }\n    }\n  }\n": types.ExampleReviewDocument,
    "\n  mutation ExampleConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { status }\n      ... on Error { message }\n    }\n  }\n": types.ExampleConfirmDocument,
    "\n  subscription ExampleProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      status\n      failureReason\n      progress { phase processedRows totalRows rowsPerSecond etaSeconds }\n      counts { created updated skipped failed }\n      resultFileUrl\n    }\n  }\n": types.ExampleProgressDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleStartImport($input: StartContactImportInput!) {\n    startContactImport(input: $input) {\n      __typename\n      ... on ImportJob { id totalRows columns { index header suggestedFieldKey } }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').ExampleStartImportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleMapColumns($input: SetContactImportMappingInput!) {\n    setContactImportMapping(input: $input) {\n      __typename\n      ... on ImportJob { status }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').ExampleMapColumnsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExampleReview($jobId: ID!) {\n    importJob(id: $jobId) {\n      __typename\n      ... on ImportJob {\n        counts { toCreate toUpdate toSkip errors }\n        skipReasons { reason count }\n        errorFileUrl\n      }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').ExampleReviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExampleConfirm($jobId: ID!) {\n    confirmContactImport(jobId: $jobId) {\n      __typename\n      ... on ImportJob { status }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql').ExampleConfirmDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ExampleProgress($jobId: ID!) {\n    contactImportProgress(jobId: $jobId) {\n      status\n      failureReason\n      progress { phase processedRows totalRows rowsPerSecond etaSeconds }\n      counts { created updated skipped failed }\n      resultFileUrl\n    }\n  }\n"): typeof import('./graphql').ExampleProgressDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
