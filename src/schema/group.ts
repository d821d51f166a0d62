import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Group } from '../generated/prisma/client.ts';
import { GroupType } from '../generated/prisma/enums.ts';
import { addGroupMembers, removeGroupMembers } from '../services/group-members.ts';
import { activeContactCounts, dynamicGroupsMatching, groupFilterProblems, groupMembersPage, groupPage } from '../services/group-queries.ts';
import { createGroup, deleteGroup, mergeGroups, updateGroup } from '../services/groups.ts';
import { builder, type AuthedContext, type Context } from './builder.ts';
import { ContactFilterInput, ContactOrderInput, contactFilterFromInput, contactOrderFromInput, filterWithGlobalIds } from './contact-filter.ts';
import { asGraphQLError, connectionOf, contactsByIds } from './contact-list.ts';
import { ContactConnection, ContactRef } from './contact.ts';
import { decodeId, decodeIds, globalId } from './global-id.ts';
import { requestLoader } from './loader.ts';
import { selection } from './query.ts';

export const GroupTypeEnum = builder.enumType(GroupType, {
  name: 'GroupType',
  description: 'STATIC groups hold explicit members; DYNAMIC groups are a saved filter resolved when read.',
});

/** Active-contact counts of every group a request shows, in one statement. */
const activeCountOf = requestLoader<Context, string, number | null>((ctx, ids) => activeContactCounts(ctx.db, ctx.caller!.workspaceId, ids));

/** Why each dynamic group's filter no longer compiles, for every group a request shows at once. */
const filterProblemOf = requestLoader<Context, string, ValidationError | null>((ctx, ids) =>
  groupFilterProblems(ctx.db, ctx.caller!.workspaceId, ids),
);

export const GroupRef = builder.prismaNode('Group', {
  description: 'A set of contacts: explicit members, or a saved filter.',
  id: { resolve: (group) => group.id },
  findUnique: (id, ctx) => ({ workspaceId_id: { workspaceId: ctx.caller!.workspaceId, id } }),
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    category: t.exposeString('category', { nullable: true }),
    type: t.expose('type', { type: GroupTypeEnum }),
    filter: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The saved filter of a dynamic group, in the shape of ContactFilterInput (it can be sent back as one).',
      resolve: (group) => filterWithGlobalIds(group.filter),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    activeContactCount: t.int({
      nullable: true,
      description:
        'Members that are active contacts (a detail not opted out on every channel). Null for a dynamic group whose filter no longer ' +
        'works (see filterError).',
      resolve: async (group, _args, ctx) => (await activeCountOf(ctx, group.id)) ?? null,
    }),
    filterError: t.field({
      type: ValidationError,
      nullable: true,
      description:
        "Why a dynamic group's filter no longer works (a field or group it uses is gone, or it was changed outside the API); null when it works.",
      resolve: async (group, _args, ctx) => {
        const problem = group.type === 'DYNAMIC' ? await filterProblemOf(ctx, group.id) : null;
        // graphql-js takes an Error instance returned as a value for a thrown one, so the problem
        // travels as a plain object with the fields of ValidationError.
        return problem ? ({ message: problem.message, issues: problem.issues } as unknown as ValidationError) : null;
      },
    }),
    members: t.connection(
      {
        type: ContactRef,
        nullable: true,
        description:
          "The members: a static group's contacts, or the contacts a dynamic group's filter matches now. Null for a dynamic group " +
          'whose filter no longer works (see filterError). A bad sort or cursor is a GraphQL error with code VALIDATION_FAILED.',
        args: { orderBy: t.arg({ type: [ContactOrderInput] }) },
        resolve: (group, args, ctx, info) =>
          asGraphQLError(async () => {
            const page = await groupMembersPage(ctx.db, {
              workspaceId: ctx.caller!.workspaceId,
              groupId: group.id,
              orderBy: contactOrderFromInput(args.orderBy),
              page: args,
            });
            if (!page) return null;
            return connectionOf(
              page,
              await contactsByIds(
                { ...ctx, caller: ctx.caller! },
                info,
                page.rows.map((row) => row.id),
              ),
            );
          }),
      },
      ContactConnection,
    ),
  }),
});

const CreateGroupInput = builder.inputType('CreateGroupInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Unique in the workspace, ignoring case.' }),
    description: t.string(),
    category: t.string(),
    type: t.field({ type: GroupTypeEnum, required: true }),
    filter: t.field({ type: ContactFilterInput, description: 'Required for a DYNAMIC group; a STATIC group takes none.' }),
  }),
});

const UpdateGroupInput = builder.inputType('UpdateGroupInput', {
  description: 'Omitted fields stay; null clears a description or category. A group keeps its type.',
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    description: t.string(),
    category: t.string(),
    filter: t.field({ type: ContactFilterInput, description: 'A new filter for a dynamic group.' }),
  }),
});

/** The groups of a page with what the query selects under `edges.node`, in page order, in one query. */
async function groupsByIds(ctx: AuthedContext, info: GraphQLResolveInfo, ids: readonly string[]): Promise<Group[]> {
  if (ids.length === 0) return [];
  const query = queryFromInfo({ context: ctx, info, typeName: 'Group', path: ['edges', 'node'] });
  const groups = await ctx.db.prisma.group.findMany({ ...selection(query), where: { workspaceId: ctx.caller.workspaceId, id: { in: [...ids] } } });
  const byId = new Map(groups.map((group) => [group.id, group]));
  // A group deleted between the page and this read is left out rather than shown as null.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The dynamic groups each contact of a request matches: one statement for every contact shown. */
const dynamicGroupsOf = requestLoader<Context, string, Group[]>((ctx, contactIds) =>
  dynamicGroupsMatching(ctx.db, ctx.caller!.workspaceId, contactIds),
);

builder.prismaObjectField(ContactRef, 'groups', (t) =>
  t.field({
    type: [GroupRef],
    description: 'The static groups the contact is a member of and the dynamic groups whose filter it matches, by name.',
    select: { groups: { select: { group: true } } },
    resolve: async (contact, _args, ctx) => {
      const dynamic = (await dynamicGroupsOf(ctx, contact.id)) ?? [];
      return [...contact.groups.map(({ group }) => group), ...dynamic].sort((a, b) => a.name.localeCompare(b.name));
    },
  }),
);

const GroupMembersInput = builder.inputType('GroupMembersInput', {
  description: 'A static group and the contacts to add or remove: exactly one of contactIds and filter.',
  fields: (t) => ({
    groupId: t.id({ required: true }),
    contactIds: t.idList(),
    filter: t.field({ type: ContactFilterInput, description: 'Every contact matching it now.' }),
  }),
});

const MergeGroupsInput = builder.inputType('MergeGroupsInput', {
  description:
    "Merges the source into the target and deletes the source. Into a STATIC target: the source's members are added (a DYNAMIC " +
    "source's current matches). Into a DYNAMIC target: a DYNAMIC source's filter is joined with `or`; a STATIC source is refused.",
  fields: (t) => ({
    sourceId: t.id({ required: true }),
    targetId: t.id({ required: true }),
  }),
});

const GroupMembershipChange = builder.objectRef<{ groupId: string; count: number }>('GroupMembershipChange').implement({
  description: 'A static group after contacts were added or removed.',
  fields: (t) => ({
    count: t.exposeInt('count', { description: 'Contacts added (or removed) by this change; those already in (or not in) the group do not count.' }),
    group: t.prismaField({
      type: 'Group',
      resolve: (query, change, _args, ctx) =>
        ctx.db.prisma.group.findUniqueOrThrow({
          ...selection(query),
          where: { workspaceId_id: { workspaceId: ctx.caller!.workspaceId, id: change.groupId } },
        }),
    }),
  }),
});

const DeletedGroup = builder.objectRef<{ id: string }>('DeletedGroup').implement({
  description: 'The id of the group that was deleted; its contacts stay.',
  fields: (t) => ({ id: t.id({ resolve: (deleted) => globalId('Group', deleted.id) }) }),
});

builder.queryFields((t) => ({
  groups: t.withAuth({ read: true }).connection(
    {
      type: GroupRef,
      description:
        "The workspace's groups, by name ignoring case (then as written). A bad page size or cursor is a GraphQL error with code " +
        'VALIDATION_FAILED.',
      resolve: (_root, args, ctx, info) =>
        asGraphQLError(async () => {
          const page = await groupPage(ctx.db, ctx.caller.workspaceId, args);
          return connectionOf(
            page,
            await groupsByIds(
              ctx,
              info,
              page.rows.map((row) => row.id),
            ),
          );
        }),
    },
    { name: 'GroupConnection' },
    { name: 'GroupEdge' },
  ),
  group: t.withAuth({ read: true }).prismaField({
    type: 'Group',
    description: 'One group of the workspace.',
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = decodeId(ctx, 'Group', args.id, ['id']);
      const group = await ctx.db.prisma.group.findUnique({
        ...selection(query),
        where: { workspaceId_id: { workspaceId: ctx.caller.workspaceId, id } },
      });
      if (!group) throw new NotFoundError('Group', id);
      return group;
    },
  }),
}));

builder.mutationFields((t) => ({
  createGroup: t.withAuth({ write: true }).prismaField({
    type: 'Group',
    description: "Creates a static group, or a dynamic group with a filter (checked against the workspace's fields and groups).",
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: CreateGroupInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { workspaceId } = ctx.caller;
      const filter = contactFilterFromInput(input.filter, ['input', 'filter']);
      const { id } = await createGroup(ctx.db, { workspaceId, input: { ...input, filter } });
      return ctx.db.prisma.group.findUniqueOrThrow({ ...selection(query), where: { workspaceId_id: { workspaceId, id } } });
    },
  }),
  updateGroup: t.withAuth({ write: true }).prismaField({
    type: 'Group',
    description: "Edits a group's name, description, category or (dynamic groups) filter.",
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: UpdateGroupInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { workspaceId } = ctx.caller;
      const id = decodeId(ctx, 'Group', input.id, ['input', 'id']);
      const filter = input.filter === undefined ? undefined : contactFilterFromInput(input.filter, ['input', 'filter']);
      await updateGroup(ctx.db, { workspaceId, id, changes: { ...input, filter } });
      return ctx.db.prisma.group.findUniqueOrThrow({ ...selection(query), where: { workspaceId_id: { workspaceId, id } } });
    },
  }),
  deleteGroup: t.withAuth({ write: true }).field({
    type: DeletedGroup,
    description: "Deletes a group; its contacts stay. A group another dynamic group's filter names is refused (InvalidStateError).",
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => deleteGroup(ctx.db, { workspaceId: ctx.caller.workspaceId, id: decodeId(ctx, 'Group', args.id, ['id']) }),
  }),
  addContactsToGroup: t.withAuth({ write: true }).field({
    type: GroupMembershipChange,
    description: 'Adds contacts to a static group, by ids or by a filter, in one statement.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { input: t.arg({ type: GroupMembersInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addGroupMembers(ctx.db, {
        workspaceId: ctx.caller.workspaceId,
        groupId: decodeId(ctx, 'Group', input.groupId, ['input', 'groupId']),
        contactIds: input.contactIds && decodeIds(ctx, 'Contact', input.contactIds, ['input', 'contactIds']),
        filter: contactFilterFromInput(input.filter, ['input', 'filter']),
      }),
  }),
  removeContactsFromGroup: t.withAuth({ write: true }).field({
    type: GroupMembershipChange,
    description: 'Removes contacts from a static group, by ids or by a filter; the contacts stay.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { input: t.arg({ type: GroupMembersInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      removeGroupMembers(ctx.db, {
        workspaceId: ctx.caller.workspaceId,
        groupId: decodeId(ctx, 'Group', input.groupId, ['input', 'groupId']),
        contactIds: input.contactIds && decodeIds(ctx, 'Contact', input.contactIds, ['input', 'contactIds']),
        filter: contactFilterFromInput(input.filter, ['input', 'filter']),
      }),
  }),
  mergeGroups: t.withAuth({ write: true }).prismaField({
    type: 'Group',
    description: 'Merges one group into another and deletes the source; returns the target.',
    errors: { types: [ValidationError, NotFoundError, InvalidStateError] },
    args: { input: t.arg({ type: MergeGroupsInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const { workspaceId } = ctx.caller;
      const id = await mergeGroups(ctx.db, {
        workspaceId,
        sourceId: decodeId(ctx, 'Group', input.sourceId, ['input', 'sourceId']),
        targetId: decodeId(ctx, 'Group', input.targetId, ['input', 'targetId']),
      });
      return ctx.db.prisma.group.findUniqueOrThrow({ ...selection(query), where: { workspaceId_id: { workspaceId, id } } });
    },
  }),
}));
