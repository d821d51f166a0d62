import { ApiKeyScope } from '../generated/prisma/enums.ts';
import { ValidationError, NotFoundError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import { createApiKey, revokeApiKey, type IssuedKey } from '../services/api-keys.ts';
import { updateWorkspaceSettings } from '../services/workspaces.ts';
import { builder } from './builder.ts';

export const ApiKeyScopeEnum = builder.enumType(ApiKeyScope, {
  name: 'ApiKeyScope',
  description: 'READ reads; WRITE also changes data; ADMIN also manages keys and settings.',
});

export const ChannelEnum = builder.enumType('Channel', {
  values: ['SMS', 'WHATSAPP', 'EMAIL'] as const,
  description: 'A messaging channel.',
});

const WorkspaceRef = builder.prismaObject('Workspace', {
  description: 'A tenant: every contact, field, group, opt-out and import belongs to exactly one.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    customFieldLimit: t.exposeInt('customFieldLimit', { description: 'How many custom fields the workspace may define.' }),
    importMaxBytes: t.float({ description: 'Largest accepted import file, in bytes.', resolve: (w) => Number(w.importMaxBytes) }),
    importMaxRows: t.exposeInt('importMaxRows', { description: 'Most data rows accepted in one import.' }),
    reviewTtlSeconds: t.exposeInt('reviewTtlSeconds', { description: 'How long an import may wait in REVIEW before it expires.' }),
    fileRetentionDays: t.exposeInt('fileRetentionDays', { description: 'How long error and result files are kept.' }),
    requireFirstName: t.exposeBoolean('requireFirstName', { description: 'New contacts must have a first name.' }),
    requirePhoneWithCountry: t.exposeBoolean('requirePhoneWithCountry', { description: 'New contacts must have a phone whose country is known.' }),
    optInChannels: t.field({
      type: [ChannelEnum],
      description: 'Channels on which an address needs a recorded opt-in before it may be messaged.',
      resolve: (w) => w.optInChannels,
    }),
  }),
});

const ApiKeyRef = builder.prismaObject('ApiKey', {
  description: 'A bearer key of the workspace. Its secret is shown only when it is created.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell keys apart.' }),
    scope: t.expose('scope', { type: ApiKeyScopeEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedApiKey = builder.objectRef<IssuedKey>('CreatedApiKey').implement({
  description: 'A new key and its secret. The secret is not shown again.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The bearer secret: send it as "Authorization: Bearer <secret>".' }),
    apiKey: t.field({ type: ApiKeyRef, resolve: (issued) => issued.key }),
  }),
});

builder.queryFields((t) => ({
  workspace: t.withAuth({ read: true }).prismaField({
    type: 'Workspace',
    description: "The caller's workspace.",
    resolve: (query, _root, _args, ctx) => ctx.db.prisma.workspace.findUniqueOrThrow({ ...query, where: { id: ctx.caller.workspaceId } }),
  }),
  apiKeys: t.withAuth({ admin: true }).prismaField({
    type: ['ApiKey'],
    description: "The workspace's keys, newest first.",
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.apiKey.findMany({ ...query, where: { workspaceId: ctx.caller.workspaceId }, orderBy: { createdAt: 'desc' } }),
  }),
}));

const UpdateWorkspaceSettingsInput = builder.inputType('UpdateWorkspaceSettingsInput', {
  description: 'The settings to change; those left out stay as they are.',
  fields: (t) => ({
    customFieldLimit: t.int({ description: 'How many custom fields the workspace may define (0–1,000, and no fewer than it has).' }),
    importMaxBytes: t.float({
      description: "Largest accepted import file, in bytes (from 1 KiB up to the server's maximum, 1 GiB unless its operator set another).",
    }),
    importMaxRows: t.int({ description: 'Most data rows accepted in one import (1–10,000,000).' }),
    reviewTtlSeconds: t.int({
      description:
        "How long an import may wait for its mapping or confirmation (from 60 s up to the server's maximum, 1 day unless its operator set another).",
    }),
    fileRetentionDays: t.int({ description: 'How long error and result files are kept (1–365 days).' }),
    requireFirstName: t.boolean({ description: 'New contacts must have a first name.' }),
    requirePhoneWithCountry: t.boolean({ description: 'New contacts must have a phone whose country is known.' }),
    optInChannels: t.field({ type: [ChannelEnum], description: 'Channels that need a recorded opt-in before an address may be messaged.' }),
  }),
});

builder.mutationFields((t) => ({
  updateWorkspaceSettings: t.withAuth({ admin: true }).field({
    type: WorkspaceRef,
    description:
      "Changes the workspace's limits and rules. A value out of range, or above the maximum the server's operator allows, is a ValidationError and nothing changes.",
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: UpdateWorkspaceSettingsInput, required: true }) },
    resolve: (_root, args, ctx) =>
      updateWorkspaceSettings(ctx.db, {
        workspaceId: ctx.caller.workspaceId,
        input: args.input,
        ceilings: { importMaxBytes: ctx.limits.maxUploadBytes, reviewTtlSeconds: ctx.limits.maxReviewTtlSeconds },
      }),
  }),
  createApiKey: t.withAuth({ admin: true }).field({
    type: CreatedApiKey,
    description: 'Makes a new key for the workspace.',
    errors: { types: [ValidationError] },
    args: {
      name: t.arg.string({ required: true }),
      scope: t.arg({ type: ApiKeyScopeEnum, required: true }),
    },
    resolve: (_root, args, ctx) => createApiKey(ctx.db, { workspaceId: ctx.caller.workspaceId, name: args.name, scope: args.scope }),
  }),
  revokeApiKey: t.withAuth({ admin: true }).field({
    type: ApiKeyRef,
    description: 'Revokes a key: requests carrying it are refused from now on.',
    args: { id: t.arg.id({ required: true }) },
    errors: { types: [NotFoundError, ValidationError] },
    resolve: (_root, args, ctx) => revokeApiKey(ctx.db, { workspaceId: ctx.caller.workspaceId, id: parseId(args.id, ['id']) }),
  }),
}));
