import type { Context } from 'hono';
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address for the per-address limits (SY60). Each proxy appends the address it
 * was called from to `X-Forwarded-For`, so only the right-most entries were written by proxies
 * we run; everything to their left is whatever the client sent. With FAIRCASE_TRUST_PROXY=n
 * (n proxies in front of the server) the address is the n-th entry from the right; unset or 0,
 * the header is ignored and the socket's peer counts.
 */
export function trustedHops(value: string | undefined): number {
  if (value === undefined || !/^\d{1,2}$/.test(value.trim())) return 0;
  return Number(value.trim());
}

/**
 * The entry `hops` from the right of an `X-Forwarded-For` value, or undefined when there is
 * none to trust. A shorter list than `hops` came in through fewer proxies: its left-most entry
 * was still written by a proxy. An entry that is not an IP address is not trusted either.
 */
export function forwardedAddress(header: string | undefined, hops: number): string | undefined {
  if (hops < 1 || header === undefined) return undefined;
  const entries = header.split(',').map((e) => e.trim()).filter((e) => e !== '');
  const picked = entries[Math.max(0, entries.length - hops)];
  return picked !== undefined && isIP(picked) !== 0 ? picked : undefined;
}

/**
 * The key an address is counted under: an IPv6 address by its /64, which one subscriber holds
 * whole, so that walking through it does not give a fresh counter per address (SY60).
 */
export function addressKey(address: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4mapped?.[1] !== undefined) return v4mapped[1];
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::', 2) as [string?, string?];
  const left = head === '' ? [] : head.split(':');
  const right = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export function clientAddress(c: Context): string {
  const forwarded = forwardedAddress(c.req.header('x-forwarded-for'), trustedHops(process.env.FAIRCASE_TRUST_PROXY));
  if (forwarded !== undefined) return addressKey(forwarded);
  try {
    return addressKey(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // Not behind @hono/node-server (tests call app.fetch directly).
    return 'local';
  }
}
