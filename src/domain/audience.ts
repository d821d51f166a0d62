import { KIND_OF_CHANNEL, parseAddress, requireDefaultCountry } from './consent.ts';
import { optedOutSql, type Channel } from './detail-status.ts';
import { issue, LimitExceededError, ValidationError, type InputIssue } from './errors.ts';
import { parseId } from './ids.ts';
import { join, raw, sql, type Sql } from './sql.ts';

/**
 * Who may be messaged on a channel: the one place sendability is decided. Every send path
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
 * UNKNOWN_CONTACT. One relation of recipients holds all of them (see recipientCte); the counts and
 * the excluded pages are read from it. The sendable addresses, paged or downloaded whole, are read
 * from one other relation, sendableCte, which applies the same rules to the sendable recipients
 * alone (no excluded recipient to keep, so no contact without an address to join and no reason to
 * group by): a whole audience streams from it in a fraction of the time. Both test addresses with
 * the same opt-out and opt-in conditions (optedOutSql, optedInSql), and the tests hold
 * sendableCount to the addresses listed.
 *
 * Sendable addresses are listed in byte order (COLLATE "C"), whatever the database's collation:
 * pages and the download agree on every server, and PostgreSQL sorts them without the locale.
 */

export type ExclusionReason = 'OPTED_OUT' | 'NO_OPT_IN' | 'NO_ADDRESS' | 'INVALID_ADDRESS' | 'UNKNOWN_CONTACT';

/** The reasons in the order they are reported; an address's own reasons in precedence order first. */
export const EXCLUSION_REASONS: readonly ExclusionReason[] = ['OPTED_OUT', 'NO_OPT_IN', 'NO_ADDRESS', 'INVALID_ADDRESS', 'UNKNOWN_CONTACT'];

/** Most contact ids, group ids or raw addresses one audience may name directly. */
export const AUDIENCE_INPUT_LIMIT = 100_000;

/** Largest page of an audience's addresses, sendable or excluded. */
export const AUDIENCE_PAGE_MAX = 1000;

/** The channels an audience may be resolved for. */
export const AUDIENCE_CHANNELS = Object.keys(KIND_OF_CHANNEL) as Channel[];

/** An audience as a client asks for it, checked (see checkAudienceRequest). */
export interface AudienceRequest {
  channel: Channel;
  /** Well-formed ids (lower case), as given: duplicates are the service's to drop. */
  groupIds: string[];
  contactIds: string[];
  /** Raw addresses as given; readRawAddresses normalizes them. */
  addresses: string[];
  /** ISO 3166-1 alpha-2, upper case; null when none was given. */
  defaultCountry: string | null;
}

/** An audience request before its checks: the GraphQL `AudienceInput`, or the same fields in JSON. */
export interface AudienceRequestInput {
  channel: Channel;
  groupIds?: readonly (string | number)[] | null;
  contactIds?: readonly (string | number)[] | null;
  addresses?: readonly string[] | null;
  defaultCountry?: string | null;
}

/**
 * Checks an audience request, whichever way it came (the `audience` query, the recipients
 * download), so that both decide alike: at most AUDIENCE_INPUT_LIMIT entries per list
 * (LimitExceededError), every group and contact id well-formed and the default country a country
 * code (ValidationError naming the entry under `path`).
 */
export function checkAudienceRequest(input: AudienceRequestInput, path: readonly string[]): AudienceRequest {
  const lists = { groupIds: input.groupIds ?? [], contactIds: input.contactIds ?? [], addresses: input.addresses ?? [] };
  for (const [name, list] of Object.entries(lists)) {
    if (list.length > AUDIENCE_INPUT_LIMIT)
      throw new LimitExceededError('TOO_MANY_ITEMS', `an audience names at most ${AUDIENCE_INPUT_LIMIT} ${name}`, AUDIENCE_INPUT_LIMIT, {
        count: list.length,
      });
  }
  const ids = (name: 'groupIds' | 'contactIds') => lists[name].map((id, index) => parseId(id, [...path, name, String(index)]));
  return {
    channel: input.channel,
    groupIds: ids('groupIds'),
    contactIds: ids('contactIds'),
    addresses: [...lists.addresses],
    defaultCountry: requireDefaultCountry(input.defaultCountry, [...path, 'defaultCountry']),
  };
}

const REQUEST_FIELDS = ['channel', 'groupIds', 'contactIds', 'addresses', 'defaultCountry'];

/**
 * An audience request sent as a JSON document (the body of the recipients download): an object with
 * the fields of the GraphQL `AudienceInput` and nothing else. Every misshapen field is named in one
 * ValidationError; then the request is checked as checkAudienceRequest does.
 */
export function readAudienceRequestJson(body: unknown): AudienceRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ValidationError.of(
      [],
      'WRONG_TYPE',
      'the audience must be a JSON object: { "channel": "SMS", "groupIds": [...], "contactIds": [...], "addresses": [...], "defaultCountry": "US" }',
    );
  }
  const fields = body as Record<string, unknown>;
  const issues: InputIssue[] = Object.keys(fields)
    .filter((key) => !REQUEST_FIELDS.includes(key))
    .map((key) => issue([key], 'UNKNOWN_FIELD', `unknown field; an audience has ${REQUEST_FIELDS.join(', ')}`, { key }));
  const { channel } = fields;
  if (!AUDIENCE_CHANNELS.includes(channel as Channel)) {
    const choices = `one of ${AUDIENCE_CHANNELS.join(', ')}`;
    issues.push(
      channel === undefined || channel === null
        ? issue(['channel'], 'REQUIRED', `required: ${choices}`)
        : issue(['channel'], 'INVALID_CHOICE', `${JSON.stringify(channel)} is not a channel: ${choices}`, { allowed: AUDIENCE_CHANNELS }),
    );
  }
  // Like the GraphQL input: ids are strings (or numbers, as an ID may be written), addresses strings.
  const list = <T>(name: string, fits: (item: unknown) => item is T, one: string): T[] | null => {
    const value = fields[name];
    if (value === undefined || value === null) return null;
    if (!Array.isArray(value)) {
      issues.push(issue([name], 'WRONG_TYPE', `must be a list, each entry ${one}`));
      return null;
    }
    value.forEach((item, index) => {
      if (!fits(item)) issues.push(issue([name, String(index)], 'WRONG_TYPE', `must be ${one}`));
    });
    return value as T[];
  };
  const isId = (item: unknown): item is string | number => typeof item === 'string' || typeof item === 'number';
  const isText = (item: unknown): item is string => typeof item === 'string';
  const groupIds = list('groupIds', isId, 'an id');
  const contactIds = list('contactIds', isId, 'an id');
  const addresses = list('addresses', isText, 'a string');
  const { defaultCountry } = fields;
  if (defaultCountry !== undefined && defaultCountry !== null && typeof defaultCountry !== 'string') {
    issues.push(issue(['defaultCountry'], 'WRONG_TYPE', 'must be a string'));
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return checkAudienceRequest(
    { channel: channel as Channel, groupIds, contactIds, addresses, defaultCountry: defaultCountry as string | null | undefined },
    [],
  );
}

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

/** Whether an opt-in of the address on the channel is recorded (an SQL boolean). */
function optedInSql(workspaceId: string, address: Sql, channel: Channel): Sql {
  return sql`EXISTS (SELECT 1 FROM opt_ins i WHERE i.workspace_id = ${workspaceId}::uuid AND i.address = ${address} AND i.channel = ${channel}::"Channel")`;
}

/** The exclusion reason of an address on a channel (an SQL text expression), NULL when sendable. */
export function addressReasonSql(workspaceId: string, address: Sql, channel: Channel, needsOptIn: boolean): Sql {
  const noOptIn = needsOptIn ? sql` WHEN NOT ${optedInSql(workspaceId, address, channel)} THEN 'NO_OPT_IN'` : raw('');
  return sql`(CASE WHEN ${optedOutSql(sql`${workspaceId}::uuid`, address, channel)} THEN 'OPTED_OUT'${noOptIn} END)`;
}

/**
 * Whether an address is sendable on a channel (an SQL boolean): exactly when addressReasonSql is
 * NULL. Written as plain EXISTS tests rather than as that CASE, so that the planner estimates how
 * many addresses pass and joins the opt-outs by hash across a whole workspace.
 */
function sendableAddressSql(workspaceId: string, address: Sql, channel: Channel, needsOptIn: boolean): Sql {
  const optedIn = needsOptIn ? sql` AND ${optedInSql(workspaceId, address, channel)}` : raw('');
  return sql`NOT ${optedOutSql(sql`${workspaceId}::uuid`, address, channel)}${optedIn}`;
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
 * `WITH … sendable(address, contact_id)`: every sendable address of the audience once, each with the
 * first (lowest id) contact that reaches it (as text), NULL for a raw address no included contact
 * has; sorted by address. The same rules as recipientCte, for the sendable recipients alone:
 *
 * - each member contact is reached on its best sendable detail of the channel's kind (primary
 *   first, then the oldest): in recipientCte a contact's chosen detail is a sendable one whenever
 *   it has one, and that one is the same;
 * - the contacts are read through their details: a detail of the workspace exists only for a
 *   contact of the workspace, so an id of another workspace or of no contact reaches nothing;
 * - one group (or only contact ids) is used as its own query, which has no duplicates to drop;
 *   several sources are combined with UNION, as in recipientCte. Over a group of a million
 *   contacts the UNION alone costs about a second;
 * - opt-outs and opt-ins are tested with plain (NOT) EXISTS, which the planner turns into joins it
 *   can size, rather than with addressReasonSql's CASE, which it cannot see into.
 */
function sendableCte(options: AudienceSqlOptions): Sql {
  const { workspaceId, channel, needsOptIn } = options;
  const kind = KIND_OF_CHANNEL[channel];
  const sources = [
    ...options.groupMembers.map((members) => sql`SELECT id FROM (${members}) g`),
    ...(options.contactIds.length > 0 ? [sql`SELECT unnest(${options.contactIds}::uuid[]) AS id`] : []),
  ];
  const members = sources.length > 0 ? join(sources, ' UNION ') : raw('SELECT NULL::uuid AS id WHERE false');
  const sendable = (address: Sql) => sendableAddressSql(workspaceId, address, channel, needsOptIn);
  return sql`WITH members AS (${members}),
    chosen AS (
      SELECT DISTINCT ON (d.contact_id) d.contact_id, d.value COLLATE "C" AS address
      FROM members m
      JOIN contact_details d ON d.workspace_id = ${workspaceId}::uuid AND d.contact_id = m.id AND d.kind = ${kind}::"DetailKind"
      WHERE ${sendable(raw('d.value'))}
      ORDER BY d.contact_id, d.is_primary DESC, d.created_at, d.id),
    raw_address AS (
      SELECT a.address COLLATE "C" AS address FROM unnest(${options.raw.addresses}::text[]) AS a(address)
      WHERE ${sendable(raw('a.address'))}),
    sendable AS (
      SELECT DISTINCT ON (o.address) o.address, o.contact_id::text AS contact_id
      FROM (SELECT address, contact_id FROM chosen UNION ALL SELECT address, NULL::uuid FROM raw_address) o
      ORDER BY o.address, o.contact_id)`;
}

/**
 * One page of sendable addresses in address order, after the address `after` (keyset pagination),
 * `limit` rows; each with the first (lowest id) contact that reaches it, NULL for a raw address no
 * included contact has.
 */
export function audiencePageSql(options: AudienceSqlOptions, after: string | null, limit: number): Sql {
  return sql`${sendableCte(options)}
    SELECT address, contact_id FROM sendable
    WHERE (${after}::text IS NULL OR address > ${after}::text)
    ORDER BY address LIMIT ${limit}`;
}

/**
 * The recipients download in one statement: every sendable address in address order with its
 * contact, the pages of audiencePageSql one after another, as the two cells of a CSV line. The
 * address is written formula-safe, as every CSV the product writes is (neutralizeFormula in
 * src/files/csv-output.ts: a `'` before a leading = + - @ tab or CR; a phone number is written
 * `'+1…`); a raw address no included contact has leaves the contact NULL, an empty cell.
 */
export function audienceRecipientsCsvSql(options: AudienceSqlOptions): Sql {
  return sql`${sendableCte(options)}
    SELECT CASE WHEN left(address, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || address ELSE address END AS address_cell, contact_id
    FROM sendable ORDER BY sendable.address`;
}

/**
 * One page of excluded recipients with one of `reasons`, in list order (see ExcludedPosition),
 * after the position `after` (keyset pagination), `limit` rows.
 */
export function excludedPageSql(
  options: AudienceSqlOptions,
  reasons: readonly ExclusionReason[],
  after: ExcludedPosition | null,
  limit: number,
): Sql {
  const rank = (reason: Sql) => sql`array_position(${EXCLUSION_REASONS}::text[], ${reason})`;
  const afterCondition = after ? sql`AND (${rank(raw('reason'))}, key) > (${rank(sql`${after.reason}::text`)}, ${after.key}::text)` : raw('');
  return sql`${recipientCte(options)}
    SELECT reason, key, address, contact_id, raw_value FROM recipient
    WHERE reason = ANY(${reasons}::text[]) ${afterCondition}
    ORDER BY ${rank(raw('reason'))}, key LIMIT ${limit}`;
}
