/**
 * The Relay `Node` interface and the `node` and `nodes` queries: a contact, group, field, import job
 * or webhook refetched by its global id, in the caller's workspace. An id of another workspace, a
 * malformed id and an id of a type that is not a node all answer null, as a missing one does. A
 * bare UUID, as ids were before, is looked up among the types keyed by UUID: how a client maps the
 * ids it stored to global ids.
 */
import { brandWithType } from '@pothos/core';
import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { ValidationError } from '../domain/errors.ts';
import { builder, type AuthedContext } from './builder.ts';
import { asGraphQLError } from './contact-list.ts';
import { ContactRef } from './contact.ts';
import { FieldRef, fieldsByNodeIds } from './field.ts';
import { isUuid, NODE_TYPES, parseGlobalId, type NodeType } from './global-id.ts';
import { GroupRef } from './group.ts';
import { ImportJobRef } from './import-job.ts';
import { selection } from './query.ts';
import { WebhookRef } from './webhook.ts';

/** Most ids one `nodes` call takes. */
const NODES_MAX = 100;

const NodeRef = builder.nodeInterfaceRef();

const REFS = { Contact: ContactRef, Group: GroupRef, Field: FieldRef, ImportJob: ImportJobRef, Webhook: WebhookRef };

/** The nodes of one type that a call names, by their underlying id; those the caller may not see are left out. */
type Loader = (ctx: AuthedContext, info: GraphQLResolveInfo, ids: string[]) => Promise<Map<string, object>>;

/** The Prisma selection the query asks for under the node field, for one type, with the id it is matched by. */
function nodeQuery(ctx: AuthedContext, info: GraphQLResolveInfo, typeName: NodeType): object {
  const query = selection(queryFromInfo({ context: ctx, info, typeName }));
  return query.select ? { ...query, select: { ...query.select, id: true } } : query;
}

const byId = (rows: { id: string }[]) => new Map(rows.map((row) => [row.id, row]));

const LOADERS: Record<NodeType, Loader> = {
  Contact: async (ctx, info, ids) =>
    byId(
      await ctx.db.prisma.contact.findMany({ ...nodeQuery(ctx, info, 'Contact'), where: { workspaceId: ctx.caller.workspaceId, id: { in: ids } } }),
    ),
  Group: async (ctx, info, ids) =>
    byId(await ctx.db.prisma.group.findMany({ ...nodeQuery(ctx, info, 'Group'), where: { workspaceId: ctx.caller.workspaceId, id: { in: ids } } })),
  ImportJob: async (ctx, info, ids) =>
    byId(
      await ctx.db.prisma.importJob.findMany({
        ...nodeQuery(ctx, info, 'ImportJob'),
        where: { workspaceId: ctx.caller.workspaceId, id: { in: ids } },
      }),
    ),
  // Webhooks are an ADMIN key's business, as the `webhooks` query is: to other keys they do not exist.
  Webhook: async (ctx, info, ids) =>
    ctx.caller.scope === 'ADMIN'
      ? byId(
          await ctx.db.prisma.webhook.findMany({
            ...nodeQuery(ctx, info, 'Webhook'),
            where: { workspaceId: ctx.caller.workspaceId, id: { in: ids } },
          }),
        )
      : new Map(),
  Field: (ctx, _info, ids) => fieldsByNodeIds(ctx.db, ctx.caller.workspaceId, ids),
};

/**
 * What an id given to `node` or `nodes` may name: the one type of a global id, or, for a bare UUID
 * (the ids of before), any type keyed by UUID; nothing for anything else.
 */
function candidates(value: string): { types: readonly NodeType[]; id: string } | null {
  const parsed = parseGlobalId(value);
  if (parsed) return { types: [parsed.type], id: parsed.id };
  return isUuid(value) ? { types: NODE_TYPES, id: value.toLowerCase() } : null;
}

/** The nodes of ids, in their order (null where there is none): one query per type named. */
async function loadNodes(ctx: AuthedContext, info: GraphQLResolveInfo, values: readonly (string | number)[]): Promise<(object | null)[]> {
  const wanted = values.map((value) => candidates(String(value)));
  const idsByType = new Map<NodeType, Set<string>>();
  for (const node of wanted) {
    if (!node) continue;
    for (const type of node.types) idsByType.set(type, (idsByType.get(type) ?? new Set()).add(node.id));
  }
  const found = new Map<string, object>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      for (const [id, node] of await LOADERS[type](ctx, info, [...ids])) {
        // The Node interface tells a value's type by this brand.
        brandWithType(node, REFS[type]);
        found.set(`${type}:${id}`, node);
      }
    }),
  );
  return wanted.map((node) => node?.types.map((type) => found.get(`${type}:${node.id}`)).find((value) => value !== undefined) ?? null);
}

builder.queryFields((t) => ({
  node: t.withAuth({ read: true }).field({
    type: NodeRef,
    nullable: true,
    description:
      "A contact, group, field, import job or webhook (ADMIN keys) of the workspace, by its global id; null when the workspace has none (a malformed id, or another workspace's, included). " +
      'The bare UUID a client stored before ids were global finds its node too: select `id` to get the global id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx, info) => (await loadNodes(ctx, info, [args.id]))[0] ?? null,
  }),
  nodes: t.withAuth({ read: true }).field({
    type: [NodeRef],
    nullable: { list: false, items: true },
    description: `Several nodes at once, as \`node\` answers each, in the order of \`ids\`: at most ${NODES_MAX} ids (more is a GraphQL error with code VALIDATION_FAILED).`,
    args: { ids: t.arg.idList({ required: true }) },
    complexity: (args) => ({ field: 1, multiplier: Math.min(args.ids.length, NODES_MAX) }),
    resolve: (_root, args, ctx, info) =>
      asGraphQLError(async () => {
        if (args.ids.length > NODES_MAX)
          throw ValidationError.of(['ids'], 'TOO_MANY_ITEMS', `at most ${NODES_MAX} ids; this request has ${args.ids.length}`, {
            limit: NODES_MAX,
            count: args.ids.length,
          });
        return loadNodes(ctx, info, args.ids);
      }),
  }),
}));
