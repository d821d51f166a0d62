import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, MigrationError, readMigrations } from '../../src/db/migrate.ts';
import { diffToSchema } from '../../src/db/schema-engine.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

/**
 * The migrations are the database's history and `prisma/schema.prisma` is what the code is
 * generated from: these tests fail as soon as the two describe different databases, and check
 * that the runner keeps Prisma's `_prisma_migrations` the way Prisma Migrate would.
 */

let databases: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.map((db) => db.drop()));
  databases = [];
});

async function emptyDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase({ migrate: false });
  // pg's pool.end() resolves before its sockets close, and drop() terminates those sessions: the
  // FATAL they get must not surface as an unhandled error.
  db.pool.on('error', () => {});
  databases.push(db);
  return db;
}

const migrationNames = async () => (await readMigrations()).map((m) => m.name);

describe('the migrations and schema.prisma', () => {
  it('build the same database', async () => {
    const db = await emptyDatabase();
    expect(await migrate(db.pool)).toEqual(await migrationNames());

    // What Prisma Migrate would add to the migrated database to reach schema.prisma: nothing.
    expect(await diffToSchema({ url: db.url, from: 'database' })).toBe('');
  });

  it('leave `npm run db:diff` nothing to write', async () => {
    const db = await emptyDatabase();
    // Replays the migrations on `<db>_shadow`, as the script does.
    expect(await diffToSchema({ url: db.url, from: 'migrations' })).toBe('');
  });

  it('are found to differ when the database drifts', async () => {
    const db = await emptyDatabase();
    await migrate(db.pool);
    await db.pool.query('ALTER TABLE tags ADD COLUMN colour text');
    expect(await diffToSchema({ url: db.url, from: 'database' })).toMatch(/ALTER TABLE "tags" DROP COLUMN "colour"/);
  });
});

describe('migrate()', () => {
  it('applies nothing the second time', async () => {
    const db = await emptyDatabase();
    expect(await migrate(db.pool)).toEqual(await migrationNames());
    expect(await migrate(db.pool)).toEqual([]);
  });

  it('applies each migration once when processes start together', async () => {
    const db = await emptyDatabase();
    const other = new pg.Pool({ connectionString: db.url });
    other.on('error', () => {});
    try {
      const results = await Promise.all([migrate(db.pool), migrate(other)]);
      expect(results.flat().sort()).toEqual(await migrationNames());
    } finally {
      await other.end();
    }
    const { rows } = await db.pool.query('SELECT migration_name FROM _prisma_migrations');
    expect(rows).toHaveLength((await migrationNames()).length);
  });

  it('records each migration as Prisma does', async () => {
    const db = await emptyDatabase();
    await migrate(db.pool);
    const { rows } = await db.pool.query('SELECT * FROM _prisma_migrations ORDER BY migration_name');
    const expected = await Promise.all(
      (await migrationNames()).map(async (name) => ({
        migration_name: name,
        checksum: createHash('sha256')
          .update(await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql')))
          .digest('hex'),
      })),
    );
    expect(rows.map(({ migration_name, checksum }) => ({ migration_name, checksum }))).toEqual(expected);
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
      expect(row.finished_at.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }
  });

  it('refuses a migration edited after it was applied', async () => {
    const db = await emptyDatabase();
    const [first] = await migrate(db.pool);
    await db.pool.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = $1`, [first]);
    await expect(migrate(db.pool)).rejects.toMatchObject({ name: 'MigrationError', code: 'CHECKSUM_MISMATCH' });
  });

  it('refuses to go on after a failed migration', async () => {
    const db = await emptyDatabase();
    const [first] = await migrate(db.pool);
    // What the Prisma CLI leaves when a migration fails part-way.
    await db.pool.query(`UPDATE _prisma_migrations SET finished_at = NULL, logs = 'boom' WHERE migration_name = $1`, [first]);
    const error = await migrate(db.pool).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error).toMatchObject({ code: 'FAILED_MIGRATION' });
  });
});
