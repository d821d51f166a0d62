import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { killAll, LISTENING, productEnv, startNode } from '../support/processes.ts';

/**
 * LOG_LEVEL and LOG_FORMAT as an operator sets them on `npm start`: real server processes on a
 * test database, their stdout read as it comes.
 */

const KEY = /\bsb_[A-Za-z0-9_-]{20,}/;
const START_TIMEOUT = 60_000;

let database: TestDatabase;
let dataDir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-logging-'));
});
afterAll(async () => {
  await killAll();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 30_000);

/** A port free now, for a server whose start-up line will not be logged. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

/** The JSON log lines of an output (the admin key banner of a first start is printed, not logged). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('npm start with LOG_LEVEL and LOG_FORMAT', () => {
  it('logs only warnings and worse with LOG_LEVEL=warn: no start-up, request or stop lines', async () => {
    const port = await freePort();
    const server = startNode(
      'src/main.ts',
      productEnv(database.url, dataDir, { LOG_LEVEL: 'warn', PORT: String(port), WEBHOOKS_ALLOW_INSECURE: '1', WORKER_CONCURRENCY: '0' }),
    );
    const [key] = await server.waitFor(KEY, START_TIMEOUT);
    const baseUrl = `http://127.0.0.1:${port}`;
    for (let started = Date.now(); ; ) {
      const health = await fetch(`${baseUrl}/healthz`).catch(() => undefined);
      if (health?.status === 200) break;
      if (Date.now() - started > START_TIMEOUT) throw new Error(`no health at ${baseUrl}:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: 'query LevelCheck { workspace { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(await server.stop(20_000)).toEqual({ code: 0, signal: null });

    const lines = logLines(server.stdout());
    // The one warning of this start: the development switch for webhooks.
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      ['warn', 'WEBHOOKS_ALLOW_INSECURE=1: webhooks may use http and post to private addresses (development only)'],
    ]);
    expect(server.output()).not.toMatch(LISTENING);
    expect(server.output()).not.toContain('request completed');
  }, 90_000);

  it('writes lines for a person with LOG_FORMAT=pretty, and names DATABASE_URL without its credentials', async () => {
    const server = startNode('src/main.ts', productEnv(database.url, dataDir, { LOG_FORMAT: 'pretty', WORKER_CONCURRENCY: '0' }));
    await server.waitFor(LISTENING, START_TIMEOUT);
    expect(await server.stop(20_000)).toEqual({ code: 0, signal: null });
    const output = server.stdout();
    expect(output).toMatch(/INFO.*Switchboard is listening/);
    expect(logLines(output)).toEqual([]);
    const url = new URL(database.url);
    expect(output).toContain(`${url.host}${url.pathname}`);
    expect(output).not.toContain(`${url.username}:${url.password}@`);
  }, 90_000);

  it('refuses to start with a LOG_LEVEL or LOG_FORMAT it does not know, naming the variable and the value', async () => {
    const [level, format] = [
      startNode('src/main.ts', productEnv(database.url, dataDir, { LOG_LEVEL: 'verbose' })),
      startNode('src/main.ts', productEnv(database.url, dataDir, { LOG_FORMAT: 'xml' })),
    ];
    expect((await level.exited).code).toBe(1);
    expect(level.output()).toContain('LOG_LEVEL must be one of silent, fatal, error, warn, info, debug, trace, got "verbose"');
    expect((await format.exited).code).toBe(1);
    expect(format.output()).toContain('LOG_FORMAT must be one of json, pretty, got "xml"');
  }, 60_000);
});
