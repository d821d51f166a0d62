import type { ExportFormat } from '../domain/contact-export.ts';

/**
 * The download links the API hands out, and the paths the server answers them on: one place for
 * both, so that a link and the route that serves it cannot drift apart. Every link starts with
 * the context's `origin`: PUBLIC_URL when set, else the request's own.
 */

/**
 * The absolute URL of a file path of this server, signed for the caller for a short time, so that a
 * plain GET without the Authorization header downloads it (see src/domain/download-link.ts).
 */
export type DownloadUrl = (target: string) => string;

/** Where contact exports download from; the request rides in the query string. */
export const EXPORT_PATH_PREFIX = '/files/exports/';
export const EXPORT_FILE_NAMES: Record<ExportFormat, string> = { CSV: 'contacts.csv', XLSX: 'contacts.xlsx' };

/** The download URL of an export request (see `encodeExportRequest`). */
export function exportUrl(downloadUrl: DownloadUrl, format: ExportFormat, token: string): string {
  return downloadUrl(`${EXPORT_PATH_PREFIX}${EXPORT_FILE_NAMES[format]}?request=${token}`);
}

/** Where an audience's sendable addresses download from: a POST of the audience as JSON. */
export const AUDIENCE_RECIPIENTS_PATH = '/audiences/recipients.csv';

/**
 * The largest audience request body read. An audience names at most 100,000 group ids, contact ids
 * and raw addresses each (AUDIENCE_INPUT_LIMIT): ids take about 8 MB of JSON together, which
 * leaves room for as many addresses of some 80 characters.
 */
export const AUDIENCE_REQUEST_MAX_BYTES = 16 * 2 ** 20;

/**
 * The download URL of audiences on this server (the audience itself travels in the body). Not
 * signed: a POST with a JSON body is no link a browser follows, so it takes the bearer key.
 */
export function audienceRecipientsUrl(origin: string): string {
  return `${origin}${AUDIENCE_RECIPIENTS_PATH}`;
}

/** Every path below this one is a file download of the workspace (import files, the template, exports). */
export const FILES_PATH_PREFIX = '/files/';

/** The CSV template of the workspace's fields. */
export const TEMPLATE_PATH = '/files/import-template.csv';

export function templateUrl(downloadUrl: DownloadUrl): string {
  return downloadUrl(TEMPLATE_PATH);
}

export type ImportFileKind = 'errors' | 'result';

/** An import's error or result file; {@link importFilePath} reads the job and kind back. */
export function importFileUrl(downloadUrl: DownloadUrl, jobId: string, kind: ImportFileKind): string {
  return downloadUrl(`/files/imports/${jobId}/${kind}.csv`);
}

const IMPORT_FILE = /^\/files\/imports\/([0-9a-f-]{36})\/(errors|result)\.csv$/i;

/** The job and kind of an import file's path, or null for any other path. */
export function importFilePath(pathname: string): { jobId: string; kind: ImportFileKind } | null {
  const match = IMPORT_FILE.exec(pathname);
  return match ? { jobId: match[1]!.toLowerCase(), kind: match[2]!.toLowerCase() as ImportFileKind } : null;
}
