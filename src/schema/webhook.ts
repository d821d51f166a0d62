import { LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { MAX_URL_LENGTH } from '../domain/webhook.ts';
import type { WebhookDelivery } from '../generated/prisma/client.ts';
import { deliveredEvent } from '../services/webhook-delivery.ts';
import { createWebhook, deleteWebhook, type CreatedWebhook } from '../services/webhooks.ts';
import { builder } from './builder.ts';
import { decodeId } from './global-id.ts';
import { textLimit } from './input-limits.ts';
import { ImportStatusEnum } from './import-job.ts';

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'PENDING: not yet answered with a 2xx, tried again after a back-off; DELIVERED; FAILED: its last attempt failed.',
  values: ['PENDING', 'DELIVERED', 'FAILED'] as const,
});

function deliveryStatus(delivery: WebhookDelivery): 'PENDING' | 'DELIVERED' | 'FAILED' {
  if (delivery.deliveredAt) return 'DELIVERED';
  return delivery.gaveUpAt ? 'FAILED' : 'PENDING';
}

builder.prismaObject('WebhookDelivery', {
  description: 'One event posted (or to be posted) to one webhook: an import that ended.',
  fields: (t) => ({
    id: t.exposeID('id', { description: `Sent in every attempt's webhook-id header and as the payload's "id".` }),
    event: t.string({
      description: 'The event delivered ("import.finished"), as in the payload and the X-Switchboard-Event header.',
      resolve: (delivery) => deliveredEvent(delivery.payload).event,
    }),
    jobStatus: t.field({
      type: ImportStatusEnum,
      description:
        "The state the job had reached when the event happened, as delivered in the payload's job.status (a COMPLETED import reverted since still reads COMPLETED here).",
      resolve: (delivery) => deliveredEvent(delivery.payload).jobStatus,
    }),
    job: t.relation('job', {
      description:
        'The job as it is now, which may have moved on since the event (an undo makes a COMPLETED job REVERTED); jobStatus is the state delivered.',
    }),
    status: t.field({ type: WebhookDeliveryStatusEnum, resolve: deliveryStatus }),
    attempts: t.exposeInt('attempts', { description: "POSTs made so far. A paused webhook's deliveries wait without spending attempts." }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next attempt is due, while PENDING.',
      resolve: (delivery) => (deliveryStatus(delivery) === 'PENDING' ? delivery.nextAttemptAt : null),
    }),
    deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
    gaveUpAt: t.expose('gaveUpAt', { type: 'DateTime', nullable: true, description: 'When the last allowed attempt failed.' }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description:
        'What went wrong in the last failed attempt, one of a fixed few: "delivery failed: the receiver could not be reached", "delivery failed: no answer in time", "receiver answered 3xx (redirects are not followed)", "receiver answered 4xx", "receiver answered 5xx", "receiver answered an unexpected status". No detail of the network (ports, addresses, error codes) is given.',
    }),
    payload: t.expose('payload', { type: 'JSON', description: 'The JSON body posted.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const WebhookRef = builder.prismaNode('Webhook', {
  description: 'A URL that gets a signed POST whenever an import of the workspace ends. Its secret is shown only when it is created.',
  id: { resolve: (webhook) => webhook.id },
  findUnique: (id, ctx) => ({ workspaceId_id: { workspaceId: ctx.caller!.workspaceId, id } }),
  fields: (t) => ({
    url: t.exposeString('url'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    consecutiveFailures: t.exposeInt('consecutiveFailures', {
      description: 'Failed attempts in a row, over all its deliveries; a delivered one resets it.',
    }),
    pausedUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'Set while the webhook is paused after too many failed attempts in a row (5): its deliveries wait, then one is tried; a success resumes them all, a failure doubles the pause (1 minute, 2, 4 … at most an hour).',
      resolve: (webhook) => (webhook.pausedUntil && webhook.pausedUntil.getTime() > Date.now() ? webhook.pausedUntil : null),
    }),
    deliveries: t.relatedConnection(
      'deliveries',
      {
        cursor: 'workspaceId_id',
        description: 'What was posted to it, newest first.',
        totalCount: true,
        query: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] },
      },
      { name: 'WebhookDeliveryConnection' },
      { name: 'WebhookDeliveryEdge' },
    ),
  }),
});

const CreatedWebhookRef = builder.objectRef<CreatedWebhook>('CreatedWebhook').implement({
  description: 'A new webhook and its signing secret. The secret is not shown again.',
  fields: (t) => ({
    secret: t.exposeString('secret', {
      description:
        'The Standard Webhooks signing secret (whsec_ and base64): the key of the HMAC-SHA256 in the webhook-signature header. Stored sealed, never shown again.',
    }),
    webhook: t.field({ type: WebhookRef, resolve: (created) => created.webhook }),
  }),
});

const CreateWebhookInput = builder.inputType('CreateWebhookInput', {
  fields: (t) => ({
    url: t.string({
      required: true,
      extensions: textLimit(MAX_URL_LENGTH),
      description:
        'An absolute https URL to a public address (not loopback, private, link-local, …). A server run with WEBHOOKS_ALLOW_INSECURE=1, for development, also takes http and any address.',
    }),
    secret: t.string({
      description: 'The signing secret, "whsec_" and the base64 of 24 to 64 random bytes; a random one of 32 bytes is made when none is given.',
    }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.withAuth({ admin: true }).prismaField({
    type: ['Webhook'],
    description: "The workspace's webhooks, oldest first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.webhook.findMany({ ...query, where: { workspaceId: ctx.caller.workspaceId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhook: t.withAuth({ admin: true }).field({
    type: CreatedWebhookRef,
    description: 'Registers a URL to be told (a signed POST) whenever an import ends.',
    errors: { types: [ValidationError, LimitExceededError] },
    args: { input: t.arg({ type: CreateWebhookInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      createWebhook(ctx.db, ctx.webhooks, { workspaceId: ctx.caller.workspaceId, url: input.url, secret: input.secret }),
  }),
  deleteWebhook: t.withAuth({ admin: true }).field({
    type: WebhookRef,
    description: 'Removes a webhook; its pending deliveries are dropped.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => deleteWebhook(ctx.db, { workspaceId: ctx.caller.workspaceId, id: decodeId(ctx, 'Webhook', args.id, ['id']) }),
  }),
}));
