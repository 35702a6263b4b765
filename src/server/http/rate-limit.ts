import type { Context } from 'hono';
import type { LockoutPolicy } from '../storage/login-lockout-store';
import type { Storage } from '../storage/storage';
import { refuse } from './replies';

export { clientAddress } from './client-address';

/**
 * The public routes (login, enrolment, the phones' intake) are rate-limited per client address
 * (client-address.ts, SY60), counted in the database so that every instance shares the counts.
 * Login is also slowed per account name and address (SY61).
 */
export interface Limit {
  readonly max: number;
  readonly windowSeconds: number;
}

export const LIMITS = {
  /** One address trying many accounts (spraying), whatever the names (SY61). */
  loginPerAddress: { max: 60, windowSeconds: 15 * 60 },
  enrolPerAddress: { max: 30, windowSeconds: 15 * 60 },
} as const satisfies Record<string, Limit>;

/**
 * One name from one address: five tries, then 1 s, 2 s, 4 s… between tries, at most 15 minutes
 * (SY61). A day of quiet forgets the pair.
 */
export const LOGIN_LOCKOUT = { freeTries: 5, maxDelaySeconds: 15 * 60, forgetAfterSeconds: 24 * 60 * 60 } as const satisfies LockoutPolicy;

/** The one refusal of every limit: 429 RATE_LIMITED with Retry-After. */
export function tooMany(c: Context, retryAfterSeconds: number): Response {
  c.header('Retry-After', String(retryAfterSeconds));
  return refuse(c, 429, 'RATE_LIMITED', { params: { retryAfterSeconds } });
}

/** A 429 with Retry-After when any of the keys is over its limit; undefined to go on. */
export async function limited(c: Context, storage: Storage, checks: readonly { key: string; limit: Limit }[]): Promise<Response | undefined> {
  for (const { key, limit } of checks) {
    const hits = await storage.hit(key, limit.windowSeconds);
    if (hits > limit.max) return tooMany(c, limit.windowSeconds);
  }
  return undefined;
}
