import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorFields } from '../../src/db/logger.ts';
import { startWebhookDelivery } from '../../src/services/webhook-delivery.ts';
import type { PeriodicTask } from '../../src/services/periodic.ts';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { uuidOf } from '../support/global-ids.ts';
import { Confirm, SetMapping, download, uploadCsv, waitWhile } from '../support/imports.ts';
import { captureLogs } from '../support/logs.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';

/**
 * The server's log, captured from a real server while it answers keys over HTTP and WebSocket,
 * runs an import of a CSV of people through its worker and fails a webhook delivery: JSON lines,
 * each request's lines under its id with one completion line, the import's phases under the job's
 * id, and not one key, secret or value of the file in any line.
 */

const LoggingWorkspace = graphql(`
  query LoggingWorkspace { workspace { id name } }
`);

const LoggingSearch = graphql(`
  query LoggingSearch($search: String!, $filter: ContactFilterInput) {
    contacts(first: 5, search: $search, filter: $filter) { totalCount }
  }
`);

const LoggingExport = graphql(`
  query LoggingExport($input: ContactExportInput!) {
    contactExport(input: $input) { __typename ... on ContactExport { url } ... on Error { message } }
  }
`);

const LoggingCreateWebhook = graphql(`
  mutation LoggingCreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) { __typename ... on CreatedWebhook { webhook { id } } ... on Error { message } }
  }
`);

const WEBHOOK_SECRET = `whsec_${Buffer.from('the logging test signs with this!').toString('base64')}`;
/** The people of the file: every cell of it must stay out of the log, as must their normalized numbers. */
const PEOPLE = [
  { first: 'Zeynep', last: 'Okonkwo', phone: '+1 202 555 0143', e164: '+12025550143', email: 'zeynep.okonkwo@leak-check.example' },
  { first: 'Quentin', last: 'Prudhomme', phone: '(202) 555-0178', e164: '+12025550178', email: 'quentin.prudhomme@leak-check.example' },
  { first: 'Wilhelmina', last: 'Abernathy', phone: '202-555-0199', e164: '+12025550199', email: 'w.abernathy@leak-check.example' },
  { first: 'Ignatius', last: 'Vandersloot', phone: 'not a phone', e164: null, email: 'ignatius-at-nowhere' },
];
const CSV = ['First Name,Last Name,Phone,Email', ...PEOPLE.map((p) => `${p.first},${p.last},${p.phone},${p.email}`)].join('\n');
const SEARCH_TEXT = 'Okonkwo';
const FILTER_VALUE = 'Filtervaluekeptout';
const SANE_ID = 'logging-test.request_1';
const INSANE_ID = 'not sane: spaces & a colon';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Line = Record<string, unknown>;

const logs = captureLogs();
const app = useTestApp({ logger: logs.logger });

let workspace: TestWorkspace;
let keyIds: Record<string, string>;
let receiver: Receiver;
let delivery: PeriodicTask | undefined;
let webhookId: string;
let jobId: string;
const echoed: { sane?: string | null; insane?: string | null } = {};
const BAD_KEY = 'sb_not_a_key_that_exists_0123456789abcdef';

/** POSTs an operation with extra headers; the answer's status, headers and body. */
async function post<TResult, TVariables>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  key: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: TResult; errors?: unknown[] } };
}

const lines = (): Line[] => logs.lines();
const completions = (): Line[] => lines().filter((line) => line.msg === 'request completed');
/** Waits for a line that is logged after the answer that caused it (a closed socket, a failed delivery). */
async function waitForLine(predicate: (line: Line) => boolean): Promise<void> {
  const started = Date.now();
  while (!lines().some(predicate)) {
    if (Date.now() - started > 15_000) throw new Error(`no such line within 15 s:\n${logs.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  receiver = await startReceiver(() => 500);
  workspace = await app.createWorkspace('Logging');
  const keys = await app.db.prisma.apiKey.findMany({ where: { workspaceId: workspace.id }, select: { id: true, scope: true } });
  keyIds = Object.fromEntries(keys.map((key) => [key.scope, key.id]));

  const created = await app.data(LoggingCreateWebhook, { input: { url: `${receiver.url}/hook`, secret: WEBHOOK_SECRET } }, workspace.keys.ADMIN);
  if (created.createWebhook.__typename !== 'CreatedWebhook') throw new Error(created.createWebhook.message);
  webhookId = created.createWebhook.webhook.id;
  delivery = startWebhookDelivery({
    db: app.db,
    settings: app.webhooks,
    retry: { maxAttempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
    pollIntervalMs: 20,
    logger: logs.logger,
  });

  // Requests with a sane and an insane request id, and one with a key that does not exist.
  const sane = await post(LoggingWorkspace, {}, workspace.keys.WRITE, { 'x-request-id': SANE_ID });
  expect(sane.status).toBe(200);
  echoed.sane = sane.headers.get('x-request-id');
  const insane = await post(LoggingWorkspace, {}, workspace.keys.READ, { 'x-request-id': INSANE_ID });
  expect(insane.status).toBe(200);
  echoed.insane = insane.headers.get('x-request-id');
  expect((await post(LoggingWorkspace, {}, BAD_KEY, { 'x-request-id': 'logging-bad-key' })).status).toBe(401);

  // An upload of people, validated and written by the worker.
  const started = await uploadCsv(app, workspace.keys.WRITE, CSV, 'people.csv');
  if (started.__typename !== 'ImportJob') throw new Error(JSON.stringify(started));
  jobId = started.id;
  const columns = started.columns.map((column) => ({ index: column.index, fieldKey: column.suggestedFieldKey! }));
  const mapped = await app.data(
    SetMapping,
    { input: { jobId, columns, purpose: 'ADD_AND_UPDATE', identifier: 'PHONE', defaultCountry: 'US' } },
    workspace.keys.WRITE,
  );
  expect(mapped.setContactImportMapping.__typename).toBe('ImportJob');
  expect((await waitWhile(app, workspace.keys.WRITE, jobId, ['VALIDATING'])).status).toBe('REVIEW');
  await app.data(Confirm, { jobId }, workspace.keys.WRITE);
  const done = await waitWhile(app, workspace.keys.WRITE, jobId, ['QUEUED', 'IMPORTING']);
  expect(done.status).toBe('COMPLETED');

  // Downloads: the result file, and an export whose URL carries a search and a filter.
  await download(done.resultFileUrl!, workspace.keys.READ);
  const exported = await app.data(
    LoggingExport,
    { input: { search: SEARCH_TEXT, filter: { field: { key: 'lastName', eq: FILTER_VALUE } } } },
    workspace.keys.READ,
  );
  if (exported.contactExport.__typename !== 'ContactExport') throw new Error(exported.contactExport.message);
  await download(exported.contactExport.url, workspace.keys.READ);
  await app.data(LoggingSearch, { search: SEARCH_TEXT, filter: { field: { key: 'lastName', eq: FILTER_VALUE } } }, workspace.keys.READ);
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);

  // A query over WebSocket, then the connection closed.
  const client = app.wsClient({ authorization: `Bearer ${workspace.keys.READ}` });
  for await (const result of client.iterate({ query: print(LoggingWorkspace) })) expect(result.errors).toBeUndefined();
  await client.dispose();
  await waitForLine((line) => line.msg === 'websocket closed');

  // The receiver answers 500 to the delivery of the import's end.
  await waitForLine((line) => line.msg === 'webhook delivery failed');
}, 90_000);

afterAll(async () => {
  await delivery?.stop();
  await receiver?.close();
});

describe('the server log', () => {
  it('is one JSON object per line, each with a level and a time', () => {
    const text = logs.text();
    expect(text.endsWith('\n')).toBe(true);
    const all = lines();
    expect(all.length).toBeGreaterThan(20);
    for (const line of all) {
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(line.level);
      expect(Number.isNaN(Date.parse(line.time as string))).toBe(false);
    }
  });

  it('carries a sane x-request-id on the lines of its request, echoes it, and ends the request with one completion line', () => {
    expect(echoed.sane).toBe(SANE_ID);
    const ofRequest = lines().filter((line) => line.requestId === SANE_ID);
    // Yoga's own (debug) lines of the request carry its id as well as the completion line.
    expect(ofRequest.some((line) => line.level === 'debug')).toBe(true);
    const completed = ofRequest.filter((line) => line.msg === 'request completed');
    expect(completed).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        workspaceId: workspace.id,
        keyId: keyIds.WRITE,
        operationName: 'LoggingWorkspace',
        operationType: 'query',
      }),
    ]);
    // Every line Yoga logged while a request ran is under a request's id.
    const yogaLines = lines().filter((line) => line.msg === 'Processing GraphQL Parameters');
    expect(yogaLines.length).toBeGreaterThan(0);
    for (const line of yogaLines) expect(line.requestId).toEqual(expect.any(String));
  });

  it('replaces an insane x-request-id with a new one, echoed and logged in its place', () => {
    expect(echoed.insane).toMatch(UUID);
    expect(logs.text()).not.toContain(INSANE_ID);
    expect(completions().filter((line) => line.requestId === echoed.insane)).toEqual([
      expect.objectContaining({ status: 200, keyId: keyIds.READ, workspaceId: workspace.id, operationName: 'LoggingWorkspace' }),
    ]);
  });

  it('logs a request with an unknown key without a key id, and no request without its completion line', () => {
    const [refused] = completions().filter((line) => line.requestId === 'logging-bad-key');
    expect(refused).toMatchObject({ status: 401, operationName: 'LoggingWorkspace' });
    expect(refused).not.toHaveProperty('keyId');
    const uploads = completions().filter((line) => line.operationName === 'StartImport');
    expect(uploads).toEqual([expect.objectContaining({ status: 200, operationType: 'mutation', keyId: keyIds.WRITE, workspaceId: workspace.id })]);
  });

  it('logs downloads and health checks by path, never with the query string', () => {
    const plain = completions().filter((line) => line.path !== '/graphql');
    expect(plain.find((line) => line.path === `/files/imports/${uuidOf(jobId)}/result.csv`)).toMatchObject({
      method: 'GET',
      status: 200,
      workspaceId: workspace.id,
      keyId: keyIds.READ,
    });
    expect(plain.find((line) => String(line.path).startsWith('/files/exports/'))).toMatchObject({ status: 200, keyId: keyIds.READ });
    expect(plain.find((line) => line.path === '/healthz')).toMatchObject({ method: 'GET', status: 200 });
    for (const line of completions()) expect(String(line.path)).not.toContain('?');
  });

  it('logs a WebSocket connection when it opens and closes, and each operation as it starts and completes', () => {
    const opened = lines().filter((line) => line.msg === 'websocket connected');
    expect(opened).toHaveLength(1);
    const connectionId = opened[0]!.connectionId;
    expect(connectionId).toMatch(UUID);
    const ofConnection = lines().filter((line) => line.connectionId === connectionId);
    expect(ofConnection.map((line) => line.msg).filter((msg) => String(msg).startsWith('websocket'))).toEqual([
      'websocket connected',
      'websocket operation started',
      'websocket operation completed',
      'websocket closed',
    ]);
    expect(ofConnection.find((line) => line.msg === 'websocket operation started')).toMatchObject({
      operationName: 'LoggingWorkspace',
      operationType: 'query',
      keyId: keyIds.READ,
      workspaceId: workspace.id,
    });
    expect(ofConnection.find((line) => line.msg === 'websocket operation completed')).toMatchObject({
      operationName: 'LoggingWorkspace',
      durationMs: expect.any(Number),
    });
    expect(ofConnection.at(-1)).toMatchObject({ code: expect.any(Number), keyId: keyIds.READ, durationMs: expect.any(Number) });
  });

  it("logs each phase of the import job with the job's and its workspace's ids, and counts", () => {
    const ofJob = lines().filter((line) => line.jobId === uuidOf(jobId));
    for (const line of ofJob) expect(line.workspaceId).toBe(workspace.id);
    expect(ofJob.map((line) => line.msg)).toEqual([
      'import job claimed',
      'import job validating',
      'import job validated',
      'import job claimed',
      'import job writing',
      'import job completed',
    ]);
    expect(ofJob[2]).toMatchObject({ status: 'REVIEW', counts: { toCreate: 3, toUpdate: 0, toSkip: 0, errors: 1 } });
    expect(ofJob[5]).toMatchObject({ status: 'COMPLETED', counts: expect.objectContaining({ created: 3, updated: 0 }) });
  });

  it('logs a failed webhook delivery with its status and ids, without its payload', () => {
    const failed = lines().find((line) => line.msg === 'webhook delivery failed');
    expect(failed).toMatchObject({
      level: 'warn',
      webhookId: uuidOf(webhookId),
      workspaceId: workspace.id,
      statusCode: 500,
      failure: 'SERVER_ERROR',
      attempt: 1,
    });
    expect(JSON.stringify(failed)).not.toContain(uuidOf(jobId));
  });

  it('holds no key, no webhook secret and none of the values of the file, the search or the filter', () => {
    const text = logs.text();
    const secrets = [...Object.values(workspace.keys), BAD_KEY, WEBHOOK_SECRET, WEBHOOK_SECRET.slice('whsec_'.length)];
    const values = PEOPLE.flatMap((person) => [
      person.first,
      person.last,
      person.phone,
      person.email,
      ...(person.e164 ? [person.e164, person.e164.slice(1)] : []),
    ]);
    const found = [...secrets, ...values, SEARCH_TEXT, FILTER_VALUE].filter((value) => text.includes(value));
    expect(found).toEqual([]);
    // What the log says instead: ids (the bare UUIDs behind the API's global ids).
    expect(text).toContain(workspace.id);
    expect(text).toContain(uuidOf(jobId));
  });
});

describe('an unexpected error in a line', () => {
  it('keeps its class, code and stack, and leaves out quoted values and every other property', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "zeynep.okonkwo@leak-check.example"'), {
      code: '22P02',
      detail: 'Key (email)=(zeynep.okonkwo@leak-check.example) already exists.',
    });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ type: 'Error', code: '22P02', message: 'invalid input syntax for type uuid: "…"' });
    expect(fields.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(fields)).not.toContain('leak-check');
  });
});
