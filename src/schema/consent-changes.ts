/**
 * Changes to consent: opting an address or a contact detail out, opting in, reinstating, bulk
 * opt-out lists and inbound keywords. Each input is checked here and handed to the opt-out service.
 */
import { normalizeReason, requireAddressInput, requireChangeOrigin, requireDefaultCountry } from '../domain/consent.ts';
import { InvalidStateError, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import {
  BULK_LIST_MAX_LINE_LENGTH,
  bulkOptOut,
  optIn,
  optOut,
  optOutContactDetail,
  recordInboundKeyword,
  reinstate,
  type BulkOptOutResult,
} from '../services/opt-outs.ts';
import { builder, type AuthedContext } from './builder.ts';
import { ErrorCodeEnum } from './errors.ts';
import { LONG_TEXT_MAX_LENGTH, textLimit } from './input-limits.ts';
import { AddressConsentRef, ConsentSourceEnum, OptOutChannelEnum } from './opt-out.ts';
import { ChannelEnum } from './workspace.ts';

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
    code: t.expose('code', { type: ErrorCodeEnum, description: 'What is wrong with the line, for programs.' }),
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

const InboundKeywordResultRef = builder.objectRef<Awaited<ReturnType<typeof recordInboundKeyword>>>('InboundKeyword').implement({
  fields: (t) => ({
    action: t.field({ type: KeywordActionEnum, resolve: (result) => result.action }),
    keyword: t.exposeString('keyword', { nullable: true, description: 'The keyword recognised, upper-cased.' }),
    consent: t.field({ type: AddressConsentRef, resolve: (result) => result.consent }),
  }),
});

const actorOf = (ctx: AuthedContext) => ({ workspaceId: ctx.caller.workspaceId, keyId: ctx.caller.keyId });

builder.mutationFields((t) => ({
  optOut: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: 'Opts an address out of a channel or ALL. An address already covered stays as it is (nothing is recorded).',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: OptOutInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      optOut(ctx.db, actorOf(ctx), {
        address: requireAddressInput(input, ['input']),
        channel: input.channel ?? 'ALL',
        ...requireChangeOrigin(input, ['input']),
      }),
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
        ...requireChangeOrigin(input, ['input']),
      }),
  }),
  optIn: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: 'Records the consent of an address on a channel. Refused while an opt-out covers it: reinstate first.',
    errors: { types: [ValidationError, InvalidStateError] },
    args: { input: t.arg({ type: OptInInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      optIn(ctx.db, actorOf(ctx), {
        address: requireAddressInput(input, ['input']),
        channel: input.channel,
        ...requireChangeOrigin(input, ['input']),
      }),
  }),
  reinstate: t.withAuth({ write: true }).field({
    type: AddressConsentRef,
    description: 'Lifts an opt-out, with a reason: the only way an opt-out is ever lifted. A channel that needs an opt-in needs a new one.',
    errors: { types: [ValidationError, InvalidStateError] },
    args: { input: t.arg({ type: ReinstateInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      reinstate(ctx.db, actorOf(ctx), {
        address: requireAddressInput(input, ['input']),
        channel: input.channel ?? 'ALL',
        ...requireChangeOrigin(input, ['input'], { reasonRequired: true }),
      }),
  }),
  bulkOptOut: t.withAuth({ write: true }).field({
    type: BulkOptOutResultRef,
    description:
      'Opts out a list of addresses, one per line, in one transaction; invalid lines are reported. Sending the same list again changes nothing.',
    errors: { types: [ValidationError, LimitExceededError] },
    args: { input: t.arg({ type: BulkOptOutInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if ((input.file != null) === (input.text != null)) {
        const message = input.file ? 'give either a file or text, not both' : 'give a file or text with one address per line';
        throw ValidationError.of(['input'], 'ONE_OF', message, { fields: ['file', 'text'] });
      }
      const list = {
        channel: input.channel ?? 'ALL',
        reason: normalizeReason(input.reason, ['input', 'reason']),
        defaultCountry: requireDefaultCountry(input.defaultCountry, ['input', 'defaultCountry']),
        maxUploadBytes: ctx.limits.maxUploadBytes,
      };
      const source = input.file
        ? ({ kind: 'file', stream: (await input.file).createReadStream() } as const)
        : ({ kind: 'text', text: input.text! } as const);
      return bulkOptOut(ctx.db, actorOf(ctx), { ...list, source });
    },
  }),
  recordInboundKeyword: t.withAuth({ write: true }).field({
    type: InboundKeywordResultRef,
    description:
      'Records a message an address sent on a channel: a STOP-family word opts it out of that channel; START or UNSTOP reinstates that channel and records an opt-in; other text changes nothing.',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: InboundKeywordInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordInboundKeyword(ctx.db, actorOf(ctx), { address: requireAddressInput(input, ['input']), channel: input.channel, text: input.text }),
  }),
}));
