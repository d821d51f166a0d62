import { StringDecoder } from 'node:string_decoder';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lineTooLong, uploadTooLarge, type UploadLimit } from '../domain/upload-limit.ts';

/**
 * Passes an upload's bytes on, counting them: one byte past the limit it fails with
 * `uploadTooLarge`, and so does an upload the multipart parser cut short at the server's ceiling
 * (graphql-upload-minimal's file stream says so with a `limit` event, then ends as if complete).
 * Put it right after the upload in a `pipeline`, which then destroys the upload on failure, so
 * nothing more of it is read.
 */
export function countUploadBytes(upload: NodeJS.ReadableStream, limit: UploadLimit): Transform {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      size += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      if (size > limit.bytes) callback(uploadTooLarge(limit));
      else callback(null, chunk);
    },
    flush(callback) {
      callback((upload as Readable & { truncated?: boolean }).truncated ? uploadTooLarge(limit) : null);
    },
  });
  // graphql-upload-minimal unpipes its stream on `limit`, which would leave a pipeline waiting forever.
  const onLimit = () => counter.destroy(uploadTooLarge(limit));
  upload.once('limit', onLimit);
  counter.once('close', () => upload.removeListener('limit', onLimit));
  return counter;
}

/**
 * The lines of an uploaded UTF-8 text file, read as it streams in and held to `limit` bytes (see
 * `countUploadBytes`) and `maxLength` characters a line (see `splitLines`). Leaving the loop early,
 * or a failure, destroys the upload.
 */
export function uploadedLines(upload: NodeJS.ReadableStream, limit: UploadLimit, maxLength: number): AsyncGenerator<string> {
  const counter = countUploadBytes(upload, limit);
  // A failure of either stream reaches the reader through `counter`, which pipeline destroys with it.
  pipeline(upload, counter).catch(() => {});
  return splitLines(counter, maxLength);
}

/**
 * Splits text, given in chunks (UTF-8 bytes or strings), into lines at LF, CRLF or CR, as readline
 * does: a last line without a break is a line, an empty one after a final break is not. A line
 * longer than `maxLength` characters fails with `lineTooLong` as soon as that many have come
 * without a break, so no more than `maxLength` characters (and one chunk) are ever held.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxLength: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNumber = 0;
  // The last chunk ended with CR: an LF opening the next one belongs to the same break.
  let afterCr = false;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text === '') continue;
    if (afterCr && text.startsWith('\n')) text = text.slice(1);
    pending += text;
    let start = 0;
    const breaks = /\r\n|\r|\n/g;
    for (let match = breaks.exec(pending); match; match = breaks.exec(pending)) {
      const line = pending.slice(start, match.index);
      lineNumber += 1;
      if (line.length > maxLength) throw lineTooLong(lineNumber, maxLength);
      yield line;
      start = breaks.lastIndex;
    }
    afterCr = start > 0 && start === pending.length && pending.endsWith('\r');
    pending = pending.slice(start);
    if (pending.length > maxLength) throw lineTooLong(lineNumber + 1, maxLength);
  }
  pending += decoder.end();
  if (pending === '') return;
  if (pending.length > maxLength) throw lineTooLong(lineNumber + 1, maxLength);
  yield pending;
}
