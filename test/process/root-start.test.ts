import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, startNode } from '../support/processes.ts';

/**
 * As root, the embedded PostgreSQL runs as the `postgres` user. `npm start` from a folder that user
 * cannot enter (a clone under /root, a `mktemp -d` folder) stops with one sentence saying what to
 * do, exit code 1 and no stack trace — not an unhandled `spawn … EACCES` error event.
 */
describe.skipIf(process.getuid?.() !== 0)('npm start as root from a private folder', () => {
  let privateRoot: string | undefined;

  afterAll(async () => {
    await killAll();
    if (privateRoot) await rm(privateRoot, { recursive: true, force: true });
  });

  it('exits with code 1 and one sentence naming the folder the postgres user cannot enter', async () => {
    privateRoot = await mkdtemp(path.join(tmpdir(), 'switchboard-private-'));
    await chmod(privateRoot, 0o700);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: path.join(privateRoot, 'data'), HOST: '127.0.0.1', PORT: '0' };
    delete env.DATABASE_URL;
    const server = startNode('src/main.ts', env);
    const exit = await server.exited;
    const output = server.output();

    expect(exit.code, output).toBe(1);
    expect(output).toContain(`cannot enter ${privateRoot} (mode 0700) on the way to the data folder (DATA_DIR)`);
    expect(output).toContain('DATABASE_URL');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('EACCES');
  }, 60_000);
});
