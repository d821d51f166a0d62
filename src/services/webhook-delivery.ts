import type pg from 'pg';
import type { Database } from '../db/client.ts';
import {
  DEFAULT_RETRY_POLICY,
  DELIVERY_HEADER,
  EVENT_HEADER,
  IMPORT_FINISHED_EVENT,
  retryDelayMs,
  signBody,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type RetryPolicy,
} from '../domain/webhook.ts';
import type { ImportStatus } from '../generated/prisma/client.ts';
import { startPeriodic, type PeriodicTask } from './periodic.ts';

/** The states an import ends in; reaching one is what webhooks are told. */
export const JOB_END_STATUSES: ImportStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTED'];

/** How long a receiver has to answer one POST. */
const DEFAULT_TIMEOUT_MS = 10_000;
/** How often an idle delivery loop looks for due deliveries. */
const DEFAULT_POLL_INTERVAL_MS = 1000;
/** Deliveries claimed (and posted side by side) at a time by one loop. */
const CLAIM_BATCH_SIZE = 20;
/** A claimed delivery whose process died is tried again this long after its timeout. */
const CLAIM_LEASE_MARGIN_MS = 30_000;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The outbox: one delivery per webhook of the workspace for a job that has just ended. Call it in
 * the transaction that moved the job to its final state, so the event exists if and only if the
 * change committed. The payload is the job's summary at that moment; a job in no final state gets none.
 */
export async function enqueueJobEnded(client: pg.PoolClient, workspaceId: string, jobId: string): Promise<void> {
  const text = `
    WITH target AS (SELECT w.workspace_id, w.id AS webhook_id, gen_random_uuid() AS delivery_id FROM webhooks w WHERE w.workspace_id = $1)
    INSERT INTO webhook_deliveries (workspace_id, id, webhook_id, job_id, payload)
    SELECT t.workspace_id, t.delivery_id, t.webhook_id, j.id, jsonb_build_object(
      'id', t.delivery_id, 'event', $3::text, 'occurredAt', ${iso('now()')}, 'workspaceId', j.workspace_id,
      'job', jsonb_build_object(
        'id', j.id, 'status', j.status, 'fileName', j.file_name, 'totalRows', j.total_rows,
        'counts', jsonb_build_object('toCreate', j.to_create, 'toUpdate', j.to_update, 'toSkip', j.to_skip, 'errors', j.to_error,
                                     'created', j.created, 'updated', j.updated, 'skipped', j.skipped, 'failed', j.failed),
        'failureReason', j.failure_reason,
        'createdAt', ${iso('j.created_at')}, 'confirmedAt', ${iso('j.confirmed_at')}, 'finishedAt', ${iso('j.finished_at')}))
    FROM target t JOIN import_jobs j ON j.workspace_id = t.workspace_id AND j.id = $2
    WHERE j.status::text = ANY($4::text[])`;
  await client.query(text, [workspaceId, jobId, IMPORT_FINISHED_EVENT, JOB_END_STATUSES]);
}

/** The event a delivery posted, read back from the payload it stored. */
export interface DeliveredEvent {
  /** The payload's `event` (and the attempts' X-Switchboard-Event header). */
  event: string;
  /** The job's state when the event happened, whatever it is now. */
  jobStatus: ImportStatus;
}

/** What a stored payload (as `enqueueJobEnded` built it) says was delivered. */
export function deliveredEvent(payload: unknown): DeliveredEvent {
  const body = payload as { event: string; job: { status: ImportStatus } };
  return { event: body.event, jobStatus: body.job.status };
}

export interface WebhookDeliveryOptions {
  db: Database;
  retry?: RetryPolicy;
  /** How long a receiver has to answer, in ms. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

interface ClaimedDelivery {
  workspace_id: string;
  id: string;
  attempts: number;
  body: string;
  url: string;
  secret: string;
}

/**
 * One pass: claims the deliveries that are due (FOR UPDATE SKIP LOCKED, so any number of processes
 * share the work), counts the attempt and leases them before posting, then posts them side by side
 * and records each outcome: delivered, due again after a back-off, or given up after the last
 * attempt. A process that dies mid-post leaves a lease that runs out, and the delivery is retried
 * (delivery is at least once; the delivery id lets receivers drop repeats). Returns how many were tried.
 */
export async function deliverDueWebhooks(options: WebhookDeliveryOptions): Promise<number> {
  const { db, retry = DEFAULT_RETRY_POLICY, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const { rows } = await db.pool.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT workspace_id, id FROM webhook_deliveries
       WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= now()
       ORDER BY next_attempt_at LIMIT $1
       FOR UPDATE SKIP LOCKED)
     UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
     FROM due, webhooks w
     WHERE d.workspace_id = due.workspace_id AND d.id = due.id AND w.workspace_id = d.workspace_id AND w.id = d.webhook_id
     RETURNING d.workspace_id, d.id, d.attempts, d.payload::text AS body, w.url, w.secret`,
    [CLAIM_BATCH_SIZE, (timeoutMs + CLAIM_LEASE_MARGIN_MS) / 1000],
  );
  await Promise.all(
    rows.map(async (delivery) => {
      const error = await post(delivery, timeoutMs);
      if (error === null) {
        await db.pool.query(`UPDATE webhook_deliveries SET delivered_at = now(), last_error = NULL WHERE workspace_id = $1 AND id = $2`, [
          delivery.workspace_id,
          delivery.id,
        ]);
        return;
      }
      const delayMs = retryDelayMs(delivery.attempts, retry);
      options.log?.(`webhook delivery ${delivery.id}, attempt ${delivery.attempts}: ${error}`);
      await db.pool.query(
        delayMs === null
          ? `UPDATE webhook_deliveries SET gave_up_at = now(), last_error = $3 WHERE workspace_id = $1 AND id = $2`
          : `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $4), last_error = $3 WHERE workspace_id = $1 AND id = $2`,
        delayMs === null ? [delivery.workspace_id, delivery.id, error] : [delivery.workspace_id, delivery.id, error, delayMs / 1000],
      );
    }),
  );
  return rows.length;
}

/** POSTs one delivery; null when the receiver answered 2xx, else what went wrong. */
async function post(delivery: ClaimedDelivery, timeoutMs: number): Promise<string | null> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Switchboard-Webhooks/1',
        [SIGNATURE_HEADER]: signBody(delivery.secret, delivery.body),
        [EVENT_HEADER]: IMPORT_FINISHED_EVENT,
        [DELIVERY_HEADER]: delivery.id,
        [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)),
      },
      body: delivery.body,
      // A redirect is not followed: the registered URL is the only one that gets the payload.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok ? null : `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? (error as Error).message;
  }
}

/**
 * Delivers webhooks until stopped: a pass every `pollIntervalMs`, at once again after a full batch.
 * Safe to run in every process.
 */
export function startWebhookDelivery(options: WebhookDeliveryOptions & { pollIntervalMs?: number }): PeriodicTask {
  return startPeriodic({
    name: 'webhook delivery',
    intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    log: options.log,
    pass: async () => (await deliverDueWebhooks(options)) >= CLAIM_BATCH_SIZE,
  });
}
