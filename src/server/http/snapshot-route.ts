import type { Context } from 'hono';
import type { Instant } from '../../domain/time';
import { checkVersion, MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION, Rejection, VersionProbe } from '../../domain/wire/protocol';
import { SnapshotQuery, type SnapshotPage } from '../../domain/wire/snapshot';
import type { Storage } from '../storage/storage';
import { snapshotJson } from '../storage/snapshot-store';
import { parseQuery } from './body';
import { allowed, ownFair, type Env } from './guard';

/**
 * `GET /api/sync/snapshot` (SY84): a page of the fair's current records, guarded as the pull is
 * (the same callers, the token's own fair only). The records go out as the database wrote them.
 */
export async function snapshotRoute(c: Context<Env>, storage: Storage, now: () => number): Promise<Response> {
  const denied = allowed(c, { users: ['organizer', 'expert'], devices: ['desk', 'expert'] });
  if (denied !== undefined) return denied;
  const version = VersionProbe.safeParse({ protocolVersion: c.req.query('protocolVersion') });
  if (version.success) {
    const check = checkVersion(version.data.protocolVersion);
    if (check === Rejection.clientTooOld) return c.json({ type: check, code: 'CLIENT_TOO_OLD', serverVersion: PROTOCOL_VERSION, minClientVersion: MIN_CLIENT_PROTOCOL }, 426);
    if (check === Rejection.serverTooOld) return c.json({ type: check, code: 'SERVER_TOO_OLD', serverVersion: PROTOCOL_VERSION }, 409);
  }
  const query = parseQuery(c, SnapshotQuery);
  if (!query.ok) return query.response;
  const other = ownFair(c, query.value.fair);
  if (other !== undefined) return other;
  const page = await snapshotJson(storage.sql, query.value.fair, query.value.at, query.value.after, query.value.limit);
  const head = {
    type: 'snapshot-page', epoch: page.epoch, at: page.at, ...(page.total === undefined ? {} : { total: page.total }), next: page.next,
    serverTime: new Date(now()).toISOString() as Instant,
  } satisfies Omit<SnapshotPage, 'items'>;
  return c.body(`${JSON.stringify(head).slice(0, -1)},"items":${page.itemsJson}}`, 200, { 'content-type': 'application/json' });
}
