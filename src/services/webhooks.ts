import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.ts';
import { LimitExceededError, NotFoundError } from '../domain/errors.ts';
import { parseSecretKey, parseWebhookUrl, SECRET_KEY_BYTES, sealSecret, webhookSecret, type WebhookUrlPolicy } from '../domain/webhook.ts';
import type { Webhook } from '../generated/prisma/client.ts';

/** Each webhook is posted to once per finished import; a few per workspace cover every use seen. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 10;

/** The file in the data folder holding the generated key when WEBHOOK_SECRET_KEY is not set. */
export const SECRET_KEY_FILE = 'webhook-secret.key';

/** What the API and the delivery loop need to know about webhooks, from the configuration. */
export interface WebhookSettings extends WebhookUrlPolicy {
  /** The AES-256 key sealing webhook secrets in the database. */
  secretKey: Buffer;
}

export interface CreatedWebhook {
  webhook: Webhook;
  /** The signing secret, shown once: only its sealed form is stored. */
  secret: string;
}

/** Registers a URL to be told when an import of the workspace ends. */
export async function createWebhook(
  db: Database,
  settings: WebhookSettings,
  options: { workspaceId: string; url: string; secret?: string | null },
): Promise<CreatedWebhook> {
  const url = parseWebhookUrl(options.url, ['input', 'url'], settings);
  const secret = webhookSecret(options.secret, ['input', 'secret']);
  const sealedSecret = new Uint8Array(sealSecret(settings.secretKey, secret, options.workspaceId));
  return db.prisma.$transaction(async (tx) => {
    // The workspace row is locked so that two concurrent creations cannot both pass the limit.
    await tx.$executeRaw`SELECT 1 FROM workspaces WHERE id = ${options.workspaceId}::uuid FOR UPDATE`;
    const count = await tx.webhook.count({ where: { workspaceId: options.workspaceId } });
    if (count >= MAX_WEBHOOKS_PER_WORKSPACE) {
      throw new LimitExceededError(
        'WEBHOOK_LIMIT_REACHED',
        `A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks`,
        MAX_WEBHOOKS_PER_WORKSPACE,
      );
    }
    const webhook = await tx.webhook.create({ data: { workspaceId: options.workspaceId, url, sealedSecret } });
    return { webhook, secret };
  });
}

/** Removes a webhook with its deliveries, pending ones included. */
export async function deleteWebhook(db: Database, options: { workspaceId: string; id: string }): Promise<Webhook> {
  const where = { workspaceId_id: { workspaceId: options.workspaceId, id: options.id } };
  try {
    return await db.prisma.webhook.delete({ where });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2025') throw new NotFoundError('Webhook', options.id);
    throw error;
  }
}

/**
 * Seals the secrets still stored in plain text (webhooks made before secrets were sealed); returns
 * how many. Rows another process is sealing at the same moment are skipped.
 */
export async function sealPlainSecrets(db: Database, secretKey: Buffer): Promise<number> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ workspace_id: string; id: string; plain_secret: string }>(
      'SELECT workspace_id, id, plain_secret FROM webhooks WHERE plain_secret IS NOT NULL FOR UPDATE SKIP LOCKED',
    );
    await client.query(
      `UPDATE webhooks w SET sealed_secret = s.sealed, plain_secret = NULL
       FROM unnest($1::uuid[], $2::uuid[], $3::bytea[]) AS s(workspace_id, id, sealed)
       WHERE w.workspace_id = s.workspace_id AND w.id = s.id`,
      [rows.map((row) => row.workspace_id), rows.map((row) => row.id), rows.map((row) => sealSecret(secretKey, row.plain_secret, row.workspace_id))],
    );
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The key sealing webhook secrets: the configured one (WEBHOOK_SECRET_KEY), else the one kept in
 * the data folder, generated there on first use (readable by this user only). Processes sharing a
 * database must share the key: they share DATA_DIR already, or an operator sets the variable.
 */
export async function loadWebhookSecretKey(options: { configured: Buffer | undefined; dataDir: string }): Promise<Buffer> {
  if (options.configured) return options.configured;
  const file = path.join(options.dataDir, SECRET_KEY_FILE);
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  // Written aside and linked into place: two processes starting together end up with one key, and
  // neither reads a half-written file.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${randomBytes(SECRET_KEY_BYTES).toString('base64')}\n`, { mode: 0o600 });
  try {
    await link(draft, file);
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  } finally {
    await unlink(draft);
  }
  const key = parseSecretKey((await readFile(file, 'utf8')).trim());
  if (!key) throw new Error(`${file} does not hold a webhook secret key (the base64 or hex of ${SECRET_KEY_BYTES} bytes)`);
  return key;
}
