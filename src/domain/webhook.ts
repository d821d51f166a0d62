import { createHmac, randomBytes } from 'node:crypto';
import { ValidationError } from './errors.ts';

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body, keyed with the webhook's secret>`. */
export const SIGNATURE_HEADER = 'X-Switchboard-Signature';
/** Header naming the event (`import.finished`). */
export const EVENT_HEADER = 'X-Switchboard-Event';
/** Header carrying the delivery id, the same on every attempt: receivers drop repeats by it. */
export const DELIVERY_HEADER = 'X-Switchboard-Delivery';
/** Header carrying the attempt's time, Unix seconds. */
export const TIMESTAMP_HEADER = 'X-Switchboard-Timestamp';

/** The one event sent: an import reached COMPLETED, FAILED, CANCELLED, EXPIRED or REVERTED. */
export const IMPORT_FINISHED_EVENT = 'import.finished';

const MAX_URL_LENGTH = 2048;
const MIN_SECRET_LENGTH = 16;
const MAX_SECRET_LENGTH = 256;
const SECRET_PREFIX = 'whsec_';

/** The URL a webhook posts to: absolute http or https, no credentials in it. */
export function parseWebhookUrl(value: string, path: string[]): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw ValidationError.of(path, `"${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw ValidationError.of(path, `a webhook URL must use http or https, not ${url.protocol.slice(0, -1)}`);
  if (url.username || url.password) throw ValidationError.of(path, 'a webhook URL must not carry a user name or password');
  if (trimmed.length > MAX_URL_LENGTH) throw ValidationError.of(path, `a webhook URL is at most ${MAX_URL_LENGTH} characters`);
  return url.toString();
}

/** A secret given by the client, or a new random one (256 bits) when none is given. */
export function webhookSecret(given: string | null | undefined, path: string[]): string {
  if (given == null) return SECRET_PREFIX + randomBytes(32).toString('base64url');
  if (given.length < MIN_SECRET_LENGTH || given.length > MAX_SECRET_LENGTH) {
    throw ValidationError.of(path, `a webhook secret has ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} characters`);
  }
  return given;
}

/** The value of the signature header for a body. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface RetryPolicy {
  /** Attempts made in all, the first one included. */
  maxAttempts: number;
  /** The wait after the first failed attempt; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait between two attempts. */
  maxDelayMs: number;
}

/** 10 s, 20 s, 40 s … capped at an hour, 10 attempts: a receiver may be down for about 2 hours. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 3_600_000 };

/** How long to wait after failed attempt number `attempt` (from 1), or null when it was the last. */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number | null {
  if (attempt >= policy.maxAttempts) return null;
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}
