import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { ApiKey, ApiKeyScope } from '../generated/prisma/client.ts';

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

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function createApiKey(
  db: Database,
  options: { workspaceId: string; name: string; scope: ApiKeyScope },
): Promise<IssuedKey> {
  const name = options.name.trim();
  if (!name) throw ValidationError.of(['name'], 'a key needs a name');
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
  return db.prisma.apiKey.update({
    where: { workspaceId_id: { workspaceId: options.workspaceId, id: options.id } },
    data: { revokedAt: new Date() },
  });
}

/** The live key a bearer secret belongs to, or null when it is unknown or revoked. */
export async function authenticate(db: Database, secret: string): Promise<ApiKey | null> {
  if (!secret.startsWith(KEY_PREFIX)) return null;
  const key = await db.prisma.apiKey.findUnique({ where: { secretHash: hashSecret(secret) } });
  if (!key || key.revokedAt) return null;
  return key;
}
