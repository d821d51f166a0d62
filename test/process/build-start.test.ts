import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { killAll, LISTENING, type ProductProcess, productEnv, ROOT, startProcess } from '../support/processes.ts';

/**
 * `npm start` runs the compiled server in dist/, building it first when dist/ is missing or older
 * than what it is compiled from. The project is copied (what the build reads, and the launcher;
 * node_modules linked) so that removing and rebuilding dist/ here never touches the dist/ other
 * processes of this tree run from.
 */

/** tsc over the whole of src/ on two busy cores, then PostgreSQL migrations and the server's start. */
const BUILD_START_TIMEOUT = 150_000;
const START_TIMEOUT = 60_000;
const BUILDING = 'Building dist/ from src/';

let database: TestDatabase;
let project: string;
let dataDir: string;

beforeAll(async () => {
  // An empty database: the migrations are read from prisma/migrations by the compiled code.
  database = await createTestDatabase({ migrate: false });
  project = await mkdtemp(path.join(tmpdir(), 'switchboard-build-'));
  dataDir = path.join(project, 'data');
  for (const entry of ['src', 'prisma', 'scripts/start.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    await cp(path.join(ROOT, entry), path.join(project, entry), { recursive: true, preserveTimestamps: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  await mkdir(dataDir);
});
afterAll(async () => {
  await killAll();
  await database?.drop();
  if (project) await rm(project, { recursive: true, force: true });
}, 30_000);

/** `npm start` in the copy; resolves once it listens, with its base URL. */
async function npmStart(timeoutMs: number): Promise<{ server: ProductProcess; baseUrl: string }> {
  const server = startProcess('npm', ['start'], productEnv(database.url, dataDir), { cwd: project });
  const [, baseUrl] = await server.waitFor(LISTENING, timeoutMs);
  return { server, baseUrl: baseUrl! };
}

const buildStarted = () => readFile(path.join(project, 'dist', '.build-started'), 'utf8');

describe('npm start runs the built server', () => {
  it(
    'with no dist/, builds it, applies the migrations and serves /healthz and GraphiQL',
    async () => {
      expect(existsSync(path.join(project, 'dist'))).toBe(false);
      const { server, baseUrl } = await npmStart(BUILD_START_TIMEOUT);

      expect(server.stderr()).toContain(BUILDING);
      expect(server.stderr()).toMatch(/Built dist\/ in \d+\.\d s\./);
      // The first migration was applied: the compiled code found prisma/migrations.
      expect(server.output()).toContain('20261122040831_init');
      expect(existsSync(path.join(project, 'dist', 'main.js'))).toBe(true);
      expect(existsSync(path.join(project, 'dist', 'main.js.map'))).toBe(true);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      const graphiql = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html' } });
      expect(await graphiql.text()).toContain('<title>Switchboard</title>');
      await server.stop(20_000);
    },
    BUILD_START_TIMEOUT + 30_000,
  );

  it(
    'with dist/ newer than every source, runs it without building',
    async () => {
      const built = await buildStarted();
      const { server, baseUrl } = await npmStart(START_TIMEOUT);

      expect(server.output()).not.toContain(BUILDING);
      expect(await buildStarted()).toBe(built);
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      await server.stop(20_000);
    },
    START_TIMEOUT + 30_000,
  );

  it(
    'with one source changed after the build, builds again',
    async () => {
      const built = await buildStarted();
      const now = new Date();
      await utimes(path.join(project, 'src', 'config.ts'), now, now);
      const { server, baseUrl } = await npmStart(BUILD_START_TIMEOUT);

      expect(server.stderr()).toContain(BUILDING);
      expect(Number(await buildStarted())).toBeGreaterThan(Number(built));
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      await server.stop(20_000);
    },
    BUILD_START_TIMEOUT + 30_000,
  );
});
