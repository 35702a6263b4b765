import { expect, test } from 'vitest';
import { addressKey, forwardedAddress, trustedHops } from '../../src/server/http/client-address';

/** SY60: which X-Forwarded-For entry is the client, for n trusted proxies. */

test('[SY60] FAIRCASE_TRUST_PROXY is a number of proxies; unset, empty or anything else trusts none', () => {
  expect([undefined, '', '0', '1', '2', ' 3 ', 'true', 'yes', '-1', '1.5', '999'].map(trustedHops)).toEqual([0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0]);
});

test('[SY60] n trusted proxies: the n-th entry from the right; the entries the client wrote on the left never count', () => {
  const header = '6.6.6.6, 7.7.7.7 ,198.51.100.7, 10.0.0.2';
  expect(forwardedAddress(header, 1)).toBe('10.0.0.2');
  expect(forwardedAddress(header, 2)).toBe('198.51.100.7');
  expect(forwardedAddress(header, 3)).toBe('7.7.7.7');
  expect(forwardedAddress(header, 0)).toBeUndefined();
  expect(forwardedAddress(undefined, 1)).toBeUndefined();
});

test('[SY60] a header shorter than n gives its left-most entry; an entry that is not an IP address is not trusted', () => {
  expect(forwardedAddress('198.51.100.7', 2)).toBe('198.51.100.7');
  expect(forwardedAddress('198.51.100.7, 10.0.0.2', 5)).toBe('198.51.100.7');
  expect(forwardedAddress('1.2.3.4, not-an-address', 1)).toBeUndefined();
  expect(forwardedAddress('1.2.3.4, ', 1)).toBe('1.2.3.4');
  expect(forwardedAddress('2001:db8::1', 1)).toBe('2001:db8::1');
});

test('[SY60] an IPv6 address counts as its /64; IPv4, IPv4-mapped IPv6 and anything else as themselves', () => {
  expect(addressKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
  expect(addressKey('2001:0db8:00aa:00bb:ffff::1')).toBe('2001:db8:aa:bb::/64');
  expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
  expect(addressKey('::1')).toBe('0:0:0:0::/64');
  expect(addressKey('fe80::1:2')).toBe(addressKey('fe80::9:9:9:9'));
  expect(addressKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
  expect(addressKey('198.51.100.7')).toBe('198.51.100.7');
  expect(addressKey('local')).toBe('local');
});
