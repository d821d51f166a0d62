import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { killAll, LISTENING, startNode, startProcess, type Exit, type ProductProcess } from '../support/processes.ts';

/**
 * `npm start` and the CLI as a new user runs them: real child processes on their own embedded
 * PostgreSQL in a fresh DATA_DIR (never DATABASE_URL, so nothing here depends on the test run's
 * database except the one DATABASE_URL step, which says so).
 */

/** A server start-up is initdb (first time only) + PostgreSQL start + tsx compile: seconds on 2 cores. */
const START_TIMEOUT = 60_000;
const CLI_TIMEOUT = 45_000;
/** `npm run cli` runs dist/, and builds it first when a source is newer (tsc over src/: up to a minute on 2 busy cores). */
const NPM_CLI_TIMEOUT = CLI_TIMEOUT + 90_000;
const STOP_TIMEOUT = 20_000;

const KEY = /\bsb_[A-Za-z0-9_-]{20,}/;
const KEY_ONLY = /^sb_[A-Za-z0-9_-]{20,}$/;

// ---------------------------------------------------------------------------------------------
// Child processes

interface CliResult extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion: `node --import tsx src/cli/main.ts ...`, or the documented `npm run --silent cli -- ...`. */
async function runCli(args: string[], env: NodeJS.ProcessEnv, options: { viaNpm?: boolean } = {}): Promise<CliResult> {
  const cli = options.viaNpm ? startProcess('npm', ['run', '--silent', 'cli', '--', ...args], env) : startNode('src/cli/main.ts', env, args);
  const timer = setTimeout(() => cli.kill('SIGKILL'), (options.viaNpm ? NPM_CLI_TIMEOUT : CLI_TIMEOUT) - 5_000);
  const exit = await cli.exited;
  clearTimeout(timer);
  return { ...exit, stdout: cli.stdout(), stderr: cli.stderr() };
}

/** The CLI's result: exit code 0 and exactly one line of JSON on stdout. */
function cliJson(result: CliResult): Record<string, unknown> {
  const context = `exit ${JSON.stringify({ code: result.code, signal: result.signal })}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`;
  expect(result.code, context).toBe(0);
  expect(result.stdout, context).toMatch(/^[^\n]+\n$/);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster pid PostgreSQL recorded for the cluster in `dataDir`, if the file is there. */
async function postmasterPid(dataDir: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return pid || undefined;
  } catch {
    return undefined;
  }
}

async function expectNoPostgres(dataDir: string, knownPid?: number): Promise<void> {
  const pid = await postmasterPid(dataDir);
  if (pid !== undefined) expect(isAlive(pid), `postgres ${pid} of ${dataDir} still runs`).toBe(false);
  if (knownPid !== undefined) expect(isAlive(knownPid), `postgres ${knownPid} of ${dataDir} still runs`).toBe(false);
}

/** SIGTERM to the server's node process alone: stopping its PostgreSQL is the server's job. */
async function stopServer(server: ProductProcess, timeoutMs: number): Promise<Exit> {
  server.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeoutMs} ms of SIGTERM:\n${server.output()}`)), timeoutMs);
  });
  try {
    return await Promise.race([server.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface GraphQLResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the queries here are plain strings; their data is read as each query shapes it.
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(baseUrl: string, key: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}

/** Expects HTTP 200 without GraphQL errors; returns the data. */
// biome-ignore lint/suspicious/noExplicitAny: as GraphQLResponse's data.
async function data(baseUrl: string, key: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const { status, body } = await post(baseUrl, key, query, variables);
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return body.data!;
}

const CREATE_CONTACT = `
  mutation CreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      __typename
      ... on Contact { id }
      ... on Error { message }
    }
  }
`;
const LIST_CONTACTS = `query ListContacts { contacts(first: 10) { totalCount edges { node { id name } } } }`;
const WORKSPACE = `query Workspace { workspace { id name } }`;
const ADA = { firstName: 'Ada', details: [{ kind: 'PHONE', value: '+12025550143' }] };

// ---------------------------------------------------------------------------------------------

// One scenario, in order: a new user's first start, the CLI beside the running server, a clean stop,
// the CLI without a server, a second start that keeps the data, and a last clean stop. The steps
// share the started processes (each start-up costs seconds), so each one builds on the one before.
describe('npm start and the CLI on one embedded database', () => {
  let tempRoot: string;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ProductProcess | undefined;
  let baseUrl: string;
  let postgresPid: number | undefined;
  let testDatabase: TestDatabase | undefined;

  // What the steps learn and later steps rely on.
  let firstKey: string;
  let adaId: string;
  let acme: { workspaceId: string; apiKey: string };
  let offline: { workspaceId: string; apiKey: string };

  /** The server output names the data folder; a temporary folder's name must not pass for a key. */
  const withoutDataDir = (output: string) => output.replaceAll(dataDir, '<DATA_DIR>');

  beforeAll(async () => {
    tempRoot = await mkdtemp(path.join(tmpdir(), 'switchboard-process-'));
    // mkdtemp makes the folder private; as root, PostgreSQL runs as its own user and must enter it.
    await chmod(tempRoot, 0o755);
    dataDir = path.join(tempRoot, 'data');
    // As a new user's shell has it: no DATABASE_URL, and not vitest's NODE_ENV=test.
    env = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0' };
    delete env.DATABASE_URL;
    delete env.NODE_ENV;
  });

  afterAll(async () => {
    // Whatever a failed step left running: SIGTERM first (so postgres stops cleanly), then SIGKILL.
    await killAll(STOP_TIMEOUT / 2);
    if (dataDir) {
      // A postmaster that outlived its parent (the bug step (c) looks for) must not outlive the run.
      const pid = await postmasterPid(dataDir);
      if (pid !== undefined && isAlive(pid)) {
        process.kill(pid, 'SIGQUIT');
        for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await testDatabase?.drop();
    if (tempRoot) await rm(tempRoot, { recursive: true, force: true });
  }, STOP_TIMEOUT + 15_000);

  it(
    '(a) first start: prints the GraphiQL URL and an admin key; health, createContact and contacts work',
    async () => {
      server = startNode('src/main.ts', env);
      const [, url] = await server.waitFor(LISTENING, START_TIMEOUT - 10_000);
      baseUrl = url!;
      const [key] = await server.waitFor(KEY, 10_000);
      firstKey = key;
      expect(server.output()).toContain('Embedded PostgreSQL');
      // The key is printed once, on stdout, with how to use it.
      expect(server.stdout().match(new RegExp(KEY.source, 'g'))).toEqual([firstKey]);
      postgresPid = await postmasterPid(dataDir);
      expect(postgresPid && isAlive(postgresPid)).toBe(true);

      const health = await fetch(`${baseUrl}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });

      const graphiql = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      expect(graphiql.status).toBe(200);
      expect(await graphiql.text()).toContain('<html');

      const created = await data(baseUrl, firstKey, CREATE_CONTACT, { input: ADA });
      expect(created.createContact).toMatchObject({ __typename: 'Contact', id: expect.any(String) });
      adaId = created.createContact.id;

      const listed = await data(baseUrl, firstKey, LIST_CONTACTS);
      expect(listed.contacts).toEqual({ totalCount: 1, edges: [{ node: { id: adaId, name: 'Ada' } }] });
    },
    START_TIMEOUT,
  );

  it(
    '(b1) while it runs, `npm run --silent cli -- workspace create Acme` prints JSON whose key works on the server',
    async () => {
      expect(baseUrl, 'needs step (a)').toBeDefined();
      const result = await runCli(['workspace', 'create', 'Acme'], env, { viaNpm: true });
      const printed = cliJson(result);
      expect(Object.keys(printed).sort()).toEqual(['apiKey', 'workspaceId']);
      expect(printed.apiKey).toMatch(KEY_ONLY);
      acme = printed as typeof acme;
      // Which database it used goes to stderr; the data folder is the server's, so no warning.
      expect(result.stderr).toContain(`using the embedded database in ${dataDir}, already running on port `);
      expect(result.stderr).not.toContain('warning');

      // The CLI reused the running PostgreSQL rather than starting (or stopping) one.
      expect(await postmasterPid(dataDir)).toBe(postgresPid);
      expect(isAlive(postgresPid!)).toBe(true);

      const { workspace } = await data(baseUrl, acme.apiKey, WORKSPACE);
      expect(workspace).toEqual({ id: acme.workspaceId, name: 'Acme' });
      // A separate workspace: Ada is not in it, and the first key still sees her.
      expect((await data(baseUrl, acme.apiKey, LIST_CONTACTS)).contacts.totalCount).toBe(0);
      expect((await data(baseUrl, firstKey, LIST_CONTACTS)).contacts.totalCount).toBe(1);
    },
    NPM_CLI_TIMEOUT,
  );

  it(
    '(b2) `key create --scope READ` gives a key that can query but not mutate; `key revoke` makes it get 401',
    async () => {
      expect(acme, 'needs step (b1)').toBeDefined();
      const created = cliJson(await runCli(['key', 'create', '--workspace', acme.workspaceId, '--scope', 'READ'], env));
      expect(created).toEqual({ keyId: expect.any(String), apiKey: expect.stringMatching(KEY_ONLY), scope: 'READ' });
      const readKey = created.apiKey as string;

      expect((await data(baseUrl, readKey, WORKSPACE)).workspace).toEqual({ id: acme.workspaceId, name: 'Acme' });
      const refused = await post(baseUrl, readKey, CREATE_CONTACT, { input: ADA });
      expect(refused.body.errors?.[0]?.extensions?.code, JSON.stringify(refused.body)).toBe('FORBIDDEN');
      expect(refused.body.data?.createContact ?? null).toBeNull();
      expect((await data(baseUrl, acme.apiKey, LIST_CONTACTS)).contacts.totalCount).toBe(0);

      const revoked = cliJson(await runCli(['key', 'revoke', '--workspace', acme.workspaceId, created.keyId as string], env));
      expect(revoked).toEqual({ keyId: created.keyId, revokedAt: expect.any(String) });
      expect(Number.isNaN(Date.parse(revoked.revokedAt as string))).toBe(false);

      const afterRevoke = await post(baseUrl, readKey, WORKSPACE);
      expect(afterRevoke.status).toBe(401);
      expect(afterRevoke.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // Only that key: the workspace's admin key still works.
      expect((await data(baseUrl, acme.apiKey, WORKSPACE)).workspace.name).toBe('Acme');
      expect(await postmasterPid(dataDir)).toBe(postgresPid);
    },
    CLI_TIMEOUT * 2,
  );

  it(
    '(c) SIGTERM stops the server with exit code 0 and stops its PostgreSQL',
    async () => {
      expect(server, 'needs step (a)').toBeDefined();
      const started = Date.now();
      const exit = await stopServer(server!, STOP_TIMEOUT);
      expect(exit, server!.output()).toEqual({ code: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(10_000);
      await expectNoPostgres(dataDir, postgresPid);
      expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      await expect(fetch(`${baseUrl}/healthz`)).rejects.toThrow();
    },
    STOP_TIMEOUT + 5_000,
  );

  it(
    '(e1) with no server running, the CLI starts the embedded PostgreSQL on DATA_DIR itself and stops it again',
    async () => {
      expect(server?.child.exitCode, 'needs step (c)').toBe(0);
      const result = await runCli(['workspace', 'create', 'Offline'], env);
      offline = cliJson(result) as typeof offline;
      expect(offline).toEqual({ workspaceId: expect.any(String), apiKey: expect.stringMatching(KEY_ONLY) });
      expect(result.stderr).toContain(
        `using the embedded database in ${dataDir}, started for this command and stopped after it (DATABASE_URL not set)`,
      );
      expect(result.stderr).not.toContain('warning');
      await expectNoPostgres(dataDir);
      // Checked against the server in step (d).
    },
    CLI_TIMEOUT,
  );

  it(
    '(e2) with DATABASE_URL, the CLI uses that database and no embedded one',
    async () => {
      testDatabase = await createTestDatabase();
      const unusedDataDir = path.join(tempRoot, 'unused-data');
      const result = await runCli(['workspace', 'create', 'Via URL'], { ...env, DATABASE_URL: testDatabase.url, DATA_DIR: unusedDataDir });
      const printed = cliJson(result);
      expect(printed).toEqual({ workspaceId: expect.any(String), apiKey: expect.stringMatching(KEY_ONLY) });
      // Where, without the credentials.
      const url = new URL(testDatabase.url);
      expect(result.stderr).toContain(`using DATABASE_URL (${url.host}${url.pathname})`);
      expect(result.stderr).not.toContain(decodeURIComponent(url.password));
      expect(result.stderr).not.toContain(`${url.username}:`);

      const { rows } = await testDatabase.pool.query(
        'SELECT w.name, k.scope FROM workspaces w JOIN api_keys k ON k.workspace_id = w.id WHERE w.id = $1',
        [printed.workspaceId],
      );
      expect(rows).toEqual([{ name: 'Via URL', scope: 'ADMIN' }]);
      expect(existsSync(unusedDataDir)).toBe(false);
    },
    CLI_TIMEOUT,
  );

  it(
    '(d) a second start on the same DATA_DIR prints no new key and keeps the data',
    async () => {
      expect(firstKey && adaId && offline, 'needs steps (a) and (e1)').toBeTruthy();
      server = startNode('src/main.ts', env);
      const [, url] = await server.waitFor(LISTENING, START_TIMEOUT - 10_000);
      baseUrl = url!;
      postgresPid = await postmasterPid(dataDir);

      const listed = await data(baseUrl, firstKey, LIST_CONTACTS);
      expect(listed.contacts).toEqual({ totalCount: 1, edges: [{ node: { id: adaId, name: 'Ada' } }] });
      expect((await data(baseUrl, acme.apiKey, WORKSPACE)).workspace).toEqual({ id: acme.workspaceId, name: 'Acme' });
      // What the CLI made with no server running is there too.
      expect((await data(baseUrl, offline.apiKey, WORKSPACE)).workspace).toEqual({ id: offline.workspaceId, name: 'Offline' });
      expect(withoutDataDir(server.output())).not.toMatch(/sb_/);
      // Checked once more over the whole output when this server stops, in the last step.
    },
    START_TIMEOUT,
  );

  it(
    '(e3) with another DATA_DIR than the running server, the CLI warns that it started a new, empty database, whose key the server refuses',
    async () => {
      expect(server?.child.exitCode, 'needs the server of step (d)').toBeNull();
      const otherDataDir = path.join(tempRoot, 'other-data');
      const result = await runCli(['workspace', 'create', 'Elsewhere'], { ...env, DATA_DIR: otherDataDir }, { viaNpm: true });
      const printed = cliJson(result);
      expect(printed).toEqual({ workspaceId: expect.any(String), apiKey: expect.stringMatching(KEY_ONLY) });
      expect(result.stderr).toContain(
        `using the embedded database in ${otherDataDir}, started for this command and stopped after it (DATABASE_URL not set)`,
      );
      expect(result.stderr).toContain(
        `warning: this started a new, empty database in ${otherDataDir}; if your server runs with another DATA_DIR, run the CLI with the same DATA_DIR`,
      );
      await expectNoPostgres(otherDataDir);
      expect((await post(baseUrl, printed.apiKey as string, WORKSPACE)).status).toBe(401);

      // Run again on that folder, the database is no longer new: no warning.
      const again = await runCli(['workspace', 'create', 'Elsewhere again'], { ...env, DATA_DIR: otherDataDir });
      cliJson(again);
      expect(again.stderr).not.toContain('warning');
      await expectNoPostgres(otherDataDir);
    },
    NPM_CLI_TIMEOUT + CLI_TIMEOUT,
  );

  it(
    '(f) bad CLI usage exits with code 2, a message on stderr and nothing on stdout',
    async () => {
      expect(server?.child.exitCode, 'needs the server of step (d)').toBeNull();
      const cases = [
        ['frobnicate'],
        ['workspace', 'create'],
        ['key', 'create', '--workspace', acme.workspaceId, '--scope', 'NOPE'],
        ['key', 'create', '--scope', 'READ'],
      ];
      const results = await Promise.all(cases.map((args) => runCli(args, env)));
      results.forEach((result, i) => {
        const context = `${cases[i]!.join(' ')}: ${JSON.stringify(result)}`;
        expect(result.code, context).toBe(2);
        expect(result.stdout, context).toBe('');
        expect(result.stderr.trim(), context).not.toBe('');
      });
      expect(results[0]!.stderr).toContain('Usage');
      expect(results[1]!.stderr).toMatch(/NAME/);
      expect(results[2]!.stderr).toMatch(/READ, WRITE, ADMIN/);
      expect(results[3]!.stderr).toMatch(/not a valid id/);
      // Nothing was made by the failed commands; the server and its PostgreSQL are untouched.
      expect(await postmasterPid(dataDir)).toBe(postgresPid);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    },
    CLI_TIMEOUT,
  );

  it(
    '(f2) an unknown option is bad usage too: exit code 2, a message on stderr, nothing on stdout',
    async () => {
      const result = await runCli(['workspace', 'create', 'Acme', '--bogus'], env);
      expect(result.code, JSON.stringify(result)).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/--bogus/);
    },
    CLI_TIMEOUT,
  );

  it(
    'stops cleanly again, having printed no key on the second start',
    async () => {
      expect(server?.child.exitCode, 'needs the server of step (d)').toBeNull();
      const exit = await stopServer(server!, STOP_TIMEOUT);
      expect(exit, server!.output()).toEqual({ code: 0, signal: null });
      expect(withoutDataDir(server!.output())).not.toMatch(/sb_/);
      await expectNoPostgres(dataDir, postgresPid);
    },
    STOP_TIMEOUT + 5_000,
  );
});
