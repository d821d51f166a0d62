/**
 * What the contact list and a group's member list share: turning a keyset page of ids into a Relay
 * connection of contacts loaded with one Prisma query per relation the client selected, and
 * reporting bad input on a field that must keep its connection type.
 */
import { queryFromInfo } from '@pothos/plugin-prisma';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { DomainError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Contact } from '../generated/prisma/client.ts';
import type { ContactPage } from '../services/contact-query.ts';
import type { AuthedContext } from './builder.ts';

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

/** A Relay connection of a page and its loaded contacts, with a lazily counted total. */
export function connectionOf(page: ContactPage, contacts: readonly Contact[]) {
  const cursors = new Map(page.rows.map((row) => [row.id, row.cursor]));
  const edges = contacts.map((node) => ({ cursor: cursors.get(node.id)!, node }));
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

const CODES = new Map<abstract new (...args: never[]) => DomainError, string>([
  [ValidationError, 'VALIDATION_FAILED'],
  [NotFoundError, 'NOT_FOUND'],
]);

/**
 * Runs a resolver of a field whose type stays a plain connection (clients rely on `contacts` being
 * one, SPEC §7), so an expected failure cannot be a result union there: it becomes a GraphQL error
 * with a code and, for a ValidationError, the issues with their paths.
 */
export async function asGraphQLError<T>(resolve: () => Promise<T>): Promise<T> {
  try {
    return await resolve();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const code = [...CODES].find(([type]) => error instanceof type)?.[1] ?? 'BAD_REQUEST';
    throw new GraphQLError(error.message, {
      extensions: { code, ...(error instanceof ValidationError && { issues: error.issues }) },
    });
  }
}
