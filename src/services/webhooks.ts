import type { Database } from '../db/client.ts';
import { LimitExceededError, NotFoundError } from '../domain/errors.ts';
import { parseWebhookUrl, webhookSecret } from '../domain/webhook.ts';
import type { Webhook } from '../generated/prisma/client.ts';

/** Each webhook is posted to once per finished import; a few per workspace cover every use seen. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 10;

export interface CreatedWebhook {
  webhook: Webhook;
  /** The signing secret, shown once. */
  secret: string;
}

/** Registers a URL to be told when an import of the workspace ends. */
export async function createWebhook(db: Database, options: { workspaceId: string; url: string; secret?: string | null }): Promise<CreatedWebhook> {
  const url = parseWebhookUrl(options.url, ['input', 'url']);
  const secret = webhookSecret(options.secret, ['input', 'secret']);
  return db.prisma.$transaction(async (tx) => {
    // The workspace row is locked so that two concurrent creations cannot both pass the limit.
    await tx.$executeRaw`SELECT 1 FROM workspaces WHERE id = ${options.workspaceId}::uuid FOR UPDATE`;
    const count = await tx.webhook.count({ where: { workspaceId: options.workspaceId } });
    if (count >= MAX_WEBHOOKS_PER_WORKSPACE) {
      throw new LimitExceededError(`A workspace has at most ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks`, MAX_WEBHOOKS_PER_WORKSPACE);
    }
    const webhook = await tx.webhook.create({ data: { workspaceId: options.workspaceId, url, secret } });
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
