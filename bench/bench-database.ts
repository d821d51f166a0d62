import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate, readMigrations } from '../src/db/migrate.ts';

export interface BenchDatabase {
  /** A temporary folder for the run's files (and the embedded PostgreSQL's data). */
  work: string;
  url: string;
  db: Database;
  /** Drops the database, stops the embedded server and removes the folder. */
  close(): Promise<void>;
}

/** One migrated database of a {@link BenchServer}. */
export interface BenchServerDatabase {
  url: string;
  db: Database;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** A PostgreSQL server for a bench that makes several databases (one per run and scenario). */
export interface BenchServer {
  /** A temporary folder for the bench's files (and the embedded PostgreSQL's data). */
  work: string;
  /**
   * A fresh database named `bench_<name>_<pid>`, migrated; with `migratedThrough`, only up to and
   * including that migration (a folder name under prisma/migrations), to measure an earlier schema.
   */
  createDatabase(name: string, options?: { migratedThrough?: string }): Promise<BenchServerDatabase>;
  /** Stops the embedded server and removes the folder (databases not dropped yet are dropped). */
  close(): Promise<void>;
}

/**
 * A temporary folder and a PostgreSQL server to make bench databases on: DATABASE_URL's server, or
 * an embedded PostgreSQL of its own in the folder.
 */
export async function openBenchServer(): Promise<BenchServer> {
  const work = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
  await chmod(work, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must enter it
  const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(path.join(work, 'db'), { persistent: false });
  const adminUrl = process.env.DATABASE_URL ?? server!.url('postgres');
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  const open = new Set<BenchServerDatabase>();
  return {
    work,
    async createDatabase(name, options = {}) {
      const dbName = `bench_${name}_${process.pid}`;
      await admin.query(`CREATE DATABASE ${dbName}`);
      const url = new URL(adminUrl);
      url.pathname = `/${dbName}`;
      const db = openDatabase(url.toString());
      if (options.migratedThrough === undefined) await migrate(db.pool);
      else await migrateThrough(db, options.migratedThrough);
      const database: BenchServerDatabase = {
        url: url.toString(),
        db,
        async drop() {
          open.delete(database);
          await db.close();
          await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
        },
      };
      open.add(database);
      return database;
    },
    async close() {
      for (const database of [...open]) await database.drop();
      await admin.end();
      await server?.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh, migrated database for one bench run: on DATABASE_URL's server, or on an embedded
 * PostgreSQL of its own in a temporary folder.
 */
export async function openBenchDatabase(name: string): Promise<BenchDatabase> {
  const server = await openBenchServer();
  const { url, db } = await server.createDatabase(name);
  return { work: server.work, url, db, close: () => server.close() };
}

/** Runs the migrations up to and including `last`, in order (without recording them: the database is a throwaway). */
async function migrateThrough(db: Database, last: string): Promise<void> {
  const migrations = await readMigrations();
  if (!migrations.some((migration) => migration.name === last)) {
    throw new Error(`no migration ${last}; there are ${migrations.map((migration) => migration.name).join(', ')}`);
  }
  for (const migration of migrations.filter((candidate) => candidate.name <= last)) await db.pool.query(migration.script);
}
