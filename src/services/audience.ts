import type { Database } from '../db/client.ts';
import {
  AUDIENCE_INPUT_LIMIT,
  AUDIENCE_PAGE_MAX,
  audienceCountsSql,
  audiencePageSql,
  excludedPageSql,
  EXCLUSION_REASONS,
  readRawAddresses,
  type AudienceSqlOptions,
  type ExcludedPosition,
  type ExcludedRecipient,
  type ExclusionReason,
} from '../domain/audience.ts';
import type { Channel } from '../domain/detail-status.ts';
import { LimitExceededError, ValidationError } from '../domain/errors.ts';
import { groupContactIdsSql } from './contact-query.ts';

export interface AudienceInput {
  workspaceId: string;
  channel: Channel;
  groupIds: readonly string[];
  contactIds: readonly string[];
  addresses: readonly string[];
  defaultCountry: string | null;
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

/**
 * Resolves who a message on `channel` may go to (rules in src/domain/audience.ts). Every send path
 * goes through this function; nothing else decides sendability. Groups are resolved by
 * groupContactIdsSql (static members, or a dynamic group's filter); an unknown group is a
 * NotFoundError, unknown contact ids are counted as UNKNOWN_CONTACT.
 */
export async function resolveAudience(db: Database, input: AudienceInput): Promise<Audience> {
  const { workspaceId, channel } = input;
  for (const [name, list] of [
    ['groupIds', input.groupIds],
    ['contactIds', input.contactIds],
    ['addresses', input.addresses],
  ] as const) {
    if (list.length > AUDIENCE_INPUT_LIMIT) throw new LimitExceededError(`an audience names at most ${AUDIENCE_INPUT_LIMIT} ${name}`, AUDIENCE_INPUT_LIMIT);
  }
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { optInChannels: true } });
  const groupMembers = await Promise.all([...new Set(input.groupIds)].map((groupId) => groupContactIdsSql(db, workspaceId, groupId)));
  const rawAddresses = readRawAddresses(input.addresses, channel, input.defaultCountry);
  const options: AudienceSqlOptions = {
    workspaceId,
    channel,
    needsOptIn: workspace.optInChannels.includes(channel),
    groupMembers,
    contactIds: [...new Set(input.contactIds)],
    raw: rawAddresses,
  };

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
        throw ValidationError.of(['first'], `a page holds 0 to ${AUDIENCE_PAGE_MAX} excluded recipients, got ${first}`);
      }
      const wanted = EXCLUSION_REASONS.filter((reason) => reasons === null || reasons.includes(reason));
      const query = excludedPageSql(options, wanted, after, first + 1);
      const { rows: page } = await db.pool.query<{ reason: ExclusionReason; key: string; address: string | null; contact_id: string | null; raw_value: string | null }>(
        query.text,
        query.values,
      );
      return {
        recipients: page.slice(0, first).map((row) => ({ reason: row.reason, key: row.key, address: row.address, contactId: row.contact_id, rawValue: row.raw_value })),
        hasNextPage: page.length > first,
        totalCount: excluded.filter((entry) => wanted.includes(entry.reason)).reduce((sum, entry) => sum + entry.count, 0),
      };
    },
  };
}
