import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { JobEvents } from '../../src/db/job-events.ts';
import { LocalFileStore } from '../../src/files/local-file-store.ts';
import { buildApp } from '../../src/server/app.ts';
import { graphql } from '../generated/gql.ts';
import { startTestApp, useTestApp } from '../support/app.ts';

/**
 * /readyz through the listening server: 200 while the database answers, every migration is applied
 * and the file store takes a file; 503 naming what failed otherwise, and as soon as a stop begins.
 * /healthz answers 200 all along: the process runs.
 */

const ReadinessWorkspace = graphql(`
  query ReadinessWorkspace {
    workspace { id }
  }
`);

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/readyz`);
  expect(response.headers.get('content-type')).toBe('application/json');
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function healthy(url: string): Promise<boolean> {
  return (await fetch(`${url}/healthz`)).status === 200;
}

describe('/readyz of a running app', () => {
  const app = useTestApp({ worker: false });

  it('is 200 with every check ok', async () => {
    expect(await readiness(app.url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', migrations: 'ok', files: 'ok' } } });
    expect(await healthy(app.url)).toBe(true);
  });

  it('is 503 naming the migration the database lacks, and 200 again once it is applied', async () => {
    const { rows } = await app.db.pool.query(
      'DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations) RETURNING *',
    );
    const removed = rows[0];
    try {
      expect(await readiness(app.url)).toEqual({
        status: 503,
        body: {
          status: 'not ready',
          failed: ['migrations'],
          checks: { database: 'ok', migrations: `not applied: ${removed.migration_name}`, files: 'ok' },
        },
      });
      expect(await healthy(app.url)).toBe(true);
    } finally {
      const columns = Object.keys(removed);
      await app.db.pool.query(
        `INSERT INTO _prisma_migrations (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((column) => removed[column]),
      );
    }
    expect((await readiness(app.url)).status).toBe(200);
  });

  it('is 503 naming the file store when no file can be written there, and 200 again once it can', async () => {
    const root = (app.files as LocalFileStore).root;
    // A file where the folder should be: nothing can be written under it, even by root.
    await rm(root, { recursive: true, force: true });
    await writeFile(root, 'not a folder');
    try {
      const { status, body } = await readiness(app.url);
      expect(status).toBe(503);
      expect(body).toMatchObject({ status: 'not ready', failed: ['files'], checks: { database: 'ok', migrations: 'ok' } });
      expect((body.checks as Record<string, string>).files).toMatch(/^failed/);
      expect(JSON.stringify(body)).not.toContain(root);
    } finally {
      await rm(root, { force: true });
      await mkdir(root);
    }
    expect((await readiness(app.url)).status).toBe(200);
  });
});

/** A port on 127.0.0.1 nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real app on a database URL of the test's choosing (one that does not work), with a working file store. */
async function startAppOn(databaseUrl: string) {
  const db = openDatabase(databaseUrl);
  const filesDir = await mkdtemp(path.join(tmpdir(), 'switchboard-readiness-'));
  const app = buildApp({
    db,
    files: new LocalFileStore(filesDir),
    events: new JobEvents(databaseUrl),
    webhooks: { secretKey: randomBytes(32), allowInsecure: false },
  });
  const url = await app.start({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.stop();
      await db.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

describe('/readyz when the database does not answer', () => {
  it('is 503 naming the database when nothing listens where it should be', async () => {
    const app = await startAppOn(`postgresql://switchboard:unused@127.0.0.1:${await closedPort()}/switchboard`);
    try {
      expect(await readiness(app.url)).toEqual({
        status: 503,
        body: {
          status: 'not ready',
          failed: ['database', 'migrations'],
          checks: { database: 'failed: ECONNREFUSED', migrations: 'not checked: the database did not answer', files: 'ok' },
        },
      });
      expect(await healthy(app.url)).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('is 503 after 2 s when the database accepts the connection and never answers', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const app = await startAppOn(`postgresql://switchboard:unused@127.0.0.1:${(silent.address() as { port: number }).port}/switchboard`);
    try {
      const started = Date.now();
      const { status, body } = await readiness(app.url);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(status).toBe(503);
      expect(body).toMatchObject({ failed: ['database', 'migrations'], checks: { database: 'no answer within 2 s', files: 'ok' } });
    } finally {
      for (const socket of sockets) socket.destroy();
      await app.close();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

describe('/readyz while the app stops', () => {
  it('is 503 from the moment the stop begins, while /healthz and the API still answer', async () => {
    const app = await startTestApp({ worker: false });
    try {
      const workspace = await app.createWorkspace();
      expect((await readiness(app.url)).status).toBe(200);
      app.app.markShuttingDown();
      expect(await readiness(app.url)).toEqual({ status: 503, body: { status: 'shutting down' } });
      expect(await healthy(app.url)).toBe(true);
      expect((await app.data(ReadinessWorkspace, {}, workspace.keys.READ)).workspace.id).toBe(workspace.id);
    } finally {
      await app.close();
    }
  });
});
