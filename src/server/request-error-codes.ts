import { GraphQLError, Kind, type ExecutionResult } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';

/**
 * The code of a variable whose value does not fit its declared type (`$first: Int` given "x", a
 * required one missing), as Apollo Server and most clients name it.
 */
export const BAD_USER_INPUT = 'BAD_USER_INPUT';

/**
 * Gives the errors of variables that do not fit their types `extensions.code: "BAD_USER_INPUT"`.
 * graphql-js reports them, before anything runs, as an answer with no `data` and errors that point at
 * the variable's definition; Yoga leaves them without a code, while its parse and validation errors
 * have `GRAPHQL_PARSE_FAILED` and `GRAPHQL_VALIDATION_FAILED`. Their HTTP status follows Yoga's rule
 * for validation errors: 400 to a client that accepts `application/graphql-response+json`, 200 to
 * one that accepts only `application/json`. Over WebSocket they arrive the same, in the operation's
 * result.
 */
export function useRequestErrorCodes(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone: (payload) =>
          handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            const coded = withInputCodes(result);
            if (coded) setResult(coded);
          }),
      };
    },
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const coded = withInputCodes(result);
          if (coded) setResult(coded);
        },
      };
    },
  };
}

/** The result with its variable errors coded, or undefined when it has none to code. */
function withInputCodes(result: ExecutionResult): ExecutionResult | undefined {
  if ('data' in result || !result.errors?.some(isVariableError)) return undefined;
  return { ...result, errors: result.errors.map((error) => (isVariableError(error) ? coded(error) : error)) };
}

/** An error of graphql-js' variable coercion: it points at the variable's definition and has no code yet. */
function isVariableError(error: GraphQLError): boolean {
  return error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION && error.extensions.code === undefined;
}

function coded(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code: BAD_USER_INPUT, http: { spec: true, status: 400 } },
  });
}
