import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/client.ts';
import { errorFields, type Logger } from '../db/logger.ts';
import { BUILT_IN_FIELDS } from '../domain/field-key.ts';
import { csvText } from '../files/csv-output.ts';
import { FileNotFoundError, importFileKeys, type FileStore } from '../files/file-store.ts';
import { importFilePath, TEMPLATE_PATH } from '../schema/download-links.ts';
import type { DownloadAuth } from './signed-downloads.ts';

/**
 * Downloads over plain GET, by a signed link or with the bearer key: an import's error and result
 * files, and a CSV template of the workspace's fields. A job of another workspace is answered like
 * one that does not exist. Import files stream from the file store through this server: a bucket
 * stays private, and the key and the workspace are checked here alone.
 */
export async function serveFile(options: {
  db: Database;
  files: FileStore;
  req: IncomingMessage;
  res: ServerResponse;
  /** Who fetches: the signed link's or the bearer key's caller, or the refusal to answer. */
  authorize: () => Promise<DownloadAuth>;
  /** The request's logger, for unexpected failures. */
  log: Logger;
}): Promise<void> {
  const { db, files, req, res, log } = options;
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Only GET downloads files');

  const auth = await options.authorize();
  if (!('caller' in auth)) return void res.writeHead(auth.status, { 'content-type': 'application/json' }).end(JSON.stringify(auth.body));
  const { caller } = auth;

  if (url.pathname === TEMPLATE_PATH) {
    const fields = await db.prisma.field.findMany({ where: { workspaceId: caller.workspaceId }, orderBy: { createdAt: 'asc' } });
    res.writeHead(200, csvHeaders('import-template.csv'));
    res.end(csvText([[...BUILT_IN_FIELDS, ...fields].map((field) => field.label)]));
    return;
  }

  const file = importFilePath(url.pathname);
  if (!file) return reply(res, 404, 'No such file');
  const { jobId, kind } = file;
  const job = await db.prisma.importJob.findUnique({
    where: { workspaceId_id: { workspaceId: caller.workspaceId, id: jobId } },
    select: { errorFilePath: true, resultFilePath: true },
  });
  const stored = kind === 'errors' ? job?.errorFilePath : job?.resultFilePath;
  if (!stored) return reply(res, 404, `Import ${jobId} has no ${kind} file`);
  if (req.method === 'HEAD') return void res.writeHead(200, csvHeaders(`import-${jobId}-${kind}.csv`)).end();

  const keys = importFileKeys(caller.workspaceId, jobId);
  let content: Readable;
  try {
    content = await files.read(kind === 'errors' ? keys.errors : keys.result);
  } catch (error) {
    if (error instanceof FileNotFoundError) return reply(res, 404, `Import ${jobId}'s ${kind} file is no longer stored`);
    log.error({ err: errorFields(error) }, 'the file store could not be read');
    return reply(res, 503, `Import ${jobId}'s ${kind} file cannot be read from the file store right now; try again later`);
  }
  res.writeHead(200, csvHeaders(`import-${jobId}-${kind}.csv`));
  await pipeline(content, res).catch((error) => {
    // A client that went away is no failure of the server's.
    if (!res.destroyed) log.error({ err: errorFields(error) }, 'the file download stopped on an unexpected error');
    res.destroy();
  });
}

function csvHeaders(fileName: string): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` };
}

function reply(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
}
