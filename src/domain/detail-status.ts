import { join, raw, sql, type Sql } from './sql.ts';

/** Which channels reach an address of each kind. */
export type DetailKind = 'PHONE' | 'EMAIL';
export type Channel = 'SMS' | 'WHATSAPP' | 'EMAIL';
export type OptOutChannel = Channel | 'ALL';
export type DetailStatus = 'ACTIVE' | 'OPTED_OUT';

export const CHANNELS_OF_KIND: Record<DetailKind, readonly Channel[]> = {
  PHONE: ['SMS', 'WHATSAPP'],
  EMAIL: ['EMAIL'],
};

/** Whether an opt-out on `optOut` covers `channel`. */
export function optOutCovers(optOut: OptOutChannel, channel: Channel): boolean {
  return optOut === 'ALL' || optOut === channel;
}

/** The channels of an address that its opt-outs leave open. */
export function openChannels(kind: DetailKind, optOuts: readonly OptOutChannel[]): Channel[] {
  return CHANNELS_OF_KIND[kind].filter((channel) => !optOuts.some((optOut) => optOutCovers(optOut, channel)));
}

/**
 * A detail is OPTED_OUT when it is opted out on every channel that reaches it; a contact is active
 * when at least one of its details is not.
 */
export function detailStatus(kind: DetailKind, optOuts: readonly OptOutChannel[]): DetailStatus {
  return openChannels(kind, optOuts).length === 0 ? 'OPTED_OUT' : 'ACTIVE';
}

/** SQL that is true when the opt-out row `optOut` (an alias of opt_outs) covers `channel`, an SQL expression (see {@link optOutCovers}). */
function coversSql(optOut: string, channel: Sql): Sql {
  return sql`${raw(`${optOut}.channel`)} IN ('ALL', ${channel})`;
}

/**
 * SQL that is true when the address `address` (an SQL expression) of workspace `workspaceId` is
 * opted out on `channel` — by an opt-out of that channel or of ALL.
 */
export function optedOutSql(workspaceId: Sql, address: Sql, channel: Channel): Sql {
  return sql`EXISTS (SELECT 1 FROM opt_outs o WHERE o.workspace_id = ${workspaceId} AND o.address = ${address}
    AND ${coversSql('o', raw(`'${channel}'`))})`;
}

/**
 * SQL that is true when the contact row `contact` (an alias of contacts) is active: one of its
 * details is ACTIVE, i.e. some channel of the detail's kind is not opted out (see
 * {@link detailStatus}). Put as "a (detail, channel of its kind) pair that no opt-out covers", it is
 * a semi-join of details on the contact with an anti-join of opt-outs on the address, with no
 * subquery per row: the planner can hash both over a whole workspace (a count over a million
 * contacts), or probe their indexes for a few contacts.
 */
export function activeContactSql(contact: string): Sql {
  const pairs = (Object.keys(CHANNELS_OF_KIND) as DetailKind[]).flatMap((kind) =>
    CHANNELS_OF_KIND[kind].map((channel) => raw(`('${kind}'::"DetailKind", '${channel}'::"OptOutChannel")`)),
  );
  return sql`EXISTS (SELECT 1 FROM contact_details ad JOIN (VALUES ${join(pairs, ', ')}) AS ac(kind, channel) ON ac.kind = ad.kind
    WHERE ad.workspace_id = ${raw(`${contact}.workspace_id`)} AND ad.contact_id = ${raw(`${contact}.id`)}
      AND NOT EXISTS (SELECT 1 FROM opt_outs ao WHERE ao.workspace_id = ad.workspace_id AND ao.address = ad.value AND ${coversSql('ao', raw('ac.channel'))}))`;
}
