/**
 * Expected failures. Each class is a GraphQL type that implements the `Error` interface, returned
 * in a mutation's or query's result union so clients select `... on Error { message }` instead of
 * matching on message text. Anything else thrown is unexpected and masked by the server.
 */
export abstract class DomainError extends Error {
  override name = this.constructor.name;
}

/** The thing named does not exist in the caller's workspace (or exists in another one). */
export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

/** One problem with one part of an input. `path` names the input field, e.g. `["details", "0", "value"]`. */
export interface InputIssue {
  path: string[];
  message: string;
}

/** The input is malformed or breaks a rule; every problem found is listed with where it is. */
export class ValidationError extends DomainError {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; '));
  }

  static of(path: string[], message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

/** The change would collide with something that already exists (a field key, a group name, …). */
export class ConflictError extends DomainError {}

/** A workspace limit would be exceeded (custom field count, file size, row count, …). */
export class LimitExceededError extends DomainError {
  constructor(
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

/** The operation does not fit the current state of its target (e.g. confirming a job not in REVIEW). */
export class InvalidStateError extends DomainError {
  constructor(
    message: string,
    readonly state: string,
  ) {
    super(message);
  }
}
