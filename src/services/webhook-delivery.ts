import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type pg from 'pg';
import type { Database } from '../db/client.ts';
import { errorFields, silentLogger, type Logger } from '../db/logger.ts';
import { IMPORT_END_STATUSES } from '../domain/import-status.ts';
import { nonPublicAddressRule } from '../domain/network-address.ts';
import {
  breakerPauseMs,
  DEFAULT_BREAKER_POLICY,
  DEFAULT_RETRY_POLICY,
  DELIVERY_FAILURE_MESSAGES,
  EVENT_HEADER,
  failureOfStatus,
  ID_HEADER,
  IMPORT_FINISHED_EVENT,
  openSecret,
  parseWebhookUrl,
  retryDelayMs,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
  type BreakerPolicy,
  type DeliveryFailure,
  type RetryPolicy,
} from '../domain/webhook.ts';
import type { ImportStatus } from '../generated/prisma/client.ts';
import { startPeriodic, type PeriodicTask } from './periodic.ts';
import { sealPlainSecrets, type WebhookSettings } from './webhooks.ts';

/** How long one attempt may take in all: resolving the name, connecting, TLS and the receiver's answer. */
const ATTEMPT_TIMEOUT_MS = 5_000;
/** How often an idle delivery loop looks for due deliveries. */
const DEFAULT_POLL_INTERVAL_MS = 1000;
/** Attempts one process has under way at once, all workspaces together. */
const MAX_IN_FLIGHT = 20;
/**
 * Attempts one process has under way at once for one workspace: a workspace whose receivers hang
 * holds at most these slots, and the others' deliveries go on in the rest.
 */
export const MAX_IN_FLIGHT_PER_WORKSPACE = 4;
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
  await client.query(text, [workspaceId, jobId, IMPORT_FINISHED_EVENT, IMPORT_END_STATUSES]);
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
  /** The key opening the secrets, and whether insecure targets are allowed (development only). */
  settings: WebhookSettings;
  retry?: RetryPolicy;
  breaker?: BreakerPolicy;
  /** How long one attempt may take in all, in ms. */
  timeoutMs?: number;
  pollIntervalMs?: number;
  /** Resolves receivers' names before their addresses are checked: `dns.lookup` unless a test gives its own. */
  resolve?: LookupFunction;
  /** Told of each failed attempt, for the process's metrics. */
  metrics?: WebhookDeliveryMetrics;
  /** Gets each failure in detail (no URL, no payload, no secret): the stored error says less. */
  logger?: Logger;
}

/** What the delivery loop reports, for the process's metrics. */
export interface WebhookDeliveryMetrics {
  /** An attempt failed (it may be tried again). */
  attemptFailed(failure: DeliveryFailure): void;
}

interface ClaimedDelivery {
  workspace_id: string;
  id: string;
  webhook_id: string;
  attempts: number;
  body: string;
  url: string;
  sealed_secret: Buffer | null;
  plain_secret: string | null;
}

/**
 * What became of one attempt: delivered (no failure), failed (with the receiver's status, or the
 * detail of why none came, for the log), or cut short by `stop`.
 */
type AttemptOutcome = { failure: null } | { failure: DeliveryFailure; status?: number; detail?: string } | { stopped: true };

/**
 * Delivers webhooks until stopped. Each pass claims due deliveries (FOR UPDATE SKIP LOCKED, so any
 * number of processes share the work), counts the attempt and leases them, then posts them without
 * waiting: a pass never waits for a slow receiver, and the next pass fills the slots left. Claims
 * are fair: each workspace gets at most MAX_IN_FLIGHT_PER_WORKSPACE attempts under way, taken in
 * turn (every workspace's oldest due delivery before anyone's second). Each outcome is recorded:
 * delivered, due again after a back-off, or given up after the last attempt; failures in a row
 * trip the webhook's breaker. A process that dies mid-post leaves a lease that runs out, and the
 * delivery is retried (delivery is at least once; the webhook-id header lets receivers drop repeats).
 */
export function startWebhookDelivery(options: WebhookDeliveryOptions): PeriodicTask {
  const { db, settings, retry = DEFAULT_RETRY_POLICY, breaker = DEFAULT_BREAKER_POLICY, timeoutMs = ATTEMPT_TIMEOUT_MS } = options;
  const logger = options.logger ?? silentLogger;
  const lookup = settings.allowInsecure ? undefined : publicOnlyLookup(options.resolve ?? (dnsLookup as LookupFunction));
  const stopping = new AbortController();
  const inFlight = new Map<string, number>();
  const attempts = new Set<Promise<void>>();
  let secretsSealed = false;

  const track = (delivery: ClaimedDelivery) => {
    inFlight.set(delivery.workspace_id, (inFlight.get(delivery.workspace_id) ?? 0) + 1);
    const attempt = deliver(delivery)
      .catch((error) =>
        logger.error(
          { workspaceId: delivery.workspace_id, webhookId: delivery.webhook_id, deliveryId: delivery.id, err: errorFields(error) },
          'recording a webhook delivery attempt failed',
        ),
      )
      .finally(() => {
        attempts.delete(attempt);
        const left = inFlight.get(delivery.workspace_id)! - 1;
        if (left === 0) inFlight.delete(delivery.workspace_id);
        else inFlight.set(delivery.workspace_id, left);
      });
    attempts.add(attempt);
  };

  const deliver = async (delivery: ClaimedDelivery) => {
    const outcome = await attempt(delivery, { settings, timeoutMs, lookup, stopping: stopping.signal });
    const key = [delivery.workspace_id, delivery.id];
    if ('stopped' in outcome) {
      // Shutting down: due again at once, for this process's successor or another process.
      await db.pool.query('UPDATE webhook_deliveries SET next_attempt_at = now() WHERE workspace_id = $1 AND id = $2 AND delivered_at IS NULL', key);
      return;
    }
    if (outcome.failure === null) {
      await db.pool.query(
        `WITH delivered AS (
           UPDATE webhook_deliveries SET delivered_at = now(), last_error = NULL WHERE workspace_id = $1 AND id = $2 RETURNING workspace_id, webhook_id)
         UPDATE webhooks w SET consecutive_failures = 0, paused_until = NULL
         FROM delivered WHERE w.workspace_id = delivered.workspace_id AND w.id = delivered.webhook_id`,
        key,
      );
      return;
    }
    const { failure, status, detail } = outcome;
    const ids = { workspaceId: delivery.workspace_id, webhookId: delivery.webhook_id };
    logger.warn({ ...ids, deliveryId: delivery.id, attempt: delivery.attempts, failure, statusCode: status, detail }, 'webhook delivery failed');
    options.metrics?.attemptFailed(outcome.failure);
    const delayMs = retryDelayMs(delivery.attempts, retry);
    const { rows } = await db.pool.query<{ consecutive_failures: number }>(
      `WITH failed AS (
         UPDATE webhook_deliveries
         SET last_error = $3, gave_up_at = CASE WHEN $4::float8 IS NULL THEN now() END,
             next_attempt_at = CASE WHEN $4::float8 IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $4::float8) END
         WHERE workspace_id = $1 AND id = $2 RETURNING workspace_id, webhook_id)
       UPDATE webhooks w SET consecutive_failures = w.consecutive_failures + 1
       FROM failed WHERE w.workspace_id = failed.workspace_id AND w.id = failed.webhook_id
       RETURNING w.consecutive_failures`,
      [...key, DELIVERY_FAILURE_MESSAGES[outcome.failure], delayMs === null ? null : delayMs / 1000],
    );
    const pauseMs = rows[0] ? breakerPauseMs(rows[0].consecutive_failures, breaker) : null;
    if (pauseMs !== null) {
      logger.warn({ ...ids, consecutiveFailures: rows[0]!.consecutive_failures, pauseMs }, 'webhook paused after failed attempts in a row');
      await db.pool.query('UPDATE webhooks SET paused_until = now() + make_interval(secs => $3) WHERE workspace_id = $1 AND id = $2', [
        delivery.workspace_id,
        delivery.webhook_id,
        pauseMs / 1000,
      ]);
    }
  };

  const periodic = startPeriodic({
    name: 'webhook delivery',
    intervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    logger,
    pass: async () => {
      if (!secretsSealed) {
        const sealed = await sealPlainSecrets(db, settings.secretKey);
        if (sealed > 0) logger.info({ webhooks: sealed }, 'sealed the signing secrets of webhooks');
        secretsSealed = true;
      }
      const capacity = MAX_IN_FLIGHT - attempts.size;
      if (capacity <= 0) return false;
      const claimed = await claimDue(db, { limit: capacity, inFlight, breaker, leaseSeconds: (timeoutMs + CLAIM_LEASE_MARGIN_MS) / 1000 });
      for (const delivery of claimed) track(delivery);
      return claimed.length === capacity;
    },
  });

  return {
    async stop() {
      await periodic.stop();
      stopping.abort();
      await Promise.all(attempts);
    },
  };
}

/**
 * Claims up to `limit` due deliveries, fairly: a workspace gets no more than its free slots
 * (MAX_IN_FLIGHT_PER_WORKSPACE less what this process has under way for it), and the claims go
 * round the workspaces, oldest due first. A paused webhook's deliveries are left waiting; once its
 * pause is over, one delivery (the probe) is claimed, and the webhook stays paused while it is
 * under way, so the probe is tried alone.
 */
async function claimDue(
  db: Database,
  options: { limit: number; inFlight: Map<string, number>; breaker: BreakerPolicy; leaseSeconds: number },
): Promise<ClaimedDelivery[]> {
  const { rows } = await db.pool.query<ClaimedDelivery>(
    `WITH due AS (
       SELECT d.workspace_id, d.id, d.next_attempt_at, w.consecutive_failures >= $3 AS probing,
              row_number() OVER (PARTITION BY d.workspace_id, d.webhook_id ORDER BY d.next_attempt_at, d.id) AS webhook_rank
       FROM webhook_deliveries d JOIN webhooks w ON w.workspace_id = d.workspace_id AND w.id = d.webhook_id
       WHERE d.delivered_at IS NULL AND d.gave_up_at IS NULL AND d.next_attempt_at <= now()
         AND (w.paused_until IS NULL OR w.paused_until <= now())),
     eligible AS (
       SELECT workspace_id, id, next_attempt_at, row_number() OVER (PARTITION BY workspace_id ORDER BY next_attempt_at, id) AS workspace_rank
       FROM due WHERE NOT probing OR webhook_rank = 1),
     picked AS (
       SELECT e.workspace_id, e.id FROM eligible e
       LEFT JOIN unnest($4::uuid[], $5::int[]) AS busy(workspace_id, attempts) ON busy.workspace_id = e.workspace_id
       WHERE e.workspace_rank <= $2 - coalesce(busy.attempts, 0)
       ORDER BY e.workspace_rank, e.next_attempt_at, e.id
       LIMIT $1),
     locked AS (
       SELECT d.workspace_id, d.id, d.webhook_id FROM webhook_deliveries d JOIN picked ON picked.workspace_id = d.workspace_id AND picked.id = d.id
       WHERE d.delivered_at IS NULL AND d.gave_up_at IS NULL AND d.next_attempt_at <= now()
       FOR UPDATE OF d SKIP LOCKED),
     probes AS (
       UPDATE webhooks w SET paused_until = now() + make_interval(secs => $6)
       FROM locked WHERE w.workspace_id = locked.workspace_id AND w.id = locked.webhook_id AND w.consecutive_failures >= $3)
     UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $6)
     FROM locked, webhooks w
     WHERE d.workspace_id = locked.workspace_id AND d.id = locked.id AND w.workspace_id = d.workspace_id AND w.id = d.webhook_id
     RETURNING d.workspace_id, d.id, d.webhook_id, d.attempts, d.payload::text AS body, w.url, w.sealed_secret, w.plain_secret`,
    [
      options.limit,
      MAX_IN_FLIGHT_PER_WORKSPACE,
      options.breaker.threshold,
      [...options.inFlight.keys()],
      [...options.inFlight.values()],
      options.leaseSeconds,
    ],
  );
  return rows;
}

/** Signs and POSTs one delivery. */
async function attempt(
  delivery: ClaimedDelivery,
  options: { settings: WebhookSettings; timeoutMs: number; lookup: LookupFunction | undefined; stopping: AbortSignal },
): Promise<AttemptOutcome> {
  let url: URL;
  let secret: string;
  try {
    // Checked again: the policy may have changed since the webhook was made.
    url = new URL(parseWebhookUrl(delivery.url, ['url'], options.settings));
    secret = delivery.sealed_secret ? openSecret(options.settings.secretKey, delivery.sealed_secret, delivery.workspace_id) : delivery.plain_secret!;
  } catch (error) {
    return { failure: 'UNREACHABLE', detail: `not sent: ${errorFields(error).message}` };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(delivery.body)),
    'user-agent': 'Switchboard-Webhooks/2',
    [ID_HEADER]: delivery.id,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signWebhook(secret, { id: delivery.id, timestamp, body: delivery.body }),
    [EVENT_HEADER]: IMPORT_FINISHED_EVENT,
  };
  const timeout = AbortSignal.timeout(options.timeoutMs);
  try {
    const status = await post(url, headers, delivery.body, AbortSignal.any([timeout, options.stopping]), options.lookup);
    const failure = failureOfStatus(status);
    return failure === null ? { failure } : { failure, status };
  } catch (error) {
    if (options.stopping.aborted) return { stopped: true };
    if (timeout.aborted) return { failure: 'TIMEOUT', detail: `no answer within ${options.timeoutMs} ms` };
    const { code, message } = error as NodeJS.ErrnoException;
    return { failure: 'UNREACHABLE', detail: code ? `${code}: ${message}` : message };
  }
}

/**
 * POSTs with node:http(s): a fresh connection, no redirect followed, the answer's status only (its
 * body is not read). Resolves to the status.
 */
function post(url: URL, headers: Record<string, string>, body: string, signal: AbortSignal, lookup: LookupFunction | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, { method: 'POST', headers, signal, agent: false, ...(lookup ? { lookup } : {}) }, (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** A name resolved to an address that is not public: the connection is not made. */
class NonPublicAddressError extends Error {
  readonly code = 'ENONPUBLIC';
}

/**
 * The resolver the connection uses, refusing names that resolve to any address that is not public.
 * The check is on the very addresses the socket connects to, so a name that resolves to a public
 * address when the webhook is made and to a private one later (DNS rebinding) is refused too.
 */
function publicOnlyLookup(resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, answer) => {
      if (error) return callback(error, '');
      const addresses = answer as LookupAddress[];
      for (const { address } of addresses) {
        const rule = nonPublicAddressRule(address);
        if (rule) return callback(new NonPublicAddressError(`the receiver's name resolves to ${address}, ${rule}`), '');
      }
      if (addresses.length === 0) return callback(Object.assign(new Error('the name resolves to no address'), { code: 'ENOTFOUND' }), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
