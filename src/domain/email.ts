import { err, ok, quote, type Result } from './result.ts';

/**
 * A practical address check, not RFC 5322: `local@domain.tld` where the local part is dot-separated
 * runs of letters, digits and the printable symbols mail systems accept unquoted (no quoted strings,
 * comments or IP-literal domains — real contact lists do not carry them), and the domain is two or
 * more labels of letters, digits and inner hyphens with an alphabetic (or punycode) top level.
 * Letters may be non-ASCII: internationalized domains and mailboxes are real.
 */
const EMAIL_FORM =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

/** RFC 5321 limits: 64 characters before the `@`, 254 in all. */
const LOCAL_PART_MAX_LENGTH = 64;
const ADDRESS_MAX_LENGTH = 254;

/** Any UTF-16 unit above 0x7f (a character beyond the BMP is a surrogate pair, so it matches too). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Normalizes an email address for storage and matching: trimmed, syntax-checked and lower-cased
 * whole. Lower-casing the local part is strictly wrong by the RFC, but contacts are matched
 * case-insensitively (no real mailbox provider distinguishes case), and storing one form lets the
 * database compare with plain equality. Non-ASCII input is put in Unicode NFC form so the same
 * address typed on two systems compares equal.
 */
export function normalizeEmail(raw: string): Result<string> {
  const trimmed = raw.trim();
  if (trimmed === '') return err('REQUIRED', 'no email address given');
  const address = NON_ASCII.test(trimmed) ? trimmed.normalize('NFC') : trimmed;
  const at = address.indexOf('@');
  if (address.length > ADDRESS_MAX_LENGTH || at > LOCAL_PART_MAX_LENGTH || !EMAIL_FORM.test(address)) {
    return err('INVALID_EMAIL', `${quote(trimmed)} is not a valid email address`);
  }
  return ok(address.toLowerCase());
}
