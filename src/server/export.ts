import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../db/client.ts';
import { errorFields, type Logger } from '../db/logger.ts';
import { decodeExportRequest, type ExportFormat } from '../domain/contact-export.ts';
import { DomainError, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { DownloadSlots } from './download-slots.ts';
import type { DownloadAuth } from './signed-downloads.ts';
import { EXPORT_FILE_NAMES, EXPORT_PATH_PREFIX } from '../schema/download-links.ts';
import { exportWriter, prepareContactExport, streamContactExport, type PreparedExport } from '../services/export.ts';

/**
 * How long a download may take nothing from the server before it is dropped. A client that stops
 * reading would otherwise hold a database connection and an open transaction for ever.
 */
export const EXPORT_STALL_TIMEOUT_MS = 60_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * GET of a contact export, by its signed link or with the bearer key, streamed as it is read. The URL carries the export
 * request; the workspace is the key's (the signed link's, or the bearer's): a URL fetched with
 * another workspace's bearer key lists that workspace's own contacts, and a group of another
 * workspace is not found. The request is checked again, since a field or group may be gone since the URL was made.
 * Once the file has started, a failure can only cut it short: the response is destroyed, so the
 * client sees an incomplete download rather than a file that looks whole.
 */
export async function serveExport(options: {
  db: Database;
  req: IncomingMessage;
  res: ServerResponse;
  /** Who fetches: the signed link's or the bearer key's caller, or the refusal to answer. */
  authorize: () => Promise<DownloadAuth>;
  downloads: DownloadSlots;
  /** The request's logger, for unexpected failures. */
  log: Logger;
}): Promise<void> {
  const { db, req, res, downloads, log } = options;
  if (req.method !== 'GET') return reply(res, 405, { error: 'Only GET downloads an export' });

  const auth = await options.authorize();
  if (!('caller' in auth)) return reply(res, auth.status, auth.body);
  const { caller } = auth;

  const url = new URL(req.url ?? '/', 'http://localhost');
  let prepared: PreparedExport;
  try {
    const request = decodeExportRequest(url.searchParams.get('request'));
    if (url.pathname !== `${EXPORT_PATH_PREFIX}${EXPORT_FILE_NAMES[request.format]}`) return reply(res, 404, { error: 'No such file' });
    prepared = await prepareContactExport(db, caller.workspaceId, request);
  } catch (error) {
    if (error instanceof NotFoundError) return reply(res, 404, { error: error.message });
    if (error instanceof ValidationError) return reply(res, 400, { error: error.message, issues: error.issues });
    if (error instanceof DomainError) return reply(res, 400, { error: error.message });
    log.error({ err: errorFields(error) }, 'unexpected error');
    return reply(res, 500, { error: 'Unexpected error' });
  }

  const name = `contacts-${new Date().toISOString().slice(0, 10)}.${EXPORT_FILE_NAMES[prepared.format].split('.')[1]}`;
  if (!downloads.hold(res, caller.workspaceId)) return reply(res, 429, downloads.refusal());
  res.setTimeout(EXPORT_STALL_TIMEOUT_MS, () => res.destroy());
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[prepared.format],
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  const writer = exportWriter(
    prepared.format,
    res,
    prepared.columns.map((column) => column.header),
  );
  await streamContactExport(db, prepared, writer).catch((error) => {
    // A client that went away is no failure of the server's.
    if (!res.destroyed) log.error({ err: errorFields(error) }, 'the export stopped on an unexpected error');
    res.destroy();
  });
}

function reply(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
