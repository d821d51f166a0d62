import { print } from 'graphql';
import { createClient, NetworkError, type Client } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';

/**
 * Subscriptions over server-sent events with a real graphql-sse client: its distinct connections
 * mode works; its single connection mode, whose reservation would live in one process's memory, is
 * refused with a 405 that names the mode to use.
 */

const SseWatch = graphql(`
  subscription SseWatch($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status }
  }
`);

const SseStart = graphql(`
  mutation SseStart($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);

const SseCancel = graphql(`
  mutation SseCancel($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const SseWorkspace = graphql(`
  query SseWorkspace {
    workspace { name }
  }
`);

const app = useTestApp({ worker: false });
let workspace: TestWorkspace;
const clients: Client[] = [];
beforeAll(async () => {
  workspace = await app.createWorkspace('Over SSE');
});
afterAll(() => {
  for (const client of clients) client.dispose();
});

/** A graphql-sse client; `answers` gets the body of every answer it receives, read before the client hangs up. */
function sseClient(singleConnection: boolean, answers: { method: string; status: number; body: string }[] = []): Client {
  const client = createClient({
    url: `${app.url}/graphql`,
    singleConnection,
    headers: { authorization: `Bearer ${workspace.keys.WRITE}` },
    retryAttempts: 0,
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
        answers.push({ method: init?.method ?? 'GET', status: response.status, body: await response.clone().text() });
      }
      return response;
    },
  });
  clients.push(client);
  return client;
}

describe('graphql-sse, distinct connections mode', () => {
  it('follows an import until it ends, and runs a query', async () => {
    const { startContactImport } = await app.data(SseStart, { text: 'Email\nada@example.com\n' }, workspace.keys.WRITE);
    if (startContactImport.__typename !== 'ImportJob') throw new Error(startContactImport.message);
    const client = sseClient(false);
    const statuses: string[] = [];
    const events = client.iterate({ query: print(SseWatch), variables: { jobId: startContactImport.id } });
    const first = await events.next();
    statuses.push((first.value as { data: { contactImportProgress: { status: string } } }).data.contactImportProgress.status);
    await app.data(SseCancel, { jobId: startContactImport.id }, workspace.keys.WRITE);
    for await (const event of events)
      statuses.push((event as { data: { contactImportProgress: { status: string } } }).data.contactImportProgress.status);
    expect(statuses).toEqual(['MAPPING', 'CANCELLED']);

    const answered = await client.iterate({ query: print(SseWorkspace) }).next();
    expect(answered.value).toEqual({ data: { workspace: { name: 'Over SSE' } } });
  });
});

describe('graphql-sse, single connection mode', () => {
  it('is refused at its reservation (PUT) with 405 and a body naming distinct connections mode', async () => {
    const answers: { method: string; status: number; body: string }[] = [];
    const client = sseClient(true, answers);
    const refused = await client
      .iterate({ query: print(SseWorkspace) })
      .next()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(refused).toBeInstanceOf(NetworkError);
    expect((refused as NetworkError).response?.status).toBe(405);
    expect(answers.map(({ method, status }) => ({ method, status }))).toEqual([{ method: 'PUT', status: 405 }]);
    expect(JSON.parse(answers[0]!.body)).toEqual({
      errors: [{ message: expect.stringContaining('`singleConnection: false`'), extensions: { code: 'SSE_SINGLE_CONNECTION_UNSUPPORTED' } }],
    });
  });

  it('answers any PUT on the endpoint so, with the methods it allows', async () => {
    const response = await fetch(`${app.url}/graphql`, { method: 'PUT', headers: { authorization: `Bearer ${workspace.keys.READ}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    const body = await response.json();
    expect(body.errors[0].message).toContain('distinct connections mode');
  });
});
