import { ConsentSource, DetailKind, OptOutChannel } from '../generated/prisma/enums.ts';
import { builder } from './builder.ts';

export const DetailKindEnum = builder.enumType(DetailKind, { name: 'DetailKind', description: 'A phone number or an email address.' });

export const OptOutChannelEnum = builder.enumType(OptOutChannel, {
  name: 'OptOutChannel',
  description: 'The channel an opt-out covers: one channel, or ALL of them.',
});

export const ConsentSourceEnum = builder.enumType(ConsentSource, {
  name: 'ConsentSource',
  description: 'Where an opt-out, opt-in or reinstate came from.',
});

builder.prismaObject('OptOut', {
  description: 'An active suppression of one address on one channel (or all), kept by address: it outlives the contact.',
  fields: (t) => ({
    address: t.exposeString('address', { description: 'E.164 phone number or lower-cased email address.' }),
    kind: t.expose('kind', { type: DetailKindEnum }),
    channel: t.expose('channel', { type: OptOutChannelEnum }),
    source: t.expose('source', { type: ConsentSourceEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryFields((t) => ({
  optOuts: t.withAuth({ read: true }).prismaConnection({
    type: 'OptOut',
    cursor: 'workspaceId_address_channel',
    description: 'Active opt-outs, newest first.',
        resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.optOut.findMany({
        ...query,
        where: { workspaceId: ctx.caller.workspaceId },
        orderBy: [{ createdAt: 'desc' }, { address: 'asc' }, { channel: 'asc' }],
      }),
    totalCount: (_root, _args, ctx) => ctx.db.prisma.optOut.count({ where: { workspaceId: ctx.caller.workspaceId } }),
  }),
}));
