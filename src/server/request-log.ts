import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, type DocumentNode, type ExecutionArgs, type OperationTypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { WebSocket } from 'ws';
import { errorFields, type Logger } from '../db/logger.ts';
import type { Caller } from '../services/api-keys.ts';

/**
 * The logs of the API's traffic. Every HTTP request gets an id (the client's `x-request-id` when it
 * is a sane one, else a new one), sent back in the same header and carried by every line logged
 * while the request runs; when it ends, one line says what it was: method, path (never the query
 * string, where export URLs carry their request), status, duration, the caller's workspace and key
 * ids, and the GraphQL operation's name and type. A WebSocket connection gets an id the same way, a
 * line when it opens and when it closes, and a line when each operation starts and completes.
 * GraphQL variables, keys and query strings are never logged.
 */

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id taken from the client: short, and nothing a log reader could mistake for structure. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;
/** Operation names as GraphQL spells them (a client could send any text as `operationName`). */
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const PATH_MAX_LENGTH = 256;

/** The client's request id when it is sane, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** What the completion line of a request says besides method, path, status and duration. */
interface RequestFacts {
  workspaceId?: string;
  keyId?: string;
  operationName?: string;
  operationType?: OperationTypeNode;
}

export interface RequestLog {
  /** The child logger whose lines carry the request id. */
  readonly logger: Logger;
  readonly facts: RequestFacts;
}

const requests = new WeakMap<IncomingMessage, RequestLog>();
/** The logger of the request (or WebSocket operation) running now: where the lines Yoga logs go. */
const activeLogger = new AsyncLocalStorage<Logger>();

/** The log of a request `loggedRequests` handles. */
export function requestLog(req: IncomingMessage): RequestLog {
  const log = requests.get(req);
  if (!log) throw new Error('the request was not started by loggedRequests');
  return log;
}

/** The caller's ids, for a completion line: the workspace and the key's id, never the key. */
export function callerFacts(caller: Caller | null | undefined): RequestFacts {
  return caller ? { workspaceId: caller.workspaceId, keyId: caller.keyId } : {};
}

/** Wraps the server's request handler: the request id, its header, the request's logger and its completion line. */
export function loggedRequests(logger: Logger, handle: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, id);
    const log: RequestLog = { logger: logger.child({ requestId: id }), facts: {} };
    requests.set(req, log);
    const started = performance.now();
    res.once('close', () => {
      const line = {
        method: req.method,
        path: (req.url ?? '/').split('?')[0]!.slice(0, PATH_MAX_LENGTH),
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
        ...log.facts,
        // The client went away before the whole answer was sent.
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (res.statusCode >= 500) log.logger.error(line, 'request completed');
      else log.logger.info(line, 'request completed');
    });
    activeLogger.run(log.logger, () => handle(req, res));
  };
}

/**
 * The Yoga plugin that gives a GraphQL request's completion line its operation (name and type)
 * and its caller. Only what the document and the key say: never the variables.
 */
export function useRequestLog(): Plugin {
  const logOf = (context: unknown) => {
    const req = (context as { req?: IncomingMessage } | undefined)?.req;
    return req && requests.get(req);
  };
  const noteCaller = (args: ExecutionArgs) => {
    const log = logOf(args.contextValue);
    if (log) Object.assign(log.facts, callerFacts((args.contextValue as { caller?: Caller | null }).caller));
  };
  return {
    // The name the client gave, should the document not parse.
    onParams({ params, context }) {
      const log = logOf(context);
      if (log && params.operationName && OPERATION_NAME.test(params.operationName)) log.facts.operationName = params.operationName;
    },
    // The operation the document holds, known before the key is checked: a refused request says which it was too.
    onParse({ context }) {
      return ({ result }) => {
        const log = logOf(context);
        if (!log || !result || result instanceof Error) return;
        const operation = getOperationAST(result as DocumentNode, (context as { params?: { operationName?: string } }).params?.operationName);
        if (!operation) return;
        log.facts.operationType = operation.operation;
        if (operation.name) log.facts.operationName = operation.name.value;
      };
    },
    onExecute({ args }) {
      noteCaller(args);
    },
    onSubscribe({ args }) {
      noteCaller(args);
    },
  };
}

/**
 * Yoga's own log lines (unexpected errors, debug traces), through the logger of the request they
 * happen in: an unexpected error is logged as its class, code, message without quoted values, and
 * stack.
 */
export function yogaLogging(logger: Logger) {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const current = activeLogger.getStore() ?? logger;
      const error = args.find((arg) => arg instanceof Error);
      if (error) current[level]({ err: errorFields(error) }, 'unexpected error');
      else current[level](args.filter((arg) => typeof arg === 'string').join(' '));
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

interface ConnectionLog {
  /** Once its key is accepted, a child naming the caller. */
  logger: Logger;
  readonly operations: Map<string, { name?: string; type?: OperationTypeNode; started: number }>;
}

const upgradeIds = new WeakMap<IncomingMessage, string>();
const connections = new WeakMap<WebSocket, ConnectionLog>();

/** The id of a WebSocket connection, chosen when its upgrade is answered (and sent back in its header). */
export function connectionIdOf(request: IncomingMessage): string {
  let id = upgradeIds.get(request);
  if (!id) {
    id = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    upgradeIds.set(request, id);
  }
  return id;
}

/** Logs a WebSocket connection's opening now and its closing when it comes. */
export function logConnection(logger: Logger, socket: WebSocket, request: IncomingMessage): void {
  const id = connectionIdOf(request);
  const log: ConnectionLog = { logger: logger.child({ connectionId: id }), operations: new Map() };
  connections.set(socket, log);
  const started = performance.now();
  log.logger.info({ path: (request.url ?? '/').split('?')[0]!.slice(0, PATH_MAX_LENGTH) }, 'websocket connected');
  socket.once('close', (code: number) => {
    log.logger.info({ code, durationMs: Math.round(performance.now() - started) }, 'websocket closed');
  });
}

/** The logger of a WebSocket connection, whose lines carry its id (and, once known, its caller's ids). */
export function connectionLogger(socket: WebSocket): Logger | undefined {
  return connections.get(socket)?.logger;
}

/** The connection's key was accepted: its lines from now on, and its closing line, name the caller. */
export function noteConnectionCaller(socket: WebSocket, caller: Caller): void {
  const log = connections.get(socket);
  if (log) log.logger = log.logger.child(callerFacts(caller));
}

/** A subscribe message for operation `operationId`, its document read and valid: a line, and its start kept for the completion line. */
export function operationStarted(
  socket: WebSocket,
  operationId: string,
  args: Pick<ExecutionArgs, 'document' | 'operationName'>,
): Logger | undefined {
  const log = connections.get(socket);
  if (!log) return undefined;
  const operation = getOperationAST(args.document, args.operationName);
  const facts = { name: operation?.name?.value, type: operation?.operation };
  log.operations.set(operationId, { ...facts, started: performance.now() });
  const logger = log.logger.child(saneOperationId(operationId));
  logger.info({ operationName: facts.name, operationType: facts.type }, 'websocket operation started');
  return logger;
}

/** A subscribe message refused before it ran (a document that does not parse or is not valid). */
export function operationRefused(socket: WebSocket, operationId: string, errors: number): void {
  connections.get(socket)?.logger.info({ ...saneOperationId(operationId), errors }, 'websocket operation refused');
}

/** The operation has completed (its result sent, its subscription ended or cancelled). */
export function operationCompleted(socket: WebSocket, operationId: string): void {
  const log = connections.get(socket);
  const operation = log?.operations.get(operationId);
  if (!log || !operation) return;
  log.operations.delete(operationId);
  log.logger.info(
    {
      ...saneOperationId(operationId),
      operationName: operation.name,
      operationType: operation.type,
      durationMs: Math.round(performance.now() - operation.started),
    },
    'websocket operation completed',
  );
}

/** Runs `work` with `logger` as the active one, so that what Yoga logs during it carries its ids. */
export function withActiveLogger<T>(logger: Logger | undefined, work: () => T): T {
  return logger ? activeLogger.run(logger, work) : work();
}

/** Operation ids are the client's choice: logged only when they look like ids. */
function saneOperationId(operationId: string): { operationId?: string } {
  return SANE_REQUEST_ID.test(operationId) ? { operationId } : {};
}
