import { rm } from 'node:fs/promises';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueJobEnded, JOB_END_STATUSES } from '../services/webhook-delivery.ts';
import { startPeriodic, type PeriodicTask } from '../services/periodic.ts';
import type { FileStore } from './file-store.ts';
import { expiryReason } from './jobs.ts';
import { notifyJobChanged } from './progress.ts';

/** How often the sweeper looks for expired jobs and files by default. */
export const SWEEP_INTERVAL_MS = 60_000;
/** Jobs handled per transaction, so one sweep never holds many row locks for long. */
const SWEEP_BATCH_SIZE = 100;

export interface SweepOptions {
  db: Database;
  files: FileStore;
}

export interface SweepResult {
  /** Jobs moved to EXPIRED. */
  expired: number;
  /** Finished jobs whose files were deleted. */
  purged: number;
}

/**
 * One sweep, until nothing is due:
 * - a job still waiting for its mapping or its confirmation at its deadline (`reviewExpiresAt`:
 *   the workspace's `reviewTtlSeconds` after the upload, or after validation put it in REVIEW)
 *   becomes EXPIRED with a `failureReason` saying so: its source file and staged rows are deleted,
 *   its error file is kept for the retention period like any finished job's, webhooks are told,
 *   and subscribers see the change;
 * - a finished job whose retention (`filesExpireAt`, or `fileRetentionDays` after it finished) has
 *   run out loses its files: source, error and result; its file URLs then answer null.
 *
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so sweepers in several processes share the work and
 * never handle one job twice; a confirm racing an expiry waits for the row and then finds it EXPIRED.
 * Files are deleted while the row is locked and before its paths are cleared: if the transaction
 * fails, the next sweep finds the job again and deleting what is gone already is a no-op.
 */
export async function sweepImports(options: SweepOptions): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, purged: 0 };
  let count: number;
  do {
    count = await expireBatch(options);
    result.expired += count;
  } while (count === SWEEP_BATCH_SIZE);
  do {
    count = await purgeBatch(options);
    result.purged += count;
  } while (count === SWEEP_BATCH_SIZE);
  return result;
}

/** Runs `sweepImports` every `intervalMs` until stopped; safe to start in every process. */
export function startImportSweeper(options: SweepOptions & { intervalMs?: number; log?: (line: string) => void }): PeriodicTask {
  return startPeriodic({
    name: 'import sweeper',
    intervalMs: options.intervalMs ?? SWEEP_INTERVAL_MS,
    log: options.log,
    pass: async () => {
      const { expired, purged } = await sweepImports(options);
      if (expired + purged > 0) options.log?.(`import sweeper: ${expired} job(s) expired, files of ${purged} job(s) deleted`);
      return false;
    },
  });
}

interface ClaimedJob {
  workspace_id: string;
  id: string;
  file_path: string | null;
}

interface WaitingJob extends ClaimedJob {
  status: 'MAPPING' | 'REVIEW';
  review_ttl_seconds: number;
}

async function expireBatch({ db }: SweepOptions): Promise<number> {
  return inTransaction(db.pool, async (client) => {
    // `review_expires_at` is the deadline the job shows: set when it was uploaded (MAPPING) and
    // again when its validation ended (REVIEW).
    const { rows } = await client.query<WaitingJob>(
      `SELECT j.workspace_id, j.id, j.file_path, j.status, w.review_ttl_seconds FROM import_jobs j JOIN workspaces w ON w.id = j.workspace_id
       WHERE j.status IN ('MAPPING', 'REVIEW') AND j.review_expires_at <= now()
       ORDER BY j.created_at LIMIT $1
       FOR UPDATE OF j SKIP LOCKED`,
      [SWEEP_BATCH_SIZE],
    );
    if (rows.length === 0) return 0;
    for (const job of rows) if (job.file_path) await rm(job.file_path, { force: true });
    const keys = [rows.map((job) => job.workspace_id), rows.map((job) => job.id)];
    await client.query(
      `UPDATE import_jobs j SET status = 'EXPIRED', failure_reason = expired.reason, file_path = NULL, finished_at = now(), updated_at = now(),
         files_expire_at = now() + make_interval(days => w.file_retention_days)
       FROM workspaces w, unnest($1::uuid[], $2::uuid[], $3::text[]) AS expired(workspace_id, id, reason)
       WHERE w.id = j.workspace_id AND j.workspace_id = expired.workspace_id AND j.id = expired.id`,
      [...keys, rows.map((job) => expiryReason(job.status, job.review_ttl_seconds))],
    );
    for (const job of rows) {
      await enqueueJobEnded(client, job.workspace_id, job.id);
      // Sent when the transaction commits, like every NOTIFY.
      await notifyJobChanged(client, job.id);
    }
    return rows.length;
  });
}

async function purgeBatch({ db, files }: SweepOptions): Promise<number> {
  return inTransaction(db.pool, async (client) => {
    const { rows } = await client.query<ClaimedJob>(
      `SELECT j.workspace_id, j.id FROM import_jobs j JOIN workspaces w ON w.id = j.workspace_id
       WHERE j.status::text = ANY($2::text[])
         AND (j.file_path IS NOT NULL OR j.error_file_path IS NOT NULL OR j.result_file_path IS NOT NULL)
         AND coalesce(j.files_expire_at, coalesce(j.finished_at, j.updated_at) + make_interval(days => w.file_retention_days)) <= now()
       ORDER BY j.created_at LIMIT $1
       FOR UPDATE OF j SKIP LOCKED`,
      [SWEEP_BATCH_SIZE, JOB_END_STATUSES],
    );
    if (rows.length === 0) return 0;
    for (const job of rows) await files.removeJob(job.workspace_id, job.id);
    await client.query(
      `UPDATE import_jobs SET file_path = NULL, error_file_path = NULL, result_file_path = NULL, updated_at = now()
       WHERE (workspace_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
      [rows.map((job) => job.workspace_id), rows.map((job) => job.id)],
    );
    return rows.length;
  });
}
