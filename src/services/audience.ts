import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../db/client.ts';
import { sqlLiteral } from '../db/sql-literal.ts';
import {
  AUDIENCE_PAGE_MAX,
  audienceCountsSql,
  audiencePageSql,
  audienceRecipientsCsvSql,
  excludedPageSql,
  EXCLUSION_REASONS,
  readRawAddresses,
  type AudienceRequest,
  type AudienceSqlOptions,
  type ExcludedPosition,
  type ExcludedRecipient,
  type ExclusionReason,
} from '../domain/audience.ts';
import type { Channel } from '../domain/detail-status.ts';
import { ValidationError } from '../domain/errors.ts';
import { csvText, drained } from '../files/csv-output.ts';
import { groupContactIdsSql } from './contact-query.ts';

/** A checked audience request (checkAudienceRequest) of a workspace. */
export interface AudienceInput extends AudienceRequest {
  workspaceId: string;
}

export interface AudienceAddress {
  address: string;
  /** The first included contact reached on it; null for a raw address no included contact has. */
  contactId: string | null;
}

export interface ExcludedPageArgs {
  /** Page size, 0 to AUDIENCE_PAGE_MAX; anything else is a ValidationError on `first`. */
  first: number;
  after: ExcludedPosition | null;
  /** Only these reasons; null for every reason. */
  reasons: readonly ExclusionReason[] | null;
}

/** A resolved audience: its counts now, and its sendable and excluded recipients a page at a time. */
export interface Audience {
  channel: Channel;
  sendableCount: number;
  excluded: { reason: ExclusionReason; count: number }[];
  /** Up to `first` sendable addresses after `after`, in address order, and whether more follow. */
  page(first: number, after: string | null): Promise<{ addresses: AudienceAddress[]; hasNextPage: boolean }>;
  /**
   * A page of excluded recipients in list order (reason, then address, contact id or input), whether
   * more follow, and how many the reasons asked for hold in all (the sum of their `excluded` counts).
   */
  excludedPage(args: ExcludedPageArgs): Promise<{ recipients: ExcludedRecipient[]; hasNextPage: boolean; totalCount: number }>;
}

/** An audience checked against its workspace, ready to be counted, paged or streamed. */
export interface PreparedAudience {
  channel: Channel;
  options: AudienceSqlOptions;
}

/**
 * Reads what an audience's SQL needs (rules in src/domain/audience.ts): whether the workspace
 * requires an opt-in on the channel, each group's members (static members, or a dynamic group's
 * filter, by groupContactIdsSql: an unknown group, or another workspace's, is a NotFoundError), the
 * raw addresses normalized. Unknown contact ids are left to the SQL (UNKNOWN_CONTACT).
 */
export async function prepareAudience(db: Database, input: AudienceInput): Promise<PreparedAudience> {
  const { workspaceId, channel } = input;
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { optInChannels: true } });
  const groupMembers = await Promise.all([...new Set(input.groupIds)].map((groupId) => groupContactIdsSql(db, workspaceId, groupId)));
  return {
    channel,
    options: {
      workspaceId,
      channel,
      needsOptIn: workspace.optInChannels.includes(channel),
      groupMembers,
      contactIds: [...new Set(input.contactIds)],
      raw: readRawAddresses(input.addresses, channel, input.defaultCountry),
    },
  };
}

/**
 * Resolves who a message on `channel` may go to. Every send path goes through this service (here,
 * or the whole list through writeAudienceRecipientsCsv); nothing else decides sendability.
 */
export async function resolveAudience(db: Database, input: AudienceInput): Promise<Audience> {
  const { channel, options } = await prepareAudience(db, input);

  const counts = audienceCountsSql(options);
  const { rows } = await db.pool.query<{ reason: ExclusionReason | 'SENDABLE'; count: number }>(counts.text, counts.values);
  const countOf = (reason: ExclusionReason | 'SENDABLE') => rows.find((row) => row.reason === reason)?.count ?? 0;
  const excluded = EXCLUSION_REASONS.map((reason) => ({ reason, count: countOf(reason) }));

  return {
    channel,
    sendableCount: countOf('SENDABLE'),
    excluded,
    async page(first, after) {
      const limit = Math.max(0, Math.min(first, AUDIENCE_PAGE_MAX));
      const query = audiencePageSql(options, after, limit + 1);
      const { rows: page } = await db.pool.query<{ address: string; contact_id: string | null }>(query.text, query.values);
      return {
        addresses: page.slice(0, limit).map((row) => ({ address: row.address, contactId: row.contact_id })),
        hasNextPage: page.length > limit,
      };
    },
    async excludedPage({ first, after, reasons }) {
      if (!Number.isInteger(first) || first < 0 || first > AUDIENCE_PAGE_MAX) {
        throw ValidationError.of(['first'], 'OUT_OF_RANGE', `a page holds 0 to ${AUDIENCE_PAGE_MAX} excluded recipients, got ${first}`, {
          min: 0,
          max: AUDIENCE_PAGE_MAX,
        });
      }
      const wanted = EXCLUSION_REASONS.filter((reason) => reasons === null || reasons.includes(reason));
      const query = excludedPageSql(options, wanted, after, first + 1);
      const { rows: page } = await db.pool.query<{
        reason: ExclusionReason;
        key: string;
        address: string | null;
        contact_id: string | null;
        raw_value: string | null;
      }>(query.text, query.values);
      return {
        recipients: page
          .slice(0, first)
          .map((row) => ({ reason: row.reason, key: row.key, address: row.address, contactId: row.contact_id, rawValue: row.raw_value })),
        hasNextPage: page.length > first,
        totalCount: excluded.filter((entry) => wanted.includes(entry.reason)).reduce((sum, entry) => sum + entry.count, 0),
      };
    },
  };
}

/** The header of the recipients download. */
const RECIPIENTS_HEADERS = ['address', 'contactId'];

/**
 * Writes every sendable address of a prepared audience as a CSV file (`address,contactId`, the
 * product's CSV layout) to the stream `open` returns: the rows of audienceRecipientsCsvSql, so the
 * same addresses and contacts as the pages one after another, in address order.
 *
 * One statement, `COPY (…) TO STDOUT`, in a REPEATABLE READ READ ONLY transaction: the file is one
 * consistent picture; PostgreSQL writes the CSV itself and its lines are passed on as it produces
 * them, with back-pressure (the connection is read no faster than the client reads), so memory
 * holds a chunk whatever the size. COPY takes no bind parameters: the values are written into the
 * statement by sqlLiteral. `open` is called with the first bytes (or at the end of an empty list),
 * so a statement that fails before its first row has written nothing. A copy cut short (the client
 * went away, `open`'s stream failed) discards the connection, left in the middle of the COPY.
 */
export async function writeAudienceRecipientsCsv(db: Database, audience: PreparedAudience, open: () => Writable): Promise<void> {
  const statement = `COPY (${audienceRecipientsCsvSql(audience.options).inline(sqlLiteral)}) TO STDOUT WITH (FORMAT csv)`;
  const client = await db.pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Join by hash or merge, never row by row: the planner guesses a workspace imported since the
    // last ANALYZE at a row or two, and a nested loop over what is in fact a million rows never
    // ends. A small audience pays a scan of its workspace's details instead (a few tenths of a
    // second at a million contacts).
    await client.query('SET LOCAL enable_nestloop = off');
    let destination: Writable | undefined;
    const start = (): Writable => {
      destination = open();
      destination.write(csvText([RECIPIENTS_HEADERS]));
      return destination;
    };
    await pipeline(client.query(copyTo(statement)), new CsvLineEnds(), async (lines: AsyncIterable<Buffer>) => {
      for await (const chunk of lines) {
        const out = destination ?? start();
        if (!out.write(chunk)) await drained(out);
        if (out.destroyed) throw new Error('the download was closed before it was complete');
      }
    });
    const out = destination ?? start();
    out.end();
    await finished(out);
    await client.query('COMMIT');
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure);
  }
}

const LF = 0x0a;
const QUOTE = 0x22;
const CRLF = Buffer.from('\r\n');

/**
 * PostgreSQL's CSV lines end in LF; the product's end in CRLF (src/files/csv-output.ts). Adds the
 * CR before each line end, leaving a line feed inside a quoted cell as it is. PostgreSQL quotes a
 * cell exactly when the product's writer does for these cells (one holding a comma, a quote, CR or
 * LF; never an empty address), so the file is byte for byte the one the writer would make.
 */
class CsvLineEnds extends Transform {
  /** Inside a quoted cell: a doubled quote in it flips this twice. */
  private quoted = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const parts: Buffer[] = [];
    let from = 0;
    let at = 0;
    // The next quote at or after `at`, looked for once and not again until it is passed.
    let quote = chunk.indexOf(QUOTE);
    for (;;) {
      if (this.quoted) {
        if (quote === -1) break;
        this.quoted = false;
        at = quote + 1;
        quote = chunk.indexOf(QUOTE, at);
        continue;
      }
      const end = chunk.indexOf(LF, at);
      if (quote !== -1 && (end === -1 || quote < end)) {
        this.quoted = true;
        at = quote + 1;
        quote = chunk.indexOf(QUOTE, at);
        continue;
      }
      if (end === -1) break;
      parts.push(chunk.subarray(from, end), CRLF);
      from = at = end + 1;
    }
    parts.push(chunk.subarray(from));
    callback(null, Buffer.concat(parts));
  }
}
