import {
  ConflictError,
  type DomainError,
  InvalidStateError,
  LimitExceededError,
  NotFoundError,
  ValidationError,
  type InputIssue,
} from '../domain/errors.ts';
import { builder } from './builder.ts';

/** What every expected failure shares, so a client can always select `... on Error { message }`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure, returned in a result union instead of a GraphQL error.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
  }),
});

const InputIssueRef = builder.objectRef<InputIssue>('InputIssue').implement({
  description: 'One problem with one part of an input.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Where in the input the problem is, e.g. ["details", "0", "value"].' }),
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
    id: t.exposeID('id', { description: 'The identifier that was not found.' }),
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
