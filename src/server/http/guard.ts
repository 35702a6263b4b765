import type { Context, MiddlewareHandler } from 'hono';
import type { Principal, Storage } from '../storage/storage';
import { refuse } from './replies';
import { markSeen } from '../console/console-store';

export interface Env {
  /** `seenRecorded`: the route's own write already recorded the tablet as seen (the push, push-sql.ts). */
  Variables: { principal: Principal; seenRecorded?: boolean };
}

/**
 * Every API route but login, enrolment redemption and health needs a bearer token. The token
 * is looked up in the database on each request (no session in memory), so a revoked device
 * is refused by every instance at once.
 */
export function authenticated(storage: Storage, now: () => number = Date.now): MiddlewareHandler<Env> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
    if (match === null) return refuse(c, 401, 'UNAUTHENTICATED');
    const principal = await storage.authenticate(match[1] as string);
    if ('refused' in principal) return refuse(c, 401, principal.refused);
    c.set('principal', principal);
    await next();
    // CO11: the console's "last seen" of a tablet is its last request the server took; a
    // refused one changes nothing (the hostile tests hold every refusal to that).
    if (principal.kind === 'device' && c.res.status < 400 && c.get('seenRecorded') !== true) await markSeen(storage.sql, principal.deviceId, principal.fairId, now());
  };
}

export type Access =
  /** A person with one of these roles. */
  | { readonly users: readonly ('organizer' | 'expert')[]; readonly devices?: readonly ('desk' | 'expert')[] }
  /** Only enrolled tablets with one of these roles. */
  | { readonly users?: undefined; readonly devices: readonly ('desk' | 'expert')[] };

/** The role check of a route: 403 FORBIDDEN_ROLE, or DEVICE_REQUIRED for a person on a tablet-only route. */
export function allowed(c: Context<Env>, access: Access): Response | undefined {
  const p = c.get('principal');
  if (p.kind === 'user') {
    if (access.users === undefined) return refuse(c, 403, 'DEVICE_REQUIRED');
    return (access.users as readonly string[]).includes(p.role) ? undefined : refuse(c, 403, 'FORBIDDEN_ROLE', { params: { role: p.role } });
  }
  return (access.devices ?? []).includes(p.role) ? undefined : refuse(c, 403, 'FORBIDDEN_ROLE', { params: { role: p.role } });
}

/** A tablet may only touch its own fair. */
export function ownFair(c: Context<Env>, fairId: string): Response | undefined {
  const p = c.get('principal');
  return p.kind === 'device' && p.fairId !== fairId ? refuse(c, 403, 'FAIR_MISMATCH') : undefined;
}
