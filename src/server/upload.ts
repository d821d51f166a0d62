import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { processRequest } from 'graphql-upload-minimal';
import type { FetchAPI, GraphQLParams, Plugin } from 'graphql-yoga';

/** Yoga's own default for request bodies, kept for everything but multipart uploads. */
export const DEFAULT_MAX_REQUEST_BODY_SIZE = 25_000_000;

/** The server context `buildApp` hands Yoga: Node's request and response. */
interface NodeServerContext {
  req?: IncomingMessage;
  res?: ServerResponse;
}

/**
 * Streams GraphQL multipart requests (file uploads) instead of buffering them. For a multipart
 * POST it replaces Yoga's request parser with graphql-upload-minimal's `processRequest` on the
 * underlying Node request, which resolves as soon as the `operations` and `map` parts are read;
 * each file stays on the wire until a resolver reads it from its `Upload` variable
 * (`(await file).createReadStream()`), at most `maxFileSize` bytes, one file per request.
 *
 * Yoga must run with `multipart: false` and `maxRequestBodySize: false`: its multipart parser
 * and its body-size limiter both read the body themselves. This plugin applies the body limit
 * (`maxRequestBodySize`, Yoga's 25 MB by default) to every other request instead.
 *
 * An upload answered before it was read to its end (refused as too large, for a bad line, for a
 * workspace at its import limit, or never read at all) is not read any further: the response
 * says `Connection: close`, and the connection is closed once the response is sent.
 */
export function useStreamingUploads(options: {
  maxFileSize: number;
  maxRequestBodySize?: number | false;
}): Plugin<Record<string, unknown>, NodeServerContext> {
  const { maxFileSize, maxRequestBodySize = DEFAULT_MAX_REQUEST_BODY_SIZE } = options;
  return {
    onRequestParse({ request, serverContext, requestParser, setRequestParser, fetchAPI }) {
      if (request.method === 'POST' && isMultipart(request.headers.get('content-type'))) {
        const { req, res } = serverContext;
        if (!req || !res) throw httpError(415, 'File uploads need a Node.js HTTP request');
        setRequestParser(() => parseMultipart(req, res, maxFileSize));
      } else if (requestParser && maxRequestBodySize !== false) {
        setRequestParser((incoming) => requestParser(limitBody(incoming, maxRequestBodySize, fetchAPI)));
      }
    },
    onResponse({ serverContext }) {
      const { req, res } = serverContext;
      if (req && res && !req.readableEnded && !res.headersSent && isMultipart(req.headers['content-type'])) res.setHeader('Connection', 'close');
    },
  };
}

function isMultipart(contentType: string | null | undefined): boolean {
  return contentType?.toLowerCase().startsWith('multipart/form-data') ?? false;
}

async function parseMultipart(req: IncomingMessage, res: ServerResponse, maxFileSize: number): Promise<GraphQLParams | GraphQLParams[]> {
  // A file no resolver read, or one whose reader gave up (too large, a bad line, disk error),
  // stalls the multipart parser and with it the request. Reading the rest only to discard it would
  // let one client make the server take in any amount: once the response is out, the connection
  // is closed instead (Node does so itself for the `Connection: close` that onResponse set).
  res.once('finish', () => {
    if (!req.readableEnded) req.destroy();
  });
  try {
    return (await processRequest(req, res, { maxFileSize, maxFiles: 1 })) as GraphQLParams | GraphQLParams[];
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    throw httpError(typeof status === 'number' ? status : 400, (error as Error).message);
  }
}

/** Counts the body while it is read; past the limit the read fails with 413. Yoga's limiter, reused. */
function limitBody(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  const length = request.headers.get('content-length');
  if (length !== null && !/^\d+$/.test(length)) throw httpError(400, 'Content-Length header is invalid.');
  if (Number(length) > limit) throw tooLarge();
  if (!request.body) return request;
  let bytes = 0;
  // Node's own ReadableStream only pipes through Node's own TransformStream (graphql-yoga#4583).
  const Transformer: typeof TransformStream = request.body instanceof ReadableStream ? TransformStream : fetchAPI.TransformStream;
  const body = request.body.pipeThrough(
    new Transformer<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    duplex: 'half',
  } as RequestInit);
}

function tooLarge(): GraphQLError {
  return httpError(413, 'Request body too large');
}

function httpError(status: number, message: string): GraphQLError {
  const code = status === 413 ? 'REQUEST_ENTITY_TOO_LARGE' : status === 499 ? 'CLIENT_CLOSED_REQUEST' : 'BAD_REQUEST';
  return new GraphQLError(message, { extensions: { http: { status }, code } });
}
