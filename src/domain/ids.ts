import { ValidationError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every id of the API is a UUID; anything else is named as malformed rather than looked up. */
export function parseId(value: string | number, path: string[]): string {
  const id = String(value);
  if (!UUID.test(id)) throw ValidationError.of(path, 'INVALID_ID', `"${id}" is not a valid id`);
  return id.toLowerCase();
}

/**
 * A contact id as an import file gives it: the bare UUID, or the global id the API returns (the
 * base64 of `Contact:` and the UUID), read as the UUID it carries; anything else as it is.
 */
export function contactIdCell(cell: string): string {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(cell) ? Buffer.from(cell, 'base64').toString('utf8') : '';
  return decoded.startsWith('Contact:') && UUID.test(decoded.slice('Contact:'.length)) ? decoded.slice('Contact:'.length) : cell;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const RANDOM_POOL_SIZE = 8192;
let randomPool = new Uint8Array(0);
let randomOffset = 0;
let lastMs = 0;
let sequence = 0;

/**
 * A new time-ordered UUID (version 7, RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence
 * that counts up within a millisecond (RFC 9562's "fixed bit-length dedicated counter"), then 62
 * random bits. Ids made one after another by this process sort in the order they were made, so the
 * rows a bulk write inserts land at the right edge of their primary-key B-tree instead of on random
 * pages all over it. The random bits come from a pool refilled in large draws.
 */
export function timeOrderedId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next one, so the order still holds.
    lastMs += 1;
    sequence = 0;
  }
  ms = lastMs;
  if (randomOffset + 8 > randomPool.length) {
    randomPool = crypto.getRandomValues(new Uint8Array(RANDOM_POOL_SIZE));
    randomOffset = 0;
  }
  const r = randomPool;
  const o = randomOffset;
  randomOffset += 8;
  const high = Math.floor(ms / 0x10000);
  return (
    HEX[(high >>> 24) & 0xff]! +
    HEX[(high >>> 16) & 0xff]! +
    HEX[(high >>> 8) & 0xff]! +
    HEX[high & 0xff]! +
    '-' +
    HEX[(ms >>> 8) & 0xff]! +
    HEX[ms & 0xff]! +
    '-' +
    HEX[0x70 | (sequence >>> 8)]! +
    HEX[sequence & 0xff]! +
    '-' +
    HEX[0x80 | (r[o]! & 0x3f)]! +
    HEX[r[o + 1]!]! +
    '-' +
    HEX[r[o + 2]!]! +
    HEX[r[o + 3]!]! +
    HEX[r[o + 4]!]! +
    HEX[r[o + 5]!]! +
    HEX[r[o + 6]!]! +
    HEX[r[o + 7]!]!
  );
}
