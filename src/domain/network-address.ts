/**
 * IP addresses that must not receive a server's outgoing requests when a tenant chooses the target
 * (webhooks): anything but public unicast would let a tenant reach the server's own machine, its
 * private network or the cloud's metadata service.
 */

interface Range {
  /** The first address of the range, as a number (32 bits for IPv4, 128 for IPv6). */
  start: bigint;
  /** Prefix length in bits. */
  bits: number;
  /** What the range is, as an error message names it. */
  rule: string;
}

const LOOPBACK = 'loopback';
const PRIVATE = 'private (RFC 1918)';
const LINK_LOCAL = 'link-local';

function v4Range(cidr: string, rule: string): Range {
  const [address, bits] = cidr.split('/');
  return { start: parseIPv4(address!)!, bits: Number(bits), rule };
}

function v6Range(cidr: string, rule: string): Range {
  const [address, bits] = cidr.split('/');
  return { start: parseIPv6(address!)!, bits: Number(bits), rule };
}

const IPV4_REFUSED: Range[] = [
  v4Range('0.0.0.0/8', 'unspecified ("this network")'),
  v4Range('10.0.0.0/8', PRIVATE),
  v4Range('100.64.0.0/10', 'shared address space (CGNAT)'),
  v4Range('127.0.0.0/8', LOOPBACK),
  v4Range('169.254.0.0/16', LINK_LOCAL),
  v4Range('172.16.0.0/12', PRIVATE),
  v4Range('192.0.0.0/24', 'reserved (IETF protocol assignments)'),
  v4Range('192.0.2.0/24', 'documentation'),
  v4Range('192.88.99.0/24', 'reserved (6to4 relay)'),
  v4Range('192.168.0.0/16', PRIVATE),
  v4Range('198.18.0.0/15', 'benchmarking'),
  v4Range('198.51.100.0/24', 'documentation'),
  v4Range('203.0.113.0/24', 'documentation'),
  v4Range('224.0.0.0/4', 'multicast'),
  v4Range('240.0.0.0/4', 'reserved (240.0.0.0/4, broadcast)'),
];

/** Checked in order, before the rule that only global unicast (2000::/3) is allowed. */
const IPV6_REFUSED: Range[] = [
  v6Range('::/128', 'unspecified'),
  v6Range('::1/128', LOOPBACK),
  v6Range('fc00::/7', 'unique local (IPv6)'),
  v6Range('fe80::/10', LINK_LOCAL),
  v6Range('fec0::/10', 'site-local (IPv6)'),
  v6Range('ff00::/8', 'multicast'),
  v6Range('2001::/23', 'reserved (IETF protocol assignments, Teredo)'),
  v6Range('2001:db8::/32', 'documentation'),
  v6Range('3fff::/20', 'documentation'),
];

const GLOBAL_UNICAST = v6Range('2000::/3', '');
/** IPv6 forms that carry an IPv4 address: the IPv4 rules apply to it. */
const IPV4_MAPPED = v6Range('::ffff:0:0/96', 'IPv4-mapped');
const NAT64 = v6Range('64:ff9b::/96', 'NAT64');
const SIX_TO_FOUR = v6Range('2002::/16', '6to4');

const inRange = (address: bigint, width: number, range: Range) => address >> BigInt(width - range.bits) === range.start >> BigInt(width - range.bits);

/** Dotted-decimal IPv4 (four parts, 0–255, no leading zeros), or null. */
function parseIPv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** IPv6 in any textual form (`::` compression, a trailing dotted IPv4, no zone), or null. */
function parseIPv6(text: string): bigint | null {
  let hex = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    hex = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = hex.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves[1] ? halves[1].split(':') : [];
  const compressed = halves.length === 2;
  if (compressed ? head.length + tail.length > 7 : head.length !== 8) return null;
  const groups = compressed ? [...head, ...new Array<string>(8 - head.length - tail.length).fill('0'), ...tail] : head;
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** The IP address a URL host or a resolver answer holds (brackets and an IPv6 zone dropped), or null for a name. */
export function parseIpAddress(text: string): { version: 4 | 6; value: bigint } | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const v4 = parseIPv4(bare);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIPv6(bare.replace(/%.*$/, ''));
  return v6 === null ? null : { version: 6, value: v6 };
}

function ipv4Rule(value: bigint): string | null {
  return IPV4_REFUSED.find((range) => inRange(value, 32, range))?.rule ?? null;
}

function ipv6Rule(value: bigint): string | null {
  for (const wrapper of [IPV4_MAPPED, NAT64]) {
    if (inRange(value, 128, wrapper)) {
      const rule = ipv4Rule(value & 0xffffffffn);
      return rule && `${rule} (${wrapper.rule})`;
    }
  }
  if (inRange(value, 128, SIX_TO_FOUR)) {
    const rule = ipv4Rule((value >> 80n) & 0xffffffffn);
    if (rule) return `${rule} (${SIX_TO_FOUR.rule})`;
  }
  const refused = IPV6_REFUSED.find((range) => inRange(value, 128, range));
  if (refused) return refused.rule;
  return inRange(value, 128, GLOBAL_UNICAST) ? null : 'not global unicast (IPv6)';
}

/**
 * Why an IP address is not a public unicast one ("loopback", "private (RFC 1918)", "link-local",
 * "shared address space (CGNAT)", "unique local (IPv6)", "multicast", "loopback (IPv4-mapped)" …),
 * or null when it is public. Text that is not an IP address answers null: a name is checked once
 * it has been resolved.
 */
export function nonPublicAddressRule(text: string): string | null {
  const address = parseIpAddress(text);
  if (!address) return null;
  return address.version === 4 ? ipv4Rule(address.value) : ipv6Rule(address.value);
}

/**
 * Why a host name is known not to be public without resolving it: `localhost` and its subdomains
 * always mean this machine (RFC 6761). Null for any other name.
 */
export function nonPublicHostNameRule(hostname: string): string | null {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') ? `${LOOPBACK} (localhost)` : null;
}
