import type { ServerResponse } from 'node:http';
import type { Database } from '../db/client.ts';
import { readMigrations } from '../db/migrate.ts';
import type { FileStore } from '../files/file-store.ts';

/** How long each readiness check may take before it counts as failed. */
export const READINESS_TIMEOUT_MS = 2_000;

export type ReadinessCheckName = 'database' | 'migrations' | 'files';

/** What /readyz answers: `ok` per check, or what went wrong (an error code, never a path or a URL). */
export type ReadinessReport =
  | { status: 'ready'; checks: Record<ReadinessCheckName, string> }
  | { status: 'not ready'; failed: ReadinessCheckName[]; checks: Record<ReadinessCheckName, string> }
  | { status: 'shutting down' };

/**
 * Whether this process should get traffic (`/readyz`): the database answers `SELECT 1`, every
 * migration of prisma/migrations is applied, and the file store takes a file, each within
 * READINESS_TIMEOUT_MS; and the process is not shutting down. Liveness (`/healthz`) is apart: it
 * only says the process runs.
 */
export class Readiness {
  private shuttingDown = false;
  /** The migrations on disk, read once: they do not change while the process runs. */
  private migrationNames: Promise<string[]> | undefined;

  constructor(
    private readonly db: Database,
    private readonly files: FileStore,
    private readonly timeoutMs = READINESS_TIMEOUT_MS,
  ) {}

  /** From now on the process reports itself not ready: it is stopping. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async check(): Promise<ReadinessReport> {
    if (this.shuttingDown) return { status: 'shutting down' };
    const [database, files] = await Promise.all([
      this.within(this.db.pool.query('SELECT 1').then(() => 'ok')),
      this.within(this.files.probe().then(() => 'ok')),
    ]);
    const migrations = database === 'ok' ? await this.within(this.pendingMigrations()) : 'not checked: the database did not answer';
    const checks = { database, migrations, files };
    const failed = (Object.keys(checks) as ReadinessCheckName[]).filter((name) => checks[name] !== 'ok');
    // A stop that began while the checks ran wins.
    if (this.shuttingDown) return { status: 'shutting down' };
    return failed.length === 0 ? { status: 'ready', checks } : { status: 'not ready', failed, checks };
  }

  async serve(res: ServerResponse): Promise<void> {
    const report = await this.check();
    res
      .writeHead(report.status === 'ready' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      .end(JSON.stringify(report));
  }

  /** `ok`, or the migrations of prisma/migrations that the database has not applied. */
  private async pendingMigrations(): Promise<string> {
    this.migrationNames ??= readMigrations().then((migrations) => migrations.map((migration) => migration.name));
    // A failed read is tried again on the next check.
    const names = await this.migrationNames.catch((error) => {
      this.migrationNames = undefined;
      throw error;
    });
    let applied: Set<string>;
    try {
      const { rows } = await this.db.pool.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      applied = new Set(rows.map((row) => row.migration_name));
    } catch (error) {
      // undefined_table: nothing was ever migrated here.
      if ((error as { code?: string }).code === '42P01') applied = new Set();
      else throw error;
    }
    const pending = names.filter((name) => !applied.has(name));
    return pending.length === 0 ? 'ok' : `not applied: ${pending.join(', ')}`;
  }

  /** The check's answer, or why there was none: its error's code, or the time it ran out. */
  private async within(check: Promise<string>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no answer within ${this.timeoutMs / 1000} s`), this.timeoutMs);
    });
    try {
      const failed = (error: unknown) => {
        const code = errorCode(error);
        return code ? `failed: ${code}` : 'failed';
      };
      return await Promise.race([check.catch(failed), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * An error's code (ECONNREFUSED, EACCES, a PostgreSQL SQLSTATE), or that of its cause; never its
 * message, which may name paths, hosts or users, and /readyz answers anyone.
 */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(code)) return code;
  }
  return undefined;
}
