/**
 * What one GraphQL operation may ask of the server, checked before it runs, over HTTP, SSE and
 * WebSocket alike (graphql-ws goes through Yoga's envelope too): its length in tokens while it is
 * parsed; its aliases and directives with the other validation rules; then, once the variables and
 * the caller are known, its depth and cost (each field's cost is declared in the schema, see
 * schema/query-cost.ts) and, for a caller without a key, no introspection. Each refusal is a
 * GraphQL error whose `extensions` give the `code` and the `limit`.
 */
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  validate,
  visit,
  BREAK,
  type ASTVisitor,
  type DocumentNode,
  type ExecutionArgs,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { authenticationRequired } from '../schema/builder.ts';
import type { Caller } from '../services/api-keys.ts';

/**
 * The most an operation may cost. The largest page of contacts (500) with their names, tags, custom
 * fields, details and groups costs about 45,000; 100 contacts with the first 500 members of each of
 * their groups about 6,500,000.
 */
export const MAX_QUERY_COST = 50_000;

/** The deepest selection: `contacts { edges { node { details { channels { status } } } } }` is 6. */
export const MAX_QUERY_DEPTH = 10;

/** Aliases in one document: enough to read a few lists side by side, not to repeat one field at will. */
export const MAX_ALIASES = 15;

/** Directives (`@include`, `@skip`) in one document. */
export const MAX_DIRECTIVES = 50;

/**
 * Tokens (names, punctuation, values) in one document: about ten times GraphiQL's introspection
 * query, and few enough that graphql-js validates any document of this length in well under a second.
 */
export const MAX_TOKENS = 2_000;

/** Applies the limits above to every operation the Yoga server (and graphql-ws through it) runs. */
export function useOperationLimits(): Plugin {
  const check = (args: ExecutionArgs, stop: (result: { errors: GraphQLError[] }) => void) => {
    const errors = operationErrors(args);
    if (errors.length > 0) stop({ errors });
  };
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        refuseTooManyTokens(source);
        return parseFn(source, options);
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(aliasLimit);
      addValidationRule(directiveLimit);
    },
    onExecute({ args, setResultAndStopExecution }) {
      check(args, setResultAndStopExecution);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      check(args, setResultAndStopExecution);
    },
  };
}

/** Reads the tokens ahead of the parser, which builds its whole tree before anything else can count. */
function refuseTooManyTokens(source: string | Source): void {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source);
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > MAX_TOKENS) break;
    }
  } catch {
    // A lexical error: the parser reports it, with its position.
    return;
  }
  if (tokens > MAX_TOKENS) {
    throw limitError(
      `The document has more than ${formatted(MAX_TOKENS)} tokens, the limit: send a shorter operation`,
      'TOO_MANY_TOKENS',
      MAX_TOKENS,
    );
  }
}

/** A validation rule: at most MAX_ALIASES aliases in the document. */
function aliasLimit(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias) aliases++;
    },
    Document: {
      leave() {
        if (aliases > MAX_ALIASES) {
          context.reportError(
            limitError(
              `The document has ${formatted(aliases)} aliases, more than the limit of ${formatted(MAX_ALIASES)}`,
              'TOO_MANY_ALIASES',
              MAX_ALIASES,
            ),
          );
        }
      },
    },
  };
}

/** A validation rule: at most MAX_DIRECTIVES directives in the document. */
function directiveLimit(context: ValidationContext): ASTVisitor {
  let directives = 0;
  return {
    Directive() {
      directives++;
    },
    Document: {
      leave() {
        if (directives > MAX_DIRECTIVES) {
          context.reportError(
            limitError(
              `The document has ${formatted(directives)} directives, more than the limit of ${formatted(MAX_DIRECTIVES)}`,
              'TOO_MANY_DIRECTIVES',
              MAX_DIRECTIVES,
            ),
          );
        }
      },
    },
  };
}

/**
 * Why the operation about to run is refused, if it is: introspection without a key, then depth and
 * cost, measured on the operation being run with its variables (a page size may be one).
 */
function operationErrors(args: ExecutionArgs): GraphQLError[] {
  const caller = (args.contextValue as { caller?: Caller | null } | undefined)?.caller;
  if (!caller && asksForSchema(args.document)) return [authenticationRequired()];
  return [
    ...validate(args.schema, args.document, [
      createComplexityRule({
        context: (args.contextValue ?? {}) as object,
        variableValues: (args.variableValues ?? {}) as Record<string, unknown>,
        operationName: args.operationName,
        validate: ({ complexity, depth }, report) => {
          if (depth > MAX_QUERY_DEPTH) {
            report(
              limitError(
                `Query depth ${formatted(depth)} exceeds the limit of ${formatted(MAX_QUERY_DEPTH)}: select less deeply nested fields`,
                'QUERY_TOO_DEEP',
                MAX_QUERY_DEPTH,
              ),
            );
          } else if (complexity > MAX_QUERY_COST) {
            report(
              limitError(
                `Query cost ${formatted(complexity)} exceeds the limit of ${formatted(MAX_QUERY_COST)}: ask for smaller pages (first) or fewer nested lists`,
                'QUERY_TOO_COMPLEX',
                MAX_QUERY_COST,
                { cost: complexity },
              ),
            );
          }
        },
      }),
    ]),
  ];
}

/** Whether the document selects `__schema` or `__type` anywhere (`__typename` is not introspection of the schema). */
function asksForSchema(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function limitError(message: string, code: string, limit: number, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, limit, ...details, http: { status: 400 } } });
}

function formatted(value: number): string {
  return value.toLocaleString('en');
}
