import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';

export interface BenchDatabase {
  /** A temporary folder for the run's files (and the embedded PostgreSQL's data). */
  work: string;
  url: string;
  db: Database;
  /** Drops the database, stops the embedded server and removes the folder. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one bench run: on DATABASE_URL's server, or on an embedded
 * PostgreSQL of its own in a temporary folder.
 */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const work = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
  await chmod(work, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
  const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(path.join(work, 'db'), { persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? server!.url('postgres');
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const dbName = `bench_${name}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const db = openDatabase(url.toString());
  await migrate(db.pool);
  return {
    work,
    url: url.toString(),
    db,
    async close() {
      await db.close();
      await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await admin.end();
      await server?.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}
