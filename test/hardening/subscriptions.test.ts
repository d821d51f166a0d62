import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { print, type ExecutionResult } from 'graphql';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/gql.ts';
import { useTestApp, type TestWorkspace } from '../support/app.ts';
import { killAll, productEnv, startNode } from '../support/processes.ts';
import { sseEvents } from '../support/sse.ts';

const WatchWaitingJob = graphql(`
  subscription WatchWaitingJob($jobId: ID!) {
    contactImportProgress(jobId: $jobId) { id status }
  }
`);

const StartWaitingImport = graphql(`
  mutation StartWaitingImport($text: String!) {
    startContactImport(input: { text: $text, fileName: "waiting.csv" }) {
      __typename
      ... on ImportJob { id status }
      ... on Error { message }
    }
  }
`);

const IssueSubscriberKey = graphql(`
  mutation IssueSubscriberKey($name: String!) {
    createApiKey(name: $name, scope: READ) {
      __typename
      ... on CreatedApiKey { secret apiKey { id } }
      ... on Error { message }
    }
  }
`);

const RevokeSubscriberKey = graphql(`
  mutation RevokeSubscriberKey($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { revokedAt } ... on Error { message } }
  }
`);

const CancelWaitingJob = graphql(`
  mutation CancelWaitingJob($jobId: ID!) {
    cancelContactImport(jobId: $jobId) { __typename ... on ImportJob { status } ... on Error { message } }
  }
`);

const StillServing = graphql(`
  query StillServing {
    workspace { id }
  }
`);

const PER_SOCKET = 200;
const PER_KEY = 300;
const LIVE_LIMITS = {
  maxConnections: 8,
  maxConnectionsPerKey: 3,
  maxSubscriptionsPerSocket: PER_SOCKET,
  maxSubscriptionsPerKey: PER_KEY,
  connectionInitWaitMs: 1_000,
};

// No import worker: the jobs here wait in MAPPING, and the process's CPU is measured.
const app = useTestApp({ worker: false, liveLimits: LIVE_LIMITS });
let wsUrl: string;

beforeAll(async () => {
  wsUrl = `${app.url.replace('http', 'ws')}/graphql`;
});
afterAll(async () => {
  await killAll();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An import of pasted text, waiting for its mapping: it does not move until someone acts on it. */
async function waitingJob(workspace: TestWorkspace): Promise<string> {
  const { startContactImport } = await app.data(StartWaitingImport, { text: 'Email\nada@example.com\n' }, workspace.keys.WRITE);
  if (startContactImport.__typename !== 'ImportJob') throw new Error(`import refused: ${JSON.stringify(startContactImport)}`);
  expect(startContactImport.status).toBe('MAPPING');
  return startContactImport.id;
}

async function issueKey(workspace: TestWorkspace): Promise<{ id: string; secret: string }> {
  const { createApiKey } = await app.data(IssueSubscriberKey, { name: 'subscriber' }, workspace.keys.ADMIN);
  if (createApiKey.__typename !== 'CreatedApiKey') throw new Error(createApiKey.message);
  return { id: createApiKey.apiKey.id, secret: createApiKey.secret };
}

/** Starts a subscription over graphql-ws and resolves with its first result, leaving it open. */
function firstResult(client: Client, jobId: string): Promise<ExecutionResult> {
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query: print(WatchWaitingJob), variables: { jobId } },
      { next: (result) => resolve(result as ExecutionResult), error: reject, complete: () => {} },
    );
  });
}

/** How a raw graphql-transport-ws socket ended up: acknowledged, or closed with a code and reason. */
type Opened = { socket: WebSocket; acknowledged: true } | { acknowledged: false; code: number; reason: string };

/** Opens a socket and sends `init` (a connection_init message) unless null. */
function openSocket(init: unknown): Promise<Opened> {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => {
      if (init !== null) socket.send(typeof init === 'string' ? init : JSON.stringify(init));
    });
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket, acknowledged: true });
    });
    socket.once('close', (code, reason) => resolve({ acknowledged: false, code, reason: String(reason) }));
  });
}

const init = (key: string) => ({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } });

async function closeAll(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(async (socket) => {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = once(socket, 'close');
      socket.close();
      await closed;
    }),
  );
}

async function healthy(workspace: TestWorkspace): Promise<void> {
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  const { workspace: answered } = await app.data(StillServing, {}, workspace.keys.READ);
  expect(answered.id).toBe(workspace.id);
}

/** A Yoga SSE subscription over fetch: its events as they come, and the means to hang up. */
function sse(key: string, jobId: string) {
  const controller = new AbortController();
  const events: ExecutionResult[] = [];
  let completed = false;
  const done = (async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(WatchWaitingJob), variables: { jobId } }),
      signal: controller.signal,
    });
    for await (const { event, data } of sseEvents(response.body)) {
      if (event === 'complete') completed = true;
      if (data) events.push(JSON.parse(data));
    }
  })().catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  return { events, done, completed: () => completed, abort: () => controller.abort() };
}

describe('WebSocket connections', () => {
  it('caps connections per key (4429) and in all (1013), naming the limit; closed ones free their places', async () => {
    const workspace = await app.createWorkspace('Connection caps');
    const open: WebSocket[] = [];
    const accept = async (key: string) => {
      const opened = await openSocket(init(key));
      if (!opened.acknowledged) throw new Error(`refused: ${opened.code} ${opened.reason}`);
      open.push(opened.socket);
    };
    try {
      for (let i = 0; i < 3; i++) await accept(workspace.keys.READ);
      expect(await openSocket(init(workspace.keys.READ))).toEqual({
        acknowledged: false,
        code: 4429,
        reason: 'TOO_MANY_CONNECTIONS_FOR_KEY: This API key already has 3 WebSocket connections open, the most allowed',
      });
      for (let i = 0; i < 3; i++) await accept(workspace.keys.WRITE);
      for (let i = 0; i < 2; i++) await accept(workspace.keys.ADMIN);
      expect(await openSocket(init(workspace.keys.ADMIN))).toEqual({
        acknowledged: false,
        code: 1013,
        reason: 'SERVER_FULL: This server holds its limit of 8 WebSocket connections: try again later',
      });
      await closeAll(open.splice(0, 1));
      // The server lets go of a socket when its TCP connection ends, a moment after the client's close.
      await expect
        .poll(async () => {
          const opened = await openSocket(init(workspace.keys.ADMIN));
          if (opened.acknowledged) open.push(opened.socket);
          return opened.acknowledged;
        })
        .toBe(true);
    } finally {
      await closeAll(open);
    }
    await healthy(workspace);
  });

  it('closes a socket without a key (4401), with an unknown key (4403), and one that never sends connection_init (4408)', async () => {
    const workspace = await app.createWorkspace('No key');
    expect(await openSocket({ type: 'connection_init' })).toMatchObject({
      acknowledged: false,
      code: 4401,
      reason: expect.stringContaining('authorization'),
    });
    expect(await openSocket({ type: 'connection_init', payload: {} })).toMatchObject({ acknowledged: false, code: 4401 });
    expect(await openSocket(init('sb_unknown'))).toMatchObject({ acknowledged: false, code: 4403 });
    const started = Date.now();
    expect(await openSocket(null)).toMatchObject({ acknowledged: false, code: 4408 });
    expect(Date.now() - started).toBeLessThan(3_000);
    await healthy(workspace);
  });

  it('closes a socket whose connection_init is larger than 1 MiB (1009) without reading it', async () => {
    const workspace = await app.createWorkspace('Oversized init');
    const huge = { type: 'connection_init', payload: { authorization: `Bearer ${workspace.keys.READ}`, padding: 'x'.repeat(2 * 2 ** 20) } };
    expect(await openSocket(huge)).toMatchObject({ acknowledged: false, code: 1009 });
    // A message just under the limit is read as usual.
    const opened = await openSocket({ ...huge, payload: { ...huge.payload, padding: 'x'.repeat(2 ** 20 - 1_000) } });
    expect(opened.acknowledged).toBe(true);
    if (opened.acknowledged) await closeAll([opened.socket]);
    await healthy(workspace);
  });
});

describe('subscriptions', () => {
  it('share one watch per job, refuse the one over the socket or key limit, and let go of everything when the clients leave', async () => {
    const workspace = await app.createWorkspace('Many subscribers');
    const jobId = await waitingJob(workspace);
    const key = workspace.keys.READ;
    const first = app.wsClient({ authorization: `Bearer ${key}` });
    const second = app.wsClient({ authorization: `Bearer ${key}` });

    const onFirst = await Promise.all(Array.from({ length: PER_SOCKET }, () => firstResult(first, jobId)));
    expect(onFirst.every((result) => (result.data as { contactImportProgress: { status: string } }).contactImportProgress.status === 'MAPPING')).toBe(
      true,
    );
    expect(app.events.watcherCount()).toBe(1);
    const overSocket = await firstResult(first, jobId);
    expect(overSocket.errors).toEqual([
      expect.objectContaining({
        message: `This WebSocket connection already has ${PER_SOCKET} open subscriptions, the most allowed: end one before starting another`,
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', per: 'socket', limit: PER_SOCKET },
      }),
    ]);

    const onSecond = await Promise.all(Array.from({ length: PER_KEY - PER_SOCKET }, () => firstResult(second, jobId)));
    expect(onSecond.every((result) => result.data !== undefined && result.errors === undefined)).toBe(true);
    const overKey = await firstResult(second, jobId);
    expect(overKey.errors).toEqual([
      expect.objectContaining({
        message: `This API key already has ${PER_KEY} open subscriptions, the most allowed: end one before starting another`,
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', per: 'key', limit: PER_KEY },
      }),
    ]);
    // SSE counts against the same key.
    const overKeySse = sse(key, jobId);
    await overKeySse.done;
    expect(overKeySse.events).toEqual([
      { errors: [expect.objectContaining({ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', per: 'key', limit: PER_KEY } })] },
    ]);
    expect(app.events.watcherCount()).toBe(1);

    await Promise.all([first.dispose(), second.dispose()]);
    await expect.poll(() => app.events.watcherCount(), { timeout: 1_000, interval: 20 }).toBe(0);
    const before = process.cpuUsage();
    await pause(1_000);
    const used = process.cpuUsage(before);
    // The server runs in this process: with every subscriber gone it has nothing left to do.
    expect((used.user + used.system) / 1_000_000).toBeLessThan(0.1);

    // The places are free again.
    const again = app.wsClient({ authorization: `Bearer ${key}` });
    expect(await firstResult(again, jobId)).toMatchObject({ data: { contactImportProgress: { id: jobId, status: 'MAPPING' } } });
    await again.dispose();
    await expect.poll(() => app.events.watcherCount(), { timeout: 1_000, interval: 20 }).toBe(0);
    await healthy(workspace);
  });

  it('ends an SSE subscription at once when its request is aborted; the others of the job keep being told', async () => {
    const workspace = await app.createWorkspace('SSE hang-up');
    const jobId = await waitingJob(workspace);
    const streams = Array.from({ length: 20 }, () => sse(workspace.keys.READ, jobId));
    await expect.poll(() => streams.every((stream) => stream.events.length === 1)).toBe(true);
    expect(app.events.watcherCount()).toBe(1);
    // The first half goes, the one that started the job's watch among them.
    const [leaving, staying] = [streams.slice(0, 10), streams.slice(10)];
    for (const stream of leaving) stream.abort();
    await Promise.all(leaving.map((stream) => stream.done));
    expect(app.events.watcherCount()).toBe(1);

    const { cancelContactImport } = await app.data(CancelWaitingJob, { jobId }, workspace.keys.WRITE);
    expect(cancelContactImport).toMatchObject({ status: 'CANCELLED' });
    await Promise.all(staying.map((stream) => stream.done));
    for (const stream of staying) {
      expect(stream.events.map((event) => (event.data as { contactImportProgress: { status: string } }).contactImportProgress.status)).toEqual([
        'MAPPING',
        'CANCELLED',
      ]);
      expect(stream.completed()).toBe(true);
    }
    await expect.poll(() => app.events.watcherCount(), { timeout: 1_000, interval: 20 }).toBe(0);
    await healthy(workspace);
  });
});

describe('revoking a key', () => {
  it('closes its WebSocket connections (4403) and ends its SSE subscriptions with an error within a second', async () => {
    const workspace = await app.createWorkspace('Revoked in this process');
    const jobId = await waitingJob(workspace);
    const doomed = await issueKey(workspace);
    const opened = await openSocket(init(doomed.secret));
    if (!opened.acknowledged) throw new Error(`refused: ${opened.code}`);
    const closed = once(opened.socket, 'close');
    opened.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: print(WatchWaitingJob), variables: { jobId } } }));
    await once(opened.socket, 'message');
    const stream = sse(doomed.secret, jobId);
    await expect.poll(() => stream.events.length).toBe(1);
    // Another key of the workspace keeps its subscription.
    const bystander = app.wsClient({ authorization: `Bearer ${workspace.keys.READ}` });
    await firstResult(bystander, jobId);

    const { revokeApiKey } = await app.data(RevokeSubscriberKey, { id: doomed.id }, workspace.keys.ADMIN);
    expect(revokeApiKey.__typename).toBe('ApiKey');
    const revokedAt = Date.now();
    const [code, reason] = await closed;
    expect({ code, reason: String(reason) }).toEqual({ code: 4403, reason: 'API_KEY_REVOKED: The API key has been revoked' });
    await stream.done;
    expect(Date.now() - revokedAt).toBeLessThan(1_000);
    expect(stream.events.at(-1)).toEqual({
      errors: [
        expect.objectContaining({ message: 'The API key has been revoked: this subscription has ended', extensions: { code: 'UNAUTHENTICATED' } }),
      ],
    });
    expect(stream.completed()).toBe(true);

    expect(app.events.watcherCount()).toBe(1);
    await bystander.dispose();
    await expect.poll(() => app.events.watcherCount(), { timeout: 1_000, interval: 20 }).toBe(0);
    expect(await openSocket(init(doomed.secret))).toMatchObject({ acknowledged: false, code: 4403 });
    await healthy(workspace);
  });

  it('ends them too when another process revokes it (the CLI)', async () => {
    const workspace = await app.createWorkspace('Revoked by the CLI');
    const jobId = await waitingJob(workspace);
    const doomed = await issueKey(workspace);
    const opened = await openSocket(init(doomed.secret));
    if (!opened.acknowledged) throw new Error(`refused: ${opened.code}`);
    const closed = once(opened.socket, 'close');
    const stream = sse(doomed.secret, jobId);
    await expect.poll(() => stream.events.length).toBe(1);

    const cli = startNode('src/cli/main.ts', productEnv(app.db.url, tmpdir()), ['key', 'revoke', '--workspace', workspace.id, doomed.id]);
    expect((await cli.exited).code).toBe(0);
    const exitedAt = Date.now();
    const [code] = await closed;
    expect(code).toBe(4403);
    await stream.done;
    expect(Date.now() - exitedAt).toBeLessThan(1_000);
    expect(stream.events.at(-1)).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    await healthy(workspace);
  });

  it('ends them once the LISTEN connection is back when the revocation came while it was down', async () => {
    const workspace = await app.createWorkspace('Revoked unheard');
    const doomed = await issueKey(workspace);
    const opened = await openSocket(init(doomed.secret));
    if (!opened.acknowledged) throw new Error(`refused: ${opened.code}`);
    const closed = once(opened.socket, 'close');

    const { rowCount } = await app.db.pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    expect(rowCount).toBe(1);
    // Revoked with no notification at all: only the check after reconnecting can find it.
    await app.db.pool.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [doomed.id]);
    const [code] = await closed;
    expect(code).toBe(4403);
    await healthy(workspace);
  });
});
