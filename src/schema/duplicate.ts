import { resolveCursorConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { issue, issueWithParams, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { MERGE_MAX_OTHERS } from '../domain/contact-merge.ts';
import type { Contact } from '../generated/prisma/client.ts';
import { mergeContacts } from '../services/contact-merge.ts';
import { countDuplicateGroups, listDuplicateGroups, type DuplicateGroup, type DuplicateGroupKey } from '../services/duplicates.ts';
import { builder } from './builder.ts';
import { decodeId, decodeIds } from './global-id.ts';
import { contactBySelection } from './contact-list.ts';
import { DetailKindEnum } from './opt-out.ts';
import { selection } from './query.ts';

const DUPLICATE_PAGE_DEFAULT = 20;
const DUPLICATE_PAGE_MAX = 100;

const DuplicateGroupRef = builder.objectRef<DuplicateGroup>('DuplicateGroup').implement({
  description: 'Contacts that share one phone number or email address, e.g. after an import that added all rows despite duplicates.',
  fields: (t) => ({
    kind: t.expose('kind', { type: DetailKindEnum }),
    value: t.exposeString('value', { description: 'The shared value: E.164 for phones, lower-cased for emails.' }),
    contactCount: t.int({ resolve: (group) => group.contactIds.length }),
    contacts: t.prismaField({
      type: ['Contact'],
      description: 'The contacts sharing the value, oldest first.',
      resolve: async (query, group, _args, ctx) => {
        const contacts = await Promise.all(group.contactIds.map((id) => contactBySelection(ctx, query, id)));
        // A contact deleted between the two reads is left out rather than failing the page.
        return contacts.filter((contact): contact is Contact => contact !== null);
      },
    }),
  }),
});

const toCursor = (group: DuplicateGroupKey) => Buffer.from(JSON.stringify([group.kind, group.value])).toString('base64url');

function fromCursor(cursor: string | undefined, argument: string): DuplicateGroupKey | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [kind, value] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if ((kind === 'PHONE' || kind === 'EMAIL') && typeof value === 'string') return { kind, value };
  } catch {
    // Not JSON: reported below like any other foreign cursor.
  }
  const message = `"${argument}" is not a cursor of duplicateContacts`;
  throw new GraphQLError(message, {
    extensions: { code: 'VALIDATION_FAILED', params: {}, issues: [issueWithParams(issue([argument], 'NOT_A_CURSOR', message))] },
  });
}

const MergeContactsInput = builder.inputType('MergeContactsInput', {
  fields: (t) => ({
    primaryId: t.id({ required: true, description: 'The contact that stays; its values win.' }),
    otherIds: t.idList({ required: true, description: `The contacts merged into it and then deleted; at most ${MERGE_MAX_OTHERS}.` }),
  }),
});

builder.queryFields((t) => ({
  duplicateContacts: t.withAuth({ read: true }).connection(
    {
      type: DuplicateGroupRef,
      description: 'Groups of contacts sharing a phone number or email address, phones first, then by value.',
      args: { kind: t.arg({ type: DetailKindEnum, description: 'Only phone numbers, or only email addresses.' }) },
      resolve: async (_root, args, ctx) => {
        const { workspaceId } = ctx.caller;
        const page = await resolveCursorConnection<Promise<DuplicateGroup[]>>(
          { args, toCursor, defaultSize: DUPLICATE_PAGE_DEFAULT, maxSize: DUPLICATE_PAGE_MAX },
          ({ after, before, limit, inverted }) =>
            listDuplicateGroups(ctx.db, {
              workspaceId,
              kind: args.kind,
              after: fromCursor(after, 'after'),
              before: fromCursor(before, 'before'),
              limit,
              inverted,
            }),
        );
        return { ...page, totalCount: () => countDuplicateGroups(ctx.db, { workspaceId, kind: args.kind }) };
      },
    },
    { name: 'DuplicateGroupConnection' },
    { name: 'DuplicateGroupEdge' },
  ),
}));

builder.mutationFields((t) => ({
  mergeContacts: t.withAuth({ write: true }).prismaField({
    type: 'Contact',
    description:
      'Merges contacts into a primary one: details (values it already has are dropped), tags, group memberships and sync links move to it; its empty names, country and custom fields are filled from the others in order; the others are deleted. Opt-outs are kept by address and stay.',
    errors: { types: [ValidationError, NotFoundError, LimitExceededError] },
    args: { input: t.arg({ type: MergeContactsInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { workspaceId } = ctx.caller;
      const id = await mergeContacts(ctx.db, {
        workspaceId,
        primaryId: decodeId(ctx, 'Contact', input.primaryId, ['input', 'primaryId']),
        otherIds: decodeIds(ctx, 'Contact', input.otherIds, ['input', 'otherIds']),
      });
      return ctx.db.prisma.contact.findUniqueOrThrow({ ...selection(query), where: { workspaceId_id: { workspaceId, id } } });
    },
  }),
}));
