import path from 'node:path';

/** Settings read from the environment once, at start-up. */
export interface Config {
  /** A PostgreSQL server to use; without it an embedded one runs on `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded database and stored files live. */
  dataDir: string;
  host: string;
  port: number;
  /**
   * Import jobs a worker runs at once: `npm start`'s in-process worker (0: none, the API only, for
   * when separate `npm run worker` processes do the imports) and each `npm run worker`.
   */
  workerConcurrency: number | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const workerConcurrency = env.WORKER_CONCURRENCY ? Number(env.WORKER_CONCURRENCY) : undefined;
  if (workerConcurrency !== undefined && !(Number.isInteger(workerConcurrency) && workerConcurrency >= 0)) {
    throw new Error(`WORKER_CONCURRENCY must be a whole number of jobs (0 or more), got "${env.WORKER_CONCURRENCY}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    workerConcurrency,
  };
}

/**
 * Where a database URL points, without its user name and password: `host:port/database`, as the
 * CLI says which database it used.
 */
export function describeDatabaseUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return 'a URL that does not parse';
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  return `${url.host || 'localhost'}/${database}`;
}
