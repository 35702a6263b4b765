import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Hono } from 'hono';
import { closeDb, setDbName } from '../../src/store/db';
import { getFair, updateFair } from '../../src/store/fairs';
import { Fair, type FairInput } from '../../src/domain/fair';
import { EnrolmentBatch, TabletTable } from '../../src/domain/wire/console';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { enrolThisDevice, syncOnce } from '../../src/sync/http-sync';
import type { FetchLike } from '../../src/sync/transport';
import { clock } from '../store/fixtures';
import { newId } from '../server/support';

/**
 * A fair made and edited in the organizer's console reaches a tablet by pull (real server on
 * PGlite through `app.fetch`, real store on fake-indexeddb), and the tablet's pushes report its
 * status for the console's tablets table.
 */
const BASE = 'http://faircase.test';
let storage: Storage;
let app: Hono;
let cookie = '';
const fetchImpl: FetchLike = async (url, init) => app.request(url, init);
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

describe('a console fair on a tablet', () => {
  test('[CO10] a fair made, then edited, in the console is the fair a tablet holds after each sync', async () => {
    const id = newId();
    const input: FairInput = { id, code: 'CF137', nameZh: '第137届广交会', sessionNo: 137, days: [{ date: '2026-11-25', opensAt: '09:00', closesAt: '17:00' }] };
    expect((await consoleCall('POST', '/fairs', { fair: input })).status).toBe(201);
    const batch = EnrolmentBatch.parse(await (await consoleCall('POST', `/fairs/${id}/enrolments`, { count: 1 })).json());
    setDbName(`console-fair-${process.pid}`, { indexedDB, IDBKeyRange });
    await enrolThisDevice(BASE, batch.codes[0]!.code, 'Tablet A', 'KA', fetchImpl);

    await syncOnce({ now, fetch: fetchImpl, appVersion: '9.9.9' });
    expect(await getFair(id)).toEqual(Fair.parse(input));

    const edited: FairInput = { ...input, nameZh: '第138届广交会', settings: { deskLocation: 'Hall 1.1' } };
    expect((await consoleCall('PUT', `/fairs/${id}`, { fair: edited })).status).toBe(200);
    await syncOnce({ now, fetch: fetchImpl, appVersion: '9.9.9' });
    expect(await getFair(id)).toEqual(Fair.parse(edited));
  });

  test('[CO11] a tablet\'s push reports its app version, items waiting and last error', async () => {
    const fairs = await storage.sql.query<{ fair_id: string }>('select fair_id from devices where name = $1', ['Tablet A']);
    const fairId = fairs[0]!.fair_id;
    // Something to push: the desk edits the fair on the tablet.
    const held = (await getFair(fairId))!;
    expect((await updateFair(fairId, { code: held.code, nameZh: held.nameZh, sessionNo: held.sessionNo, days: held.days, nameEn: 'Edited on the tablet' }, now())).ok).toBe(true);
    await syncOnce({ now, fetch: fetchImpl, appVersion: '9.9.9' });
    const table = TabletTable.parse(await (await consoleCall('GET', `/fairs/${fairId}/tablets`)).json());
    expect(table.tablets.map((t) => [t.deviceCode, t.reported?.appVersion, t.reported?.outboxCount, t.reported?.lastError])).toEqual([['KA', '9.9.9', 1, null]]);
    expect(table.tablets[0]!.lastSeenAt).not.toBeNull();
  });
});
