import { GroupType } from '../generated/prisma/enums.ts';
import { builder } from './builder.ts';

export const GroupTypeEnum = builder.enumType(GroupType, {
  name: 'GroupType',
  description: 'STATIC groups hold explicit members; DYNAMIC groups are a saved filter resolved when read.',
});

builder.prismaObject('Group', {
  description: 'A set of contacts: explicit members, or a saved filter.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    category: t.exposeString('category', { nullable: true }),
    type: t.expose('type', { type: GroupTypeEnum }),
    filter: t.expose('filter', { type: 'JSON', nullable: true, description: 'The saved filter of a dynamic group.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  groups: t.withAuth({ read: true }).prismaConnection({
    type: 'Group',
    cursor: 'workspaceId_id',
    description: "The workspace's groups, by name.",
        resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.group.findMany({ ...query, where: { workspaceId: ctx.caller.workspaceId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    totalCount: (_root, _args, ctx) => ctx.db.prisma.group.count({ where: { workspaceId: ctx.caller.workspaceId } }),
  }),
}));
