import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';

const LIMITS = { maxUploadBytes: 256 * 1024, maxReviewTtlSeconds: 86_400, maxActiveImportsPerWorkspace: 3 };
const MB = 1024 * 1024;

const HardenedStart = graphql(`
  mutation HardenedStart($input: StartContactImportInput!) {
    startContactImport(input: $input) {
      __typename
      ... on ImportJob { id status }
      ... on LimitExceededError { message limit }
      ... on Error { message }
    }
  }
`);

const HardenedBulkOptOut = graphql(`
  mutation HardenedBulkOptOut($input: BulkOptOutInput!) {
    bulkOptOut(input: $input) {
      __typename
      ... on BulkOptOut { lines optedOut invalidCount }
      ... on LimitExceededError { message limit }
      ... on Error { message }
    }
  }
`);

const HardenedSettings = graphql(`
  mutation HardenedSettings($input: UpdateWorkspaceSettingsInput!) {
    updateWorkspaceSettings(input: $input) {
      __typename
      ... on Workspace { importMaxBytes reviewTtlSeconds }
      ... on ValidationError { issues { path message } }
    }
  }
`);

const HardenedWorkspace = graphql(`
  query HardenedWorkspace {
    workspace { id importMaxBytes reviewTtlSeconds }
  }
`);

const HardenedCancel = graphql(`
  mutation HardenedCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } }
  }
`);

const app = useTestApp({ worker: false, limits: LIMITS });
let bystander: TestWorkspace;

beforeAll(async () => {
  bystander = await app.createWorkspace('Bystander');
});

/**
 * A GraphQL multipart request whose file part is generated while fetch sends it, `size` bytes of
 * `pattern` repeated. `pulled` says how much of the file fetch has taken so far: what a server
 * that stops reading never gets is never pulled (beyond the socket buffers).
 */
function streamedUpload(document: TypedDocumentNode<unknown, never>, fileVariable: string, size: number, pattern: string) {
  const boundary = `----hardening-${randomUUID()}`;
  const operations = { query: print(document), variables: { input: { file: null } } };
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify(operations)}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${JSON.stringify({ 0: [fileVariable] })}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="upload.txt"\r\nContent-Type: text/plain\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const chunk = Buffer.from(pattern.repeat(Math.ceil((64 * 1024) / pattern.length)).slice(0, 64 * 1024));
  const progress = { pulled: 0, done: false };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(Buffer.from(head));
    },
    pull(controller) {
      if (progress.pulled >= size) {
        controller.enqueue(Buffer.from(tail));
        controller.close();
        progress.done = true;
        return;
      }
      const length = Math.min(chunk.length, size - progress.pulled);
      progress.pulled += length;
      controller.enqueue(chunk.subarray(0, length));
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, progress };
}

async function sendUpload(key: string, upload: ReturnType<typeof streamedUpload>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': upload.contentType },
    body: upload.body,
    duplex: 'half',
  } as RequestInit);
  return { status: response.status, connection: response.headers.get('connection'), body: await response.json() };
}

/** A small upload sent whole, as a browser sends a file. */
async function sendFile(
  key: string,
  document: TypedDocumentNode<unknown, never>,
  fileVariable: string,
  content: string,
  variables: Record<string, unknown> = {},
) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables: { input: { ...variables, file: null } } }));
  form.append('map', JSON.stringify({ 0: [fileVariable] }));
  form.append('0', new Blob([content], { type: 'text/plain' }), 'upload.txt');
  const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return response.json();
}

/** The server answers: /healthz, and another workspace's query. */
async function expectHealthy() {
  const health = await fetch(`${app.url}/healthz`);
  expect(health.status).toBe(200);
  expect((await app.data(HardenedWorkspace, {}, bystander.keys.READ)).workspace.id).toBe(bystander.id);
}

/** Every file the workspace has in the file store. */
async function storedFiles(workspaceId: string): Promise<string[]> {
  return app.files.list(workspaceId);
}

async function pasteImport(key: string, n: number) {
  return (await app.data(HardenedStart, { input: { text: `Name,Email\nPerson ${n},person${n}@hardening.test\n` } }, key)).startContactImport;
}

describe('uploads', () => {
  it('refuses a one-line opt-out list longer than the line limit, stops reading it, and stays up', async () => {
    const ws = await app.createWorkspace('Long line');
    // One line of 32 MB, no line break: today's readline would hold it all before splitting.
    const upload = streamedUpload(HardenedBulkOptOut, 'variables.input.file', 32 * MB, 'x');
    const { status, connection, body } = await sendUpload(ws.keys.WRITE, upload);
    expect(status).toBe(200);
    expect(body.data.bulkOptOut).toEqual({
      __typename: 'LimitExceededError',
      message: 'Line 1 is longer than 1024 characters, the most one line may hold',
      limit: 1024,
    });
    expect(connection).toBe('close');
    expect(upload.progress.done).toBe(false);
    expect(upload.progress.pulled).toBeLessThan(16 * MB);

    const short = await sendFile(ws.keys.WRITE, HardenedBulkOptOut, 'variables.input.file', `+12025550100\n${'y'.repeat(1025)}\n`);
    expect(short.data.bulkOptOut).toMatchObject({ __typename: 'LimitExceededError', message: expect.stringMatching(/^Line 2 is longer than 1024/) });
    const pasted = await app.data(HardenedBulkOptOut, { input: { text: `+12025550100\r\n\r\n${'z'.repeat(2000)}` } }, ws.keys.WRITE);
    expect(pasted.bulkOptOut).toMatchObject({ __typename: 'LimitExceededError', message: expect.stringMatching(/^Line 3 is longer than 1024/) });
    await expectHealthy();
  });

  it('still takes a list of lines within the limits, however they are broken', async () => {
    const ws = await app.createWorkspace('Fine list');
    const list = `${['+12025550101', '+12025550102', 'a'.repeat(1024), '+12025550103'].join('\r\n')}\r+12025550104\n`;
    const result = await sendFile(ws.keys.WRITE, HardenedBulkOptOut, 'variables.input.file', list);
    expect(result.data.bulkOptOut).toEqual({ __typename: 'BulkOptOut', lines: 5, optedOut: 4, invalidCount: 1 });
  });

  it('stops reading an opt-out list over the workspace byte limit, with a typed error naming it', async () => {
    const ws = await app.createWorkspace('Big list');
    await app.data(HardenedSettings, { input: { importMaxBytes: 64 * 1024 } }, ws.keys.ADMIN);
    const upload = streamedUpload(HardenedBulkOptOut, 'variables.input.file', 64 * MB, '+12025550143\n');
    const { connection, body } = await sendUpload(ws.keys.WRITE, upload);
    expect(body.data.bulkOptOut).toEqual({
      __typename: 'LimitExceededError',
      message: 'The file is larger than the workspace limit of 65536 bytes (0.1 MB)',
      limit: 65536,
    });
    expect(connection).toBe('close');
    expect(upload.progress.pulled).toBeLessThan(16 * MB);
    await expectHealthy();
  });

  it('stops reading an import upload over the workspace byte limit and keeps nothing of it', async () => {
    const ws = await app.createWorkspace('Big import');
    await app.data(HardenedSettings, { input: { importMaxBytes: 64 * 1024 } }, ws.keys.ADMIN);
    const upload = streamedUpload(HardenedStart, 'variables.input.file', 64 * MB, 'Ada Lovelace,ada@example.com\n');
    const { connection, body } = await sendUpload(ws.keys.WRITE, upload);
    expect(body.data.startContactImport).toEqual({
      __typename: 'LimitExceededError',
      message: 'The file is larger than the workspace limit of 65536 bytes (0.1 MB)',
      limit: 65536,
    });
    expect(connection).toBe('close');
    expect(upload.progress.pulled).toBeLessThan(16 * MB);
    expect(await storedFiles(ws.id)).toEqual([]);
    await expectHealthy();
  });

  it("holds an upload to the server's limit whatever the workspace's setting", async () => {
    const ws = await app.createWorkspace('Default setting');
    // The workspace keeps its default of 1 GiB, above this server's 256 KiB.
    expect((await app.data(HardenedWorkspace, {}, ws.keys.READ)).workspace.importMaxBytes).toBe(2 ** 30);
    const upload = streamedUpload(HardenedStart, 'variables.input.file', 8 * MB, 'Ada Lovelace,ada@example.com\n');
    const { body } = await sendUpload(ws.keys.WRITE, upload);
    expect(body.data.startContactImport).toEqual({
      __typename: 'LimitExceededError',
      message: "The file is larger than this server's upload limit of 262144 bytes (0.3 MB)",
      limit: 262144,
    });
    const list = await sendFile(ws.keys.WRITE, HardenedBulkOptOut, 'variables.input.file', '+12025550143\n'.repeat(30_000));
    expect(list.data.bulkOptOut).toMatchObject({ __typename: 'LimitExceededError', limit: 262144 });
    expect(await storedFiles(ws.id)).toEqual([]);
    await expectHealthy();
  });
});

describe('operator limits on workspace settings', () => {
  it('refuses an import size or review wait above the server maximum, naming it, and changes nothing', async () => {
    const ws = await app.createWorkspace('Greedy admin');
    const before = (await app.data(HardenedWorkspace, {}, ws.keys.READ)).workspace;
    const { updateWorkspaceSettings } = await app.data(
      HardenedSettings,
      { input: { importMaxBytes: 10 * 2 ** 30, reviewTtlSeconds: 7 * 86_400 } },
      ws.keys.ADMIN,
    );
    expect(updateWorkspaceSettings).toEqual({
      __typename: 'ValidationError',
      issues: [
        { path: ['input', 'importMaxBytes'], message: 'must be at most 262144 bytes, the maximum this server allows, not 10737418240' },
        { path: ['input', 'reviewTtlSeconds'], message: 'must be at most 86400 seconds, the maximum this server allows, not 604800' },
      ],
    });
    expect((await app.data(HardenedWorkspace, {}, ws.keys.READ)).workspace).toEqual(before);

    const atMost = await app.data(HardenedSettings, { input: { importMaxBytes: 262144, reviewTtlSeconds: 86_400 } }, ws.keys.ADMIN);
    expect(atMost.updateWorkspaceSettings).toEqual({ __typename: 'Workspace', importMaxBytes: 262144, reviewTtlSeconds: 86_400 });
  });
});

describe('imports under way', () => {
  it('refuses the import after the limit, before reading its file, and takes one again once another ended', async () => {
    const ws = await app.createWorkspace('Parker');
    const started = [];
    for (let n = 0; n < LIMITS.maxActiveImportsPerWorkspace; n++) started.push(await pasteImport(ws.keys.WRITE, n));
    expect(started.map((job) => job.__typename === 'ImportJob' && job.status)).toEqual(['MAPPING', 'MAPPING', 'MAPPING']);

    const refused = {
      __typename: 'LimitExceededError',
      message: 'The workspace has 3 imports under way and this server allows at most 3 at once: finish or cancel one before starting another',
      limit: 3,
    };
    expect(await pasteImport(ws.keys.WRITE, 3)).toEqual(refused);
    const upload = streamedUpload(HardenedStart, 'variables.input.file', 64 * MB, 'Ada Lovelace,ada@example.com\n');
    const { connection, body } = await sendUpload(ws.keys.WRITE, upload);
    expect(body.data.startContactImport).toEqual(refused);
    expect(connection).toBe('close');
    expect(upload.progress.pulled).toBeLessThan(16 * MB);
    expect((await storedFiles(ws.id)).length).toBe(3);
    // Another workspace is not held to this one's imports.
    expect((await pasteImport(bystander.keys.WRITE, 0)).__typename).toBe('ImportJob');

    const first = started[0]!;
    if (first.__typename !== 'ImportJob') throw new Error(first.__typename);
    expect((await app.data(HardenedCancel, { jobId: first.id }, ws.keys.WRITE)).cancelContactImport).toEqual({
      __typename: 'ImportJob',
      status: 'CANCELLED',
    });
    expect((await pasteImport(ws.keys.WRITE, 4)).__typename).toBe('ImportJob');
    await expectHealthy();
  });

  it('lets only the limit through when imports start at the same moment', async () => {
    const ws = await app.createWorkspace('Racer');
    const results = await Promise.all(Array.from({ length: 6 }, (_, n) => pasteImport(ws.keys.WRITE, n)));
    const kinds = results.map((result) => result.__typename).sort();
    expect(kinds).toEqual(['ImportJob', 'ImportJob', 'ImportJob', 'LimitExceededError', 'LimitExceededError', 'LimitExceededError']);
    expect((await storedFiles(ws.id)).length).toBe(3);
  });
});
