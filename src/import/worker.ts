import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/client.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import type { FileStore } from './file-store.ts';
import { JOB_CHANNEL, notifyJobChanged } from './progress.ts';
import { validateJob } from './validate.ts';
import { writeJob } from './write.ts';

/** How long a claimed job stays with its worker without a heartbeat before another may take it. */
export const LEASE_SECONDS = 30;
/** How often an idle worker looks for work when no notification wakes it. */
const IDLE_POLL_MS = 1000;
/** Two jobs at once: PostgreSQL needs the other core of a two-core machine (STACK.md). */
const DEFAULT_CONCURRENCY = 2;

/** What a phase of a job needs. */
export interface JobRunContext {
  db: Database;
  files: FileStore;
  /** Extends the lease and tells subscribers the job changed. */
  heartbeat(): Promise<void>;
}

export interface ImportWorker {
  readonly id: string;
  stop(): Promise<void>;
}

/**
 * Runs import jobs claimed from PostgreSQL: validation of jobs in VALIDATING, and the write of
 * confirmed jobs — one writing job per workspace at a time, in confirm order, any number of
 * workspaces side by side (across as many workers and processes as run). A job whose worker died
 * is taken over when its lease runs out and resumes from its last checkpoint.
 */
export async function startImportWorker(options: {
  db: Database;
  files: FileStore;
  /** Jobs this worker runs at once (of different workspaces, or validations). */
  concurrency?: number;
  log?: (line: string) => void;
}): Promise<ImportWorker> {
  const { db, files, concurrency = DEFAULT_CONCURRENCY } = options;
  const log = options.log ?? (() => {});
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wakeAll = () => [...sleepers].forEach((wake) => wake());

  // A notification about any job may mean work: it wakes the idle loops at once.
  const listener = new pg.Client({ connectionString: db.url });
  listener.on('notification', wakeAll);
  listener.on('error', () => {});
  await listener.connect();
  await listener.query(`LISTEN ${JOB_CHANNEL}`);

  const loop = async (slot: number) => {
    const workerId = `${id}/${slot}`;
    while (!stopped) {
      const job = await claimJob(db, workerId).catch((error) => {
        log(`import worker ${workerId}: claiming failed: ${error}`);
        return undefined;
      });
      if (!job) {
        await new Promise<void>((resolve) => {
          const wake = () => {
            sleepers.delete(wake);
            resolve();
          };
          sleepers.add(wake);
          setTimeout(wake, IDLE_POLL_MS);
        });
        continue;
      }
      await runJob(db, files, workerId, job).catch((error) => log(`import worker ${workerId}: job ${job.id} failed: ${error?.stack ?? error}`));
    }
  };
  const loops = Array.from({ length: concurrency }, (_, slot) => loop(slot));

  return {
    id,
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(loops);
      await listener.end().catch(() => {});
    },
  };
}

async function runJob(db: Database, files: FileStore, workerId: string, job: ImportJob): Promise<void> {
  const context: JobRunContext = {
    db,
    files,
    heartbeat: async () => {
      const { rowCount } = await db.pool.query(
        `UPDATE import_jobs SET locked_until = now() + make_interval(secs => $4) WHERE workspace_id = $1 AND id = $2 AND locked_by = $3`,
        [job.workspaceId, job.id, workerId, LEASE_SECONDS],
      );
      if (rowCount === 0) throw new Error(`job ${job.id} was taken over by another worker`);
      await notifyJobChanged(db.pool, job.id);
    },
  };
  try {
    if (job.status === 'VALIDATING') await validateJob(context, job);
    else await writeJob(context, job);
  } catch (error) {
    await db.pool.query(
      `UPDATE import_jobs SET status = 'FAILED', failure_reason = $3, finished_at = now(), updated_at = now()
       WHERE workspace_id = $1 AND id = $2 AND locked_by = $4`,
      [job.workspaceId, job.id, 'The import stopped on an unexpected error; nothing after its last completed batch was written.', workerId],
    );
    throw error;
  } finally {
    await db.pool.query(`UPDATE import_jobs SET locked_by = NULL, locked_until = NULL WHERE workspace_id = $1 AND id = $2 AND locked_by = $3`, [
      job.workspaceId,
      job.id,
      workerId,
    ]);
    await notifyJobChanged(db.pool, job.id);
  }
}

/**
 * Takes the next job with work to do and leases it to this worker. A confirmed job waits while
 * another job of its workspace is writing or was confirmed before it; a job whose lease ran out
 * (its worker died) is free again.
 */
async function claimJob(db: Database, workerId: string): Promise<ImportJob | undefined> {
  const { rows } = await db.pool.query(
    `WITH candidate AS (
       SELECT j.workspace_id, j.id FROM import_jobs j
       WHERE (j.locked_until IS NULL OR j.locked_until < now())
         AND (j.status = 'VALIDATING'
           OR (j.status IN ('QUEUED', 'IMPORTING') AND NOT EXISTS (
                SELECT 1 FROM import_jobs o
                WHERE o.workspace_id = j.workspace_id AND o.id <> j.id
                  AND (o.status = 'IMPORTING' OR (o.status = 'QUEUED' AND o.confirmed_at < j.confirmed_at)))))
       ORDER BY j.status = 'VALIDATING' DESC, j.confirmed_at NULLS FIRST, j.created_at
       LIMIT 1
       FOR UPDATE SKIP LOCKED)
     UPDATE import_jobs j SET locked_by = $1, locked_until = now() + make_interval(secs => $2)
     FROM candidate c WHERE j.workspace_id = c.workspace_id AND j.id = c.id
     RETURNING j.workspace_id, j.id`,
    [workerId, LEASE_SECONDS],
  );
  if (rows.length === 0) return undefined;
  return db.prisma.importJob.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: rows[0].workspace_id, id: rows[0].id } } });
}
