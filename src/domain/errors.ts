import type { ErrorCode, ErrorParams, ParamsOf } from './error-codes.ts';
import type { Err } from './result.ts';

/**
 * Expected failures. Each class is a GraphQL type that implements the `Error` interface, returned
 * in a mutation's or query's result union so clients select `... on Error { code message }` instead of
 * matching on message text. Each carries a stable `code` (error-codes.ts) and the `params` a client
 * needs to word it in its own language. Anything else thrown is unexpected and masked by the server.
 */
export abstract class DomainError extends Error {
  override name = this.constructor.name;

  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly params: ErrorParams,
  ) {
    super(message);
  }
}

/** The thing named does not exist in the caller's workspace (or exists in another one). */
export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(NotFoundError.message(entity, id), 'NOT_FOUND', { entity, id });
  }

  /** The sentence for a thing not found, naming the id as given (the API gives back the id the request sent). */
  static message(entity: string, id: string): string {
    return `${entity} ${id} was not found`;
  }
}

/**
 * One problem with one part of an input. `path` names the input field, e.g. `["details", "0", "value"]`;
 * `code` what is wrong, with its `params` (none when absent).
 */
export interface InputIssue {
  path: string[];
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

/** An issue, its params checked against those its code documents. */
export function issue<C extends ErrorCode>(path: string[], code: C, message: string, params?: ParamsOf<C>): InputIssue {
  return params ? { path, code, message, params: params as ErrorParams } : { path, code, message };
}

/** An issue as JSON answers and GraphQL extensions give it: its params always there, `{}` when none. */
export function issueWithParams(issue: InputIssue): Required<InputIssue> {
  return { ...issue, params: issue.params ?? {} };
}

/** A rejected value (result.ts) as the issue of the input field at `path`. */
export function rejection(path: string[], rejected: Err): InputIssue {
  return rejected.params
    ? { path, code: rejected.code, message: rejected.error, params: rejected.params }
    : { path, code: rejected.code, message: rejected.error };
}

/** The input is malformed or breaks a rule; every problem found is listed with where it is. */
export class ValidationError extends DomainError {
  constructor(readonly issues: InputIssue[]) {
    super(
      issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '),
      'VALIDATION_FAILED',
      {},
    );
  }

  static of<C extends ErrorCode>(path: string[], code: C, message: string, params?: ParamsOf<C>): ValidationError {
    return new ValidationError([issue(path, code, message, params)]);
  }
}

/** The change would collide with something that already exists (a field key, a group name, …). */
export class ConflictError extends DomainError {
  constructor(code: ErrorCode, message: string, params: ErrorParams = {}) {
    super(message, code, params);
  }
}

/** A workspace limit would be exceeded (custom field count, file size, row count, …); `params` holds the limit too. */
export class LimitExceededError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly limit: number,
    params: ErrorParams = {},
  ) {
    super(message, code, { limit, ...params });
  }
}

/** The operation does not fit the current state of its target (e.g. confirming a job not in REVIEW); `params` holds the state too. */
export class InvalidStateError extends DomainError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly state: string,
    params: ErrorParams = {},
  ) {
    super(message, code, { state, ...params });
  }
}
