import { Hono } from 'hono';
import type { Context } from 'hono';
import type { Instant } from '../../domain/time';
import {
  checkVersion, MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION, PullQuery, PushRequest, Rejection, SetAsideQuery, VersionProbe,
  type ConflictList, type PullPage, type PushAccepted, type RejectedList,
} from '../../domain/wire/protocol';
import { quarantined } from '../../domain/wire/storable';
import type { Storage } from '../storage/storage';
import { parseQuery, readJson } from './body';
import { allowed, authenticated, ownFair, type Env } from './guard';
import { issuesOf, refuse } from './replies';
import { withTiming } from './timing';
import { snapshotRoute } from './snapshot-route';
import { reportStatus } from '../console/console-store';
import { num } from '../storage/sql';

const ackedSeqOf = async (storage: Storage, deviceId: string): Promise<number> =>
  num((await storage.sql.query<{ acked_seq: unknown }>('select acked_seq from device_acks where device_id = $1', [deviceId]))[0]?.acked_seq ?? 0);

/** A push of 1,000 items with generous payloads. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

/** An old client gets a clear "update the app" answer (426), a newer one "server too old" (409). */
function versionRefusal(c: Context, version: number): Response | undefined {
  const check = checkVersion(version);
  if (check === Rejection.clientTooOld) {
    return c.json({ type: check, code: 'CLIENT_TOO_OLD', serverVersion: PROTOCOL_VERSION, minClientVersion: MIN_CLIENT_PROTOCOL }, 426);
  }
  if (check === Rejection.serverTooOld) return c.json({ type: check, code: 'SERVER_TOO_OLD', serverVersion: PROTOCOL_VERSION }, 409);
  return undefined;
}

export function syncRoutes(storage: Storage, now: () => number): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', withTiming(authenticated(storage, now)));

  app.post('/push', async (c) => {
    const denied = allowed(c, { devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const json = await readJson(c, PUSH_BODY_LIMIT);
    if (!json.ok) return json.response;
    const probe = VersionProbe.safeParse(json.value);
    if (probe.success) {
      const refusal = versionRefusal(c, probe.data.protocolVersion);
      if (refusal !== undefined) return refusal;
    }
    const parsed = PushRequest.safeParse(json.value);
    if (!parsed.success) return refuse(c, 400, 'INVALID_BODY', { issues: issuesOf(parsed.error) });
    const request = parsed.data;
    const device = c.get('principal');
    if (device.kind !== 'device') return refuse(c, 403, 'DEVICE_REQUIRED');
    // The token is bound to one device and one fair: any item claiming another device is refused whole.
    if (request.deviceId !== device.deviceId || request.items.some((i) => i.deviceId !== device.deviceId)) {
      return refuse(c, 403, 'DEVICE_MISMATCH');
    }
    if (request.fairId !== device.fairId) return refuse(c, 403, 'FAIR_MISMATCH');
    // A payload with NUL, a lone surrogate or deep nesting is rejected, not a 500 (SY51).
    // CO11: the acknowledgement before this push, against which the reported outbox is measured.
    const ackedBefore = request.status === undefined ? 0 : await ackedSeqOf(storage, device.deviceId);
    const outcome = await storage.push({ deviceId: device.deviceId, fairId: device.fairId }, request.items.map(quarantined), now());
    if (outcome.kind === 'device-revoked') return refuse(c, 401, 'DEVICE_REVOKED');
    if (outcome.seenRecorded) c.set('seenRecorded', true);
    if (request.clock !== undefined) await storage.reportClock({ deviceId: device.deviceId, fairId: device.fairId }, request.clock.offsetMs, now());
    if (request.knownCodes !== undefined) await storage.reserveCodes(device.fairId, request.knownCodes);
    if (request.status !== undefined) await reportStatus(storage.sql, device.deviceId, device.fairId, request.status, ackedBefore, now());
    const reply: PushAccepted = {
      type: 'push-result',
      epoch: outcome.epoch,
      results: [...outcome.results],
      ackedSeq: outcome.ackedSeq,
      expectedSeq: outcome.ackedSeq + 1,
      gap: outcome.gap,
      missingBlobs: [...outcome.missingBlobs],
      warnings: [...outcome.warnings],
      // SY13: read last, as near the answer's departure as the server can.
      serverTime: new Date(now()).toISOString() as Instant,
    };
    return c.json(reply);
  });

  app.get('/pull', async (c) => {
    const denied = allowed(c, { users: ['organizer', 'expert'], devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const version = VersionProbe.safeParse({ protocolVersion: c.req.query('protocolVersion') });
    if (version.success) {
      const refusal = versionRefusal(c, version.data.protocolVersion);
      if (refusal !== undefined) return refusal;
    }
    const query = parseQuery(c, PullQuery);
    if (!query.ok) return query.response;
    const other = ownFair(c, query.value.fair);
    if (other !== undefined) return other;
    // The items arrive as JSON text from the database and go out as they are (sync-store.ts pullJson).
    const page = await storage.pullJson(query.value.fair, query.value.after, query.value.limit);
    const head = { type: 'pull-page', epoch: page.epoch, cursor: page.cursor, hasMore: page.hasMore, serverTime: new Date(now()).toISOString() as Instant } satisfies Omit<PullPage, 'items'>;
    return c.body(`${JSON.stringify(head).slice(0, -1)},"items":${page.itemsJson}}`, 200, { 'content-type': 'application/json' });
  });

  // SY84: a new tablet's first sync, the fair's current records at one sequence.
  app.get('/snapshot', (c) => snapshotRoute(c, storage, now));

  app.get('/conflicts', async (c) => {
    const denied = allowed(c, { users: ['organizer', 'expert'], devices: ['expert'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, SetAsideQuery);
    if (!query.ok) return query.response;
    const other = ownFair(c, query.value.fair);
    if (other !== undefined) return other;
    const page = await storage.conflicts(query.value.fair, query.value.cursor, query.value.limit);
    return c.json({ type: 'conflicts', conflicts: page.records, next: page.next } satisfies ConflictList);
  });

  // For the organizer: what tablets sent that could never apply, kept bounded and paged (SY63).
  app.get('/rejected', async (c) => {
    const denied = allowed(c, { users: ['organizer', 'expert'] });
    if (denied !== undefined) return denied;
    const query = parseQuery(c, SetAsideQuery);
    if (!query.ok) return query.response;
    const page = await storage.rejected(query.value.fair, query.value.cursor, query.value.limit);
    return c.json({ type: 'rejected', rejected: page.records, next: page.next } satisfies RejectedList);
  });
  return app;
}
