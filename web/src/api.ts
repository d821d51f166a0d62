import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws/client';
import type { TypedDocumentString } from './generated/graphql.ts';

/**
 * The page's three ways to the API, all on its own origin: queries and mutations as JSON POSTs, the
 * upload as a GraphQL multipart request, and the import's progress as a subscription over
 * graphql-ws, or over server-sent events when the WebSocket cannot open (a proxy that drops
 * upgrades). Every request carries the key as a bearer token.
 */

const GRAPHQL_PATH = '/graphql';

/** WebSocket close codes the server uses for a missing or refused key: no other transport would do better. */
const KEY_REFUSED_CLOSE_CODES = [4401, 4403];

/** A failure outside the result unions: the server refused the request, or could not be reached. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: readonly { message: string }[];
}

export async function request<TResult, TVariables>(
  key: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await send({
    headers: { 'content-type': 'application/json', authorization: bearer(key) },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  return readResult(response);
}

/**
 * Sends `input` with `file` in its `file` field, as the GraphQL multipart request spec lays out:
 * the operation with the file's place set to null, the map from the form part to that place, then
 * the file itself, which the server streams to its store as it arrives.
 */
export async function upload<TResult, TInput>(
  key: string,
  document: TypedDocumentString<TResult, { input: TInput }>,
  input: Omit<TInput, 'file'>,
  file: File,
): Promise<TResult> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: document.toString(), variables: { input: { ...input, file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file, file.name);
  // A browser posts a form without asking the server first, so the server wants a multipart POST to
  // carry a header that only a script can add: the CSRF header (the key would do too).
  const response = await send({ headers: { authorization: bearer(key), 'x-graphql-yoga-csrf': 'import-page' }, body: form });
  return readResult(response);
}

async function send(init: { headers: Record<string, string>; body: BodyInit }): Promise<Response> {
  try {
    return await fetch(GRAPHQL_PATH, {
      method: 'POST',
      ...init,
      headers: { accept: 'application/graphql-response+json, application/json', ...init.headers },
    });
  } catch {
    throw new ApiError('The server could not be reached: check the connection and try again');
  }
}

async function readResult<T>(response: Response): Promise<T> {
  let body: GraphQLResponse<T>;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText} without a GraphQL result`, response.status);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((error) => error.message).join('; '), response.status);
  if (!body.data) throw new ApiError(`The server answered ${response.status} without data`, response.status);
  return body.data;
}

function bearer(key: string): string {
  return `Bearer ${key}`;
}

export type Transport = 'WebSocket' | 'server-sent events';

export interface SubscriptionHandlers<T> {
  next(data: T): void;
  /** The subscription failed; no more calls follow. */
  error(message: string): void;
  /** The server ended the subscription. */
  complete?(): void;
  /** Which transport carries the events, once it is known. */
  transport?(transport: Transport): void;
}

/** Subscribes over graphql-ws, falling back to SSE when the socket closes before it was acknowledged. Returns the function that stops it. */
export function subscribe<TResult, TVariables>(
  key: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TResult>,
): () => void {
  const payload = { query: document.toString(), variables: variables as Record<string, unknown> };
  let stop: () => void;
  let stopped = false;
  let connected = false;
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`;
  const ws = createWsClient({
    url: socketUrl,
    connectionParams: { authorization: bearer(key) },
    retryAttempts: 0,
    // A socket that opens but is never acknowledged (a proxy that swallows its frames) counts as one that could not open.
    connectionAckWaitTimeout: 10_000,
    on: {
      connected: () => {
        connected = true;
        handlers.transport?.('WebSocket');
      },
    },
  });
  const unsubscribe = ws.subscribe<TResult>(payload, {
    next: (result) => deliver(result, handlers),
    error: (error) => {
      void ws.dispose();
      if (stopped) return;
      if (!connected && !isKeyRefusal(error)) {
        stop = subscribeOverSse(key, payload, handlers);
        return;
      }
      handlers.error(describe(error));
    },
    complete: () => {
      void ws.dispose();
      handlers.complete?.();
    },
  });
  stop = () => {
    unsubscribe();
    void ws.dispose();
  };
  return () => {
    stopped = true;
    stop();
  };
}

/** Yoga answers a POST that accepts text/event-stream with the subscription's events: graphql-sse's distinct connections mode. */
function subscribeOverSse<TResult>(
  key: string,
  payload: { query: string; variables: Record<string, unknown> },
  handlers: SubscriptionHandlers<TResult>,
) {
  const sse = createSseClient({ url: GRAPHQL_PATH, headers: { authorization: bearer(key) }, retryAttempts: 0 });
  handlers.transport?.('server-sent events');
  const unsubscribe = sse.subscribe<TResult>(payload, {
    next: (result) => deliver(result, handlers),
    error: (error) => {
      sse.dispose();
      handlers.error(describe(error));
    },
    complete: () => {
      sse.dispose();
      handlers.complete?.();
    },
  });
  return () => {
    unsubscribe();
    sse.dispose();
  };
}

function deliver<T>(result: GraphQLResponse<T>, handlers: SubscriptionHandlers<T>): void {
  if (result.errors?.length) handlers.error(result.errors.map((error) => error.message).join('; '));
  else if (result.data) handlers.next(result.data);
}

function isKeyRefusal(error: unknown): boolean {
  return error instanceof CloseEvent && KEY_REFUSED_CLOSE_CODES.includes(error.code);
}

function describe(error: unknown): string {
  if (error instanceof CloseEvent) return error.reason ? `The live connection closed: ${error.reason}` : `The live connection closed (${error.code})`;
  if (Array.isArray(error)) return error.map((item: { message?: string }) => item.message ?? String(item)).join('; ');
  if (error instanceof Error) return error.message;
  return 'The live connection failed';
}
