/**
 * What keeps one GraphQL operation from holding the database or the process: each operation runs
 * on the API's databases in its request's scope (workspace and abort signal, read by their pools),
 * database failures of those pools become typed errors, and documents and variables that nest deeper
 * than any real input are refused before graphql-js, whose parser and input coercion recurse,
 * reads them.
 */
import { GraphQLError, getOperationAST, type ExecutionArgs, type Source } from 'graphql';
import { handleStreamOrSingleExecutionResult, maskError as maskYogaError, type Plugin } from 'graphql-yoga';
import {
  apiDatabaseFailure,
  runInRequestScope,
  ServerBusyError,
  type ApiDatabaseOptions,
  type ApiDatabases,
  type RequestScope,
} from '../db/api-database.ts';
import type { Database } from '../db/client.ts';
import type { Caller } from '../services/api-keys.ts';

/**
 * Deepest nesting of brackets in a document and of objects and lists in variables: a filter at its
 * own nesting limit, inside its input, inside a query, stays well below it.
 */
export const INPUT_MAX_NESTING = 100;

/**
 * Runs every operation of a request with a key on the API's databases, in that request's scope (its
 * workspace and abort signal, read by their pools): a mutation on the one for mutations, whose
 * statements may run longer. The pools' failures in its result become typed errors naming the limit
 * that applied.
 */
export function useRequestScope(api: ApiDatabases): Plugin<{ db: Database }> {
  const scopeOf = (args: ExecutionArgs): RequestScope | undefined => {
    const context = args.contextValue as { caller?: Caller | null; request?: Request } | undefined;
    return context?.caller ? { workspaceId: context.caller.workspaceId, signal: context.request?.signal } : undefined;
  };
  return {
    onExecute({ args, executeFn, setExecuteFn, extendContext }) {
      const scope = scopeOf(args);
      if (!scope) return;
      const mutation = getOperationAST(args.document, args.operationName)?.operation === 'mutation';
      if (mutation) extendContext({ db: api.mutations });
      const timeoutMs = mutation ? api.settings.mutationStatementTimeoutMs : api.settings.statementTimeoutMs;
      setExecuteFn((execution) => runInRequestScope(scope, () => executeFn(execution)));
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            if (!result.errors?.some((error) => apiDatabaseFailure(error))) return;
            setResult({ ...result, errors: result.errors.map((error) => apiFailureError(error, timeoutMs, api.settings) ?? error) });
          }),
      };
    },
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const scope = scopeOf(args);
      if (scope) setSubscribeFn((subscription) => runInRequestScope(scope, () => subscribeFn(subscription)));
    },
  };
}

/**
 * The typed error of a failure of the API's pool found in `error`: a workspace over its share of
 * connections (SERVER_BUSY, HTTP 429), a statement stopped at `timeoutMs` (QUERY_TIMEOUT) and a
 * request that went away (REQUEST_ABORTED). Undefined for any other error.
 */
function apiFailureError(error: unknown, timeoutMs: number, settings: ApiDatabaseOptions): GraphQLError | undefined {
  const failure = apiDatabaseFailure(error);
  if (!failure) return undefined;
  const at = error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
  switch (failure) {
    case 'SERVER_BUSY':
      return new GraphQLError(new ServerBusyError(settings.connectionsPerWorkspace, settings.waitMs).message, {
        ...at,
        extensions: { code: 'SERVER_BUSY', limit: settings.connectionsPerWorkspace, http: { status: 429, headers: { 'retry-after': '1' } } },
      });
    case 'STATEMENT_TIMEOUT':
      return new GraphQLError(
        `The database stopped this request after ${timeoutMs} ms, the most one statement may run: narrow the search or filter, or ask for a smaller page`,
        { ...at, extensions: { code: 'QUERY_TIMEOUT', limit: timeoutMs } },
      );
    case 'REQUEST_ABORTED':
      return new GraphQLError('The request was aborted', { ...at, extensions: { code: 'REQUEST_ABORTED' } });
  }
}

/**
 * Yoga's error masking, with the API pool's failures that reach it outside an operation's result
 * (a subscription's events) told apart as {@link useRequestScope} does, at a query's time limit.
 * Everything else unexpected stays masked.
 */
export function apiErrorMasker(settings: ApiDatabaseOptions) {
  return (error: unknown, message: string, isDev?: boolean): Error =>
    apiFailureError(error, settings.statementTimeoutMs, settings) ?? maskYogaError(error, message, isDev);
}

/** Refuses documents and variables nested deeper than {@link INPUT_MAX_NESTING}. */
export function useInputNesting(): Plugin {
  const tooDeep = (what: string) =>
    new GraphQLError(`${what} nest more than ${INPUT_MAX_NESTING} levels deep`, {
      extensions: { code: 'VALIDATION_FAILED', limit: INPUT_MAX_NESTING, http: { status: 400 } },
    });
  const checkVariables = (args: ExecutionArgs, stop: (result: { errors: GraphQLError[] }) => void) => {
    if (valueNesting(args.variableValues) > INPUT_MAX_NESTING) stop({ errors: [tooDeep('The variables')] });
  };
  return {
    onParse({ params }) {
      const text = typeof params.source === 'string' ? params.source : (params.source as Source).body;
      if (documentNesting(text) > INPUT_MAX_NESTING) throw tooDeep('The brackets of the document');
    },
    onExecute({ args, setResultAndStopExecution }) {
      checkVariables(args, setResultAndStopExecution);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      checkVariables(args, setResultAndStopExecution);
    },
  };
}

/**
 * How deep the brackets `{ [ (` of a GraphQL document nest, outside strings and comments. Read
 * character by character, without recursion, so any text can be measured.
 */
export function documentNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '#') {
      while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++;
    } else if (character === '"') {
      if (text.startsWith('"""', index)) {
        // A block string ends at the first """ that is not escaped as \""".
        for (index += 3; index < text.length && !text.startsWith('"""', index); index++) {
          if (text.startsWith('\\"""', index)) index += 3;
        }
        index += 2;
      } else {
        for (index++; index < text.length && text[index] !== '"' && text[index] !== '\n'; index++) {
          if (text[index] === '\\') index++;
        }
      }
    } else if (character === '{' || character === '[' || character === '(') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (character === '}' || character === ']' || character === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/** How deep objects and lists nest in a JSON-like value, measured without recursion. */
export function valueNesting(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (level > INPUT_MAX_NESTING) return level;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}
