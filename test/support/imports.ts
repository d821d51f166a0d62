import { expect } from 'vitest';
import { graphql } from '../generated/gql.ts';
import type { SetContactImportMappingInput } from '../generated/graphql.ts';
import type { TestApp } from './app.ts';
import { sendFile } from './operations.ts';

export const StartImport = graphql(`
  mutation StartImport($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob {
        id
        status
        encoding
        delimiter
        totalRows
        columns { index header samples suggestedFieldKey confidence needsDecision }
      }
      ... on ValidationError { message issues { path message } }
      ... on LimitExceededError { message limit }
    }
  }
`);

export const SetMapping = graphql(`
  mutation SetMapping($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) {
      __typename
      ... on ImportJob { id status }
      ... on ValidationError { message issues { path message } }
      ... on Error { message }
    }
  }
`);

export const Confirm = graphql(`
  mutation Confirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { id status }
      ... on Error { message }
    }
  }
`);

export const JobState = graphql(`
  query JobState($id: ID!) {
    importJob(id: $id) {
      __typename
      ... on ImportJob {
        id
        status
        totalRows
        failureReason
        counts { toCreate toUpdate toSkip errors created updated skipped failed }
        progress { processedRows totalRows rowsPerSecond etaSeconds }
        errorFileUrl
        resultFileUrl
        preview(first: 50) { rowNumber action values message }
        updatePreview { rowNumber contactId changes { field old new } }
      }
      ... on Error { message }
    }
  }
`);

export type Job = Extract<Awaited<ReturnType<typeof fetchJob>>, { __typename: 'ImportJob' }>;

/** Sends a CSV as a GraphQL multipart request (operations, map, file), as a browser would. */
export async function uploadCsv(app: TestApp, key: string, content: string | Uint8Array, fileName = 'contacts.csv') {
  return (await sendFile(app, key, StartImport, {}, { content, name: fileName, type: 'text/csv' })).startContactImport;
}

export async function fetchJob(app: TestApp, key: string, id: string) {
  return (await app.data(JobState, { id }, key)).importJob;
}

/** Polls the job until it leaves the given states (the subscription tests cover live progress). */
export async function waitWhile(app: TestApp, key: string, id: string, states: string[], timeoutMs = 60_000): Promise<Job> {
  const started = Date.now();
  for (;;) {
    const job = await fetchJob(app, key, id);
    if (job.__typename !== 'ImportJob') throw new Error(job.message);
    if (!states.includes(job.status)) return job;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type MappingOptions = Omit<SetContactImportMappingInput, 'jobId' | 'columns'> & { columns?: SetContactImportMappingInput['columns'] };

/**
 * Starts an import of `csv` (pasted text), maps every column to its suggested field unless columns
 * are given, and waits for the review. Returns the job in REVIEW.
 */
export async function validateCsv(app: TestApp, key: string, csv: string, options: MappingOptions): Promise<Job> {
  const { startContactImport: started } = await app.data(StartImport, { input: { text: csv } }, key);
  if (started.__typename !== 'ImportJob') throw new Error(started.message);
  const columns =
    options.columns ??
    started.columns.map((column) =>
      column.suggestedFieldKey ? { index: column.index, fieldKey: column.suggestedFieldKey } : { index: column.index, ignore: true },
    );
  const { setContactImportMapping } = await app.data(SetMapping, { input: { ...options, jobId: started.id, columns } }, key);
  if (setContactImportMapping.__typename !== 'ImportJob') throw new Error(setContactImportMapping.message);
  const job = await waitWhile(app, key, started.id, ['VALIDATING']);
  expect(job.status).toBe('REVIEW');
  return job;
}

/** Confirms a job in review and waits until it is written. */
export async function confirmAndWait(app: TestApp, key: string, id: string): Promise<Job> {
  const { confirmContactImport } = await app.data(Confirm, { jobId: id }, key);
  expect(confirmContactImport).toMatchObject({ __typename: 'ImportJob', status: 'QUEUED' });
  const job = await waitWhile(app, key, id, ['QUEUED', 'IMPORTING']);
  expect(job.status).toBe('COMPLETED');
  return job;
}

/** Validates and writes a CSV in one go. */
export async function importCsv(app: TestApp, key: string, csv: string, options: MappingOptions): Promise<Job> {
  const job = await validateCsv(app, key, csv, options);
  return confirmAndWait(app, key, job.id);
}

/** Downloads one of the files the API points to, with the bearer key. */
export async function download(url: string, key: string): Promise<string> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  expect(response.status).toBe(200);
  return (await response.text()).replace(/^\uFEFF/, '');
}
