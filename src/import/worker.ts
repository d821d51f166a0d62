import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import { enqueueJobEnded } from '../services/webhook-delivery.ts';
import type { FileStore } from './file-store.ts';
import { JOB_CHANNEL, notifyJobChanged } from './progress.ts';
import { revertJob } from './revert.ts';
import { validateJob } from './validate.ts';
import { finishWrite, writeJob } from './write.ts';

/**
 * How long a claimed job stays with its worker without a renewal before another may take it. The
 * running worker renews it every third of that, whatever the job is doing, so only a dead (or
 * frozen) worker loses its jobs — and a killed worker's job resumes within this time.
 */
export const LEASE_SECONDS = 10;
/** How often an idle worker looks for work when no notification wakes it. */
const IDLE_POLL_MS = 1000;
/** Two jobs at once: PostgreSQL needs the other core of a two-core machine (STACK.md). */
export const DEFAULT_CONCURRENCY = 2;

/** What a phase of a job needs. */
export interface JobRunContext {
  db: Database;
  files: FileStore;
  /**
   * Called at every batch boundary: tells subscribers the job changed, and throws
   * `JobInterrupted` when the job must stop there (cancelled, worker stopping, lease lost).
   */
  heartbeat(): Promise<void>;
}

/**
 * Why a job stops at a batch boundary: the client cancelled it, this worker is shutting down (the
 * job is released and resumes from its checkpoint elsewhere), or another worker took it over.
 */
export class JobInterrupted extends Error {
  constructor(readonly reason: 'cancelled' | 'stopping' | 'lease lost') {
    super(`the job stopped: ${reason}`);
  }
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
      await runJob(db, files, workerId, job, () => stopped).catch((error) =>
        log(`import worker ${workerId}: job ${job.id} failed: ${error?.stack ?? error}`),
      );
    }
  };
  const loops = Array.from({ length: concurrency }, (_, slot) => loop(slot));

  return {
    id,
    /** Stops claiming; running jobs stop at their next batch boundary and are released to resume elsewhere. */
    async stop() {
      stopped = true;
      wakeAll();
      await Promise.all(loops);
      await listener.end().catch(() => {});
    },
  };
}

async function runJob(db: Database, files: FileStore, workerId: string, job: ImportJob, stopping: () => boolean): Promise<void> {
  const renew = async () => {
    const { rows } = await db.pool.query(
      `UPDATE import_jobs SET locked_until = now() + make_interval(secs => $4) WHERE workspace_id = $1 AND id = $2 AND locked_by = $3
       RETURNING cancel_requested`,
      [job.workspaceId, job.id, workerId, LEASE_SECONDS],
    );
    return rows[0] as { cancel_requested: boolean } | undefined;
  };
  let leaseLost = false;
  const renewal = setInterval(() => {
    renew().then(
      (lease) => (leaseLost ||= !lease),
      () => {},
    );
  }, (LEASE_SECONDS * 1000) / 3);
  const context: JobRunContext = {
    db,
    files,
    heartbeat: async () => {
      if (stopping()) throw new JobInterrupted('stopping');
      const lease = leaseLost ? undefined : await renew();
      if (!lease) throw new JobInterrupted('lease lost');
      await notifyJobChanged(db.pool, job.id);
      // A revert cannot be cancelled: half a revert is no state to leave contacts in.
      if (lease.cancel_requested && job.status !== 'REVERTING') throw new JobInterrupted('cancelled');
    },
  };
  try {
    if (job.cancelRequested && job.status !== 'REVERTING') throw new JobInterrupted('cancelled');
    if (job.status === 'VALIDATING') {
      await validateJob(context, job);
      // A cancel that came after validation's last batch finds the job in review.
      await context.heartbeat();
    } else if (job.status === 'REVERTING') await revertJob(context, job);
    else await writeJob(context, job);
  } catch (error) {
    if (error instanceof JobInterrupted) {
      if (error.reason === 'cancelled') await finishCancelled(context, job);
      return;
    }
    const reason =
      job.status === 'REVERTING'
        ? 'The revert stopped on an unexpected error; the contacts of its completed batches are reverted, the others are not.'
        : 'The import stopped on an unexpected error; nothing after its last completed batch was written.';
    await inTransaction(db.pool, async (client) => {
      const { rowCount } = await client.query(
        `UPDATE import_jobs SET status = 'FAILED', failure_reason = $3, finished_at = now(), updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND locked_by = $4`,
        [job.workspaceId, job.id, reason, workerId],
      );
      if (rowCount) await enqueueJobEnded(client, job.workspaceId, job.id);
    });
    throw error;
  } finally {
    clearInterval(renewal);
    await db.pool.query(`UPDATE import_jobs SET locked_by = NULL, locked_until = NULL WHERE workspace_id = $1 AND id = $2 AND locked_by = $3`, [
      job.workspaceId,
      job.id,
      workerId,
    ]);
    await notifyJobChanged(db.pool, job.id);
  }
}

/**
 * A cancelled job ends CANCELLED: one whose write began gets its result file (the rows after the
 * last committed batch marked Skipped); one that had written nothing just stops.
 */
async function finishCancelled(context: JobRunContext, job: ImportJob): Promise<void> {
  const current = await context.db.prisma.importJob.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: job.workspaceId, id: job.id } } });
  if (current.status === 'IMPORTING') return finishWrite(context, current, 'CANCELLED');
  await inTransaction(context.db.pool, async (client) => {
    const { rowCount } = await client.query(
      `UPDATE import_jobs SET status = 'CANCELLED', finished_at = now(), updated_at = now()
       WHERE workspace_id = $1 AND id = $2 AND status IN ('VALIDATING', 'REVIEW', 'QUEUED')`,
      [job.workspaceId, job.id],
    );
    if (rowCount) await enqueueJobEnded(client, job.workspaceId, job.id);
  });
}

/** A writing job's place in its workspace's queue: a revert queues when it was asked for. */
const QUEUE_TIME = (alias: string) => `CASE WHEN ${alias}.status = 'REVERTING' THEN ${alias}.revert_requested_at ELSE ${alias}.confirmed_at END`;

/**
 * Takes the next job with work to do and leases it to this worker. A confirmed import or a revert
 * waits while another job of its workspace is writing or was queued before it; a job whose lease
 * ran out (its worker died) is free again.
 */
async function claimJob(db: Database, workerId: string): Promise<ImportJob | undefined> {
  const { rows } = await db.pool.query(
    `WITH candidate AS (
       SELECT j.workspace_id, j.id FROM import_jobs j
       WHERE (j.locked_until IS NULL OR j.locked_until < now())
         AND (j.status = 'VALIDATING'
           OR (j.status IN ('QUEUED', 'IMPORTING', 'REVERTING') AND NOT EXISTS (
                SELECT 1 FROM import_jobs o
                WHERE o.workspace_id = j.workspace_id AND o.id <> j.id AND o.status IN ('QUEUED', 'IMPORTING', 'REVERTING')
                  AND (o.status = 'IMPORTING' OR ${QUEUE_TIME('o')} < ${QUEUE_TIME('j')}))))
       ORDER BY j.status = 'VALIDATING' DESC, ${QUEUE_TIME('j')} NULLS FIRST, j.created_at
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
