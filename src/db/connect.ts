import { openDatabase, type Database } from './client.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.ts';
import type { Logger } from './logger.ts';
import { migrate } from './migrate.ts';

/** The database of the product, and the embedded server behind it when there is one. */
export interface Connection {
  db: Database;
  embedded: EmbeddedServer | undefined;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'switchboard';

/**
 * One code path to a migrated database: `DATABASE_URL` when given, otherwise the embedded
 * PostgreSQL on the data folder (started, or reused when another process of ours runs it).
 */
export async function connect(config: { databaseUrl: string | undefined; dataDir: string }, options: { logger?: Logger } = {}): Promise<Connection> {
  let embedded: EmbeddedServer | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    await createDatabaseIfMissing(embedded.url('postgres'), EMBEDDED_DATABASE);
    url = embedded.url(EMBEDDED_DATABASE);
  }
  const db = openDatabase(url);
  try {
    await migrate(db.pool, { logger: options.logger });
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } catch (error) {
    // Two processes starting at once: the other one made it first.
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}
