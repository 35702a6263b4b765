import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Hono } from 'hono';
import { closeDb, setDbName } from '../../src/store/db';
import { getFair, updateFair } from '../../src/store/fairs';
import { EnrolmentBatch, TabletTable, type TabletRow } from '../../src/domain/wire/console';
import { PROTOCOL_VERSION, PushRequest } from '../../src/domain/wire/protocol';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { enrolThisDevice, syncOnce } from '../../src/sync/http-sync';
import { loadCredentials, readSyncState } from '../../src/store/sync-state';
import type { FetchLike } from '../../src/sync/transport';
import { clock } from '../store/fixtures';
import { newId } from '../server/support';

/**
 * A tablet with nothing to push still tells the organizer's console how it is (real server on
 * PGlite through `app.fetch`, real store on fake-indexeddb).
 */
const BASE = 'http://faircase.test';
let storage: Storage;
let app: Hono;
let cookie = '';
const pushes: PushRequest[] = [];
const fetchImpl: FetchLike = async (url, init) => {
  if (String(url).endsWith('/api/sync/push')) pushes.push(PushRequest.parse(JSON.parse(String(init?.body))));
  return app.request(url, init);
};
const now = clock(new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());

const consoleCall = async (method: string, path: string, body?: unknown): Promise<Response> =>
  app.request(`${BASE}/api/console${path}`, {
    method,
    headers: { origin: BASE, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir: 'dist', storage });
  await storage.createUser({ name: 'organizer', password: 'correct horse battery', role: 'organizer' });
  const signed = await consoleCall('POST', '/session', { name: 'organizer', password: 'correct horse battery' });
  cookie = /^([^;]+)/.exec(signed.headers.get('set-cookie') ?? '')?.[1] ?? '';
}, 120_000);
afterAll(async () => {
  closeDb();
  await storage.close();
});

describe('the tablet status report', () => {
  test('[SY64] a sync with nothing to push sends one push without items carrying the tablet\'s status; a refused one changes nothing', async () => {
    const fairId = newId();
    const fair = { id: fairId, code: 'CF64', nameZh: '状态展会', sessionNo: 1, days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }] };
    expect((await consoleCall('POST', '/fairs', { fair })).status).toBe(201);
    const batch = EnrolmentBatch.parse(await (await consoleCall('POST', `/fairs/${fairId}/enrolments`, { count: 1 })).json());
    setDbName(`status-report-${process.pid}`, { indexedDB, IDBKeyRange });
    await enrolThisDevice(BASE, batch.codes[0]!.code, 'Tablet S', 'KA', fetchImpl);
    const row = async (): Promise<TabletRow> => TabletTable.parse(await (await consoleCall('GET', `/fairs/${fairId}/tablets`)).json()).tablets[0]!;

    // A push with an item: its status says one item waiting (before the push).
    await syncOnce({ now, fetch: fetchImpl, appVersion: '1.0.0' });
    const held = (await getFair(fairId))!;
    expect((await updateFair(fairId, { code: held.code, nameZh: held.nameZh, sessionNo: held.sessionNo, days: held.days, nameEn: 'Edited on the tablet' }, now())).ok).toBe(true);
    await syncOnce({ now, fetch: fetchImpl, appVersion: '1.0.0' });
    expect([(await row()).reported?.appVersion, (await row()).reported?.outboxCount]).toEqual(['1.0.0', 1]);

    // Nothing to push: one push without items, with the status as it is now.
    pushes.length = 0;
    await syncOnce({ now, fetch: fetchImpl, appVersion: '1.0.1' });
    expect(pushes.map((p) => [p.items.length, p.status])).toEqual([[0, { appVersion: '1.0.1', outboxCount: 0, lastError: null }]]);
    const measured = (await readSyncState()).clock?.offsetMs;
    expect(pushes[0]!.clock).toEqual({ offsetMs: measured });
    const after = await row();
    expect([after.reported?.appVersion, after.reported?.outboxCount, after.reported?.lastError, after.clockOffsetMs, after.state.kind]).toEqual(['1.0.1', 0, null, measured, 'in_sync']);

    // Revoked: its status push is refused and the row keeps what it last said.
    expect((await consoleCall('POST', `/fairs/${fairId}/tablets/${after.deviceId}/revoke`, { reason: 'lost' })).status).toBe(200);
    const creds = (await loadCredentials())!;
    const refused = await app.request(`${BASE}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${creds.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: creds.deviceId, fairId, items: [], status: { appVersion: '6.6.6', outboxCount: 99, lastError: 'X' } }),
    });
    expect(refused.status).toBe(401);
    expect((await row()).reported).toEqual(after.reported);
  });
});
