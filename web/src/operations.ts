import { graphql } from './generated/gql.ts';

/**
 * Every operation the import page sends. `npm run codegen` types them into ./generated/, so each
 * result and variable the page handles is checked against the printed schema.
 */

export const WizardJobFields = graphql(`
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
    counts { toCreate toUpdate toSkip errors created updated skipped failed reverted revertConflicts }
    progress { processedRows totalRows rowsPerSecond etaSeconds }
    errorFileUrl
    resultFileUrl
  }
`);

export const WizardWorkspace = graphql(`
  query WizardWorkspace {
    workspace { name importMaxBytes importMaxRows }
    fields { key label type builtIn }
    groups(first: 100) { edges { node { id name type } } }
  }
`);

export const WizardStartImport = graphql(`
  mutation WizardStartImport($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob {
        ...WizardJob
        columns { index header samples suggestedFieldKey confidence needsDecision }
      }
      ... on ValidationError { issues { path message } }
      ... on Error { message }
    }
  }
`);

export const WizardSetMapping = graphql(`
  mutation WizardSetMapping($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) {
      __typename
      ... on ImportJob { ...WizardJob }
      ... on ValidationError { issues { path message } }
      ... on Error { message }
    }
  }
`);

export const WizardReview = graphql(`
  query WizardReview($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob {
        ...WizardJob
        skipReasons { reason count }
        updatePreview(first: 10) { rowNumber contactId changes { field old new } }
      }
      ... on Error { message }
    }
  }
`);

export const WizardConfirm = graphql(`
  mutation WizardConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { ...WizardJob }
      ... on Error { message }
    }
  }
`);

export const WizardCancel = graphql(`
  mutation WizardCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { ...WizardJob }
      ... on Error { message }
    }
  }
`);

export const WizardRevert = graphql(`
  mutation WizardRevert($jobId: ID!) {
    revertContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { ...WizardJob }
      ... on Error { message }
    }
  }
`);

export const WizardProgress = graphql(`
  subscription WizardProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { ...WizardJob }
  }
`);

export const WizardHistory = graphql(`
  query WizardHistory {
    importJobs(first: 10) {
      __typename
      ... on ImportJobConnection {
        totalCount
        edges { node { ...WizardJob } }
      }
      ... on Error { message }
    }
  }
`);
