import { KIND_OF_CHANNEL, parseAddress } from './consent.ts';
import { optedOutSql, type Channel } from './detail-status.ts';
import { join, raw, sql, type Sql } from './sql.ts';

/**
 * Who may be messaged on a channel (SPEC §3): the one place sendability is decided. Every send path
 * resolves its recipients through the audience service, which runs the SQL composed here.
 *
 * Recipients come from groups (static or dynamic), contact ids and raw addresses. Each recipient
 * either yields a sendable address or is excluded for one reason:
 *
 * - a contact is reached on its primary detail of the channel's kind when that one is sendable,
 *   else on its oldest other sendable one; when none is, it is excluded for the reason of its
 *   primary detail (NO_ADDRESS when it has no detail of that kind);
 * - a raw address is filtered exactly like a contact's address, after normalization (E.164 with the
 *   default country, lower-cased email);
 * - an address is OPTED_OUT when an opt-out of the channel or ALL covers it — this comes first — and
 *   NO_OPT_IN when the workspace requires an opt-in on the channel and the address has none.
 *
 * Sendable addresses are deduplicated: two contacts sharing a number, or a contact and the same
 * number written another way, make one recipient. Excluded recipients are deduplicated the same
 * way — per address where there is one (an opted-out number shared by two contacts is one), per
 * contact for a contact without an address, per distinct input for INVALID_ADDRESS and
 * UNKNOWN_CONTACT. One relation of recipients holds all of them (see recipientCte); the counts, the
 * sendable pages and the excluded pages are all read from it, so they cannot disagree.
 */

export type ExclusionReason = 'OPTED_OUT' | 'NO_OPT_IN' | 'NO_ADDRESS' | 'INVALID_ADDRESS' | 'UNKNOWN_CONTACT';

/** The reasons in the order they are reported; an address's own reasons in precedence order first. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['OPTED_OUT', 'NO_OPT_IN', 'NO_ADDRESS', 'INVALID_ADDRESS', 'UNKNOWN_CONTACT'];

/** Most contact ids, group ids or raw addresses one audience may name directly. */
export const AUDIENCE_INPUT_LIMIT = 100_000;

/** Largest page of an audience's addresses, sendable or excluded. */
export const AUDIENCE_PAGE_MAX = 1000;

/** The raw addresses of an audience, read for one channel. */
export interface RawAddresses {
  /** Distinct normalized addresses of the channel's kind. */
  addresses: string[];
  /** Distinct normalized addresses of the other kind (an email for SMS): NO_ADDRESS. */
  otherKind: string[];
  /** Distinct inputs (trimmed) that are no address at all: INVALID_ADDRESS. */
  invalid: string[];
}

/**
 * Where an excluded recipient sits in the list: excluded recipients are ordered by reason (in the
 * order of EXCLUSION_REASONS), then by key — the address, else the contact id, else the input as
 * given. Reason and key identify one excluded recipient.
 */
export interface ExcludedPosition {
  reason: ExclusionReason;
  key: string;
}

/** A recipient the audience leaves out, and why. */
export interface ExcludedRecipient extends ExcludedPosition {
  /** The normalized address; null for a contact without one, an invalid input, an unknown contact. */
  address: string | null;
  /** The first (lowest id) included contact excluded with this address, or the contact without one. */
  contactId: string | null;
  /** The input as given (trimmed) for an INVALID_ADDRESS, the id given for an UNKNOWN_CONTACT. */
  rawValue: string | null;
}

/** Normalizes the raw addresses of an audience for `channel`; blank entries are ignored. */
export function readRawAddresses(inputs: readonly string[], channel: Channel, defaultCountry: string | null): RawAddresses {
  const kind = KIND_OF_CHANNEL[channel];
  const addresses = new Set<string>();
  const otherKind = new Set<string>();
  const invalid = new Set<string>();
  for (const input of inputs) {
    const text = input.trim();
    if (text === '') continue;
    const parsed = parseAddress(text, defaultCountry);
    if (!parsed.ok) invalid.add(text);
    else if (parsed.value.kind === kind) addresses.add(parsed.value.address);
    else otherKind.add(parsed.value.address);
  }
  return { addresses: [...addresses], otherKind: [...otherKind], invalid: [...invalid] };
}

/** The exclusion reason of an address on a channel (an SQL text expression), NULL when sendable. */
export function addressReasonSql(workspaceId: string, address: Sql, channel: Channel, needsOptIn: boolean): Sql {
  const noOptIn = needsOptIn
    ? sql` WHEN NOT EXISTS (SELECT 1 FROM opt_ins i WHERE i.workspace_id = ${workspaceId}::uuid AND i.address = ${address}
        AND i.channel = ${channel}::"Channel") THEN 'NO_OPT_IN'`
    : raw('');
  return sql`(CASE WHEN ${optedOutSql(sql`${workspaceId}::uuid`, address, channel)} THEN 'OPTED_OUT'${noOptIn} END)`;
}

export interface AudienceSqlOptions {
  workspaceId: string;
  channel: Channel;
  /** Whether the workspace requires an opt-in on the channel. */
  needsOptIn: boolean;
  /** Queries selecting a column `id` of contact ids: one per group. */
  groupMembers: readonly Sql[];
  /** Contact ids given directly (distinct, well-formed). */
  contactIds: readonly string[];
  /** The raw addresses given, read for the channel. */
  raw: RawAddresses;
}

/**
 * `WITH … recipient(reason, key, address, contact_id, raw_value)`: every recipient of the audience
 * once, `reason` NULL for a sendable address. `key` identifies a recipient within its reason (see
 * ExcludedPosition); `contact_id` is text, the lowest id of the included contacts reached on (or
 * excluded with) the address.
 */
function recipientCte(options: AudienceSqlOptions): Sql {
  const { workspaceId, channel, needsOptIn } = options;
  const kind = KIND_OF_CHANNEL[channel];
  const sources = [
    ...options.groupMembers.map((members) => sql`SELECT id FROM (${members}) g`),
    sql`SELECT unnest(${options.contactIds}::uuid[]) AS id`,
  ];
  // UNION rather than DISTINCT over UNION ALL: the planner then expects as many members as the
  // groups hold and joins them by hash instead of probing contacts and details once per member.
  return sql`WITH members AS (${join(sources, ' UNION ')}),
    candidate AS (
      SELECT c.id AS contact_id, d.value AS address, d.is_primary, d.created_at, d.id AS detail_id,
             CASE WHEN d.value IS NULL THEN 'NO_ADDRESS' ELSE ${addressReasonSql(workspaceId, raw('d.value'), channel, needsOptIn)} END AS reason
      FROM members m
      JOIN contacts c ON c.workspace_id = ${workspaceId}::uuid AND c.id = m.id
      LEFT JOIN contact_details d ON d.workspace_id = c.workspace_id AND d.contact_id = c.id AND d.kind = ${kind}::"DetailKind"),
    chosen AS (
      SELECT DISTINCT ON (contact_id) contact_id, address, reason FROM candidate
      ORDER BY contact_id, reason IS NULL DESC, is_primary DESC, created_at, detail_id),
    raw_address AS (
      SELECT a.address, ${addressReasonSql(workspaceId, raw('a.address'), channel, needsOptIn)} AS reason
      FROM unnest(${options.raw.addresses}::text[]) AS a(address)),
    outcome AS (
      SELECT address, contact_id, reason FROM chosen
      UNION ALL SELECT address, NULL::uuid, reason FROM raw_address),
    recipient AS (
      SELECT reason, coalesce(address, contact_id::text) AS key, address, min(contact_id::text) AS contact_id, NULL::text AS raw_value
      FROM outcome GROUP BY address, coalesce(address, contact_id::text), reason
      UNION ALL SELECT 'NO_ADDRESS', a, a, NULL, NULL FROM unnest(${options.raw.otherKind}::text[]) AS o(a)
      UNION ALL SELECT 'INVALID_ADDRESS', v, NULL, NULL, v FROM unnest(${options.raw.invalid}::text[]) AS i(v)
      UNION ALL SELECT 'UNKNOWN_CONTACT', u.id::text, NULL, NULL, u.id::text FROM unnest(${options.contactIds}::uuid[]) AS u(id)
        WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.workspace_id = ${workspaceId}::uuid AND c.id = u.id))`;
}

/** Recipients per reason: `reason` one of EXCLUSION_REASONS, or SENDABLE for the sendable addresses. */
export function audienceCountsSql(options: AudienceSqlOptions): Sql {
  return sql`${recipientCte(options)}
    SELECT coalesce(reason, 'SENDABLE') AS reason, count(*)::int AS count FROM recipient GROUP BY reason`;
}

/**
 * One page of sendable addresses in address order, after the address `after` (keyset pagination),
 * `limit` rows; each with the first (lowest id) contact that reaches it, NULL for a raw address no
 * included contact has.
 */
export function audiencePageSql(options: AudienceSqlOptions, after: string | null, limit: number): Sql {
  return sql`${recipientCte(options)}
    SELECT address, contact_id FROM recipient
    WHERE reason IS NULL AND (${after}::text IS NULL OR address > ${after}::text)
    ORDER BY address LIMIT ${limit}`;
}

/**
 * One page of excluded recipients with one of `reasons`, in list order (see ExcludedPosition),
 * after the position `after` (keyset pagination), `limit` rows.
 */
export function excludedPageSql(options: AudienceSqlOptions, reasons: readonly ExclusionReason[], after: ExcludedPosition | null, limit: number): Sql {
  const rank = (reason: Sql) => sql`array_position(${EXCLUSION_REASONS}::text[], ${reason})`;
  const afterCondition = after ? sql`AND (${rank(raw('reason'))}, key) > (${rank(sql`${after.reason}::text`)}, ${after.key}::text)` : raw('');
  return sql`${recipientCte(options)}
    SELECT reason, key, address, contact_id, raw_value FROM recipient
    WHERE reason = ANY(${reasons}::text[]) ${afterCondition}
    ORDER BY ${rank(raw('reason'))}, key LIMIT ${limit}`;
}
