import { err, ok, quote, type Result } from './result.ts';

/** Longest tag; tags are shown as chips and used in filters. Same limit as tags given on a contact. */
export const TAG_MAX_LENGTH = 100;

const WHITESPACE_RUN = /\s+/g;

/**
 * A tag as stored: trimmed, inner whitespace collapsed to one space, at most {@link TAG_MAX_LENGTH}
 * characters. The one rule for every tag: given on a contact, on an import, or in a row's `tags` column.
 */
export function normalizeTag(raw: string): Result<string> {
  const tag = raw.trim().replace(WHITESPACE_RUN, ' ');
  if (tag === '') return err('REQUIRED', 'a tag cannot be blank');
  if (tag.length > TAG_MAX_LENGTH)
    return err('TOO_LONG', `${quote(tag)} is longer than ${TAG_MAX_LENGTH} characters, the most a tag may have`, {
      limit: TAG_MAX_LENGTH,
      length: tag.length,
    });
  return ok(tag);
}

/**
 * The automatic tag of one import: when it started and its file, so people recognise it, and the
 * start of the job's id, so that two imports of one file in the same minute never share a tag (a
 * shared tag would hide which import touched a contact, and a revert of one would strip the other's).
 */
export function importBatchTag(job: { id: string; createdAt: Date; fileName: string }): string {
  const suffix = ` #${job.id.slice(0, 8)}`;
  const label = `Import ${job.createdAt.toISOString().slice(0, 16).replace('T', ' ')} ${job.fileName}`.replace(WHITESPACE_RUN, ' ');
  return label.slice(0, TAG_MAX_LENGTH - suffix.length) + suffix;
}
