import {
  ConflictError,
  type DomainError,
  InvalidStateError,
  LimitExceededError,
  NotFoundError,
  ValidationError,
  type InputIssue,
} from '../domain/errors.ts';
import { describeErrorCode, ERROR_CODE_NAMES } from '../domain/error-codes.ts';
import { builder } from './builder.ts';
import { sentId } from './global-id.ts';

/** The codes of src/domain/error-codes.ts, each described there. */
export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description:
    'What went wrong, stable for a client to branch on and translate; the `params` next to it hold the values its wording needs. Codes are added, never renamed.',
  values: Object.fromEntries(ERROR_CODE_NAMES.map((code) => [code, { value: code, description: describeErrorCode(code) }])),
});

/**
 * The NotFoundError among errors, by its code: resolvers get the errors plugin's proxy of an error,
 * which `instanceof` does not see through.
 */
function asNotFound(error: DomainError): NotFoundError | null {
  return error.code === 'NOT_FOUND' ? (error as NotFoundError) : null;
}

/** What every expected failure shares, so a client can always select `... on Error { code params message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure, returned in a result union instead of a GraphQL error.',
  fields: (t) => ({
    code: t.expose('code', { type: ErrorCodeEnum, description: 'What went wrong, for programs: see the ErrorCode values.' }),
    params: t.field({
      type: 'JSON',
      description: "The values the code's wording needs, as an object (the ErrorCode value says which); {} when none.",
      // A missing thing is named by the id the request sent, as NotFoundError.id is.
      resolve: (error, _args, ctx) => {
        const notFound = asNotFound(error);
        return notFound ? { ...notFound.params, id: sentId(ctx, notFound.entity, notFound.id) } : error.params;
      },
    }),
    message: t.string({
      description: 'What went wrong, for people.',
      resolve: (error, _args, ctx) => {
        const notFound = asNotFound(error);
        return notFound ? NotFoundError.message(notFound.entity, sentId(ctx, notFound.entity, notFound.id)) : error.message;
      },
    }),
  }),
});

const InputIssueRef = builder.objectRef<InputIssue>('InputIssue').implement({
  description: 'One problem with one part of an input.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Where in the input the problem is, e.g. ["details", "0", "value"].' }),
    code: t.expose('code', { type: ErrorCodeEnum, description: 'What is wrong, for programs: see the ErrorCode values.' }),
    params: t.field({
      type: 'JSON',
      description: "The values the code's wording needs, as an object; {} when none.",
      resolve: (issue) => issue.params ?? {},
    }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is malformed or breaks a rule; every problem found is listed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [InputIssueRef], resolve: (error) => error.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The thing named does not exist in this workspace.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'What kind of thing was looked for.' }),
    id: t.id({
      description: 'The identifier that was not found, as the request gave it (a global id, or a bare UUID some inputs still take).',
      resolve: (error, _args, ctx) => sentId(ctx, error.entity, error.id),
    }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change collides with something that already exists.',
  interfaces: [ErrorInterface],
});

builder.objectType(LimitExceededError, {
  name: 'LimitExceededError',
  description: 'A workspace limit would be exceeded.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'The limit in force.' }),
  }),
});

builder.objectType(InvalidStateError, {
  name: 'InvalidStateError',
  description: 'The operation does not fit the current state of its target.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    state: t.exposeString('state', { description: 'The state the target is in.' }),
  }),
});
