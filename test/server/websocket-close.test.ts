import { once } from 'node:events';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSES } from '../../src/server/close-reasons.ts';
import { DEFAULT_LIVE_LIMITS } from '../../src/server/live-limits.ts';
import { graphql } from '../generated/gql.ts';
import { startTestApp, useTestApp, type TestApp, type TestWorkspace } from '../support/app.ts';

/**
 * Every close the server sends over WebSocket carries its code and a reason a client can show,
 * starting with a stable short code: what a graphql-ws client's CloseEvent says, in each case.
 */

const ReadWorkspaceName = graphql(`
  query ReadWorkspaceName {
    workspace { name }
  }
`);

const WatchSomeJob = graphql(`
  subscription WatchSomeJob($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { status }
  }
`);

const StartTextImport = graphql(`
  mutation StartTextImport($text: String!) {
    startContactImport(input: { text: $text }) { __typename ... on ImportJob { id } ... on Error { message } }
  }
`);

const IssueClosingKey = graphql(`
  mutation IssueClosingKey($name: String!) {
    createApiKey(name: $name, scope: READ) { __typename ... on CreatedApiKey { secret apiKey { id } } ... on Error { message } }
  }
`);

const RevokeClosingKey = graphql(`
  mutation RevokeClosingKey($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }
  }
`);

interface Closed {
  code: number;
  reason: string;
}

const INIT_WAIT_MS = 500;
const app = useTestApp({ worker: false, liveLimits: { maxConnections: 3, maxConnectionsPerKey: 1, connectionInitWaitMs: INIT_WAIT_MS } });
let workspace: TestWorkspace;
const wsUrl = () => `${app.url.replace('http', 'ws')}/graphql`;

beforeAll(async () => {
  workspace = await app.createWorkspace();
});

/**
 * A graphql-ws client; `lazy: false` keeps its connection open with no operation running (its close
 * is read from the `closed` event, so it is not printed as an error too).
 */
function client(target: TestApp, connectionParams: Record<string, unknown>, lazy = true): Client {
  const url = `${target.url.replace('http', 'ws')}/graphql`;
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy, onNonLazyError: () => {} });
}

/** The CloseEvent a graphql-ws client gets when its first operation is refused by a close. */
async function refusal(connectionParams: Record<string, unknown>): Promise<Closed> {
  const refused = client(app, connectionParams);
  try {
    const outcome = await refused.iterate({ query: print(ReadWorkspaceName) }).next();
    throw new Error(`not refused: ${JSON.stringify(outcome)}`);
  } catch (error) {
    const { code, reason } = error as CloseEvent;
    return { code, reason };
  } finally {
    await refused.dispose();
  }
}

/**
 * A client whose first operation succeeded, and the close it will hear. The server lets go of a
 * closed socket when its TCP connection ends, a moment after the client's close: a connection
 * refused meanwhile as over a limit is tried again.
 */
async function connected(target: TestApp, key: string): Promise<{ client: Client; closed: Promise<Closed> }> {
  for (let attempt = 1; ; attempt++) {
    const open = client(target, { authorization: `Bearer ${key}` }, false);
    const closed = new Promise<Closed>((resolve) =>
      open.on('closed', (event) => {
        const { code, reason } = event as CloseEvent;
        resolve({ code, reason });
      }),
    );
    try {
      const first = await open.iterate({ query: print(ReadWorkspaceName) }).next();
      expect(first.value?.data).toEqual({ workspace: { name: expect.any(String) } });
      return { client: open, closed };
    } catch (error) {
      await open.dispose();
      if (attempt === 20 || ![1013, 4429].includes((error as CloseEvent).code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A raw socket asking for `protocols`: sends `messages` once open, and resolves with its close. */
async function rawClose(messages: unknown[], protocols = ['graphql-transport-ws']): Promise<Closed> {
  const socket = new WebSocket(wsUrl(), protocols);
  await once(socket, 'open');
  for (const message of messages) socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
  return { code, reason: String(reason) };
}

const init = (key: string) => ({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } });

describe('WebSocket closes, as a graphql-ws client sees them', () => {
  it('a connection_init without a key: 4401 MISSING_API_KEY', async () => {
    const expected = { code: 4401, reason: 'MISSING_API_KEY: connection_init must carry { "authorization": "Bearer <API key>" }' };
    expect(await refusal({})).toEqual(expected);
    expect(await refusal({ authorization: 42 })).toEqual(expected);
  });

  it('an unknown or malformed key: 4403 INVALID_API_KEY', async () => {
    const expected = { code: 4403, reason: 'INVALID_API_KEY: The API key is malformed, unknown or revoked' };
    expect(await refusal({ authorization: 'Bearer sb_unknown' })).toEqual(expected);
    expect(await refusal({ authorization: 'Basic abc' })).toEqual(expected);
  });

  it('a key over its connection limit: 4429 TOO_MANY_CONNECTIONS_FOR_KEY', async () => {
    const held = await connected(app, workspace.keys.WRITE);
    expect(await refusal({ authorization: `Bearer ${workspace.keys.WRITE}` })).toEqual({
      code: 4429,
      reason: 'TOO_MANY_CONNECTIONS_FOR_KEY: This API key already has 1 WebSocket connections open, the most allowed',
    });
    await held.client.dispose();
  });

  it('a process at its connection limit: 1013 SERVER_FULL', async () => {
    const held = [await connected(app, workspace.keys.READ), await connected(app, workspace.keys.WRITE), await connected(app, workspace.keys.ADMIN)];
    expect(await refusal({ authorization: `Bearer ${workspace.keys.READ}` })).toEqual({
      code: 1013,
      reason: 'SERVER_FULL: This server holds its limit of 3 WebSocket connections: try again later',
    });
    await Promise.all(held.map(({ client }) => client.dispose()));
  });

  it('a key revoked while connected: 4403 API_KEY_REVOKED, with a subscription open', async () => {
    const { createApiKey } = await app.data(IssueClosingKey, { name: 'doomed' }, workspace.keys.ADMIN);
    if (createApiKey.__typename !== 'CreatedApiKey') throw new Error(createApiKey.message);
    const { startContactImport } = await app.data(StartTextImport, { text: 'Email\nada@example.com\n' }, workspace.keys.ADMIN);
    if (startContactImport.__typename !== 'ImportJob') throw new Error(startContactImport.message);
    const doomed = await connected(app, createApiKey.secret);
    const progress = doomed.client.iterate({ query: print(WatchSomeJob), variables: { jobId: startContactImport.id } });
    expect((await progress.next()).value?.data).toEqual({ contactImportProgress: { status: 'MAPPING' } });
    await app.data(RevokeClosingKey, { id: createApiKey.apiKey.id }, workspace.keys.ADMIN);
    expect(await doomed.closed).toEqual({ code: 4403, reason: 'API_KEY_REVOKED: The API key has been revoked' });
    await doomed.client.dispose();
  });

  it('the server stopping: 1001 SERVER_SHUTTING_DOWN', async () => {
    const stopping = await startTestApp({ worker: false });
    const other = await stopping.createWorkspace();
    const open = await connected(stopping, other.keys.READ);
    await stopping.close();
    expect(await open.closed).toEqual({ code: 1001, reason: 'SERVER_SHUTTING_DOWN: The server is stopping: connect again' });
    await open.client.dispose();
  });
});

it('keeps every reason within a close frame (123 bytes), starting with its code, at the largest limits', () => {
  const reasons = [
    CLOSES.missingKey,
    CLOSES.invalidKey,
    CLOSES.keyRevoked,
    CLOSES.tooManyForKey(DEFAULT_LIVE_LIMITS.maxConnectionsPerKey * 1000),
    CLOSES.serverFull(DEFAULT_LIVE_LIMITS.maxConnections * 1000),
    CLOSES.shuttingDown,
  ].map((close) => close.reason);
  for (const reason of reasons) {
    expect(reason).toMatch(/^[A-Z_]+: \S/);
    expect(Buffer.byteLength(reason), reason).toBeLessThanOrEqual(123);
  }
});

describe("graphql-ws's own closes, coded the same way", () => {
  it('no connection_init in time: 4408 CONNECTION_INIT_TIMEOUT', async () => {
    expect(await rawClose([])).toEqual({
      code: 4408,
      reason: `CONNECTION_INIT_TIMEOUT: No connection_init came within ${INIT_WAIT_MS} ms of opening`,
    });
  });

  it('a message that is not graphql-transport-ws: 4400 BAD_MESSAGE', async () => {
    expect(await rawClose(['{ not json'])).toEqual({ code: 4400, reason: 'BAD_MESSAGE: A message was not a graphql-transport-ws message' });
  });

  it('a subscribe before connection_ack: 4401 NOT_ACKNOWLEDGED', async () => {
    const subscribe = { id: '1', type: 'subscribe', payload: { query: print(ReadWorkspaceName) } };
    expect(await rawClose([subscribe])).toEqual({ code: 4401, reason: 'NOT_ACKNOWLEDGED: subscribe was sent before connection_ack' });
  });

  it('a second connection_init: 4429 DUPLICATE_CONNECTION_INIT', async () => {
    expect(await rawClose([init(workspace.keys.READ), init(workspace.keys.READ)])).toEqual({
      code: 4429,
      reason: 'DUPLICATE_CONNECTION_INIT: connection_init was sent twice',
    });
  });

  it('an operation id already running: 4409 DUPLICATE_OPERATION_ID', async () => {
    const { startContactImport } = await app.data(StartTextImport, { text: 'Email\nbo@example.com\n' }, workspace.keys.ADMIN);
    if (startContactImport.__typename !== 'ImportJob') throw new Error(startContactImport.message);
    const subscribe = { id: 'same', type: 'subscribe', payload: { query: print(WatchSomeJob), variables: { jobId: startContactImport.id } } };
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    await once(socket, 'open');
    socket.send(JSON.stringify(init(workspace.keys.READ)));
    await once(socket, 'message');
    socket.send(JSON.stringify(subscribe));
    socket.send(JSON.stringify(subscribe));
    const [code, reason] = (await once(socket, 'close')) as [number, Buffer];
    expect({ code, reason: String(reason) }).toEqual({
      code: 4409,
      reason: 'DUPLICATE_OPERATION_ID: An operation with this id is already running on this connection',
    });
  });

  it('a message over the size limit: 1009 MESSAGE_TOO_LARGE', async () => {
    expect(await rawClose(['x'.repeat(2 ** 20 + 1)])).toEqual({
      code: 1009,
      reason: `MESSAGE_TOO_LARGE: A message was larger than ${2 ** 20} bytes`,
    });
  });

  it('no subprotocol: 4406 UNSUPPORTED_SUBPROTOCOL', async () => {
    expect(await rawClose([], [])).toEqual({ code: 4406, reason: 'UNSUPPORTED_SUBPROTOCOL: Connect with the graphql-transport-ws subprotocol' });
  });
});
