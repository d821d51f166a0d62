import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { ApiKey, ApiKeyScope } from '../generated/prisma/client.ts';
import { KEY_REVOKED_CHANNEL } from '../db/job-events.ts';

/**
 * Keys look like `sb_<43 url-safe characters>` (256 random bits). Only their SHA-256 is stored:
 * a key with that much entropy needs no slow hash, and lookup by digest stays one index probe.
 */
const KEY_PREFIX = 'sb_';
const DISPLAY_PREFIX_LENGTH = 10;

export interface IssuedKey {
  key: ApiKey;
  /** The secret, shown once. */
  secret: string;
}

/** Who is calling: the workspace and key a bearer key resolved to. */
export interface Caller {
  workspaceId: string;
  keyId: string;
  scope: ApiKeyScope;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function createApiKey(db: Database, options: { workspaceId: string; name: string; scope: ApiKeyScope }): Promise<IssuedKey> {
  const name = options.name.trim();
  if (!name) throw ValidationError.of(['name'], 'REQUIRED', 'a key needs a name');
  const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
  const key = await db.prisma.apiKey.create({
    data: {
      workspaceId: options.workspaceId,
      name,
      scope: options.scope,
      prefix: secret.slice(0, DISPLAY_PREFIX_LENGTH),
      secretHash: hashSecret(secret),
    },
  });
  return { key, secret };
}

export async function revokeApiKey(db: Database, options: { workspaceId: string; id: string }): Promise<ApiKey> {
  const key = await db.prisma.apiKey.findUnique({ where: { workspaceId_id: { workspaceId: options.workspaceId, id: options.id } } });
  if (!key) throw new NotFoundError('ApiKey', options.id);
  if (key.revokedAt) return key;
  // Every API process hears of it on commit and ends the key's live connections and subscriptions.
  return db.prisma.$transaction(async (tx) => {
    const revoked = await tx.apiKey.update({
      where: { workspaceId_id: { workspaceId: options.workspaceId, id: options.id } },
      data: { revokedAt: new Date() },
    });
    await tx.$executeRaw`SELECT pg_notify(${KEY_REVOKED_CHANNEL}, ${revoked.id})`;
    return revoked;
  });
}

/** Which of these keys are revoked. */
export async function revokedAmong(db: Database, keyIds: string[]): Promise<string[]> {
  if (keyIds.length === 0) return [];
  const keys = await db.prisma.apiKey.findMany({ where: { id: { in: keyIds }, revokedAt: { not: null } }, select: { id: true } });
  return keys.map((key) => key.id);
}

/** The live key a bearer secret belongs to, or null when it is unknown or revoked. */
export async function authenticate(db: Database, secret: string): Promise<ApiKey | null> {
  if (!secret.startsWith(KEY_PREFIX)) return null;
  const key = await db.prisma.apiKey.findUnique({ where: { secretHash: hashSecret(secret) } });
  if (!key || key.revokedAt) return null;
  return key;
}
