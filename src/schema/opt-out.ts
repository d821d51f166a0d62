import {
  channelConsentStatus,
  normalizeReason,
  requireAddress,
  requireCallerSource,
  requireDefaultCountry,
  type ChannelConsentStatus,
} from '../domain/consent.ts';
import { CHANNELS_OF_KIND, type Channel } from '../domain/detail-status.ts';
import { InvalidStateError, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import { ConsentEventType, ConsentSource, DetailKind, OptOutChannel } from '../generated/prisma/enums.ts';
import {
  addressConsent,
  BULK_LIST_MAX_LINE_LENGTH,
  bulkOptOut,
  consentOfAddresses,
  optIn,
  optInChannelsOf,
  optOut,
  optOutContactDetail,
  optOutListWhere,
  recordInboundKeyword,
  reinstate,
  type AddressConsent,
  type BulkOptOutResult,
} from '../services/opt-outs.ts';
import { builder, type AuthedContext } from './builder.ts';
import { LONG_TEXT_MAX_LENGTH, textLimit } from './input-limits.ts';
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
    jobId: t.exposeID('jobId', { nullable: true, description: 'The import that recorded it.' }),
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
    jobId: t.exposeID('jobId', { nullable: true }),
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
    actorKeyId: t.exposeID('actorKeyId', { nullable: true, description: 'The API key that made the change (for an import, the key that started it).' }),
    jobId: t.exposeID('jobId', { nullable: true, description: 'The import that made the change.' }),
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

const AddressConsentRef = builder.objectRef<AddressConsent>('AddressConsent').implement({
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
    history: t.prismaConnection({
      type: 'ConsentEvent',
      cursor: 'workspaceId_id',
      description: 'Every opt-out, opt-in and reinstate of the address, oldest first.',
      resolve: (query, consent, _args, ctx) =>
        ctx.db.prisma.consentEvent.findMany({ ...query, where: { workspaceId: consent.workspaceId, address: consent.address }, orderBy: { id: 'asc' } }),
      totalCount: (consent, _args, ctx) => ctx.db.prisma.consentEvent.count({ where: { workspaceId: consent.workspaceId, address: consent.address } }),
    }),
  }),
});

/** Opt-outs, opt-ins and the workspace's opt-in channels of each detail shown, in two queries per request. */
const consentOf = requestLoader<AuthedContext, string, { optOuts: OptOutChannel[]; optIns: Channel[] }>((ctx, addresses) =>
  consentOfAddresses(ctx.db, ctx.caller.workspaceId, addresses),
);
const optInChannelsLoader = requestLoader<AuthedContext, string, Channel[]>(async (ctx, workspaceIds) =>
  new Map(await Promise.all(workspaceIds.map(async (id) => [id, await optInChannelsOf(ctx.db, id)] as const))),
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

const addressArgs = {
  description: 'A phone number (international form, or national with defaultCountry) or an email address.',
};

const OptOutInput = builder.inputType('OptOutInput', {
  fields: (t) => ({
    address: t.string({ required: true, ...addressArgs }),
    channel: t.field({ type: OptOutChannelEnum, defaultValue: 'ALL' }),
    reason: t.string(),
    source: t.field({ type: ConsentSourceEnum, description: 'API (default) or INTEGRATION.' }),
    defaultCountry: t.string({ description: 'ISO 3166-1 alpha-2 country for a phone number in national form.' }),
  }),
});

const OptOutContactDetailInput = builder.inputType('OptOutContactDetailInput', {
  fields: (t) => ({
    detailId: t.id({ required: true }),
    channel: t.field({ type: OptOutChannelEnum, defaultValue: 'ALL' }),
    reason: t.string(),
    source: t.field({ type: ConsentSourceEnum, description: 'API (default) or INTEGRATION.' }),
  }),
});

const OptInInput = builder.inputType('OptInInput', {
  fields: (t) => ({
    address: t.string({ required: true, ...addressArgs }),
    channel: t.field({ type: ChannelEnum, required: true }),
    reason: t.string(),
    source: t.field({ type: ConsentSourceEnum, description: 'API (default) or INTEGRATION.' }),
    defaultCountry: t.string(),
  }),
});

const ReinstateInput = builder.inputType('ReinstateInput', {
  fields: (t) => ({
    address: t.string({ required: true, ...addressArgs }),
    channel: t.field({
      type: OptOutChannelEnum,
      defaultValue: 'ALL',
      description: 'ALL lifts every opt-out of the address; one channel lifts only that one (an ALL opt-out keeps the other channels closed).',
    }),
    reason: t.string({ required: true, description: 'Why the opt-out is lifted; required.' }),
    source: t.field({ type: ConsentSourceEnum, description: 'API (default) or INTEGRATION.' }),
    defaultCountry: t.string(),
  }),
});

const BulkOptOutInput = builder.inputType('BulkOptOutInput', {
  description: 'One address per line, given as pasted text or an uploaded file.',
  fields: (t) => ({
    // Any length: the list is held to its line count and line length as it is read.
    text: t.string({ extensions: textLimit(Infinity) }),
    file: t.field({
      type: 'Upload',
      description: `A UTF-8 text file, one address per line (GraphQL multipart request), within the workspace's import size limit; a line holds at most ${BULK_LIST_MAX_LINE_LENGTH} characters.`,
    }),
    channel: t.field({ type: OptOutChannelEnum, defaultValue: 'ALL' }),
    reason: t.string(),
    defaultCountry: t.string({ description: 'ISO 3166-1 alpha-2 country for phone numbers in national form.' }),
  }),
});

const InboundKeywordInput = builder.inputType('InboundKeywordInput', {
  fields: (t) => ({
    address: t.string({ required: true, description: 'The sender.' }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'The channel the message came in on.' }),
    text: t.string({ required: true, description: 'The message as received.', extensions: textLimit(LONG_TEXT_MAX_LENGTH) }),
    defaultCountry: t.string(),
  }),
});

const InvalidLineRef = builder.objectRef<BulkOptOutResult['invalid'][number]>('InvalidLine').implement({
  fields: (t) => ({
    line: t.exposeInt('line', { description: 'Line number in the list, from 1.' }),
    value: t.exposeString('value'),
    reason: t.exposeString('reason'),
  }),
});

const BulkOptOutResultRef = builder.objectRef<BulkOptOutResult>('BulkOptOut').implement({
  description: 'What a bulk opt-out list did.',
  fields: (t) => ({
    lines: t.exposeInt('lines', { description: 'Non-blank lines read.' }),
    addresses: t.exposeInt('addresses', { description: 'Distinct valid addresses.' }),
    optedOut: t.exposeInt('optedOut', { description: 'Addresses newly opted out.' }),
    alreadyOptedOut: t.exposeInt('alreadyOptedOut', { description: 'Addresses an existing opt-out already covered; left as they were.' }),
    invalidCount: t.exposeInt('invalidCount'),
    invalid: t.field({ type: [InvalidLineRef], description: 'The first 1,000 invalid lines, with why.', resolve: (result) => result.invalid }),
  }),
});

const KeywordActionEnum = builder.enumType('KeywordAction', {
  values: {
    OPTED_OUT: { description: 'A STOP-family word: the address is opted out of the channel.' },
    OPTED_IN: { description: 'START or UNSTOP: the channel is reinstated and an opt-in recorded.' },
    NONE: { description: 'Not a keyword: nothing changed.' },
  },
});

const InboundKeywordResultRef = builder
  .objectRef<Awaited<ReturnType<typeof recordInboundKeyword>>>('InboundKeyword')
  .implement({
    fields: (t) => ({
      action: t.field({ type: KeywordActionEnum, resolve: (result) => result.action }),
      keyword: t.exposeString('keyword', { nullable: true, description: 'The keyword recognised, upper-cased.' }),
      consent: t.field({ type: AddressConsentRef, resolve: (result) => result.consent }),
    }),
  });

const actorOf = (ctx: AuthedContext) => ({ workspaceId: ctx.caller.workspaceId, keyId: ctx.caller.keyId });

builder.queryFields((t) => ({
  optOuts: t.withAuth({ read: true }).prismaConnection({
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
  }),
  addressConsent: t.withAuth({ read: true }).field({
    type: AddressConsentRef,
    description: 'The consent of one address (whether or not a contact has it): opt-outs, opt-ins, per-channel status and history.',
    errors: { types: [ValidationError] },
    args: { address: t.arg.string({ required: true }), defaultCountry: t.arg.string() },
    resolve: (_root, args, ctx) => {
      const defaultCountry = requireDefaultCountry(args.defaultCountry, ['defaultCountry']);
      return addressConsent(ctx.db, ctx.caller.workspaceId, requireAddress(args.address, defaultCountry, ['address']));
    },
  }),
}));

builder.mutationFields((t) => ({
  optOut: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: 'Opts an address out of a channel or ALL. An address already covered stays as it is (nothing is recorded).',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: OptOutInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const defaultCountry = requireDefaultCountry(input.defaultCountry, ['input', 'defaultCountry']);
      return optOut(ctx.db, actorOf(ctx), {
        address: requireAddress(input.address, defaultCountry, ['input', 'address']),
        channel: input.channel ?? 'ALL',
        reason: normalizeReason(input.reason, ['input', 'reason']),
        source: requireCallerSource(input.source, ['input', 'source']),
      });
    },
  }),
  optOutContactDetail: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: "Opts out the address of a contact's phone number or email; the opt-out stays with the address.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: OptOutContactDetailInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      optOutContactDetail(ctx.db, actorOf(ctx), {
        detailId: parseId(input.detailId, ['input', 'detailId']),
        channel: input.channel ?? 'ALL',
        reason: normalizeReason(input.reason, ['input', 'reason']),
        source: requireCallerSource(input.source, ['input', 'source']),
      }),
  }),
  optIn: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: 'Records the consent of an address on a channel. Refused while an opt-out covers it: reinstate first.',
    errors: { types: [ValidationError, InvalidStateError] },
    args: { input: t.arg({ type: OptInInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const defaultCountry = requireDefaultCountry(input.defaultCountry, ['input', 'defaultCountry']);
      return optIn(ctx.db, actorOf(ctx), {
        address: requireAddress(input.address, defaultCountry, ['input', 'address']),
        channel: input.channel,
        reason: normalizeReason(input.reason, ['input', 'reason']),
        source: requireCallerSource(input.source, ['input', 'source']),
      });
    },
  }),
  reinstate: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: 'Lifts an opt-out, with a reason: the only way an opt-out is ever lifted. A channel that needs an opt-in needs a new one.',
    errors: { types: [ValidationError, InvalidStateError] },
    args: { input: t.arg({ type: ReinstateInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const defaultCountry = requireDefaultCountry(input.defaultCountry, ['input', 'defaultCountry']);
      return reinstate(ctx.db, actorOf(ctx), {
        address: requireAddress(input.address, defaultCountry, ['input', 'address']),
        channel: input.channel ?? 'ALL',
        reason: normalizeReason(input.reason, ['input', 'reason'], true),
        source: requireCallerSource(input.source, ['input', 'source']),
      });
    },
  }),
  bulkOptOut: t.withAuth({ write: true }).field({
    type: BulkOptOutResultRef,
    description: 'Opts out a list of addresses, one per line, in one transaction; invalid lines are reported. Sending the same list again changes nothing.',
    errors: { types: [ValidationError, LimitExceededError] },
    args: { input: t.arg({ type: BulkOptOutInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.file && input.text != null) throw ValidationError.of(['input'], 'give either a file or text, not both');
      if (!input.file && input.text == null) throw ValidationError.of(['input'], 'give a file or text with one address per line');
      const list = {
        channel: input.channel ?? 'ALL',
        reason: normalizeReason(input.reason, ['input', 'reason']),
        defaultCountry: requireDefaultCountry(input.defaultCountry, ['input', 'defaultCountry']),
        maxUploadBytes: ctx.limits.maxUploadBytes,
      };
      const source = input.file ? ({ kind: 'file', stream: (await input.file).createReadStream() } as const) : ({ kind: 'text', text: input.text! } as const);
      return bulkOptOut(ctx.db, actorOf(ctx), { ...list, source });
    },
  }),
  recordInboundKeyword: t.withAuth({ write: true }).field({
    type: InboundKeywordResultRef,
    description:
      'Records a message an address sent on a channel: a STOP-family word opts it out of that channel; START or UNSTOP reinstates that channel and records an opt-in; other text changes nothing.',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: InboundKeywordInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const defaultCountry = requireDefaultCountry(input.defaultCountry, ['input', 'defaultCountry']);
      return recordInboundKeyword(ctx.db, actorOf(ctx), {
        address: requireAddress(input.address, defaultCountry, ['input', 'address']),
        channel: input.channel,
        text: input.text,
      });
    },
  }),
}));
