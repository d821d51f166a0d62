import type { WebSocket } from 'ws';

/**
 * Every way the server closes a WebSocket, with a reason a client can show: the close code, then a
 * reason that starts with a stable short code (`INVALID_API_KEY: The API key is …`) for a program
 * to act on, as several causes share a close code (4403 for a bad key and a key revoked while
 * connected; 4429 for a key's connection limit and a second connection_init).
 */
export interface Close {
  code: number;
  reason: string;
}

/** The closes this server decides itself. */
export const CLOSES = {
  /** connection_init carried no key. */
  missingKey: closeOf(4401, 'MISSING_API_KEY', 'connection_init must carry { "authorization": "Bearer <API key>" }'),
  /** The key is malformed, unknown or revoked. */
  invalidKey: closeOf(4403, 'INVALID_API_KEY', 'The API key is malformed, unknown or revoked'),
  /** The key was revoked while the connection was open (or while it was being checked). */
  keyRevoked: closeOf(4403, 'API_KEY_REVOKED', 'The API key has been revoked'),
  /** The key already holds its limit of connections. */
  tooManyForKey: (max: number) =>
    closeOf(4429, 'TOO_MANY_CONNECTIONS_FOR_KEY', `This API key already has ${max} WebSocket connections open, the most allowed`),
  /** The process already holds its limit of connections (1013: try again later). */
  serverFull: (max: number) => closeOf(1013, 'SERVER_FULL', `This server holds its limit of ${max} WebSocket connections: try again later`),
  /** The process is stopping (1001: going away). */
  shuttingDown: closeOf(1001, 'SERVER_SHUTTING_DOWN', 'The server is stopping: connect again'),
} as const;

/** What the protocol closes name: the limits of live-limits.ts they apply. */
export interface ProtocolLimits {
  connectionInitWaitMs: number;
  maxMessageBytes: number;
}

/**
 * The closes graphql-ws and ws decide by themselves, by code, named in the same way. graphql-ws's
 * own texts say little ("Forbidden"), an internal error's would carry the error's message, and ws
 * gives none.
 */
function protocolClose(code: number, limits: ProtocolLimits): string | undefined {
  switch (code) {
    case 1002:
      return 'PROTOCOL_ERROR: A frame broke the WebSocket protocol';
    case 1009:
      return `MESSAGE_TOO_LARGE: A message was larger than ${limits.maxMessageBytes} bytes`;
    case 4400:
      return 'BAD_MESSAGE: A message was not a graphql-transport-ws message';
    case 4401:
      return 'NOT_ACKNOWLEDGED: subscribe was sent before connection_ack';
    case 4403:
      return CLOSES.invalidKey.reason;
    case 4406:
      return 'UNSUPPORTED_SUBPROTOCOL: Connect with the graphql-transport-ws subprotocol';
    case 4408:
      return `CONNECTION_INIT_TIMEOUT: No connection_init came within ${limits.connectionInitWaitMs} ms of opening`;
    case 4409:
      return 'DUPLICATE_OPERATION_ID: An operation with this id is already running on this connection';
    case 4429:
      return 'DUPLICATE_CONNECTION_INIT: connection_init was sent twice';
    case 4500:
      return 'INTERNAL_ERROR: Internal server error';
    default:
      return undefined;
  }
}

const CODED_REASON = /^[A-Z][A-Z_]+: /;

/**
 * Makes the closes graphql-ws and ws decide for this socket carry a coded reason too: they call the
 * socket's `close` with texts of their own, so that method is wrapped on this one socket, before
 * graphql-ws sees it. Closes that already carry a coded reason pass unchanged, as do codes of no
 * known cause (such as the echo of a client's own close).
 */
export function codeProtocolCloses(socket: WebSocket, limits: ProtocolLimits): void {
  const close = socket.close.bind(socket);
  socket.close = (code?: number, reason?: string | Buffer) => {
    const coded = code === undefined ? undefined : protocolClose(code, limits);
    if (coded === undefined || CODED_REASON.test(reason === undefined ? '' : String(reason))) return close(code, reason);
    return close(code, coded);
  };
}

/** A close with its coded reason; every text here stays within a close frame's 123 bytes (a test checks them). */
function closeOf(code: number, reasonCode: string, text: string): Close {
  return { code, reason: `${reasonCode}: ${text}` };
}
