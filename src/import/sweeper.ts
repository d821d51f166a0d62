import type { Database } from '../db/client.ts';
import { silentLogger, type Logger } from '../db/logger.ts';
import { inTransaction } from '../db/transaction.ts';
import { startPeriodic, type PeriodicTask } from '../services/periodic.ts';
import { importFileKeys, type FileStore } from '../files/file-store.ts';
import { expiryReason } from './jobs.ts';
import { expireJobs, forgetFiles, lockExpiredJobs, lockJobsWithFilesDue, type WaitingJob } from './job-store.ts';
import { notifyJobChanged } from '../db/job-events.ts';

/** How often the sweeper looks for expired jobs and files by default. */
export const SWEEP_INTERVAL_MS = 60_000;
/** Jobs handled per transaction, so one sweep never holds many row locks for long. */
const SWEEP_BATCH_SIZE = 100;

export interface SweepOptions {
  db: Database;
  files: FileStore;
  /** Gets a line per job expired and per sweep that deleted files. */
  logger?: Logger;
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
  const logger = options.logger ?? silentLogger;
  const result: SweepResult = { expired: 0, purged: 0 };
  let count: number;
  do {
    const expired = await expireBatch(options);
    // Said once the batch has committed.
    for (const job of expired) logger.info({ jobId: job.id, workspaceId: job.workspace_id, status: job.status }, 'import job expired');
    count = expired.length;
    result.expired += count;
  } while (count === SWEEP_BATCH_SIZE);
  do {
    count = await purgeBatch(options);
    result.purged += count;
  } while (count === SWEEP_BATCH_SIZE);
  if (result.purged > 0) logger.info({ jobs: result.purged }, 'import sweeper deleted the files of jobs past their retention');
  return result;
}

/** Runs `sweepImports` every `intervalMs` until stopped; safe to start in every process. */
export function startImportSweeper(options: SweepOptions & { intervalMs?: number }): PeriodicTask {
  return startPeriodic({
    name: 'import sweeper',
    intervalMs: options.intervalMs ?? SWEEP_INTERVAL_MS,
    logger: options.logger,
    pass: async () => {
      await sweepImports(options);
      return false;
    },
  });
}

/** Expires a batch of jobs past their deadline; the jobs it expired (in the state they were in). */
async function expireBatch({ db, files }: SweepOptions): Promise<WaitingJob[]> {
  return inTransaction(db.pool, async (client) => {
    const jobs = await lockExpiredJobs(client, SWEEP_BATCH_SIZE);
    if (jobs.length === 0) return [];
    await files.delete(jobs.filter((job) => job.file_path).map((job) => importFileKeys(job.workspace_id, job.id).source));
    await expireJobs(
      client,
      jobs.map((job) => ({ ...job, reason: expiryReason(job.status, job.review_ttl_seconds) })),
    );
    // Sent when the transaction commits, like every NOTIFY.
    for (const job of jobs) await notifyJobChanged(client, job.id);
    return jobs;
  });
}

async function purgeBatch({ db, files }: SweepOptions): Promise<number> {
  return inTransaction(db.pool, async (client) => {
    const jobs = await lockJobsWithFilesDue(client, SWEEP_BATCH_SIZE);
    if (jobs.length === 0) return 0;
    for (const job of jobs) await files.deleteFolder(importFileKeys(job.workspace_id, job.id).folder);
    await forgetFiles(client, jobs);
    return jobs.length;
  });
}
