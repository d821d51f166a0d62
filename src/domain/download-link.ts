import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/*
 * Download links that work without an Authorization header, so that a browser's plain
 * `<a href download>` can fetch a file: the link carries who asked for it and until when, signed
 * with a key only the servers know. The signature covers the path with its own query (an export's
 * request), the workspace, the API key and the expiry, so changing any of them breaks it. The
 * server still looks the key up: a revoked key's links stop working at once.
 */

/** How long a link stays valid unless DOWNLOAD_LINK_TTL_SECONDS says otherwise: 15 minutes. */
export const DEFAULT_DOWNLOAD_LINK_TTL_SECONDS = 900;
/** The longest DOWNLOAD_LINK_TTL_SECONDS may be: one day. A link is a credential; it should not live long. */
export const MAX_DOWNLOAD_LINK_TTL_SECONDS = 86_400;

/** The query parameters a signed link adds to its path. */
const EXPIRES = 'expires';
const WORKSPACE = 'workspace';
const KEY = 'key';
const SIGNATURE = 'sig';
const SIGNED_PARAMS = [EXPIRES, WORKSPACE, KEY, SIGNATURE];

/** Who a link was handed to, and until when (Unix seconds, included). */
export interface DownloadGrant {
  workspaceId: string;
  keyId: string;
  expires: number;
}

/** Why a signed link was refused: its parameters are missing or garbled, it was altered, or its time is up. */
export type DownloadLinkRefusal = 'incomplete link' | 'bad signature' | 'expired';

export type DownloadLinkCheck = { ok: true; grant: DownloadGrant } | { ok: false; reason: DownloadLinkRefusal };

/**
 * The key links are signed with, derived from a server secret (HKDF-SHA256 with a label of its own,
 * so the same secret can seal other things without the two uses ever meeting). Every process given
 * the same secret signs and checks alike.
 */
export function downloadLinkKey(secret: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'switchboard download links v1', 32));
}

/** When a link made now expires (Unix seconds). */
export function downloadLinkExpiry(nowMs: number, ttlSeconds: number): number {
  return Math.floor(nowMs / 1000) + ttlSeconds;
}

/**
 * `target` (a path with its own query, as the server receives it: `/files/imports/…/result.csv`)
 * with the grant and its signature added to the query.
 */
export function signDownloadTarget(key: Buffer, target: string, grant: DownloadGrant): string {
  const { path, query } = split(target);
  const signed = new URLSearchParams(query);
  signed.set(EXPIRES, String(grant.expires));
  signed.set(WORKSPACE, grant.workspaceId);
  signed.set(KEY, grant.keyId);
  signed.set(SIGNATURE, signature(key, canonical(path, query), grant));
  return `${path}?${signed}`;
}

/** Whether a request's target carries any of a signed link's parameters (then it is checked as one). */
export function isSignedTarget(target: string): boolean {
  const { query } = split(target);
  return SIGNED_PARAMS.some((name) => query.has(name));
}

/**
 * Checks a signed target as the server received it: the signature first (in constant time), then
 * the expiry, so an altered link says so whatever its time. `nowMs` is the server's clock.
 */
export function checkDownloadTarget(key: Buffer, target: string, nowMs: number): DownloadLinkCheck {
  const { path, query } = split(target);
  const values = SIGNED_PARAMS.map((name) => query.getAll(name));
  if (values.some((all) => all.length !== 1)) return { ok: false, reason: 'incomplete link' };
  const [expiresText, workspaceId, keyId, given] = values.map((all) => all[0]!) as [string, string, string, string];
  if (!/^\d{1,12}$/.test(expiresText) || !workspaceId || !keyId) return { ok: false, reason: 'incomplete link' };
  const grant: DownloadGrant = { workspaceId, keyId, expires: Number(expiresText) };
  for (const name of SIGNED_PARAMS) query.delete(name);
  const expected = Buffer.from(signature(key, canonical(path, query), grant));
  const received = Buffer.from(given);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return { ok: false, reason: 'bad signature' };
  if (Math.floor(nowMs / 1000) > grant.expires) return { ok: false, reason: 'expired' };
  return { ok: true, grant };
}

function split(target: string): { path: string; query: URLSearchParams } {
  const at = target.indexOf('?');
  return at < 0 ? { path: target, query: new URLSearchParams() } : { path: target.slice(0, at), query: new URLSearchParams(target.slice(at + 1)) };
}

/** The path and its own query, spelled the same way when signed and when checked. */
function canonical(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

function signature(key: Buffer, target: string, grant: DownloadGrant): string {
  return createHmac('sha256', key).update(`v1\n${target}\n${grant.workspaceId}\n${grant.keyId}\n${grant.expires}`).digest('base64url');
}
