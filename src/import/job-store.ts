import type pg from 'pg';
import type { Database } from '../db/client.ts';
import type { ColumnSuggestion } from '../domain/import-column-suggestions.ts';
import type { ImportPlan } from '../domain/import-options.ts';
import { enteredFrom, IMPORT_END_STATUSES, IMPORT_START_STATUS, type EnteredFrom } from '../domain/import-status.ts';
import type { ImportJob, Prisma } from '../generated/prisma/client.ts';
import { enqueueJobEnded } from '../services/webhook-delivery.ts';
import type { JobState } from './job-columns.ts';

/**
 * Every statement that changes an `import_jobs` row, one function each (with the reads that lock or
 * reload a job for them): the import's states and transitions in one place. A statement that moves a job checks the status it moves it from where
 * a request or another worker could have moved the job first, with the statuses the domain's table
 * (src/domain/import-status.ts) allows. Each runs on the client it is given, so it joins the
 * caller's transaction; one that ends a job enqueues the job's webhook deliveries in it, so those
 * exist if and only if the change commits. Subscribers are told by the callers.
 */

/** A pool, or a client of it in a transaction. */
type Runner = pg.Pool | pg.PoolClient;
/** Which job: the workspace and id of an import job. */
type JobKey = Pick<ImportJob, 'workspaceId' | 'id'>;

/** The job as it is now. */
export async function reloadJob(db: Database, job: JobKey): Promise<ImportJob> {
  return db.prisma.importJob.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: job.workspaceId, id: job.id } } });
}

// What the client asks for.

/** A new job, waiting for its mapping. */
export function createJob(
  tx: Pick<Prisma.TransactionClient, 'importJob'>,
  data: Omit<Prisma.ImportJobUncheckedCreateInput, 'status' | 'columns' | 'options'> & { columns: ColumnSuggestion[]; state: JobState },
): Promise<ImportJob> {
  const { columns, state, ...rest } = data;
  return tx.importJob.create({ data: { ...rest, status: IMPORT_START_STATUS, columns: columns as object[], options: state as object } });
}

/**
 * Changes a job only if it is still in one of `from` (another request may have moved it); the job
 * as changed, or null when it was not in one of them.
 */
async function moveJob(
  prisma: Database['prisma'],
  job: JobKey,
  from: ImportJob['status'][],
  data: Prisma.ImportJobUpdateInput,
): Promise<ImportJob | null> {
  try {
    return await prisma.importJob.update({ where: { workspaceId_id: { workspaceId: job.workspaceId, id: job.id }, status: { in: from } }, data });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2025') return null;
    throw error;
  }
}

/** The mapping is set (or set again, from REVIEW): the counts of an earlier validation are dropped and the job is validated. */
export function setMapping(prisma: Database['prisma'], job: JobKey, plan: ImportPlan): Promise<ImportJob | null> {
  return moveJob(prisma, job, enteredFrom('VALIDATING'), {
    status: 'VALIDATING',
    mapping: plan as object,
    toCreate: 0,
    toUpdate: 0,
    toSkip: 0,
    toError: 0,
    processedRows: 0,
    errorFilePath: null,
    reviewExpiresAt: null,
  });
}

/**
 * A reviewed job is confirmed: it waits in its workspace's queue, in confirm order. Its progress is
 * now the write's, which has not started: no row written, no clock.
 */
export function queueJob(prisma: Database['prisma'], job: JobKey): Promise<ImportJob | null> {
  return moveJob(prisma, job, enteredFrom('QUEUED'), { status: 'QUEUED', confirmedAt: new Date(), processedRows: 0, phaseStartedAt: null });
}

/** The undo of a job's write is queued, with the progress of its write set aside for the revert's. */
export function requestRevert(prisma: Database['prisma'], job: JobKey): Promise<ImportJob | null> {
  return moveJob(prisma, job, enteredFrom('REVERTING'), {
    status: 'REVERTING',
    // The same clock as queueJob's confirmedAt: the queue orders imports and reverts by both.
    revertRequestedAt: new Date(),
    processedRows: 0,
    revertTotal: 0,
    reverted: 0,
    revertConflicts: 0,
    phaseStartedAt: null,
    finishedAt: null,
  });
}

/**
 * A cancel: a job no worker is on (waiting for its mapping, in review, or validating or queued with
 * no live lease) is CANCELLED at once; one a worker holds is marked for the worker to stop at its
 * next batch boundary. One statement, so that it and a worker claiming the job see each other:
 * whichever locks the row first decides whether the worker finds it cancelled or is left to stop it.
 * Whether the job was in a status a cancel applies to.
 */
export async function requestCancel(client: pg.PoolClient, job: JobKey): Promise<boolean> {
  const idle = `(status IN ('MAPPING', 'REVIEW') OR (status IN ('VALIDATING', 'QUEUED') AND (locked_until IS NULL OR locked_until < now())))`;
  const { rowCount } = await client.query(
    `UPDATE import_jobs SET cancel_requested = true, updated_at = now(),
       status = CASE WHEN ${idle} THEN 'CANCELLED'::"ImportStatus" ELSE status END,
       finished_at = CASE WHEN ${idle} THEN now() ELSE finished_at END
     WHERE workspace_id = $1 AND id = $2 AND status = ANY($3::"ImportStatus"[])`,
    [job.workspaceId, job.id, enteredFrom('CANCELLED')],
  );
  // Only a job this statement cancelled is ended now (the others are left to the worker), and
  // only an ended job gets deliveries.
  if (rowCount) await enqueueJobEnded(client, job.workspaceId, job.id);
  return Boolean(rowCount);
}

// The worker's lease on a job.

/** A writing job's place in its workspace's queue: a revert queues when it was asked for. */
const QUEUE_TIME = (alias: string) => `CASE WHEN ${alias}.status = 'REVERTING' THEN ${alias}.revert_requested_at ELSE ${alias}.confirmed_at END`;

/**
 * Takes the next job with work to do and leases it to `workerId` for `leaseSeconds`. A confirmed
 * import or a revert waits while another job of its workspace is writing or was queued before it; a
 * job whose lease ran out (its worker died) is free again.
 */
export async function claimJob(db: Database, workerId: string, leaseSeconds: number): Promise<ImportJob | undefined> {
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
    [workerId, leaseSeconds],
  );
  if (rows.length === 0) return undefined;
  return reloadJob(db, { workspaceId: rows[0].workspace_id, id: rows[0].id });
}

/** Extends the lease `workerId` holds; undefined when it holds it no more, else whether a cancel was asked for. */
export async function renewLease(
  pool: Runner,
  job: JobKey,
  workerId: string,
  leaseSeconds: number,
): Promise<{ cancelRequested: boolean } | undefined> {
  const { rows } = await pool.query<{ cancel_requested: boolean }>(
    `UPDATE import_jobs SET locked_until = now() + make_interval(secs => $4) WHERE workspace_id = $1 AND id = $2 AND locked_by = $3
     RETURNING cancel_requested`,
    [job.workspaceId, job.id, workerId, leaseSeconds],
  );
  const lease = rows[0];
  return lease ? { cancelRequested: lease.cancel_requested } : undefined;
}

/** Gives the job up, if `workerId` still holds it: another worker may claim it at once. */
export async function releaseJob(pool: Runner, job: JobKey, workerId: string): Promise<void> {
  await pool.query(`UPDATE import_jobs SET locked_by = NULL, locked_until = NULL WHERE workspace_id = $1 AND id = $2 AND locked_by = $3`, [
    job.workspaceId,
    job.id,
    workerId,
  ]);
}

/** The job ends FAILED with `reason`, if `workerId` still holds it (another may have taken it over). */
export async function failJob(client: pg.PoolClient, job: JobKey, workerId: string, reason: string): Promise<void> {
  const { rowCount } = await client.query(
    `UPDATE import_jobs SET status = 'FAILED', failure_reason = $3, finished_at = now(), updated_at = now()
     WHERE workspace_id = $1 AND id = $2 AND locked_by = $4`,
    [job.workspaceId, job.id, reason, workerId],
  );
  if (rowCount) await enqueueJobEnded(client, job.workspaceId, job.id);
}

/** The statuses in which the worker ends a cancelled job that has written nothing (a write's cancel ends with {@link endWrite}). */
const CANCELLED_BEFORE_WRITE = ['VALIDATING', 'REVIEW', 'QUEUED'] as const satisfies readonly EnteredFrom<'CANCELLED'>[];

/** The worker ends a cancelled job that has written nothing, unless something else ended it first. */
export async function cancelJob(client: pg.PoolClient, job: JobKey): Promise<void> {
  const { rowCount } = await client.query(
    `UPDATE import_jobs SET status = 'CANCELLED', finished_at = now(), updated_at = now()
     WHERE workspace_id = $1 AND id = $2 AND status = ANY($3::"ImportStatus"[])`,
    [job.workspaceId, job.id, CANCELLED_BEFORE_WRITE],
  );
  if (rowCount) await enqueueJobEnded(client, job.workspaceId, job.id);
}

// Validation.

/** Validation starts (or starts over): no row processed yet, and the phase's clock starts now. */
export async function startValidating(pool: Runner, job: JobKey): Promise<void> {
  await pool.query(`UPDATE import_jobs SET processed_rows = 0, phase_started_at = now(), updated_at = now() WHERE workspace_id = $1 AND id = $2`, [
    job.workspaceId,
    job.id,
  ]);
}

/** The rows validated so far. */
export async function recordValidated(pool: Runner, job: JobKey, processed: number): Promise<void> {
  await pool.query('UPDATE import_jobs SET processed_rows = $3, updated_at = now() WHERE workspace_id = $1 AND id = $2', [
    job.workspaceId,
    job.id,
    processed,
  ]);
}

/** Validation is done: the job waits in REVIEW, with what it expects to do, until `reviewTtlSeconds` from now. */
export async function finishValidation(
  pool: Runner,
  job: JobKey,
  result: { counts: Record<'CREATE' | 'UPDATE' | 'SKIP' | 'ERROR', number>; errorFilePath: string | null; reviewTtlSeconds: number },
): Promise<void> {
  const { counts } = result;
  await pool.query(
    `UPDATE import_jobs SET status = 'REVIEW', to_create = $3, to_update = $4, to_skip = $5, to_error = $6, error_file_path = $7,
       review_expires_at = now() + make_interval(secs => $8), updated_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    [job.workspaceId, job.id, counts.CREATE, counts.UPDATE, counts.SKIP, counts.ERROR, result.errorFilePath, result.reviewTtlSeconds],
  );
}

// The write.

/** A queued job becomes IMPORTING, unless a cancel came first; whether it did. */
export async function startWriting(client: pg.PoolClient, job: JobKey): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE import_jobs SET status = 'IMPORTING' WHERE workspace_id = $1 AND id = $2 AND status = ANY($3::"ImportStatus"[]) AND NOT cancel_requested`,
    [job.workspaceId, job.id, enteredFrom('IMPORTING')],
  );
  return Boolean(rowCount);
}

/** What the write set up (batch tag, new group), kept with the job; its progress and clock start. */
export async function saveWriteState(client: pg.PoolClient, job: JobKey, state: JobState): Promise<void> {
  await client.query(
    `UPDATE import_jobs SET options = $3, processed_rows = 0, phase_started_at = now(), updated_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    [job.workspaceId, job.id, JSON.stringify(state)],
  );
}

/** The batch of rows `from`..`to` is written: the checkpoint moves to `to`, and its rows' outcomes are counted. */
export async function commitWriteBatch(client: pg.PoolClient, job: JobKey, from: number, to: number): Promise<void> {
  await client.query(
    `UPDATE import_jobs j SET checkpoint_row = $3, processed_rows = $3, updated_at = now(),
       created = j.created + c.created, updated = j.updated + c.updated, skipped = j.skipped + c.skipped, failed = j.failed + c.failed
     FROM (SELECT count(*) FILTER (WHERE action = 'CREATE')::int AS created, count(*) FILTER (WHERE action = 'UPDATE')::int AS updated,
                  count(*) FILTER (WHERE action = 'SKIP')::int AS skipped, count(*) FILTER (WHERE action = 'ERROR')::int AS failed
           FROM import_rows WHERE workspace_id = $1 AND job_id = $2 AND row_number BETWEEN $4 AND $3) c
     WHERE j.workspace_id = $1 AND j.id = $2`,
    [job.workspaceId, job.id, to, from],
  );
}

/** The write ends, COMPLETED or CANCELLED, with its result file, kept `retentionDays`. */
export async function endWrite(
  client: pg.PoolClient,
  job: JobKey,
  end: { status: 'COMPLETED' | 'CANCELLED'; resultFilePath: string; retentionDays: number },
): Promise<void> {
  await client.query(
    `UPDATE import_jobs SET status = $5::"ImportStatus", result_file_path = $3, finished_at = now(), updated_at = now(),
       files_expire_at = now() + make_interval(days => $4)
     WHERE workspace_id = $1 AND id = $2`,
    [job.workspaceId, job.id, end.resultFilePath, end.retentionDays, end.status],
  );
  await enqueueJobEnded(client, job.workspaceId, job.id);
}

// The revert.

/** The revert starts (its clock only once, should it resume): it has as many contacts to go through as the journal holds. */
export async function startRevert(pool: Runner, job: JobKey): Promise<void> {
  await pool.query(
    `UPDATE import_jobs SET phase_started_at = coalesce(phase_started_at, now()), updated_at = now(),
       revert_total = (SELECT count(*) FROM import_changes WHERE workspace_id = $1 AND job_id = $2)
     WHERE workspace_id = $1 AND id = $2`,
    [job.workspaceId, job.id],
  );
}

/** A batch of the journal is reverted: `size` contacts, `reverted` of them restored or deleted, `conflicts` left as they are. */
export async function recordReverted(
  client: pg.PoolClient,
  job: JobKey,
  batch: { size: number; reverted: number; conflicts: number },
): Promise<void> {
  await client.query(
    `UPDATE import_jobs SET processed_rows = processed_rows + $3, reverted = reverted + $4, revert_conflicts = revert_conflicts + $5, updated_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    [job.workspaceId, job.id, batch.size, batch.reverted, batch.conflicts],
  );
}

/** The revert is done: the job is REVERTED. */
export async function finishRevert(client: pg.PoolClient, job: JobKey): Promise<void> {
  await client.query(`UPDATE import_jobs SET status = 'REVERTED', finished_at = now(), updated_at = now() WHERE workspace_id = $1 AND id = $2`, [
    job.workspaceId,
    job.id,
  ]);
  await enqueueJobEnded(client, job.workspaceId, job.id);
}

// The sweeper.

/** A job the sweeper holds locked. */
export interface SweptJob {
  workspace_id: string;
  id: string;
}

/** A job past its deadline, waiting for its mapping or its confirmation: its source file, and how long its workspace lets a job wait. */
export interface WaitingJob extends SweptJob {
  file_path: string | null;
  status: EnteredFrom<'EXPIRED'>;
  review_ttl_seconds: number;
}

/**
 * Up to `limit` jobs waiting past their deadline (`review_expires_at`: set at the upload, and again
 * when validation ends), locked; those another sweeper holds are skipped.
 */
export async function lockExpiredJobs(client: pg.PoolClient, limit: number): Promise<WaitingJob[]> {
  const { rows } = await client.query<WaitingJob>(
    `SELECT j.workspace_id, j.id, j.file_path, j.status, w.review_ttl_seconds FROM import_jobs j JOIN workspaces w ON w.id = j.workspace_id
     WHERE j.status = ANY($2::"ImportStatus"[]) AND j.review_expires_at <= now()
     ORDER BY j.created_at LIMIT $1
     FOR UPDATE OF j SKIP LOCKED`,
    [limit, enteredFrom('EXPIRED')],
  );
  return rows;
}

/**
 * The locked jobs end EXPIRED, each with its reason; their source files are gone (the caller
 * deleted them), and their other files are kept for their workspace's retention days.
 */
export async function expireJobs(client: pg.PoolClient, jobs: (SweptJob & { reason: string })[]): Promise<void> {
  await client.query(
    `UPDATE import_jobs j SET status = 'EXPIRED', failure_reason = expired.reason, file_path = NULL, finished_at = now(), updated_at = now(),
       files_expire_at = now() + make_interval(days => w.file_retention_days)
     FROM workspaces w, unnest($1::uuid[], $2::uuid[], $3::text[]) AS expired(workspace_id, id, reason)
     WHERE w.id = j.workspace_id AND j.workspace_id = expired.workspace_id AND j.id = expired.id`,
    [jobs.map((job) => job.workspace_id), jobs.map((job) => job.id), jobs.map((job) => job.reason)],
  );
  for (const job of jobs) await enqueueJobEnded(client, job.workspace_id, job.id);
}

/**
 * Up to `limit` ended jobs that still have files and whose retention (`files_expire_at`, or the
 * workspace's `file_retention_days` after the job finished) has run out, locked; those another
 * sweeper holds are skipped.
 */
export async function lockJobsWithFilesDue(client: pg.PoolClient, limit: number): Promise<SweptJob[]> {
  const { rows } = await client.query<SweptJob>(
    `SELECT j.workspace_id, j.id FROM import_jobs j JOIN workspaces w ON w.id = j.workspace_id
     WHERE j.status::text = ANY($2::text[])
       AND (j.file_path IS NOT NULL OR j.error_file_path IS NOT NULL OR j.result_file_path IS NOT NULL)
       AND coalesce(j.files_expire_at, coalesce(j.finished_at, j.updated_at) + make_interval(days => w.file_retention_days)) <= now()
     ORDER BY j.created_at LIMIT $1
     FOR UPDATE OF j SKIP LOCKED`,
    [limit, IMPORT_END_STATUSES],
  );
  return rows;
}

/** The locked jobs' files are deleted (by the caller): their paths are cleared, and their URLs answer null. */
export async function forgetFiles(client: pg.PoolClient, jobs: SweptJob[]): Promise<void> {
  await client.query(
    `UPDATE import_jobs SET file_path = NULL, error_file_path = NULL, result_file_path = NULL, updated_at = now()
     WHERE (workspace_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    [jobs.map((job) => job.workspace_id), jobs.map((job) => job.id)],
  );
}
