/**
 * A whole contact import from a TypeScript client, against a running server:
 *
 *   SWITCHBOARD_API_KEY=sb_… npx tsx examples/import-client.ts [file.csv]
 *
 * Upload (a GraphQL multipart request) → mapping from the suggestions → review → confirm → live
 * progress over graphql-ws → the result file, downloaded from its signed link. Every operation is
 * typed by graphql-codegen's client preset (`npm run codegen` writes examples/generated/ from the
 * `graphql()` calls below). SWITCHBOARD_URL is the server (http://127.0.0.1:4000 unless set); the
 * file is examples/contacts.csv unless given; DEFAULT_COUNTRY reads national phone numbers (US).
 */
import { openAsBlob } from 'node:fs';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from './generated/gql.ts';
import type {
  ExampleProgressSubscription,
  ExampleStartImportMutation,
  ImportIdentifier,
  ImportStatus,
  TypedDocumentString,
} from './generated/graphql.ts';

const StartImport = graphql(`
  mutation ExampleStartImport($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob { id totalRows columns { index header suggestedFieldKey } }
      ... on Error { message }
    }
  }
`);

const MapColumns = graphql(`
  mutation ExampleMapColumns($input: SetContactImportMappingInput!) {
    setContactImportMapping(input: $input) {
      __typename
      ... on ImportJob { status }
      ... on Error { message }
    }
  }
`);

const Review = graphql(`
  query ExampleReview($jobId: ID!) {
    importJob(id: $jobId) {
      __typename
      ... on ImportJob {
        counts { toCreate toUpdate toSkip errors }
        skipReasons { reason count }
        errorFileUrl
      }
      ... on Error { message }
    }
  }
`);

const Confirm = graphql(`
  mutation ExampleConfirm($jobId: ID!) {
    confirmContactImport(jobId: $jobId) {
      __typename
      ... on ImportJob { status }
      ... on Error { message }
    }
  }
`);

const Progress = graphql(`
  subscription ExampleProgress($jobId: ID!) {
    contactImportProgress(jobId: $jobId) {
      status
      failureReason
      progress { phase processedRows totalRows rowsPerSecond etaSeconds }
      counts { created updated skipped failed }
      resultFileUrl
    }
  }
`);

type ProgressEvent = ExampleProgressSubscription['contactImportProgress'];

const baseUrl = (process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, '');
const apiKey = process.env.SWITCHBOARD_API_KEY;
const filePath = process.argv[2] ?? new URL('contacts.csv', import.meta.url).pathname;
const defaultCountry = process.env.DEFAULT_COUNTRY ?? 'US';
/** The statuses an import ends in. */
const ENDS: readonly ImportStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED'];

if (!apiKey) {
  console.error('Set SWITCHBOARD_API_KEY to an API key of scope WRITE or ADMIN');
  process.exit(2);
}
const authorization = `Bearer ${apiKey}`;

/** One operation over HTTP: its data, or an exception naming the GraphQL errors. */
async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return dataOf<TResult>(response);
}

/**
 * startContactImport with the file as a GraphQL multipart request: the operation with `file: null`,
 * a map from the file's part to that variable, then the file. The CSRF header is what a browser
 * would need without the key; a client that sends its key passes anyway.
 */
async function upload(file: string): Promise<ExampleStartImportMutation['startContactImport']> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: StartImport.toString(), variables: { input: { file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  // openAsBlob reads the file as the request is sent, not into memory first.
  form.append('0', await openAsBlob(file, { type: 'text/csv' }), path.basename(file));
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { authorization, 'x-graphql-yoga-csrf': 'import-client' },
    body: form,
  });
  return (await dataOf<ExampleStartImportMutation>(response)).startContactImport;
}

async function dataOf<TResult>(response: Response): Promise<TResult> {
  const body = (await response.json()) as { data?: TResult; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`HTTP ${response.status}: ${body.errors?.map((error) => error.message).join('; ')}`);
  return body.data;
}

const ws = createClient({
  url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
  webSocketImpl: WebSocket,
  connectionParams: { authorization },
  retryAttempts: 0,
});

/**
 * The job's progress over graphql-ws until it reaches one of `until`; `onEvent` sees every state on
 * the way, and `started` runs once the first (the job as it is now) has arrived.
 */
async function follow(
  jobId: string,
  until: readonly ImportStatus[],
  onEvent: (event: ProgressEvent) => void,
  started?: () => Promise<void>,
): Promise<ProgressEvent | undefined> {
  const events = ws.iterate<ExampleProgressSubscription>({ query: Progress.toString(), variables: { jobId } });
  let first = true;
  for await (const result of events) {
    if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join('; '));
    const event = result.data!.contactImportProgress;
    onEvent(event);
    if (first) {
      first = false;
      await started?.();
    }
    if (until.includes(event.status)) {
      await events.return?.();
      return event;
    }
  }
  return undefined;
}

/** Reads a CSV the server wrote: quoted cells may hold commas, quotes (doubled) and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += character;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function main(): Promise<void> {
  // 1. Upload.
  const started = await upload(filePath);
  if (started.__typename !== 'ImportJob') throw new Error(`upload refused: ${started.message}`);
  const jobId = started.id;
  console.log(`Uploaded ${path.basename(filePath)}: job ${jobId}, ${started.totalRows} rows`);

  // 2. Map every column to its suggested field (the others are ignored), identified by phone if one is mapped.
  const columns = started.columns.map((column) =>
    column.suggestedFieldKey ? { index: column.index, fieldKey: column.suggestedFieldKey } : { index: column.index, ignore: true },
  );
  for (const column of started.columns) console.log(`  ${column.header} → ${column.suggestedFieldKey ?? '(ignored)'}`);
  const identifier: ImportIdentifier = columns.some((column) => column.fieldKey === 'phone') ? 'PHONE' : 'EMAIL';
  const reviewed = follow(jobId, ['REVIEW', ...ENDS], () => {});
  const { setContactImportMapping } = await request(MapColumns, {
    input: { jobId, columns, purpose: 'ADD_AND_UPDATE', identifier, defaultCountry },
  });
  if (setContactImportMapping.__typename !== 'ImportJob') throw new Error(`mapping refused: ${setContactImportMapping.message}`);

  // 3. The review, once validation is done.
  const validated = await reviewed;
  if (validated?.status !== 'REVIEW') throw new Error(`validation ended ${validated?.status}: ${validated?.failureReason ?? ''}`);
  const { importJob } = await request(Review, { jobId });
  if (importJob.__typename !== 'ImportJob') throw new Error(importJob.message);
  const { counts } = importJob;
  console.log(`Review: ${counts.toCreate} to create, ${counts.toUpdate} to update, ${counts.toSkip} to skip, ${counts.errors} with errors`);
  for (const skip of importJob.skipReasons) console.log(`  skipped (${skip.count}): ${skip.reason}`);

  // 4. Confirm, and follow the write until it ends (subscribed first, so no step is missed).
  let lastLine = '';
  const ended = await follow(
    jobId,
    ENDS,
    ({ status, progress }) => {
      const rate = progress.rowsPerSecond === null ? '' : `, ${Math.round(progress.rowsPerSecond)} rows/s, about ${progress.etaSeconds} s left`;
      const line = `  ${status} ${progress.phase} ${progress.processedRows}/${progress.totalRows}${rate}`;
      if (line !== lastLine) console.log(line);
      lastLine = line;
    },
    async () => {
      const { confirmContactImport } = await request(Confirm, { jobId });
      if (confirmContactImport.__typename !== 'ImportJob') throw new Error(`confirm refused: ${confirmContactImport.message}`);
      console.log('Confirmed');
    },
  );
  if (ended?.status !== 'COMPLETED') throw new Error(`the import ended ${ended?.status}: ${ended?.failureReason ?? ''}`);
  const done = ended.counts;
  console.log(`Completed: ${done.created} created, ${done.updated} updated, ${done.skipped} skipped, ${done.failed} failed`);

  // 5. The result file: a plain GET of its signed link, no Authorization header needed.
  const response = await fetch(ended.resultFileUrl!);
  if (!response.ok) throw new Error(`result file: HTTP ${response.status} ${await response.text()}`);
  const [header, ...rows] = csvRows((await response.text()).replace(/^\uFEFF/, ''));
  const statusColumn = header!.indexOf('Import Status');
  const byStatus = new Map<string, number>();
  for (const row of rows) byStatus.set(row[statusColumn]!, (byStatus.get(row[statusColumn]!) ?? 0) + 1);
  console.log(`Result file: ${rows.length} rows (${[...byStatus].map(([status, count]) => `${count} ${status}`).join(', ')})`);
}

main().then(
  () => ws.dispose(),
  async (error: unknown) => {
    console.error(`Import failed: ${(error as Error).message}`);
    await ws.dispose();
    process.exitCode = 1;
  },
);
