import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { ImportJob } from '../generated/prisma/client.ts';
import type { FileStore } from '../files/file-store.ts';
import { JOB_CHANNEL, notifyJobChanged } from '../db/job-events.ts';
import { cancelJob, claimJob, failJob, releaseJob, reloadJob, renewLease } from './job-store.ts';
import { revertJob } from './revert.ts';
import { validateJob } from './validate.ts';
import { finishWrite, writeJob } from './write.ts';
import { JobInterrupted, type JobRunContext } from './job-run.ts';

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
      const job = await claimJob(db, workerId, LEASE_SECONDS).catch((error) => {
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
    await inTransaction(db.pool, (client) => failJob(client, job, workerId, reason));
    throw error;
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
