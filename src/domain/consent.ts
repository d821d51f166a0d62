import { CHANNELS_OF_KIND, optOutCovers, type Channel, type DetailKind, type OptOutChannel } from './detail-status.ts';
import { normalizeEmail } from './email.ts';
import type { ErrorCode } from './error-codes.ts';
import { InvalidStateError, rejection, ValidationError } from './errors.ts';
import { isValidCountryCode, normalizePhone } from './phone-number.ts';
import { err, ok, quote, type Result } from './result.ts';

/**
 * Consent rules (docs/product-rules.md): opt-outs and opt-ins are kept per address and channel, every
 * change is an event, and only an explicit reinstate lifts an opt-out.
 *
 * - An opt-out withdraws consent: the address's opt-ins on the channels it covers are removed (the
 *   events keep them). So an opt-in never sits under an opt-out, and a reinstated address on a
 *   channel that needs an opt-in needs a new one.
 * - An opt-out already covered (same channel, or ALL) changes nothing and records no event, which
 *   makes every opt-out path idempotent.
 * - An opt-in of an opted-out address is refused (API) or not recorded (imports): lifting takes a
 *   reinstate with a reason.
 */

export type ConsentSource = 'API' | 'IMPORT' | 'BULK_LIST' | 'INTEGRATION' | 'INBOUND_KEYWORD';
export type ConsentEventType = 'OPT_OUT' | 'OPT_IN' | 'REINSTATE';

/** Sources a caller may name on the single-address mutations; the others belong to their own paths. */
export const CALLER_SOURCES: readonly ConsentSource[] = ['API', 'INTEGRATION'];

/** Longest reason kept with an event. */
export const REASON_MAX_LENGTH = 500;

/** The kind of address each channel reaches. */
export const KIND_OF_CHANNEL: Record<Channel, DetailKind> = { SMS: 'PHONE', WHATSAPP: 'PHONE', EMAIL: 'EMAIL' };

/** A normalized address: E.164 phone or lower-cased email. */
export interface Address {
  kind: DetailKind;
  address: string;
}

/**
 * Reads one address: with an `@` it is an email, otherwise a phone number (international form, or
 * national form read in `defaultCountry`).
 */
export function parseAddress(raw: string, defaultCountry?: string | null): Result<Address> {
  const text = raw.trim();
  if (text === '') return err('REQUIRED', 'no address given');
  if (text.includes('@')) {
    const email = normalizeEmail(text);
    return email.ok ? ok({ kind: 'EMAIL', address: email.value }) : email;
  }
  const phone = normalizePhone(text, { defaultCountry });
  return phone.ok ? ok({ kind: 'PHONE', address: phone.value.e164 }) : phone;
}

/** `parseAddress` for an input field: a ValidationError naming the field when it fails. */
export function requireAddress(raw: string, defaultCountry: string | null | undefined, path: string[]): Address {
  const parsed = parseAddress(raw, defaultCountry);
  if (!parsed.ok) throw new ValidationError([rejection(path, parsed)]);
  return parsed.value;
}

/** A default country given on an input: an ISO 3166-1 alpha-2 code, upper-cased; null when blank. */
export function requireDefaultCountry(raw: string | null | undefined, path: string[]): string | null {
  const text = raw?.trim();
  if (!text) return null;
  if (!isValidCountryCode(text)) {
    throw ValidationError.of(path, 'INVALID_COUNTRY', `${quote(text)} is not an ISO 3166-1 alpha-2 country code (e.g. US or GB)`);
  }
  return text.toUpperCase();
}

/** Whether `channel` (or ALL) can apply to an address of `kind`: email addresses are not on SMS. */
export function channelFitsKind(channel: OptOutChannel, kind: DetailKind): boolean {
  return channel === 'ALL' || KIND_OF_CHANNEL[channel] === kind;
}

export function requireChannelFits(channel: OptOutChannel, address: Address, path: string[]): void {
  if (!channelFitsKind(channel, address.kind)) {
    throw ValidationError.of(
      path,
      'CHANNEL_MISMATCH',
      `${address.kind === 'EMAIL' ? 'an email address' : 'a phone number'} is not reached on ${channel}`,
      {
        channel,
      },
    );
  }
}

/** A reason as stored: trimmed, null when blank, at most {@link REASON_MAX_LENGTH} characters. */
export function normalizeReason(raw: string | null | undefined, path: string[], required = false): string | null {
  const text = raw?.trim() ?? '';
  if (text === '') {
    if (required) throw ValidationError.of(path, 'REQUIRED', 'a reason is required');
    return null;
  }
  if (text.length > REASON_MAX_LENGTH) {
    throw ValidationError.of(path, 'TOO_LONG', `a reason has at most ${REASON_MAX_LENGTH} characters`, {
      limit: REASON_MAX_LENGTH,
      length: text.length,
    });
  }
  return text;
}

export function requireCallerSource(source: ConsentSource | null | undefined, path: string[]): ConsentSource {
  const chosen = source ?? 'API';
  if (!CALLER_SOURCES.includes(chosen)) {
    throw ValidationError.of(path, 'INVALID_CHOICE', `${chosen} is recorded by its own path; a caller can give ${CALLER_SOURCES.join(' or ')}`, {
      allowed: CALLER_SOURCES,
    });
  }
  return chosen;
}

/**
 * The address of a single-address input: its `address`, a national number read in its
 * `defaultCountry`. A ValidationError names whichever of the two, under `path`, is wrong.
 */
export function requireAddressInput(input: { address: string; defaultCountry?: string | null }, path: readonly string[]): Address {
  const defaultCountry = requireDefaultCountry(input.defaultCountry, [...path, 'defaultCountry']);
  return requireAddress(input.address, defaultCountry, [...path, 'address']);
}

/** Why and through what a caller changes consent: an input's `reason` and `source`, under `path`. */
export function requireChangeOrigin(
  input: { reason?: string | null; source?: ConsentSource | null },
  path: readonly string[],
  options: { reasonRequired?: boolean } = {},
): { reason: string | null; source: ConsentSource } {
  return {
    reason: normalizeReason(input.reason, [...path, 'reason'], options.reasonRequired),
    source: requireCallerSource(input.source, [...path, 'source']),
  };
}

/** Whether a new opt-out on `channel` would change anything, given the address's opt-outs. */
export function optOutIsNew(existing: readonly OptOutChannel[], channel: OptOutChannel): boolean {
  return !existing.includes(channel) && !existing.includes('ALL');
}

/** The opt-in channels an opt-out on `channel` withdraws. */
export function withdrawnChannels(kind: DetailKind, channel: OptOutChannel): Channel[] {
  return CHANNELS_OF_KIND[kind].filter((reached) => optOutCovers(channel, reached));
}

/** An opt-in is refused while an opt-out covers its channel: only a reinstate lifts it. */
export function requireNotOptedOut(address: Address, existing: readonly OptOutChannel[], channel: Channel): void {
  const covering = existing.find((optOut) => optOutCovers(optOut, channel));
  if (covering) {
    throw new InvalidStateError(
      'OPTED_OUT',
      `${address.address} is opted out (${covering}); only a reinstate with a reason lifts an opt-out, then it can be opted in`,
      'OPTED_OUT',
      { channel: covering },
    );
  }
}

/** What a reinstate does to the opt-out rows of one address. */
export interface ReinstatePlan {
  /** Opt-out rows removed. */
  lift: OptOutChannel[];
  /** Rows added in place of a lifted ALL, so the channels not reinstated stay opted out. */
  keep: Channel[];
}

/**
 * Reinstating ALL lifts every opt-out of the address. Reinstating one channel lifts that channel's
 * opt-out, and an ALL opt-out is split: it is removed and the address's other channels get opt-outs
 * of their own (with the ALL's source, reason and time), so only the named channel reopens.
 * Nothing to lift is an InvalidStateError: a reinstate is always a deliberate change.
 */
export function planReinstate(address: Address, existing: readonly OptOutChannel[], channel: OptOutChannel): ReinstatePlan {
  const lift = channel === 'ALL' ? [...existing] : existing.filter((optOut) => optOut === channel || optOut === 'ALL');
  if (lift.length === 0) {
    throw new InvalidStateError(
      'NOT_OPTED_OUT',
      `${address.address} is not opted out${channel === 'ALL' ? '' : ` of ${channel}`}: there is nothing to reinstate`,
      'NOT_OPTED_OUT',
      { channel },
    );
  }
  const keep =
    channel !== 'ALL' && lift.includes('ALL') ? CHANNELS_OF_KIND[address.kind].filter((other) => other !== channel && !existing.includes(other)) : [];
  return { lift, keep };
}

/** Per-channel consent state of an address, the same rule the audience applies in SQL. */
export type ChannelConsentStatus = 'SENDABLE' | 'OPTED_OUT' | 'NO_OPT_IN';

export function channelConsentStatus(
  channel: Channel,
  optOuts: readonly OptOutChannel[],
  optIns: readonly Channel[],
  optInChannels: readonly Channel[],
): ChannelConsentStatus {
  if (optOuts.some((optOut) => optOutCovers(optOut, channel))) return 'OPTED_OUT';
  if (optInChannels.includes(channel) && !optIns.includes(channel)) return 'NO_OPT_IN';
  return 'SENDABLE';
}

/**
 * Inbound keywords (CTIA's standard set). A message counts when, trimmed and without trailing
 * punctuation, it is one of these words in any case: a sentence that merely contains "stop" is a
 * conversation, not a request.
 */
export const STOP_KEYWORDS: readonly string[] = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE'];
export const START_KEYWORDS: readonly string[] = ['START', 'UNSTOP'];

export type InboundKeyword = 'STOP' | 'START';

/** The keyword family of an inbound message, or null for any other text. */
export function inboundKeyword(text: string): { family: InboundKeyword; word: string } | null {
  const word = text
    .trim()
    .replace(/[.!?\s]+$/u, '')
    .toUpperCase();
  if (STOP_KEYWORDS.includes(word)) return { family: 'STOP', word };
  if (START_KEYWORDS.includes(word)) return { family: 'START', word };
  return null;
}

/** One line of a bulk opt-out list that could not be read. */
export interface InvalidLine {
  /** 1-based line number in the list. */
  line: number;
  value: string;
  reason: string;
  code: ErrorCode;
}

/**
 * Reads a line of a bulk opt-out list: blank lines are skipped (null), anything else is an address
 * whose kind must fit the list's channel.
 */
export function parseListLine(text: string, channel: OptOutChannel, defaultCountry: string | null): Result<Address> | null {
  const value = text.replace(/^\uFEFF/, '').trim();
  if (value === '') return null;
  const parsed = parseAddress(value, defaultCountry);
  if (parsed.ok && !channelFitsKind(channel, parsed.value.kind)) {
    return err(
      'CHANNEL_MISMATCH',
      `${quote(value)} is ${parsed.value.kind === 'EMAIL' ? 'an email address' : 'a phone number'}, not reached on ${channel}`,
      {
        channel,
      },
    );
  }
  return parsed;
}
