import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { silentLogger, type Logger } from './logger.ts';

/**
 * The migration runner: applies `prisma/migrations/<timestamp>_<name>/migration.sql` in name order
 * and records them in Prisma's own `_prisma_migrations` table exactly as `prisma migrate deploy`
 * does, so that the Prisma CLI (where its native engine can run) sees the same history. Unlike
 * Prisma, a failing migration is rolled back whole rather than recorded as failed. It needs only
 * `pg`, so the product can migrate its database at start-up with nothing else installed.
 */

/** The migrations folder, found from this file so that it works from any working directory. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations/', import.meta.url));

/**
 * The advisory lock Prisma Migrate takes (its engine's "unique number chosen to identify
 * Migrate"): holding the same one keeps this runner and `prisma migrate deploy` from interleaving.
 */
const MIGRATE_LOCK_ID = 72707369;

/** Prisma's own DDL for the table (sql-schema-connector's Postgres flavour), made idempotent. */
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** One migration folder. */
export interface Migration {
  /** The folder name, `<timestamp>_<name>`: the migration's identity in `_prisma_migrations`. */
  name: string;
  /** The contents of its `migration.sql`. */
  script: string;
  /** Lowercase hex SHA-256 of the file's bytes, the value Prisma stores in `checksum`. */
  checksum: string;
}

export type MigrationErrorCode =
  /** An applied migration's `migration.sql` was edited after it ran. */
  | 'CHECKSUM_MISMATCH'
  /** `_prisma_migrations` records a migration that started and never finished (Prisma's P3009). */
  | 'FAILED_MIGRATION'
  /** A migration's SQL failed; it was rolled back and nothing of it was recorded. */
  | 'MIGRATION_FAILED'
  /** A migration folder has no `migration.sql`. */
  | 'MISSING_SCRIPT';

/** Why the runner refused to run, or stopped. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The migrations of `dir`, in the order they apply (by folder name, as Prisma orders them). */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, 'migration.sql');
      const bytes = await readFile(file).catch((error: unknown) => {
        throw new MigrationError('MISSING_SCRIPT', `Migration ${name} has no readable ${file}.`, { cause: error });
      });
      return { name, script: bytes.toString('utf8'), checksum: sha256(bytes) };
    }),
  );
}

/**
 * Applies the migrations not yet recorded in `_prisma_migrations`, each in its own transaction,
 * while holding Prisma Migrate's advisory lock, so that several processes starting at once apply
 * each migration once (the others wait, then find nothing to do).
 *
 * Refuses to apply anything when an applied migration's file was edited since, or when a failed
 * migration is recorded (left by the Prisma CLI; resolve it with `prisma migrate resolve`).
 *
 * @returns the names of the migrations applied, in order
 */
export async function migrate(pool: pg.Pool, options: { logger?: Logger } = {}): Promise<string[]> {
  const logger = options.logger ?? silentLogger;
  const migrations = await readMigrations();
  const client = await pool.connect();
  let broken = false;
  try {
    // A session lock, released below or by the session's end should this process die.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_ID]);
    try {
      return await applyPending(client, migrations, logger);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_ID]);
    }
  } catch (error) {
    // A connection that failed mid-way is not handed back to the pool.
    broken = !(error instanceof MigrationError);
    throw error;
  } finally {
    client.release(broken);
  }
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  logs: string | null;
}

async function applyPending(client: pg.PoolClient, migrations: Migration[], logger: Logger): Promise<string[]> {
  await client.query(MIGRATIONS_TABLE_DDL);
  // Rows marked rolled back (`prisma migrate resolve --rolled-back`) are history only, as for Prisma.
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, logs FROM _prisma_migrations
      WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );

  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      'FAILED_MIGRATION',
      `Migration ${failed.migration_name} is recorded as failed in _prisma_migrations; nothing was applied. ` +
        `Fix the database, then mark it with \`prisma migrate resolve --rolled-back ${failed.migration_name}\` ` +
        `(or --applied).${failed.logs ? `\n${failed.logs}` : ''}`,
    );
  }

  const onDisk = new Map(migrations.map((m) => [m.name, m]));
  for (const row of rows) {
    const migration = onDisk.get(row.migration_name);
    if (!migration) {
      // A newer release's migration, applied by a process of that release: this one leaves it be.
      logger.warn({ migration: row.migration_name }, `a migration applied to the database is not in ${MIGRATIONS_DIR}; leaving it be`);
    } else if (!checksumMatches(migration, row.checksum)) {
      throw new MigrationError(
        'CHECKSUM_MISMATCH',
        `Migration ${row.migration_name} was edited after it was applied (checksum ${migration.checksum} ` +
          `on disk, ${row.checksum} in _prisma_migrations); nothing was applied. Restore the file and put ` +
          `the change in a new migration.`,
      );
    }
  }

  const applied = new Set(rows.map((row) => row.migration_name));
  const names: string[] = [];
  for (const migration of migrations.filter((m) => !applied.has(m.name))) {
    await applyOne(client, migration);
    logger.info({ migration: migration.name }, 'applied migration');
    names.push(migration.name);
  }
  if (names.length === 0) logger.debug('no pending migrations');
  return names;
}

/**
 * Runs one script whole (pg's simple query protocol takes several statements, so `$$` bodies and
 * literals containing `;` stay intact) and records it as Prisma does on success, in one
 * transaction: a failure leaves neither a half-applied schema nor a failed row to resolve.
 */
async function applyOne(client: pg.PoolClient, migration: Migration): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    try {
      await client.query(migration.script);
    } catch (error) {
      const message = `Migration ${migration.name} failed and was rolled back: ${String(error)}`;
      throw new MigrationError('MIGRATION_FAILED', message, { cause: error });
    }
    await client.query(
      `UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = clock_timestamp()
        WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Prisma's comparison: the file's bytes, or its text with the line endings switched, so that a
 * checkout whose git converted them (Windows) still matches.
 */
function checksumMatches(migration: Migration, checksum: string): boolean {
  if (migration.checksum === checksum) return true;
  const { script } = migration;
  const variants = [script.replaceAll('\r\n', '\n'), script.replaceAll(/(?<!\r)\n/g, '\r\n')];
  return variants.some((variant) => sha256(variant) === checksum);
}
