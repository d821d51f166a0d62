import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { OperatorLimits } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../db/logger.ts';
import type { FileStore } from '../files/file-store.ts';
import type { JobEvents } from '../db/job-events.ts';
import type { Caller } from '../services/api-keys.ts';
import type { WebhookSettings } from '../services/webhooks.ts';
import type { DownloadUrl } from './download-links.ts';
import { uploadScalarConfig, type FileUpload } from './upload-scalar.ts';
import InputLimitsPlugin, { CURSOR_MAX_LENGTH, textLimit } from './input-limits.ts';
import { EDGES_COST, fieldCost } from './query-cost.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { ApiKeyScope } from '../generated/prisma/enums.ts';

export interface Context {
  db: Database;
  files: FileStore;
  events: JobEvents;
  /**
   * The base of the download URLs the server hands out: PUBLIC_URL when set, else the request's
   * origin (e.g. `http://127.0.0.1:4000`).
   */
  origin: string;
  /** The signed URL of a download path for the caller: a GET of it needs no Authorization header until it expires. */
  downloadUrl: DownloadUrl;
  /** The operator's ceilings on uploads, imports and workspace settings. */
  limits: OperatorLimits;
  /** The key sealing webhook secrets and the policy on webhook URLs. */
  webhooks: WebhookSettings;
  /** Null for a request without a key: only `__typename` answers it. */
  caller: Caller | null;
  /** The request's logger: its lines carry the request id (over WebSocket, the connection's and the operation's). */
  log: Logger;
}

/** The context of a request known to carry a key (every field behind an auth scope). */
export type AuthedContext = Context & { caller: Caller };

const SCOPE_RANK: Record<ApiKeyScope, number> = { READ: 1, WRITE: 2, ADMIN: 3 };

/**
 * The builder: plugins, scalars and context. It defines no types; each area of the schema lives in
 * its own file. The Prisma client comes from the context's database, because one process can host
 * several apps on different databases (the tests do).
 */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthContexts: { read: AuthedContext; write: AuthedContext; admin: AuthedContext };
  AuthScopes: { read: boolean; write: boolean; admin: boolean };
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    Upload: { Input: Promise<FileUpload>; Output: never };
  };
}>({
  // InputLimitsPlugin last: it wraps resolvers innermost, so the errors plugin turns its ValidationError into a union member.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin, ComplexityPlugin, InputLimitsPlugin],
  defaultFieldNullability: false,
  // Each field's cost lives in the schema, where the field and its page-size arguments are
  // (query-cost.ts): that is why the cost limit uses Pothos' complexity plugin rather than
  // graphql-armor, whose cost limit prices every object alike and cannot read `first`. The limits
  // themselves are checked before an operation runs, on every transport (server/operation-limits.ts).
  complexity: { fieldComplexity: fieldCost },
  scopeAuth: {
    // Subscriptions check their scopes when they start, as queries do when they run.
    authorizeOnSubscribe: true,
    authScopes: (context) => {
      const rank = context.caller ? SCOPE_RANK[context.caller.scope] : 0;
      return { read: rank >= SCOPE_RANK.READ, write: rank >= SCOPE_RANK.WRITE, admin: rank >= SCOPE_RANK.ADMIN };
    },
    unauthorizedError: (_parent, context, info, result) => {
      if (!context.caller) return authenticationRequired();
      return new GraphQLError(`${info.parentType.name}.${info.fieldName} is not allowed with a ${context.caller.scope} key: ${result.message}`, {
        extensions: { code: 'FORBIDDEN' },
      });
    },
  },
  errors: {
    directResult: true,
    defaultUnionOptions: {
      name: ({ fieldName }) => `${fieldName.charAt(0).toUpperCase()}${fieldName.slice(1)}Result`,
    },
  },
  prisma: {
    client: (context) => context.db.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'test' ? 'error' : null,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    beforeArgOptions: { extensions: textLimit(CURSOR_MAX_LENGTH) },
    afterArgOptions: { extensions: textLimit(CURSOR_MAX_LENGTH) },
    // The node and nodes queries are node.ts's own: they answer null for another workspace's id and load in batches.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodeTypeOptions: {
      description: 'An object with a global id: refetch it with `node(id:)`. Contacts, groups, fields, import jobs and webhooks are nodes.',
    },
    edgesFieldOptions: { complexity: EDGES_COST },
  },
});

/** The answer to a request without a key that asks for more than `__typename`. */
export function authenticationRequired(): GraphQLError {
  return new GraphQLError('Authentication required: send the header "Authorization: Bearer <API key>"', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('DateTime', {
  description: 'A point in time, as an ISO 8601 string with a time zone.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
    return date;
  },
});

builder.scalarType('JSON', {
  description: 'A JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('Upload', uploadScalarConfig);

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items the whole connection holds, across all pages.',
    resolve: (parent) => {
      const { totalCount } = parent as { totalCount?: number | (() => number | Promise<number>) };
      return typeof totalCount === 'function' ? totalCount() : (totalCount ?? 0);
    },
  }),
);
