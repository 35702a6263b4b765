import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Storage } from '../storage/storage';
import { refuse } from './replies';

/**
 * The public routes (login, enrolment) are rate-limited (issue 10 part 3): per account name and
 * per client address, counted in the database so that every instance shares the counts. Behind
 * a proxy, set FAIRCASE_TRUST_PROXY=1 to take the address from X-Forwarded-For.
 */
export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

export const LIMITS = {
  /** Guessing one account's password: 10 tries per 15 minutes. */
  loginPerName: { max: 10, windowSeconds: 15 * 60 },
  /** One address trying many accounts or codes. */
  loginPerAddress: { max: 60, windowSeconds: 15 * 60 },
  enrolPerAddress: { max: 30, windowSeconds: 15 * 60 },
} as const satisfies Record<string, Limit>;

export function clientAddress(c: Context): string {
  if (process.env.FAIRCASE_TRUST_PROXY === '1') {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded !== undefined && forwarded !== '') return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not behind @hono/node-server (tests call app.fetch directly).
    return 'local';
  }
}

/** A 429 with Retry-After when any of the keys is over its limit; undefined to go on. */
export async function limited(c: Context, storage: Storage, checks: readonly { key: string; limit: Limit }[]): Promise<Response | undefined> {
  for (const { key, limit } of checks) {
    const hits = await storage.hit(key, limit.windowSeconds);
    if (hits > limit.max) {
      c.header('Retry-After', String(limit.windowSeconds));
      return refuse(c, 429, 'RATE_LIMITED', { params: { retryAfterSeconds: limit.windowSeconds } });
    }
  }
  return undefined;
}
