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
 * when at least one of its details is not (the 004 seed's "active contact").
 */
export function detailStatus(kind: DetailKind, optOuts: readonly OptOutChannel[]): DetailStatus {
  return openChannels(kind, optOuts).length === 0 ? 'OPTED_OUT' : 'ACTIVE';
}

/**
 * SQL that is true when the address `address` (an SQL expression) of workspace `workspaceId` is
 * opted out on `channel` — by an opt-out of that channel or of ALL.
 */
export function optedOutSql(workspaceId: Sql, address: Sql, channel: Channel): Sql {
  return sql`EXISTS (SELECT 1 FROM opt_outs o WHERE o.workspace_id = ${workspaceId} AND o.address = ${address}
    AND o.channel IN ('ALL', ${raw(`'${channel}'`)}))`;
}

/**
 * SQL that is true when the detail row `detail` (an alias of contact_details) is ACTIVE: some
 * channel of its kind is not opted out (see {@link detailStatus}).
 */
export function activeDetailSql(detail: string): Sql {
  const on = (kind: DetailKind) =>
    join(
      CHANNELS_OF_KIND[kind].map((channel) => sql`NOT ${optedOutSql(raw(`${detail}.workspace_id`), raw(`${detail}.value`), channel)}`),
      ' OR ',
    );
  return sql`CASE ${raw(`${detail}.kind`)} WHEN 'PHONE' THEN (${on('PHONE')}) ELSE (${on('EMAIL')}) END`;
}

/** SQL that is true when the contact row `contact` (an alias of contacts) is active: one of its details is. */
export function activeContactSql(contact: string): Sql {
  return sql`EXISTS (SELECT 1 FROM contact_details ad WHERE ad.workspace_id = ${raw(`${contact}.workspace_id`)}
    AND ad.contact_id = ${raw(`${contact}.id`)} AND ${activeDetailSql('ad')})`;
}
