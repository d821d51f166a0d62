import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/client.ts';
import { errorFields, type Logger } from '../db/logger.ts';
import { readAudienceRequestJson } from '../domain/audience.ts';
import { DomainError, issueWithParams, LimitExceededError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Caller } from '../services/api-keys.ts';
import { prepareAudience, writeAudienceRecipientsCsv, type PreparedAudience } from '../services/audience.ts';
import type { DownloadSlots } from './download-slots.ts';
import { EXPORT_STALL_TIMEOUT_MS } from './export.ts';
import { AUDIENCE_REQUEST_MAX_BYTES } from '../schema/download-links.ts';
import { bareIdOr, sentId } from '../schema/global-id.ts';

/**
 * POST of an audience (the fields of the GraphQL `AudienceInput`, as JSON) with the bearer key:
 * every sendable address as a CSV file (`address,contactId`, the product's CSV layout), in address
 * order, the `addresses` pages of the `audience` query one after another. The request is checked
 * as the query checks it, in the key's workspace: a group of another workspace is not found.
 * Expected failures are answered before the file starts, as JSON `{ error, type, … }` (`type`
 * names the error as the GraphQL schema does, with its `issues`, `entity`/`id` or `limit`). The
 * file is written as the database produces it; a failure after it has started can only cut it
 * short: the response is destroyed, so the client sees an incomplete download rather than a file
 * that looks whole.
 */
export async function serveAudienceRecipients(options: {
  db: Database;
  req: IncomingMessage;
  res: ServerResponse;
  caller: (authorization: string | undefined) => Promise<Caller | null>;
  downloads: DownloadSlots;
  /** The request's logger, for unexpected failures. */
  log: Logger;
}): Promise<void> {
  const { db, req, res, downloads, log } = options;
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    return reply(req, res, 405, { error: 'POST the audience as JSON to download its recipients', type: 'MethodNotAllowed' });
  }

  let caller: Caller | null;
  try {
    caller = await options.caller(req.headers.authorization);
  } catch (error) {
    return reply(req, res, 401, { error: (error as Error).message, type: 'Unauthenticated', code: 'UNAUTHENTICATED' });
  }
  if (!caller)
    return reply(req, res, 401, {
      error: 'Authentication required: send the header "Authorization: Bearer <API key>"',
      type: 'Unauthenticated',
      code: 'UNAUTHENTICATED',
    });

  const mediaType = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return reply(req, res, 415, {
      error: 'Send the audience as JSON, with the header "content-type: application/json"',
      type: 'UnsupportedMediaType',
    });
  }

  let audience: PreparedAudience;
  try {
    const body = await readBody(req, AUDIENCE_REQUEST_MAX_BYTES);
    if (body === null) {
      const error = new LimitExceededError(
        'REQUEST_ENTITY_TOO_LARGE',
        `The request body is larger than ${AUDIENCE_REQUEST_MAX_BYTES} bytes (${AUDIENCE_REQUEST_MAX_BYTES / 2 ** 20} MiB), the most an audience may take`,
        AUDIENCE_REQUEST_MAX_BYTES,
      );
      return reply(req, res, 413, { error: error.message, type: 'LimitExceededError', code: error.code, params: error.params, limit: error.limit });
    }
    audience = await prepareAudience(db, { workspaceId: caller.workspaceId, ...readAudienceRequestJson(withBareIds(req, parseJson(body))) });
  } catch (error) {
    if (error instanceof ValidationError) {
      return reply(req, res, 400, {
        error: error.message,
        type: 'ValidationError',
        code: error.code,
        params: error.params,
        issues: error.issues.map(issueWithParams),
      });
    }
    if (error instanceof NotFoundError) {
      const id = sentId(req, error.entity, error.id);
      return reply(req, res, 404, {
        error: error.message,
        type: 'NotFoundError',
        code: error.code,
        params: { ...error.params, id },
        entity: error.entity,
        id,
      });
    }
    if (error instanceof LimitExceededError) {
      return reply(req, res, 400, { error: error.message, type: 'LimitExceededError', code: error.code, params: error.params, limit: error.limit });
    }
    if (error instanceof DomainError) return reply(req, res, 400, { error: error.message, type: error.name, code: error.code, params: error.params });
    log.error({ err: errorFields(error) }, 'unexpected error');
    return reply(req, res, 500, { error: 'Unexpected error' });
  }

  if (!downloads.hold(res, caller.workspaceId)) return reply(req, res, 429, { ...downloads.refusal(), type: 'TooManyDownloads' });
  res.setTimeout(EXPORT_STALL_TIMEOUT_MS, () => res.destroy());
  const name = `audience-${audience.channel.toLowerCase()}-${new Date().toISOString().slice(0, 10)}.csv`;
  try {
    await writeAudienceRecipientsCsv(db, audience, () =>
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      }),
    );
  } catch (error) {
    // A client that went away is no failure of the server's.
    if (!res.destroyed) log.error({ err: errorFields(error) }, 'the audience download stopped on an unexpected error');
    if (res.headersSent) res.destroy();
    else reply(req, res, 500, { error: 'Unexpected error' });
  }
}

/** The request body, or null past `maxBytes` (declared or read): reading stops there. */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length']) > maxBytes) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  // Stopping early leaves the request open, so that the 413 can still be sent on its connection.
  for await (const chunk of req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The body with the groups and contacts it names as UUIDs, whether it gives their global ids (as the
 * API returns them) or their bare UUIDs. Anything else is left for the request's checks to name.
 */
function withBareIds(req: IncomingMessage, body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const { groupIds, contactIds } = body as Record<string, unknown>;
  return {
    ...body,
    ...(Array.isArray(groupIds) && { groupIds: groupIds.map((id) => bareIdOr(req, 'Group', id)) }),
    ...(Array.isArray(contactIds) && { contactIds: contactIds.map((id) => bareIdOr(req, 'Contact', id)) }),
  };
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw ValidationError.of([], 'WRONG_TYPE', `the body is not JSON: ${(error as Error).message}`);
  }
}

/** How much of a refused body is still read and dropped after the answer, and for how long at most. */
const DISCARD_MAX_BYTES = 64 * 2 ** 20;
const DISCARD_MAX_MS = 5_000;

/**
 * A JSON answer. A request whose body was not read to the end (refused before, or too large) has
 * the rest of its body read and dropped once the answer is out, so that a client still sending gets
 * the answer rather than a reset of its unfinished write; past DISCARD_MAX_BYTES or DISCARD_MAX_MS
 * the connection is closed, so no client makes the server take in any amount.
 */
function reply(req: IncomingMessage, res: ServerResponse, status: number, body: object): void {
  if (res.headersSent || res.destroyed) return;
  if (!req.readableEnded) res.once('finish', () => discardRest(req));
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function discardRest(req: IncomingMessage): void {
  const { socket } = req;
  let received = 0;
  const timer = setTimeout(() => req.destroy(), DISCARD_MAX_MS);
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received > DISCARD_MAX_BYTES) req.destroy();
  };
  const done = () => {
    clearTimeout(timer);
    socket.off('data', count);
  };
  socket.on('data', count);
  req.once('end', done);
  req.once('close', done);
  req.resume();
}
