import type { PoolClient } from 'pg';
import type { Database } from '../db/client.ts';
import { createdWithin } from '../db/created-within.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  inboundKeyword,
  optOutIsNew,
  parseListLine,
  planReinstate,
  requireChannelFits,
  requireNotOptedOut,
  withdrawnChannels,
  type Address,
  type ConsentEventType,
  type ConsentSource,
  type InvalidLine,
} from '../domain/consent.ts';
import { optOutCovers, type Channel, type OptOutChannel } from '../domain/detail-status.ts';
import { LimitExceededError, NotFoundError } from '../domain/errors.ts';
import { uploadLimit } from '../domain/upload-limit.ts';
import { splitLines, uploadedLines } from '../files/upload-stream.ts';
import type { OptIn, OptOut, Prisma } from '../generated/prisma/client.ts';

/** Who changes consent, and where the change comes from. */
export interface ConsentActor {
  workspaceId: string;
  /** The API key making the change. */
  keyId: string;
}

/** The consent of one address now: its opt-outs and opt-ins, and which channels need an opt-in. */
export interface AddressConsent extends Address {
  workspaceId: string;
  optOuts: OptOut[];
  optIns: OptIn[];
  optInChannels: Channel[];
}

/** Most lines one bulk opt-out list may hold. */
export const BULK_LIST_MAX_LINES = 1_000_000;

/**
 * Longest line of a bulk opt-out list, in characters: ample for an address (an email address has
 * at most 254) with spaces around it; a longer line is no address and is not held whole.
 */
export const BULK_LIST_MAX_LINE_LENGTH = 1024;

/** Invalid lines listed in a bulk result; the count covers them all. */
export const INVALID_LINES_LISTED = 1000;

export async function addressConsent(db: Database, workspaceId: string, address: Address): Promise<AddressConsent> {
  const [optOuts, optIns, workspace] = await Promise.all([
    db.prisma.optOut.findMany({ where: { workspaceId, address: address.address }, orderBy: { channel: 'asc' } }),
    db.prisma.optIn.findMany({ where: { workspaceId, address: address.address }, orderBy: { channel: 'asc' } }),
    db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { optInChannels: true } }),
  ]);
  return { workspaceId, ...address, optOuts, optIns, optInChannels: workspace.optInChannels };
}

/** The opt-out and opt-in channels of many addresses at once (for the status of contact details). */
export async function consentOfAddresses(
  db: Database,
  workspaceId: string,
  addresses: readonly string[],
): Promise<Map<string, { optOuts: OptOutChannel[]; optIns: Channel[] }>> {
  const [optOuts, optIns] = await Promise.all([
    db.prisma.optOut.findMany({ where: { workspaceId, address: { in: [...addresses] } }, select: { address: true, channel: true } }),
    db.prisma.optIn.findMany({ where: { workspaceId, address: { in: [...addresses] } }, select: { address: true, channel: true } }),
  ]);
  const byAddress = new Map(addresses.map((address) => [address, { optOuts: [] as OptOutChannel[], optIns: [] as Channel[] }]));
  for (const row of optOuts) byAddress.get(row.address)?.optOuts.push(row.channel);
  for (const row of optIns) byAddress.get(row.address)?.optIns.push(row.channel);
  return byAddress;
}

export async function optInChannelsOf(db: Database, workspaceId: string): Promise<Channel[]> {
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { optInChannels: true } });
  return workspace.optInChannels;
}

export interface OptOutFilter {
  channel?: OptOutChannel | null;
  source?: ConsentSource | null;
  kind?: Address['kind'] | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/** The Prisma condition of the opt-out list: the workspace's opt-outs matching every filter given. */
export function optOutListWhere(workspaceId: string, filter: OptOutFilter | null | undefined): Prisma.OptOutWhereInput {
  return {
    workspaceId,
    ...(filter?.channel && { channel: filter.channel }),
    ...(filter?.source && { source: filter.source }),
    ...(filter?.kind && { kind: filter.kind }),
    ...createdWithin(filter?.createdAfter, filter?.createdBefore),
  };
}

interface Change {
  address: Address;
  source: ConsentSource;
  reason: string | null;
}

/** Opts an address out of `channel` (or ALL). Already covered: nothing changes, nothing is recorded. */
export async function optOut(db: Database, actor: ConsentActor, change: Change & { channel: OptOutChannel }): Promise<AddressConsent> {
  return changeConsent(db, actor, change, applyOptOut);
}

/** Opts out the address of one contact detail; another workspace's detail is not found. */
export async function optOutContactDetail(
  db: Database,
  actor: ConsentActor,
  change: Omit<Change, 'address'> & { detailId: string; channel: OptOutChannel },
): Promise<AddressConsent> {
  const detail = await db.prisma.contactDetail.findUnique({
    where: { workspaceId_id: { workspaceId: actor.workspaceId, id: change.detailId } },
    select: { kind: true, value: true },
  });
  if (!detail) throw new NotFoundError('ContactDetail', change.detailId);
  return optOut(db, actor, { ...change, address: { kind: detail.kind, address: detail.value } });
}

/** Records an opt-in; refused while an opt-out covers the channel. Already opted in: nothing is recorded. */
export async function optIn(db: Database, actor: ConsentActor, change: Change & { channel: Channel }): Promise<AddressConsent> {
  return changeConsent(db, actor, change, applyOptIn);
}

/** Lifts opt-outs (see planReinstate); the only way one is ever lifted. */
export async function reinstate(db: Database, actor: ConsentActor, change: Change & { channel: OptOutChannel }): Promise<AddressConsent> {
  return changeConsent(db, actor, change, applyReinstate);
}

/**
 * One change to the consent of one address: the channel checked against the address, then `apply`
 * in one transaction holding the address's lock. Answers the address's consent after it.
 */
async function changeConsent<C extends Change & { channel: OptOutChannel }>(
  db: Database,
  actor: ConsentActor,
  change: C,
  apply: (client: PoolClient, actor: ConsentActor, change: C) => Promise<void>,
): Promise<AddressConsent> {
  requireChannelFits(change.channel, change.address, ['input', 'channel']);
  await withAddressLock(db, actor.workspaceId, change.address.address, (client) => apply(client, actor, change));
  return addressConsent(db, actor.workspaceId, change.address);
}

export type KeywordAction = 'OPTED_OUT' | 'OPTED_IN' | 'NONE';

/**
 * An inbound message from an address on a channel. A STOP-family word opts the address out of that
 * channel. START/UNSTOP is the person asking, in their own words, to hear from us again on that
 * channel: it reinstates the channel (splitting an ALL opt-out, so the other channels stay closed)
 * and records an opt-in there, so it is sendable even where the channel needs consent. Any other
 * text changes nothing.
 */
export async function recordInboundKeyword(
  db: Database,
  actor: ConsentActor,
  message: { address: Address; channel: Channel; text: string },
): Promise<{ action: KeywordAction; keyword: string | null; consent: AddressConsent }> {
  const { address, channel } = message;
  requireChannelFits(channel, address, ['input', 'channel']);
  const keyword = inboundKeyword(message.text);
  let action: KeywordAction = 'NONE';
  if (keyword) {
    const change = { address, channel, source: 'INBOUND_KEYWORD' as const, reason: `inbound keyword ${keyword.word}` };
    action = await withAddressLock(db, actor.workspaceId, address.address, async (client) => {
      if (keyword.family === 'STOP') {
        await applyOptOut(client, actor, change);
        return 'OPTED_OUT';
      }
      const existing = await currentOptOuts(client, actor.workspaceId, address.address);
      if (existing.some((optOut) => optOutCovers(optOut, channel))) await applyReinstate(client, actor, change);
      await applyOptIn(client, actor, change);
      return 'OPTED_IN';
    });
  }
  return { action, keyword: keyword?.word ?? null, consent: await addressConsent(db, actor.workspaceId, address) };
}

export interface BulkOptOutResult {
  /** Non-blank lines read. */
  lines: number;
  /** Distinct valid addresses among them. */
  addresses: number;
  /** Addresses newly opted out by this call. */
  optedOut: number;
  /** Addresses an existing opt-out already covered. */
  alreadyOptedOut: number;
  invalidCount: number;
  /** The first {@link INVALID_LINES_LISTED} invalid lines. */
  invalid: InvalidLine[];
}

/** A bulk list: pasted text, or an uploaded file read as it streams in. */
export type BulkListSource = { kind: 'text'; text: string } | { kind: 'file'; stream: NodeJS.ReadableStream };

/**
 * Opts out every address of a list, one per line, normalized with the default country. Invalid
 * lines are reported, the valid ones applied together in one transaction of set-based statements;
 * addresses already covered are left as they are, so sending the same list again changes nothing.
 * An uploaded list is held, while it is read, to the workspace's import size limit (never above
 * `maxUploadBytes`, the server's); a line longer than BULK_LIST_MAX_LINE_LENGTH refuses the list.
 */
export async function bulkOptOut(
  db: Database,
  actor: ConsentActor,
  list: { source: BulkListSource; channel: OptOutChannel; reason: string | null; defaultCountry: string | null; maxUploadBytes: number },
): Promise<BulkOptOutResult> {
  const lines = await listLines(db, actor.workspaceId, list.source, list.maxUploadBytes);
  const addresses: string[] = [];
  const kinds: string[] = [];
  const invalid: InvalidLine[] = [];
  let invalidCount = 0;
  let lineNumber = 0;
  let listed = 0;
  for await (const text of lines) {
    lineNumber++;
    const parsed = parseListLine(text, list.channel, list.defaultCountry);
    if (parsed === null) continue;
    if (++listed > BULK_LIST_MAX_LINES) {
      throw new LimitExceededError('TOO_MANY_ITEMS', `a list holds at most ${BULK_LIST_MAX_LINES} addresses`, BULK_LIST_MAX_LINES);
    }
    if (parsed.ok) {
      addresses.push(parsed.value.address);
      kinds.push(parsed.value.kind);
    } else if (++invalidCount <= INVALID_LINES_LISTED) {
      invalid.push({ line: lineNumber, value: text.replace(/^\uFEFF/, '').trim(), reason: parsed.error, code: parsed.code });
    }
  }

  const { rows } = await inTransaction(db.pool, (client) =>
    client.query<{ addresses: number; opted_out: number }>(
      `WITH input AS (
         SELECT DISTINCT ON (address) address, kind FROM unnest($2::text[], $3::"DetailKind"[]) AS t(address, kind) ORDER BY address),
       fresh AS (
         SELECT i.* FROM input i WHERE NOT EXISTS (
           SELECT 1 FROM opt_outs o WHERE o.workspace_id = $1 AND o.address = i.address AND o.channel IN ('ALL', $4::text::"OptOutChannel"))),
       inserted AS (
         INSERT INTO opt_outs (workspace_id, address, kind, channel, source, reason, actor_key_id)
         SELECT $1, address, kind, $4::text::"OptOutChannel", 'BULK_LIST'::"ConsentSource", $5, $6 FROM fresh
         ON CONFLICT DO NOTHING RETURNING address, kind),
       withdrawn AS (
         DELETE FROM opt_ins x USING inserted n
         WHERE x.workspace_id = $1 AND x.address = n.address AND ($4::text = 'ALL' OR x.channel::text = $4::text)),
       events AS (
         INSERT INTO consent_events (workspace_id, address, kind, channel, type, source, reason, actor_key_id)
         SELECT $1, address, kind, $4::text::"OptOutChannel", 'OPT_OUT'::"ConsentEventType", 'BULK_LIST'::"ConsentSource", $5, $6 FROM inserted)
       SELECT (SELECT count(*) FROM input)::int AS addresses, (SELECT count(*) FROM inserted)::int AS opted_out`,
      [actor.workspaceId, addresses, kinds, list.channel, list.reason, actor.keyId],
    ),
  );
  const { addresses: distinct, opted_out: optedOut } = rows[0]!;
  return { lines: listed, addresses: distinct, optedOut, alreadyOptedOut: distinct - optedOut, invalidCount, invalid };
}

async function listLines(db: Database, workspaceId: string, source: BulkListSource, maxUploadBytes: number): Promise<AsyncIterable<string>> {
  if (source.kind === 'text') return splitLines([source.text], BULK_LIST_MAX_LINE_LENGTH);
  const workspace = await db.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { importMaxBytes: true } });
  return uploadedLines(source.stream, uploadLimit(Number(workspace.importMaxBytes), maxUploadBytes), BULK_LIST_MAX_LINE_LENGTH);
}

/**
 * Runs `work` in one transaction holding the lock of one address: changes to an address are
 * serialized, so the checks below see what the last change left.
 */
async function withAddressLock<T>(db: Database, workspaceId: string, address: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(db.pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1::text || $2::text))', [workspaceId, address]);
    return work(client);
  });
}

async function currentOptOuts(client: PoolClient, workspaceId: string, address: string): Promise<OptOutChannel[]> {
  const { rows } = await client.query<{ channel: OptOutChannel }>('SELECT channel FROM opt_outs WHERE workspace_id = $1 AND address = $2', [
    workspaceId,
    address,
  ]);
  return rows.map((row) => row.channel);
}

async function recordEvent(
  client: PoolClient,
  actor: ConsentActor,
  event: Change & { channel: OptOutChannel; type: ConsentEventType },
): Promise<void> {
  await client.query(
    `INSERT INTO consent_events (workspace_id, address, kind, channel, type, source, reason, actor_key_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [actor.workspaceId, event.address.address, event.address.kind, event.channel, event.type, event.source, event.reason, actor.keyId],
  );
}

async function applyOptOut(client: PoolClient, actor: ConsentActor, change: Change & { channel: OptOutChannel }): Promise<void> {
  const { workspaceId } = actor;
  const { address, channel } = change;
  if (!optOutIsNew(await currentOptOuts(client, workspaceId, address.address), channel)) return;
  // A bulk list (which takes no address locks) may have inserted the same opt-out a moment ago.
  const { rowCount } = await client.query(
    `INSERT INTO opt_outs (workspace_id, address, kind, channel, source, reason, actor_key_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING`,
    [workspaceId, address.address, address.kind, channel, change.source, change.reason, actor.keyId],
  );
  if (!rowCount) return;
  await client.query('DELETE FROM opt_ins WHERE workspace_id = $1 AND address = $2 AND channel::text = ANY($3::text[])', [
    workspaceId,
    address.address,
    withdrawnChannels(address.kind, channel),
  ]);
  await recordEvent(client, actor, { ...change, type: 'OPT_OUT' });
}

async function applyOptIn(client: PoolClient, actor: ConsentActor, change: Change & { channel: Channel }): Promise<void> {
  const { workspaceId } = actor;
  const { address, channel } = change;
  requireNotOptedOut(address, await currentOptOuts(client, workspaceId, address.address), channel);
  const { rowCount } = await client.query(
    `INSERT INTO opt_ins (workspace_id, address, kind, channel, source, actor_key_id) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [workspaceId, address.address, address.kind, channel, change.source, actor.keyId],
  );
  if (rowCount) await recordEvent(client, actor, { ...change, type: 'OPT_IN' });
}

async function applyReinstate(client: PoolClient, actor: ConsentActor, change: Change & { channel: OptOutChannel }): Promise<void> {
  const { workspaceId } = actor;
  const { address } = change;
  const plan = planReinstate(address, await currentOptOuts(client, workspaceId, address.address), change.channel);
  // The channels kept closed inherit the lifted ALL opt-out's origin: they were opted out then, by it.
  await client.query(
    `INSERT INTO opt_outs (workspace_id, address, kind, channel, source, reason, actor_key_id, job_id, created_at)
     SELECT o.workspace_id, o.address, o.kind, k.channel::"OptOutChannel", o.source, o.reason, o.actor_key_id, o.job_id, o.created_at
     FROM opt_outs o CROSS JOIN unnest($3::text[]) AS k(channel)
     WHERE o.workspace_id = $1 AND o.address = $2 AND o.channel = 'ALL'`,
    [workspaceId, address.address, plan.keep],
  );
  await client.query('DELETE FROM opt_outs WHERE workspace_id = $1 AND address = $2 AND channel::text = ANY($3::text[])', [
    workspaceId,
    address.address,
    plan.lift,
  ]);
  await recordEvent(client, actor, { ...change, type: 'REINSTATE' });
}
