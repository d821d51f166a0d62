import { GraphQLError } from 'graphql';
import type { ImportJob } from '../generated/prisma/client.ts';
import { DomainError } from '../domain/errors.ts';
import type { Context } from './builder.ts';
import { domainGraphQLError } from './contact-list.ts';
import { decodeId } from './global-id.ts';

/**
 * The stream of `contactImportProgress`: the job's states from the process's shared watch of it
 * (see `JobEvents.follow`), opened by the subscription's first read.
 */
export function importProgress(ctx: Context & { caller: { workspaceId: string } }, rawJobId: string): AsyncIterableIterator<ImportJob> {
  return openOnFirstRead(() => jobUpdates(ctx, rawJobId));
}

/**
 * A stream opened by its first `next()`, so that a job that cannot be followed fails the stream
 * itself (graphql-ws sends that as the operation's `error`). `return()` ends it at once, opened or not.
 */
function openOnFirstRead<T>(open: () => Promise<AsyncIterator<T>>): AsyncIterableIterator<T> {
  let opening: Promise<AsyncIterator<T>> | undefined;
  let closed = false;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (closed) return { value: undefined, done: true };
      opening ??= open();
      const stream = await opening;
      if (closed) return { value: undefined, done: true };
      return stream.next();
    },
    async return() {
      closed = true;
      opening?.then((stream) => stream.return?.()).catch(() => {});
      return { value: undefined, done: true };
    },
  };
}

async function jobUpdates(ctx: Context & { caller: { workspaceId: string } }, rawId: string): Promise<AsyncIterator<ImportJob>> {
  // A subscription has no result union: its expected failures are GraphQL errors with a code.
  let id: string;
  try {
    id = decodeId(ctx, 'ImportJob', rawId, ['jobId']);
  } catch (error) {
    if (error instanceof DomainError) throw domainGraphQLError(error);
    throw error;
  }
  const { workspaceId } = ctx.caller;
  const updates = await ctx.events.follow({
    workspaceId,
    jobId: id,
    load: () => ctx.db.prisma.importJob.findUnique({ where: { workspaceId_id: { workspaceId, id } } }),
  });
  if (!updates) {
    throw new GraphQLError(`ImportJob ${rawId} was not found`, { extensions: { code: 'NOT_FOUND', params: { entity: 'ImportJob', id: rawId } } });
  }
  return updates;
}
