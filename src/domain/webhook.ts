import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from './errors.ts';
import { nonPublicAddressRule, nonPublicHostNameRule } from './network-address.ts';

/*
 * Deliveries are signed the Standard Webhooks way (standardwebhooks.com), so its libraries verify
 * them: `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`,
 * keyed with the bytes of the `whsec_<base64>` secret. The timestamp is inside the signature, so a
 * captured request replayed later fails a receiver's freshness check.
 */

/** Header carrying the delivery id, the same on every attempt: receivers drop repeats by it. */
export const ID_HEADER = 'webhook-id';
/** Header carrying the attempt's time, Unix seconds. */
export const TIMESTAMP_HEADER = 'webhook-timestamp';
/** Header carrying `v1,<base64 signature>`. */
export const SIGNATURE_HEADER = 'webhook-signature';
/** Header naming the event (`import.finished`), as the payload's `event` does. */
export const EVENT_HEADER = 'X-Switchboard-Event';

/** The one event sent: an import reached COMPLETED, FAILED, CANCELLED, EXPIRED or REVERTED. */
export const IMPORT_FINISHED_EVENT = 'import.finished';

/** How far a receiver lets a signed timestamp be from its own clock, by default (Standard Webhooks' 5 minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export const MAX_URL_LENGTH = 2048;
const SECRET_PREFIX = 'whsec_';
/** The key bytes a client-given secret may hold (Standard Webhooks: 24 to 64). */
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
/** The key bytes of a generated secret: 256 bits. */
const GENERATED_SECRET_BYTES = 32;

/** Where webhooks may post. */
export interface WebhookUrlPolicy {
  /**
   * Development only: plain http, and hosts on loopback, private or other non-public addresses
   * (a receiver on the developer's machine). Off, a webhook must use https and a public host.
   */
  allowInsecure: boolean;
}

/**
 * The URL a webhook posts to: absolute https (http too when the policy allows insecure targets), no
 * credentials in it, and — unless insecure targets are allowed — no host that is an IP address
 * other than a public unicast one, nor `localhost`. Names are checked again, by the addresses they
 * resolve to, each time a delivery connects.
 */
export function parseWebhookUrl(value: string, path: string[], policy: WebhookUrlPolicy): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw ValidationError.of(path, 'INVALID_URL', `"${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw ValidationError.of(path, 'INVALID_URL', `a webhook URL must use https, not ${url.protocol.slice(0, -1)}`);
  if (url.protocol === 'http:' && !policy.allowInsecure)
    throw ValidationError.of(path, 'HTTPS_REQUIRED', 'a webhook URL must use https (plain http is refused)');
  if (url.username || url.password) throw ValidationError.of(path, 'INVALID_URL', 'a webhook URL must not carry a user name or password');
  if (trimmed.length > MAX_URL_LENGTH) {
    throw ValidationError.of(path, 'TOO_LONG', `a webhook URL is at most ${MAX_URL_LENGTH} characters`, {
      limit: MAX_URL_LENGTH,
      length: trimmed.length,
    });
  }
  if (!policy.allowInsecure) {
    // The URL parser has already turned every IPv4 spelling (2130706433, 0x7f.1, 0177.0.0.1) into
    // dotted decimal and compressed IPv6, so one check covers them all.
    const rule = nonPublicAddressRule(url.hostname) ?? nonPublicHostNameRule(url.hostname);
    if (rule) {
      throw ValidationError.of(path, 'PRIVATE_ADDRESS', `a webhook URL must point at a public address, and ${url.hostname} is ${rule}`, {
        host: url.hostname,
      });
    }
  }
  return url.toString();
}

/**
 * A secret given by the client (`whsec_` and the base64 of 24 to 64 random bytes, as Standard
 * Webhooks libraries expect), or a new random one of 256 bits when none is given.
 */
export function webhookSecret(given: string | null | undefined, path: string[]): string {
  if (given == null) return SECRET_PREFIX + randomBytes(GENERATED_SECRET_BYTES).toString('base64');
  const encoded = given.startsWith(SECRET_PREFIX) ? given.slice(SECRET_PREFIX.length) : null;
  const bytes = encoded !== null && /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, 'base64').length : 0;
  if (bytes < MIN_SECRET_BYTES || bytes > MAX_SECRET_BYTES) {
    throw ValidationError.of(
      path,
      'INVALID_SECRET',
      `a webhook secret is "${SECRET_PREFIX}" followed by the base64 of ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} random bytes`,
    );
  }
  return given;
}

/**
 * The HMAC key of a secret: the bytes a `whsec_` secret encodes. A secret without the prefix (one a
 * client chose before secrets had to take that form) keys with its UTF-8 bytes.
 */
function signingKey(secret: string): Buffer {
  return secret.startsWith(SECRET_PREFIX) ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64') : Buffer.from(secret, 'utf8');
}

/** What a signature covers: the delivery id, the attempt's time and the raw body. */
export interface SignedContent {
  id: string;
  /** Unix seconds, as sent in the timestamp header. */
  timestamp: number;
  body: string;
}

/** The value of the signature header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. */
export function signWebhook(secret: string, content: SignedContent): string {
  const digest = createHmac('sha256', signingKey(secret)).update(`${content.id}.${content.timestamp}.${content.body}`).digest('base64');
  return `v1,${digest}`;
}

/**
 * What a receiver does with a request, given its three headers and raw body: `valid`; `stale` when
 * the timestamp is further than the tolerance from `nowSeconds` (a replay); `invalid` when the
 * signature does not match (a forged or altered request) or a header is malformed.
 */
export function verifyWebhook(
  secret: string,
  request: { id: string; timestamp: string; signature: string; body: string },
  options: { nowSeconds: number; toleranceSeconds?: number },
): 'valid' | 'stale' | 'invalid' {
  if (!/^\d{1,15}$/.test(request.timestamp)) return 'invalid';
  const timestamp = Number(request.timestamp);
  const expected = Buffer.from(signWebhook(secret, { id: request.id, timestamp, body: request.body }));
  // The header may list several space-separated signatures (during a secret rotation); one match will do.
  const matches = request.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return 'invalid';
  return Math.abs(options.nowSeconds - timestamp) > (options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS) ? 'stale' : 'valid';
}

/*
 * Secrets at rest: signing needs the plain secret, so it cannot be stored as a digest the way API
 * keys are. It is sealed with AES-256-GCM under a key the database never holds, and bound to its
 * workspace, so a copy of the database (a backup, a dump) does not reveal it.
 */

/** A 32-byte AES-256 key. */
export const SECRET_KEY_BYTES = 32;
const SEALED_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key written as base64 or hex of 32 bytes, or null when it is neither. */
export function parseSecretKey(text: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(text)) return Buffer.from(text, 'base64');
  return null;
}

const associatedData = (workspaceId: string) => Buffer.from(`switchboard webhook secret ${workspaceId}`);

/** `version (1 byte) | IV (12) | GCM tag (16) | ciphertext`. */
export function sealSecret(key: Buffer, secret: string, workspaceId: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(associatedData(workspaceId));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(SEALED_VERSION), iv, cipher.getAuthTag(), ciphertext]);
}

/** The secret `sealSecret` sealed; throws when the key, the workspace or the bytes differ. */
export function openSecret(key: Buffer, sealed: Uint8Array, workspaceId: string): string {
  const bytes = Buffer.from(sealed);
  if (bytes[0] !== SEALED_VERSION) throw new Error(`unknown sealed secret version ${bytes[0]}`);
  const iv = bytes.subarray(1, 1 + IV_BYTES);
  const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv).setAAD(associatedData(workspaceId)).setAuthTag(tag);
  return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
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

/**
 * The circuit breaker of one webhook: after `threshold` failed attempts in a row (any of its
 * deliveries) it is paused, and its deliveries wait — neither tried nor spending their attempts.
 * When the pause ends one delivery is tried: a success closes the breaker, a failure pauses the
 * webhook again, twice as long.
 */
export interface BreakerPolicy {
  threshold: number;
  /** The first pause. */
  basePauseMs: number;
  /** The longest pause. */
  maxPauseMs: number;
}

/** 5 failures in a row pause a webhook for a minute, then 2, 4 … at most an hour. */
export const DEFAULT_BREAKER_POLICY: BreakerPolicy = { threshold: 5, basePauseMs: 60_000, maxPauseMs: 3_600_000 };

/** The pause after `consecutiveFailures` failed attempts in a row, or null while under the threshold. */
export function breakerPauseMs(consecutiveFailures: number, policy: BreakerPolicy): number | null {
  if (consecutiveFailures < policy.threshold) return null;
  const doublings = Math.min(consecutiveFailures - policy.threshold, 30);
  return Math.min(policy.basePauseMs * 2 ** doublings, policy.maxPauseMs);
}

/**
 * Why an attempt failed, as the workspace sees it. The set is small and fixed on purpose: a detail
 * such as "connection refused" against "no route", a port or an address would let a webhook map
 * networks the server can reach. The detail goes to the server's log only.
 */
export type DeliveryFailure = 'UNREACHABLE' | 'TIMEOUT' | 'REDIRECT' | 'CLIENT_ERROR' | 'SERVER_ERROR' | 'UNEXPECTED_STATUS';

/** The `lastError` stored for each failure. */
export const DELIVERY_FAILURE_MESSAGES = {
  /** No answer could be had: the name did not resolve, its address is not public, the connection or TLS failed. */
  UNREACHABLE: 'delivery failed: the receiver could not be reached',
  TIMEOUT: 'delivery failed: no answer in time',
  /** Redirects are not followed: the registered URL is the only one that gets the payload. */
  REDIRECT: 'receiver answered 3xx (redirects are not followed)',
  CLIENT_ERROR: 'receiver answered 4xx',
  SERVER_ERROR: 'receiver answered 5xx',
  UNEXPECTED_STATUS: 'receiver answered an unexpected status',
} as const satisfies Record<DeliveryFailure, string>;

/** The failure an HTTP status stands for, or null for a 2xx (delivered). */
export function failureOfStatus(status: number): DeliveryFailure | null {
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) return 'REDIRECT';
  if (status >= 400 && status < 500) return 'CLIENT_ERROR';
  if (status >= 500 && status < 600) return 'SERVER_ERROR';
  return 'UNEXPECTED_STATUS';
}
