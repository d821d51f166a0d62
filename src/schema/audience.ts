import {
  AUDIENCE_PAGE_MAX,
  checkAudienceRequest,
  EXCLUSION_REASONS,
  type ExcludedPosition,
  type ExcludedRecipient,
  type ExclusionReason,
} from '../domain/audience.ts';
import { LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { resolveAudience, type Audience, type AudienceAddress } from '../services/audience.ts';
import { AUDIENCE_REQUEST_MAX_BYTES, audienceRecipientsUrl } from './download-links.ts';
import { builder } from './builder.ts';
import { contactBySelection } from './contact-list.ts';
import { decodeIds, globalIdOrNull, sentId } from './global-id.ts';
import { ChannelEnum } from './workspace.ts';

const ExclusionReasonEnum = builder.enumType('ExclusionReason', {
  values: {
    OPTED_OUT: { description: 'An opt-out of the channel (or ALL) covers the address. Takes precedence over NO_OPT_IN.' },
    NO_OPT_IN: { description: 'The workspace requires an opt-in on the channel and the address has none.' },
    NO_ADDRESS: { description: 'The contact has no address the channel reaches (or a raw address is of the other kind, e.g. an email for SMS).' },
    INVALID_ADDRESS: { description: 'A raw address that is not a valid phone number or email address.' },
    UNKNOWN_CONTACT: { description: 'A contact id the workspace does not have.' },
  } satisfies Record<(typeof EXCLUSION_REASONS)[number], { description: string }>,
});

const ExclusionRef = builder.objectRef<Audience['excluded'][number]>('AudienceExclusion').implement({
  fields: (t) => ({
    reason: t.field({ type: ExclusionReasonEnum, resolve: (exclusion) => exclusion.reason }),
    count: t.exposeInt('count', { description: 'Distinct recipients excluded for this reason (per address, or per contact without one).' }),
  }),
});

const AudienceAddressRef = builder.objectRef<AudienceAddress>('AudienceAddress').implement({
  description: 'A sendable address.',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'E.164 phone number or lower-cased email address.' }),
    contactId: t.id({
      nullable: true,
      description: 'The first included contact reached on it; null for a raw address of no included contact.',
      resolve: (address) => globalIdOrNull('Contact', address.contactId),
    }),
  }),
});

const AudienceAddressConnection = builder.connectionObject({ type: AudienceAddressRef, name: 'AudienceAddressConnection' });

const toCursor = (address: string) => Buffer.from(address).toString('base64url');
const fromCursor = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

const ExcludedRecipientRef = builder.objectRef<ExcludedRecipient>('AudienceExcludedRecipient').implement({
  description: 'A recipient the audience leaves out, and why: an address, a contact without an address, an invalid input or an unknown contact id.',
  fields: (t) => ({
    reason: t.field({ type: ExclusionReasonEnum, resolve: (recipient) => recipient.reason }),
    address: t.exposeString('address', {
      nullable: true,
      description:
        'E.164 phone number or lower-cased email address; null for a contact without an address the channel reaches, an INVALID_ADDRESS and an UNKNOWN_CONTACT.',
    }),
    contactId: t.id({
      nullable: true,
      description:
        'The included contact excluded with this address (the first by id when several share it), or the contact without an address; null for a raw address of no included contact, an INVALID_ADDRESS and an UNKNOWN_CONTACT.',
      resolve: (recipient) => globalIdOrNull('Contact', recipient.contactId),
    }),
    contact: t.prismaField({
      type: 'Contact',
      nullable: true,
      description: 'The contact of `contactId`; null when there is none or it was deleted since.',
      resolve: (query, recipient, _args, ctx) => contactBySelection(ctx, query, recipient.contactId),
    }),
    rawValue: t.string({
      nullable: true,
      description: 'The input as given (without surrounding spaces): the text of an INVALID_ADDRESS, the id of an UNKNOWN_CONTACT.',
      resolve: (recipient, _args, ctx) =>
        recipient.reason === 'UNKNOWN_CONTACT' && recipient.rawValue !== null ? sentId(ctx, 'Contact', recipient.rawValue) : recipient.rawValue,
    }),
  }),
});

const ExcludedRecipientConnection = builder.connectionObject({ type: ExcludedRecipientRef, name: 'AudienceExcludedRecipientConnection' });

const toExcludedCursor = ({ reason, key }: ExcludedPosition) => Buffer.from(JSON.stringify([reason, key])).toString('base64url');

function fromExcludedCursor(cursor: string): ExcludedPosition {
  try {
    const [reason, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (EXCLUSION_REASONS.includes(reason as ExclusionReason) && typeof key === 'string') return { reason: reason as ExclusionReason, key };
  } catch {
    // Not JSON: reported below like any other foreign cursor.
  }
  throw ValidationError.of(['after'], 'NOT_A_CURSOR', 'not a cursor of excludedRecipients');
}

const AudienceRef = builder.objectRef<Audience>('Audience').implement({
  description: 'Who a message on a channel may go to: the one place sendability is decided.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, resolve: (audience) => audience.channel }),
    sendableCount: t.exposeInt('sendableCount', { description: 'Distinct sendable addresses.' }),
    excluded: t.field({
      type: [ExclusionRef],
      description: 'Every reason, in precedence order, with its count (zero included).',
      resolve: (audience) => audience.excluded,
    }),
    addresses: t.field({
      type: AudienceAddressConnection,
      description: `The sendable addresses in address order (byte order), deduplicated; at most ${AUDIENCE_PAGE_MAX} per page. To read them all, download \`recipientsUrl\` instead.`,
      args: { first: t.arg.int({ defaultValue: 100 }), after: t.arg.string() },
      resolve: async (audience, args) => {
        const page = await audience.page(args.first ?? 100, args.after ? fromCursor(args.after) : null);
        const edges = page.addresses.map((node) => ({ node, cursor: toCursor(node.address) }));
        return {
          edges,
          pageInfo: {
            hasNextPage: page.hasNextPage,
            hasPreviousPage: args.after != null,
            startCursor: edges[0]?.cursor,
            endCursor: edges.at(-1)?.cursor,
          },
          totalCount: audience.sendableCount,
        };
      },
    }),
    recipientsUrl: t.string({
      description:
        `Where to download every sendable address at once: POST the same \`input\` as JSON (at most ${AUDIENCE_REQUEST_MAX_BYTES / 2 ** 20} MiB) with ` +
        'the same `Authorization: Bearer` key and `content-type: application/json`. The answer is a CSV file (`address,contactId`) holding the ' +
        '`addresses` pages one after another, read in one statement and streamed as the database produces it. Bad input is answered before ' +
        'the file with JSON `{ error, type }` and status 400, 404 (unknown group) or 413 (body too large).',
      resolve: (_audience, _args, ctx) => audienceRecipientsUrl(ctx.origin),
    }),
    excludedRecipients: t.field({
      type: ExcludedRecipientConnection,
      description: `The excluded recipients by reason (in the order of \`excluded\`), then by address, contact id or input; each reason holds as many as its \`excluded\` count. At most ${AUDIENCE_PAGE_MAX} per page.`,
      errors: { types: [ValidationError], union: { name: 'AudienceExcludedRecipientsResult' } },
      args: {
        first: t.arg.int({ defaultValue: 100, description: `0 to ${AUDIENCE_PAGE_MAX}.` }),
        after: t.arg.string(),
        reasons: t.arg({ type: [ExclusionReasonEnum], description: 'Only these reasons; all when omitted.' }),
      },
      resolve: async (audience, args) => {
        const page = await audience.excludedPage({
          first: args.first ?? 100,
          after: args.after ? fromExcludedCursor(args.after) : null,
          reasons: args.reasons ?? null,
        });
        const edges = page.recipients.map((node) => ({ node, cursor: toExcludedCursor(node) }));
        return {
          edges,
          pageInfo: {
            hasNextPage: page.hasNextPage,
            hasPreviousPage: args.after != null,
            startCursor: edges[0]?.cursor,
            endCursor: edges.at(-1)?.cursor,
          },
          totalCount: page.totalCount,
        };
      },
    }),
  }),
});

const AudienceInput = builder.inputType('AudienceInput', {
  description: 'Any mix of groups, contacts and raw addresses.',
  fields: (t) => ({
    channel: t.field({ type: ChannelEnum, required: true }),
    groupIds: t.idList({ description: 'Static or dynamic groups.' }),
    contactIds: t.idList(),
    addresses: t.stringList({ description: 'Phone numbers or email addresses, filtered exactly like contacts’ addresses.' }),
    defaultCountry: t.string({ description: 'ISO 3166-1 alpha-2 country for raw phone numbers in national form.' }),
  }),
});

builder.queryFields((t) => ({
  audience: t.withAuth({ read: true }).field({
    type: AudienceRef,
    description:
      "Resolves an audience for a channel: the sendable addresses and the excluded by reason. A contact is reached on its primary address of the channel's kind when sendable, else on its oldest other sendable one. `recipientsUrl` downloads all the sendable addresses as one CSV.",
    errors: { types: [ValidationError, NotFoundError, LimitExceededError] },
    args: { input: t.arg({ type: AudienceInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const ids = {
        groupIds: input.groupIds && decodeIds(ctx, 'Group', input.groupIds, ['input', 'groupIds']),
        contactIds: input.contactIds && decodeIds(ctx, 'Contact', input.contactIds, ['input', 'contactIds']),
      };
      return resolveAudience(ctx.db, { workspaceId: ctx.caller.workspaceId, ...checkAudienceRequest({ ...input, ...ids }, ['input']) });
    },
  }),
}));
