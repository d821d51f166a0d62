import { SEARCH_MAX_LENGTH } from '../domain/contact-search.ts';
import { detailStatus, openChannels, type OptOutChannel } from '../domain/detail-status.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { parseId } from '../domain/ids.ts';
import { addContactDetail, createContact, deleteContact, removeContactDetail, updateContact, updateContactDetail } from '../services/contacts.ts';
import { contactPage } from '../services/contact-query.ts';
import { builder, type Context } from './builder.ts';
import { ContactFilterInput, ContactOrderInput, contactFilterFromInput, contactOrderFromInput } from './contact-filter.ts';
import { asGraphQLError, connectionOf, contactsByIds } from './contact-list.ts';
import { decodeId, globalId } from './global-id.ts';
import { LONG_TEXT_MAX_LENGTH, textLimit } from './input-limits.ts';
import { requestLoader } from './loader.ts';
import { DetailKindEnum } from './opt-out.ts';
import { ChannelEnum } from './workspace.ts';
import { selection } from './query.ts';

const DetailStatusEnum = builder.enumType('DetailStatus', {
  values: {
    ACTIVE: { description: 'Reachable on at least one of its channels.' },
    OPTED_OUT: { description: 'Opted out on every channel that reaches it.' },
  },
});

/** The opt-outs of each address in one query per request, whatever the number of details shown. */
const optOutsOf = requestLoader<Context, string, OptOutChannel[]>(async (ctx, addresses) => {
  const rows = await ctx.db.prisma.optOut.findMany({
    where: { workspaceId: ctx.caller!.workspaceId, address: { in: [...addresses] } },
    select: { address: true, channel: true },
  });
  const byAddress = new Map<string, OptOutChannel[]>();
  for (const row of rows) byAddress.set(row.address, [...(byAddress.get(row.address) ?? []), row.channel]);
  return byAddress;
});

const ContactDetailRef = builder.prismaObject('ContactDetail', {
  description: 'One phone number or email address of a contact, with its status from the opt-outs of its address.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: DetailKindEnum }),
    value: t.exposeString('value', { description: 'Normalized: E.164 for phones, lower-cased for emails.' }),
    rawValue: t.exposeString('rawValue', { description: 'The value exactly as it was given.' }),
    label: t.exposeString('label', { nullable: true }),
    isPrimary: t.exposeBoolean('isPrimary'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    status: t.field({
      type: DetailStatusEnum,
      resolve: async (detail, _args, ctx) => detailStatus(detail.kind, (await optOutsOf(ctx, detail.value)) ?? []),
    }),
    openChannels: t.field({
      type: [ChannelEnum],
      description: 'The channels of this address that no opt-out closes.',
      resolve: async (detail, _args, ctx) => openChannels(detail.kind, (await optOutsOf(ctx, detail.value)) ?? []),
    }),
  }),
});

export const ContactRef = builder.prismaNode('Contact', {
  description: 'A person in the contact book.',
  id: { resolve: (contact) => contact.id },
  findUnique: (id, ctx) => ({ workspaceId_id: { workspaceId: ctx.caller!.workspaceId, id } }),
  fields: (t) => ({
    firstName: t.exposeString('firstName', { nullable: true }),
    lastName: t.exposeString('lastName', { nullable: true }),
    name: t.exposeString('name', { nullable: true, description: 'Full name: given whole, or made of first and last name.' }),
    country: t.exposeString('country', { nullable: true, description: 'ISO 3166-1 alpha-2.' }),
    customFields: t.expose('customFields', { type: 'JSON', description: 'Custom field values by field key.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    details: t.relation('details', { query: { orderBy: [{ kind: 'asc' }, { isPrimary: 'desc' }, { createdAt: 'asc' }] } }),
    tags: t.stringList({
      select: { tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } } },
      resolve: (contact) => contact.tags.map(({ tag }) => tag.name),
    }),
  }),
});

const DetailInput = builder.inputType('ContactDetailInput', {
  fields: (t) => ({
    kind: t.field({ type: DetailKindEnum, required: true }),
    value: t.string({ required: true, description: 'A phone number (international, or national with the contact country) or an email address.' }),
    label: t.string(),
    primary: t.boolean({ description: 'Make this the primary detail of its kind (the first of a kind is primary by default).' }),
  }),
});

const CustomFieldValueInput = builder.inputType('CustomFieldValueInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.string({
      description: 'The value as text, checked against the field type; null removes it.',
      extensions: textLimit(LONG_TEXT_MAX_LENGTH),
    }),
  }),
});

const contactFields = {
  firstName: 'First name: letters, marks, spaces, apostrophes, hyphens and periods.',
  lastName: 'Last name, same characters as firstName.',
  name: 'Full name; when omitted it is made of first and last name.',
  country: 'ISO 3166-1 alpha-2; also used to read national-format phone numbers.',
} as const;

const CreateContactInput = builder.inputType('CreateContactInput', {
  fields: (t) => ({
    firstName: t.string({ description: contactFields.firstName }),
    lastName: t.string({ description: contactFields.lastName }),
    name: t.string({ description: contactFields.name }),
    country: t.string({ description: contactFields.country }),
    details: t.field({ type: [DetailInput], required: true, description: 'At least one valid phone number or email address.' }),
    tags: t.stringList(),
    customFields: t.field({ type: [CustomFieldValueInput] }),
  }),
});

const UpdateContactInput = builder.inputType('UpdateContactInput', {
  description: 'Omitted fields stay as they are; null clears a name or country. `tags` replaces the whole set.',
  fields: (t) => ({
    id: t.id({ required: true }),
    firstName: t.string({ description: contactFields.firstName }),
    lastName: t.string({ description: contactFields.lastName }),
    name: t.string({ description: contactFields.name }),
    country: t.string({ description: contactFields.country }),
    tags: t.stringList(),
    customFields: t.field({ type: [CustomFieldValueInput] }),
  }),
});

const UpdateContactDetailInput = builder.inputType('UpdateContactDetailInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    value: t.string(),
    label: t.string(),
    primary: t.boolean({ description: 'true makes it the primary detail of its kind.' }),
  }),
});

/** The contact list and a group's members: one connection type, as their edges are alike. */
export const ContactConnection = builder.connectionObject({ type: ContactRef, name: 'ContactConnection' });

const DeletedContact = builder.objectRef<{ id: string }>('DeletedContact').implement({
  description: 'The id of the contact that was deleted.',
  fields: (t) => ({ id: t.id({ resolve: (deleted) => globalId('Contact', deleted.id) }) }),
});

builder.queryFields((t) => ({
  contact: t.withAuth({ read: true }).prismaField({
    type: 'Contact',
    description: 'One contact of the workspace.',
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(ctx, 'Contact', args.id, ['id']);
      const contact = await ctx.db.prisma.contact.findUnique({
        ...selection(query),
        where: { workspaceId_id: { workspaceId: ctx.caller.workspaceId, id } },
      });
      if (!contact) throw new NotFoundError('Contact', id);
      return contact;
    },
  }),
  // `authScopes` rather than `withAuth`: the connection type is shared with a group's members.
  contacts: t.connection(
    {
      type: ContactRef,
      authScopes: { read: true },
      description:
        "The workspace's contacts matching `search` and `filter`, sorted by `orderBy` (newest first by default). " +
        'A search too long, a bad filter, sort or cursor is a GraphQL error with code VALIDATION_FAILED and the `issues` in its extensions.',
      args: {
        search: t.arg.string({
          description:
            'Part of a name, ignoring case and accents (1 or 2 characters match the start of a word), a phone number in any format ' +
            'or 3 or more of its digits (a leading + for its start), or part of an email address (with an @, or a domain such as ' +
            `example.com). At most ${SEARCH_MAX_LENGTH} characters.`,
        }),
        filter: t.arg({ type: ContactFilterInput }),
        orderBy: t.arg({ type: [ContactOrderInput], description: 'Sort keys in order; the contact id breaks ties.' }),
      },
      resolve: (_root, args, ctx, info) =>
        asGraphQLError(async () => {
          const authed = { ...ctx, caller: ctx.caller! };
          const query = { search: args.search, filter: contactFilterFromInput(args.filter), orderBy: contactOrderFromInput(args.orderBy) };
          const page = await contactPage(ctx.db, authed.caller.workspaceId, query, args);
          return connectionOf(
            page,
            await contactsByIds(
              authed,
              info,
              page.rows.map((row) => row.id),
            ),
          );
        }),
    },
    ContactConnection,
  ),
}));

builder.mutationFields((t) => ({
  createContact: t.withAuth({ write: true }).prismaField({
    type: 'Contact',
    description: 'Adds one contact; it needs at least one valid phone number or email address.',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateContactInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await createContact(ctx.db, { workspaceId: ctx.caller.workspaceId, input });
      return ctx.db.prisma.contact.findUniqueOrThrow({ ...selection(query), where: { workspaceId_id: { workspaceId: ctx.caller.workspaceId, id } } });
    },
  }),
  updateContact: t.withAuth({ write: true }).prismaField({
    type: 'Contact',
    description: "Edits a contact's names, country, tags and custom fields.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdateContactInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { workspaceId } = ctx.caller;
      const id = decodeId(ctx, 'Contact', input.id, ['input', 'id']);
      await updateContact(ctx.db, { workspaceId, id, input });
      return ctx.db.prisma.contact.findUniqueOrThrow({ ...selection(query), where: { workspaceId_id: { workspaceId, id } } });
    },
  }),
  deleteContact: t.withAuth({ write: true }).field({
    type: DeletedContact,
    description: 'Deletes a contact. Opt-outs of its addresses stay: they are kept by address.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => ({
      id: await deleteContact(ctx.db, { workspaceId: ctx.caller.workspaceId, id: decodeId(ctx, 'Contact', args.id, ['id']) }),
    }),
  }),
  addContactDetail: t.withAuth({ write: true }).field({
    type: ContactDetailRef,
    description: 'Adds a phone number or email address to a contact.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { contactId: t.arg.id({ required: true }), input: t.arg({ type: DetailInput, required: true }) },
    resolve: (_root, args, ctx) =>
      addContactDetail(ctx.db, {
        workspaceId: ctx.caller.workspaceId,
        contactId: decodeId(ctx, 'Contact', args.contactId, ['contactId']),
        input: args.input,
      }),
  }),
  updateContactDetail: t.withAuth({ write: true }).field({
    type: ContactDetailRef,
    description: "Changes a detail's value, label or primary flag.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdateContactDetailInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateContactDetail(ctx.db, { workspaceId: ctx.caller.workspaceId, id: parseId(input.id, ['input', 'id']), input }),
  }),
  removeContactDetail: t.withAuth({ write: true }).field({
    type: ContactDetailRef,
    description: 'Removes a detail from its contact; a contact keeps at least one.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => removeContactDetail(ctx.db, { workspaceId: ctx.caller.workspaceId, id: parseId(args.id, ['id']) }),
  }),
}));
