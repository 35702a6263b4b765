import { Hono } from 'hono';
import { checkVersion, MIN_CLIENT_PROTOCOL, PROTOCOL_VERSION, Rejection, VersionProbe } from '../../domain/wire/protocol';
import { RelayRequest, type RelayAccepted } from '../../domain/wire/relay-protocol';
import { quarantined } from '../../domain/wire/storable';
import type { Storage } from '../storage/storage';
import { readJson } from './body';
import { allowed, authenticated, type Env } from './guard';
import { issuesOf, refuse } from './replies';
import { PUSH_BODY_LIMIT } from './sync-routes';
import { withTiming } from './timing';

/**
 * `POST /api/sync/relay` (SY37): after a restore, a tablet of the fair offers the other devices'
 * items it pulled, each with the server's attestation. Only a live device token may relay, and
 * only items of its own fair; what is stored is decided per item (relay-store.ts).
 */
export function relayRoutes(storage: Storage): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', withTiming(authenticated(storage)));
  app.post('/', async (c) => {
    const denied = allowed(c, { devices: ['desk', 'expert'] });
    if (denied !== undefined) return denied;
    const json = await readJson(c, PUSH_BODY_LIMIT);
    if (!json.ok) return json.response;
    const probe = VersionProbe.safeParse(json.value);
    const check = probe.success ? checkVersion(probe.data.protocolVersion) : 'ok';
    if (check === Rejection.clientTooOld) {
      return c.json({ type: check, code: 'CLIENT_TOO_OLD', serverVersion: PROTOCOL_VERSION, minClientVersion: MIN_CLIENT_PROTOCOL }, 426);
    }
    if (check === Rejection.serverTooOld) return c.json({ type: check, code: 'SERVER_TOO_OLD', serverVersion: PROTOCOL_VERSION }, 409);
    const parsed = RelayRequest.safeParse(json.value);
    if (!parsed.success) return refuse(c, 400, 'INVALID_BODY', { issues: issuesOf(parsed.error) });
    const device = c.get('principal');
    if (device.kind !== 'device') return refuse(c, 403, 'DEVICE_REQUIRED');
    if (parsed.data.fairId !== device.fairId) return refuse(c, 403, 'FAIR_MISMATCH');
    // The same stand-in as on push: an attested item was stored quarantined, so it hashes the same way.
    const offers = parsed.data.items.map((o) => ({ ...o, item: quarantined(o.item) }));
    const outcome = await storage.relay({ deviceId: device.deviceId, fairId: device.fairId }, offers);
    return c.json({ type: 'relay-result', ...outcome } satisfies RelayAccepted);
  });
  return app;
}
