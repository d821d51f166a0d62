/**
 * Consent as clients read it: the opt-out, opt-in and consent event types, the consent of an
 * address per channel, the `channels` of a contact detail, and the queries. Changes to consent are
 * the mutations of consent-changes.ts.
 */
import { channelConsentStatus, requireAddressInput, type ChannelConsentStatus } from '../domain/consent.ts';
import { CHANNELS_OF_KIND, type Channel } from '../domain/detail-status.ts';
import { ValidationError } from '../domain/errors.ts';
import { ConsentEventType, ConsentSource, DetailKind, OptOutChannel } from '../generated/prisma/enums.ts';
import { addressConsent, consentOfAddresses, optInChannelsOf, optOutListWhere, type AddressConsent } from '../services/opt-outs.ts';
import { builder, type AuthedContext } from './builder.ts';
import { globalIdOrNull } from './global-id.ts';
import { requestLoader } from './loader.ts';
import { ChannelEnum } from './workspace.ts';

export const DetailKindEnum = builder.enumType(DetailKind, { name: 'DetailKind', description: 'A phone number or an email address.' });

export const OptOutChannelEnum = builder.enumType(OptOutChannel, {
  name: 'OptOutChannel',
  description: 'The channel an opt-out covers: one channel, or ALL of them.',
});

export const ConsentSourceEnum = builder.enumType(ConsentSource, {
  name: 'ConsentSource',
  description: 'Where an opt-out, opt-in or reinstate came from.',
});

const ConsentEventTypeEnum = builder.enumType(ConsentEventType, {
  name: 'ConsentEventType',
  description: 'OPT_OUT closes channels, OPT_IN records consent, REINSTATE lifts an opt-out.',
});

const ChannelConsentStatusEnum = builder.enumType('ChannelConsentStatus', {
  values: {
    SENDABLE: { description: 'Messages may go to this address on this channel.' },
    OPTED_OUT: { description: 'An opt-out of this channel (or ALL) covers the address.' },
    NO_OPT_IN: { description: 'The workspace requires an opt-in on this channel and the address has none.' },
  },
});

const OptOutRef = builder.prismaObject('OptOut', {
  description: 'An active suppression of one address on one channel (or all), kept by address: it outlives the contact.',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'E.164 phone number or lower-cased email address.' }),
    kind: t.expose('kind', { type: DetailKindEnum }),
    channel: t.expose('channel', { type: OptOutChannelEnum }),
    source: t.expose('source', { type: ConsentSourceEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    actorKeyId: t.exposeID('actorKeyId', { nullable: true, description: 'The API key that recorded it (for an import, the key that started it).' }),
    jobId: t.id({ nullable: true, description: 'The import that recorded it.', resolve: (optOut) => globalIdOrNull('ImportJob', optOut.jobId) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const OptInRef = builder.prismaObject('OptIn', {
  description: 'A recorded consent of one address on one channel, required where the workspace says so (WhatsApp by default).',
  fields: (t) => ({
    address: t.exposeString('address'),
    kind: t.expose('kind', { type: DetailKindEnum }),
    channel: t.expose('channel', { type: ChannelEnum }),
    source: t.expose('source', { type: ConsentSourceEnum }),
    actorKeyId: t.exposeID('actorKeyId', { nullable: true }),
    jobId: t.id({ nullable: true, resolve: (optIn) => globalIdOrNull('ImportJob', optIn.jobId) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('ConsentEvent', {
  description: 'One change to the consent of an address: its history, oldest first.',
  fields: (t) => ({
    id: t.id({ resolve: (event) => event.id.toString() }),
    address: t.exposeString('address'),
    kind: t.expose('kind', { type: DetailKindEnum }),
    channel: t.expose('channel', { type: OptOutChannelEnum }),
    type: t.expose('type', { type: ConsentEventTypeEnum }),
    source: t.expose('source', { type: ConsentSourceEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    actorKeyId: t.exposeID('actorKeyId', {
      nullable: true,
      description: 'The API key that made the change (for an import, the key that started it).',
    }),
    jobId: t.id({ nullable: true, description: 'The import that made the change.', resolve: (event) => globalIdOrNull('ImportJob', event.jobId) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

interface ChannelConsent {
  channel: Channel;
  status: ChannelConsentStatus;
  optedIn: boolean;
}

const ChannelConsentRef = builder.objectRef<ChannelConsent>('ChannelConsent').implement({
  description: 'Whether an address may be messaged on one channel, by the same rule the audience applies.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, resolve: (consent) => consent.channel }),
    status: t.field({ type: ChannelConsentStatusEnum, resolve: (consent) => consent.status }),
    optedIn: t.exposeBoolean('optedIn', { description: 'Whether an opt-in is recorded on this channel.' }),
  }),
});

function channelConsents(
  kind: AddressConsent['kind'],
  optOuts: readonly OptOutChannel[],
  optIns: readonly Channel[],
  optInChannels: readonly Channel[],
): ChannelConsent[] {
  return CHANNELS_OF_KIND[kind].map((channel) => ({
    channel,
    status: channelConsentStatus(channel, optOuts, optIns, optInChannels),
    optedIn: optIns.includes(channel),
  }));
}

export const AddressConsentRef = builder.objectRef<AddressConsent>('AddressConsent').implement({
  description: 'The consent of one address now, per channel, and its history.',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'E.164 phone number or lower-cased email address.' }),
    kind: t.field({ type: DetailKindEnum, resolve: (consent) => consent.kind }),
    optOuts: t.field({ type: [OptOutRef], resolve: (consent) => consent.optOuts }),
    optIns: t.field({ type: [OptInRef], resolve: (consent) => consent.optIns }),
    channels: t.field({
      type: [ChannelConsentRef],
      resolve: (consent) =>
        channelConsents(
          consent.kind,
          consent.optOuts.map((row) => row.channel),
          consent.optIns.map((row) => row.channel),
          consent.optInChannels,
        ),
    }),
    history: t.prismaConnection(
      {
        type: 'ConsentEvent',
        cursor: 'workspaceId_id',
        description: 'Every opt-out, opt-in and reinstate of the address, oldest first.',
        resolve: (query, consent, _args, ctx) =>
          ctx.db.prisma.consentEvent.findMany({
            ...query,
            where: { workspaceId: consent.workspaceId, address: consent.address },
            orderBy: { id: 'asc' },
          }),
        totalCount: (consent, _args, ctx) =>
          ctx.db.prisma.consentEvent.count({ where: { workspaceId: consent.workspaceId, address: consent.address } }),
      },
      { name: 'ConsentEventConnection' },
      { name: 'ConsentEventEdge' },
    ),
  }),
});

/** Opt-outs, opt-ins and the workspace's opt-in channels of each detail shown, in two queries per request. */
const consentOf = requestLoader<AuthedContext, string, { optOuts: OptOutChannel[]; optIns: Channel[] }>((ctx, addresses) =>
  consentOfAddresses(ctx.db, ctx.caller.workspaceId, addresses),
);
const optInChannelsLoader = requestLoader<AuthedContext, string, Channel[]>(
  async (ctx, workspaceIds) => new Map(await Promise.all(workspaceIds.map(async (id) => [id, await optInChannelsOf(ctx.db, id)] as const))),
);

builder.prismaObjectField('ContactDetail', 'channels', (t) =>
  t.field({
    type: [ChannelConsentRef],
    description: 'Per channel of this address: sendable, opted out, or waiting for an opt-in.',
    resolve: async (detail, _args, ctx) => {
      const authed = ctx as AuthedContext;
      const [consent, optInChannels] = await Promise.all([consentOf(authed, detail.value), optInChannelsLoader(authed, authed.caller.workspaceId)]);
      return channelConsents(detail.kind, consent?.optOuts ?? [], consent?.optIns ?? [], optInChannels ?? []);
    },
  }),
);

const OptOutFilterInput = builder.inputType('OptOutFilter', {
  description: 'Every filter given must match.',
  fields: (t) => ({
    channel: t.field({ type: OptOutChannelEnum, description: 'The channel stored on the opt-out (ALL matches only opt-outs of ALL).' }),
    source: t.field({ type: ConsentSourceEnum }),
    kind: t.field({ type: DetailKindEnum }),
    createdAfter: t.field({ type: 'DateTime', description: 'Opted out at or after this time.' }),
    createdBefore: t.field({ type: 'DateTime', description: 'Opted out before this time.' }),
  }),
});

builder.queryFields((t) => ({
  optOuts: t.withAuth({ read: true }).prismaConnection(
    {
      type: 'OptOut',
      cursor: 'workspaceId_address_channel',
      description: 'Active opt-outs, newest first.',
      args: { filter: t.arg({ type: OptOutFilterInput }) },
      resolve: (query, _root, args, ctx) =>
        ctx.db.prisma.optOut.findMany({
          ...query,
          where: optOutListWhere(ctx.caller.workspaceId, args.filter),
          orderBy: [{ createdAt: 'desc' }, { address: 'asc' }, { channel: 'asc' }],
        }),
      totalCount: (_root, args, ctx) => ctx.db.prisma.optOut.count({ where: optOutListWhere(ctx.caller.workspaceId, args.filter) }),
    },
    { name: 'OptOutConnection' },
    { name: 'OptOutEdge' },
  ),
  addressConsent: t.withAuth({ read: true }).field({
    type: AddressConsentRef,
    description: 'The consent of one address (whether or not a contact has it): opt-outs, opt-ins, per-channel status and history.',
    errors: { types: [ValidationError] },
    args: { address: t.arg.string({ required: true }), defaultCountry: t.arg.string() },
    resolve: (_root, args, ctx) => addressConsent(ctx.db, ctx.caller.workspaceId, requireAddressInput(args, [])),
  }),
}));
