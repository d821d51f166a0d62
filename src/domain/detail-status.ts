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
