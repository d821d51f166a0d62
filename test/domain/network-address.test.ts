import { describe, expect, it } from 'vitest';
import { nonPublicAddressRule, nonPublicHostNameRule, parseIpAddress } from '../../src/domain/network-address.ts';

describe('nonPublicAddressRule', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private (RFC 1918)'],
    ['172.16.0.1', 'private (RFC 1918)'],
    ['172.31.255.255', 'private (RFC 1918)'],
    ['192.168.1.1', 'private (RFC 1918)'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared address space (CGNAT)'],
    ['100.127.255.255', 'shared address space (CGNAT)'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved (240.0.0.0/4, broadcast)'],
    ['198.18.0.1', 'benchmarking'],
    ['192.0.2.1', 'documentation'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique local (IPv6)'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (IPv4-mapped)'],
    ['::ffff:7f00:1', 'loopback (IPv4-mapped)'],
    ['::ffff:a9fe:a9fe', 'link-local (IPv4-mapped)'],
    ['64:ff9b::10.0.0.1', 'private (RFC 1918) (NAT64)'],
    ['2002:7f00:1::', 'loopback (6to4)'],
    ['::127.0.0.1', 'not global unicast (IPv6)'],
    ['2001:db8::1', 'documentation'],
    ['2001::1', 'reserved (IETF protocol assignments, Teredo)'],
  ])('%s is %s', (address, rule) => {
    expect(nonPublicAddressRule(address)).toBe(rule);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '[2a00:1450::1]',
    '::ffff:8.8.8.8',
    '2002:808:808::1',
    'example.com',
  ])('%s passes (public, or a name)', (address) => {
    expect(nonPublicAddressRule(address)).toBeNull();
  });

  it('reads only well-formed addresses', () => {
    for (const text of ['1.2.3', '1.2.3.256', '01.2.3.4', '1::2::3', '1:2:3:4:5:6:7:8:9', ':1', 'g::1', '::ffff:1.2.3'])
      expect(parseIpAddress(text)).toBeNull();
    expect(parseIpAddress('1:2:3:4:5:6:7:8')).toEqual({ version: 6, value: 0x00010002000300040005000600070008n });
    expect(parseIpAddress('1::')).toEqual({ version: 6, value: 1n << 112n });
  });
});

describe('nonPublicHostNameRule', () => {
  it('knows localhost and its subdomains without resolving them', () => {
    expect(['localhost', 'LOCALHOST.', 'a.b.localhost'].map(nonPublicHostNameRule)).toEqual([
      'loopback (localhost)',
      'loopback (localhost)',
      'loopback (localhost)',
    ]);
    expect(['localhost.example.com', 'example.com', 'mylocalhost'].map(nonPublicHostNameRule)).toEqual([null, null, null]);
  });
});
