/**
 * The database as GraphQL requests use it: a pool of its own whose statements PostgreSQL stops
 * after a time limit, shared between workspaces so that none can hold every connection, and whose
 * running statement is cancelled when the request that started it goes away. Imports, exports and
 * the worker keep the main pool, without the time limit: their statements are long by design.
 *
 * A request's workspace and abort signal reach the pool through an AsyncLocalStorage scope (the
 * server runs each operation in one), so that Prisma's queries and the services' SQL are both
 * covered without either passing anything along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';
import type { Database } from './client.ts';

/** How long one statement of a query (or a subscription) may run before PostgreSQL stops it. */
export const API_STATEMENT_TIMEOUT_MS = 10_000;
/**
 * How long one statement of a mutation may run: mutations write in bulk (a sync of 10,000 records,
 * an opt-out list of a million addresses, a group filled by a filter) in set-based statements.
 */
export const MUTATION_STATEMENT_TIMEOUT_MS = 300_000;
/** Connections of the API's pool for queries and subscriptions. */
export const API_POOL_SIZE = 10;
/** Connections of the API's pool for mutations. */
export const MUTATION_POOL_SIZE = 5;
/** Connections of the API's pools one workspace may hold at once: fewer than all, so others always find one. */
export const WORKSPACE_CONNECTIONS = 4;
/** How long a request waits for one of its workspace's connections before it is answered SERVER_BUSY. */
export const WORKSPACE_WAIT_MS = 3_000;

export interface ApiDatabaseOptions {
  statementTimeoutMs: number;
  mutationStatementTimeoutMs: number;
  poolSize: number;
  connectionsPerWorkspace: number;
  waitMs: number;
}

const DEFAULTS: ApiDatabaseOptions = {
  statementTimeoutMs: API_STATEMENT_TIMEOUT_MS,
  mutationStatementTimeoutMs: MUTATION_STATEMENT_TIMEOUT_MS,
  poolSize: API_POOL_SIZE,
  connectionsPerWorkspace: WORKSPACE_CONNECTIONS,
  waitMs: WORKSPACE_WAIT_MS,
};

/** Whose request a statement belongs to, and the signal that fires when that request is gone. */
export interface RequestScope {
  workspaceId: string;
  signal?: AbortSignal;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it starts) as part of a request of `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** A workspace already holds its share of the API's connections, and none came free in time. */
export class ServerBusyError extends Error {
  readonly code = 'SERVER_BUSY';
  constructor(
    readonly connections: number,
    readonly waitMs: number,
  ) {
    super(`This workspace already runs ${connections} database statements at once and none finished within ${waitMs} ms; retry shortly`);
  }
}

/** The request went away (the client disconnected) before its statement could start. */
export class RequestAbortedError extends Error {
  readonly code = 'REQUEST_ABORTED';
  constructor() {
    super('The request was aborted');
  }
}

/**
 * Counts the connections each workspace holds. A workspace at its share waits, for a bounded time;
 * a place given back goes straight to the longest waiter, so nobody overtakes the queue.
 */
class WorkspaceGate {
  private readonly holders = new Map<string, { held: number; waiting: (() => void)[] }>();

  constructor(
    private readonly share: number,
    private readonly waitMs: number,
  ) {}

  /** Resolves to the function that gives the place back, once the workspace has one. */
  async enter(workspaceId: string, signal: AbortSignal | undefined): Promise<() => void> {
    let state = this.holders.get(workspaceId);
    if (!state) {
      state = { held: 0, waiting: [] };
      this.holders.set(workspaceId, state);
    }
    if (state.held < this.share) state.held += 1;
    else await this.wait(state, signal);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = state.waiting.shift();
      if (next) return next();
      state.held -= 1;
      if (state.held === 0) this.holders.delete(workspaceId);
    };
  }

  /** Waits until a holder hands its place over; the place is then this caller's. */
  private wait(state: { waiting: (() => void)[] }, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const give = () => {
        settle();
        resolve();
      };
      const fail = (error: Error) => {
        state.waiting.splice(state.waiting.indexOf(give), 1);
        settle();
        reject(error);
      };
      const onAbort = () => fail(new RequestAbortedError());
      const timer = setTimeout(() => fail(new ServerBusyError(this.share, this.waitMs)), this.waitMs);
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      state.waiting.push(give);
    });
  }
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * A pool whose connections, taken inside a request scope, count against the workspace's share and
 * are cancelled with their request. Both `query` and `connect` (Prisma's transactions,
 * `inTransaction`) go through `connect`.
 */
class ApiPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly gate: WorkspaceGate,
    /** Runs the cancellations: a pool apart, so that it has a connection when this one has none. */
    private readonly canceller: pg.Pool,
  ) {
    super(config);
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    const scope = scopes.getStore();
    if (!scope) {
      if (!callback) return super.connect();
      super.connect(callback);
      return;
    }
    const acquired = this.acquire(scope);
    if (!callback) return acquired;
    void acquired.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
  }

  private async acquire(scope: RequestScope): Promise<pg.PoolClient> {
    const { signal } = scope;
    if (signal?.aborted) throw new RequestAbortedError();
    const leave = await this.gate.enter(scope.workspaceId, signal);
    let client: pg.PoolClient;
    try {
      client = await super.connect();
    } catch (error) {
      leave();
      throw error;
    }
    let cancelled = false;
    const onAbort = () => {
      cancelled = true;
      const pid = (client as pg.PoolClient & { processID?: number }).processID;
      if (pid) this.canceller.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => {});
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const release = client.release.bind(client);
    client.release = (error?: Error | boolean) => {
      signal?.removeEventListener('abort', onAbort);
      leave();
      // A connection whose statement was cancelled is closed rather than reused: a cancellation that
      // arrives late must not stop another request's statement.
      release(cancelled ? true : error);
    };
    if (signal?.aborted) onAbort();
    return client;
  }
}

/**
 * The API's views of the database: one for queries (and subscriptions), one for mutations, each a
 * pool with its statement timeout and a Prisma client on it, sharing one count of each workspace's
 * connections. `close` ends only what was opened here.
 */
export interface ApiDatabases {
  queries: Database;
  mutations: Database;
  settings: ApiDatabaseOptions;
  close(): Promise<void>;
}

export function openApiDatabases(db: Database, options: Partial<ApiDatabaseOptions> = {}): ApiDatabases {
  const settings = { ...DEFAULTS, ...options };
  const gate = new WorkspaceGate(settings.connectionsPerWorkspace, settings.waitMs);
  const open = (max: number, statementTimeoutMs: number): Database => {
    const pool = new ApiPool({ connectionString: db.url, max, statement_timeout: statementTimeoutMs }, gate, db.pool);
    // An idle client that loses its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      url: db.url,
      pool,
      prisma,
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  };
  const queries = open(settings.poolSize, settings.statementTimeoutMs);
  const mutations = open(MUTATION_POOL_SIZE, settings.mutationStatementTimeoutMs);
  return {
    queries,
    mutations,
    settings,
    async close() {
      await Promise.all([queries.close(), mutations.close()]);
    },
  };
}

/** PostgreSQL's code for a statement cancelled, by statement_timeout or by a cancel request. */
const QUERY_CANCELED = '57014';

/** How the API's database failed a statement, when it did in one of the ways this module causes. */
export type ApiDatabaseFailure = 'SERVER_BUSY' | 'REQUEST_ABORTED' | 'STATEMENT_TIMEOUT';

/**
 * Looks through an error and the errors it wraps (GraphQL's `originalError`, `cause`, the driver
 * error Prisma keeps in `meta`) for a busy workspace, an aborted request or a statement PostgreSQL
 * cancelled: one that ran out of time, or one cancelled because its request was aborted. Prisma
 * keeps only the `code` of an error of ours, so the code is what is matched.
 */
export function apiDatabaseFailure(error: unknown): ApiDatabaseFailure | undefined {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const { code, originalCode, message, originalMessage, originalError, cause, meta } = current as Record<string, unknown>;
    if (code === 'SERVER_BUSY' || code === 'REQUEST_ABORTED') return code;
    if (code === QUERY_CANCELED || originalCode === QUERY_CANCELED) {
      return String(originalMessage ?? message).includes('statement timeout') ? 'STATEMENT_TIMEOUT' : 'REQUEST_ABORTED';
    }
    pending.push(originalError, cause, (meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError);
  }
  return undefined;
}
