import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/client.ts';
import { errorFields, silentLogger, type Logger } from '../db/logger.ts';
import { inTransaction } from '../db/transaction.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import type { FileStore } from '../files/file-store.ts';
import { JOB_CHANNEL, notifyJobChanged } from '../db/job-events.ts';
import { cancelJob, claimJob, failJob, releaseJob, reloadJob, renewLease } from './job-store.ts';
import { revertJob } from './revert.ts';
import { validateJob } from './validate.ts';
import { finishWrite, writeJob } from './write.ts';
import { JobInterrupted, type ImportMetrics, type JobRunContext } from './job-run.ts';

/**
 * How long a claimed job stays with its worker without a renewal before another may take it. The
 * running worker renews it every third of that, whatever the job is doing, so only a dead (or
 * frozen) worker loses its jobs — and a killed worker's job resumes within this time.
 */
export const LEASE_SECONDS = 10;
/** How often an idle worker looks for work when no notification wakes it. */
const IDLE_POLL_MS = 1000;
/** Two jobs at once: PostgreSQL needs the other core of a two-core machine. */
export const DEFAULT_CONCURRENCY = 2;

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
  /** Gets each job's phases, with the job's and its workspace's ids. */
  logger?: Logger;
  /** Told the rows validated and written and how long confirmed imports waited, for the process's metrics. */
  metrics?: ImportMetrics;
}): Promise<ImportWorker> {
  const { db, files, concurrency = DEFAULT_CONCURRENCY } = options;
  const logger = options.logger ?? silentLogger;
  const id = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };

  // A notification about any job may mean work: it wakes the idle loops at once.
  const listener = new pg.Client({ connectionString: db.url });
  listener.on('notification', wakeAll);
  listener.on('error', () => {});
  await listener.connect();
  await listener.query(`LISTEN ${JOB_CHANNEL}`);

  const loop = async (slot: number) => {
    const workerId = `${id}/${slot}`;
    while (!stopped) {
      const job = await claimJob(db, workerId, LEASE_SECONDS).catch((error) => {
        logger.error({ workerId, err: errorFields(error) }, 'import worker could not claim a job');
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
      // A write taken up for the first time (one resumed after a stop is IMPORTING already).
      if (job.status === 'QUEUED' && job.confirmedAt) options.metrics?.writeClaimed((Date.now() - job.confirmedAt.getTime()) / 1000);
      const jobLogger = logger.child({ jobId: job.id, workspaceId: job.workspaceId });
      jobLogger.info({ workerId, status: job.status }, 'import job claimed');
      await runJob(db, files, workerId, job, () => stopped, options.metrics, jobLogger).catch((error) =>
        jobLogger.error({ workerId, err: errorFields(error) }, 'import job could not be ended or released'),
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

async function runJob(
  db: Database,
  files: FileStore,
  workerId: string,
  job: ImportJob,
  stopping: () => boolean,
  metrics: ImportMetrics | undefined,
  logger: Logger,
): Promise<void> {
  const renew = () => renewLease(db.pool, job, workerId, LEASE_SECONDS);
  let leaseLost = false;
  const renewal = setInterval(
    () => {
      renew().then(
        (lease) => (leaseLost ||= !lease),
        () => {},
      );
    },
    (LEASE_SECONDS * 1000) / 3,
  );
  const context: JobRunContext = {
    db,
    files,
    metrics,
    heartbeat: async () => {
      if (stopping()) throw new JobInterrupted('stopping');
      const lease = leaseLost ? undefined : await renew();
      if (!lease) throw new JobInterrupted('lease lost');
      await notifyJobChanged(db.pool, job.id);
      // A revert cannot be cancelled: half a revert is no state to leave contacts in.
      if (lease.cancelRequested && job.status !== 'REVERTING') throw new JobInterrupted('cancelled');
    },
  };
  try {
    if (job.cancelRequested && job.status !== 'REVERTING') throw new JobInterrupted('cancelled');
    if (job.status === 'VALIDATING') {
      logger.info('import job validating');
      await validateJob(context, job);
      // A cancel that came after validation's last batch finds the job in review.
      await context.heartbeat();
      const done = await reloadJob(db, job);
      logger.info(
        { status: done.status, counts: { toCreate: done.toCreate, toUpdate: done.toUpdate, toSkip: done.toSkip, errors: done.toError } },
        'import job validated',
      );
    } else if (job.status === 'REVERTING') {
      logger.info('import job reverting');
      await revertJob(context, job);
      const done = await reloadJob(db, job);
      logger.info({ status: done.status, counts: { reverted: done.reverted, conflicts: done.revertConflicts } }, 'import job reverted');
    } else {
      // A job taken over from a worker that died resumes after its last committed batch.
      logger.info({ afterRow: job.checkpointRow }, 'import job writing');
      await writeJob(context, job);
      const done = await reloadJob(db, job);
      logger.info(
        { status: done.status, counts: { created: done.created, updated: done.updated, skipped: done.skipped, failed: done.failed } },
        'import job completed',
      );
    }
  } catch (error) {
    if (error instanceof JobInterrupted) {
      if (error.reason === 'cancelled') {
        await finishCancelled(context, job);
        logger.info('import job cancelled');
      } else if (error.reason === 'stopping') logger.info('import job released at shutdown');
      else logger.warn('import job lease lost: another worker took it over');
      return;
    }
    logger.error({ err: errorFields(error) }, 'import job failed');
    const reason =
      job.status === 'REVERTING'
        ? 'The revert stopped on an unexpected error; the contacts of its completed batches are reverted, the others are not.'
        : 'The import stopped on an unexpected error; nothing after its last completed batch was written.';
    await inTransaction(db.pool, (client) => failJob(client, job, workerId, reason));
  } finally {
    clearInterval(renewal);
    await releaseJob(db.pool, job, workerId);
    await notifyJobChanged(db.pool, job.id);
  }
}

/**
 * A cancelled job ends CANCELLED: one whose write began gets its result file (the rows after the
 * last committed batch marked Skipped); one that had written nothing just stops.
 */
async function finishCancelled(context: JobRunContext, job: ImportJob): Promise<void> {
  const current = await reloadJob(context.db, job);
  if (current.status === 'IMPORTING') return finishWrite(context, current, 'CANCELLED');
  await inTransaction(context.db.pool, (client) => cancelJob(client, job));
}
