/**
 * What the contact list and a group's member list share: turning a keyset page of ids into a Relay
 * connection of contacts loaded with one Prisma query per relation the client selected, and
 * reporting bad input on a field that must keep its connection type. Also the batched loading of
 * the contacts that items of other lists point to (duplicates, an audience's excluded recipients).
 */
import { queryFromInfo } from '@pothos/plugin-prisma';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { DomainError, issueWithParams, ValidationError } from '../domain/errors.ts';
import type { Contact } from '../generated/prisma/client.ts';
import type { KeysetPage } from '../services/contact-query.ts';
import type { AuthedContext, Context } from './builder.ts';
import { requestLoader } from './loader.ts';
import { selection } from './query.ts';

/**
 * The contacts of a page with everything the query selects under `edges.node`, in page order.
 * Details, tags and groups come from one query each, whatever the page size.
 */
export async function contactsByIds(ctx: AuthedContext, info: GraphQLResolveInfo, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const query = queryFromInfo({ context: ctx, info, typeName: 'Contact', path: ['edges', 'node'] });
  const contacts = await ctx.db.prisma.contact.findMany({ ...query, where: { workspaceId: ctx.caller.workspaceId, id: { in: [...ids] } } });
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  // A contact deleted between the page and this read is left out rather than shown as null.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The contacts that the items of a page point to, batched into one query per distinct selection.
 * Keys carry the Prisma selection as well as the id, because two selections of one field in a
 * request (aliases) may ask for different columns.
 */
const contactsBySelection = requestLoader<Context, string, Contact>(async (ctx, keys) => {
  const bySelection = new Map<string, string[]>();
  for (const key of keys) {
    const [shape, id] = key.split('\n') as [string, string];
    bySelection.set(shape, [...(bySelection.get(shape) ?? []), id]);
  }
  const found = new Map<string, Contact>();
  for (const [shape, ids] of bySelection) {
    const contacts = await ctx.db.prisma.contact.findMany({ ...JSON.parse(shape), where: { workspaceId: ctx.caller!.workspaceId, id: { in: ids } } });
    for (const contact of contacts) found.set(`${shape}\n${contact.id}`, contact);
  }
  return found;
});

/**
 * The caller's contact `id` with the Prisma selection `query` of the field resolving it, loaded
 * together with the other contacts the same request asks for; null when `id` is null or the
 * workspace has no such contact. The selection is read either way, as a Prisma field must.
 */
export async function contactBySelection(ctx: Context, query: { select?: object }, id: string | null): Promise<Contact | null> {
  const shape = JSON.stringify(selection(query));
  return id === null ? null : ((await contactsBySelection(ctx, `${shape}\n${id}`)) ?? null);
}

/** A Relay connection of a keyset page (of contacts, of groups) and its loaded nodes, with a lazily counted total. */
export function connectionOf<Node extends { id: string }>(page: KeysetPage, nodes: readonly Node[]) {
  const cursors = new Map(page.rows.map((row) => [row.id, row.cursor]));
  const edges = nodes.map((node) => ({ cursor: cursors.get(node.id)!, node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.rows[0]?.cursor ?? null,
      endCursor: page.rows[page.rows.length - 1]?.cursor ?? null,
    },
    totalCount: page.totalCount,
  };
}

/**
 * Runs a resolver of a field whose type stays a plain connection (clients rely on `contacts` being
 * one), so an expected failure cannot be a result union there: it becomes a GraphQL error, see
 * {@link domainGraphQLError}.
 */
export async function asGraphQLError<T>(resolve: () => Promise<T>): Promise<T> {
  try {
    return await resolve();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw domainGraphQLError(error);
  }
}

/**
 * An expected failure where the field has no result union: a GraphQL error with the failure's code
 * and params in its extensions (VALIDATION_FAILED, NOT_FOUND, …, the ErrorCode values) and, for a
 * ValidationError, the issues with their paths and codes.
 */
export function domainGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, params: error.params, ...(error instanceof ValidationError && { issues: error.issues.map(issueWithParams) }) },
  });
}
