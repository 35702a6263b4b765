import { afterAll, beforeAll, expect, test } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompletenessReply } from '../../src/domain/report/completeness';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { makeFair } from '../support/builders';
import { enrol, makeItem, makeOrganizer, newId } from './support';

/**
 * The report routes (PS2). `/api/reports/summary` is the organizer's; `/api/reports/completeness`
 * answers the organizer and the tablets of that fair (device token), never another fair's tablet.
 */
let storage: Storage;
let app: ReturnType<typeof createHttpApp>;
beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir: mkdtempSync(join(tmpdir(), 'faircase-dist-')), storage });
}, 120_000);
afterAll(async () => {
  await storage.close();
});

const get = (path: string, token?: string): Promise<Response> =>
  Promise.resolve(app.request(path, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }));

test('[R4] GET /api/reports/summary: the organizer gets the figures; an expert 403, a tablet 403, no token 401, an unknown fair 404', async () => {
  const fair = makeFair({ id: newId(), code: 'CF888' } as never);
  const desk = await enrol(storage, fair.id);
  const pushed = await storage.push({ deviceId: desk.deviceId, fairId: fair.id }, [{ ...makeItem(desk, 1), kind: 'fair', entityId: fair.id, payload: fair }], Date.now());
  expect(pushed).toMatchObject({ kind: 'pushed' });
  const organizer = await makeOrganizer(storage);
  await storage.createUser({ name: `summary-expert-${newId()}`, password: 'expert password', role: 'expert' });
  expect((await get(`/api/reports/summary?fair=${fair.id}`)).status).toBe(401);
  expect((await get(`/api/reports/summary?fair=${fair.id}`, desk.token)).status).toBe(403);
  const ok = await get(`/api/reports/summary?fair=${fair.id}`, organizer.token);
  expect(ok.status).toBe(200);
  const body = (await ok.json()) as { summary: { figures: Record<string, number | null> } };
  expect(body.summary.figures['R4.accepted']).toBe(0);
  expect((await get(`/api/reports/summary?fair=${newId()}`, organizer.token)).status).toBe(404);
});

test('GET /api/reports/completeness: every enrolled device with its acknowledged sequence, last seen and revocation; a tablet of the fair may ask, another fair\'s may not', async () => {
  const fairId = newId();
  const a = await enrol(storage, fairId, { deviceCode: 'A1' });
  const b = await enrol(storage, fairId, { deviceCode: 'A2' });
  const gone = await enrol(storage, fairId, { deviceCode: 'A3' });
  const stranger = await enrol(storage, newId());
  const items = [1, 2, 3].map((n) => makeItem(a, n));
  const outcome = await storage.push({ deviceId: a.deviceId, fairId }, items, Date.now());
  expect(outcome).toMatchObject({ kind: 'pushed' });
  await storage.revokeDevice(gone.deviceId, fairId);

  const res = await get(`/api/reports/completeness?fair=${fairId}`, b.token);
  expect(res.status).toBe(200);
  const reply = CompletenessReply.parse(await res.json());
  const byCode = new Map<string, (typeof reply.devices)[number]>(reply.devices.map((d) => [d.deviceCode, d]));
  expect([...byCode.keys()]).toEqual(['A1', 'A2', 'A3']);
  expect(byCode.get('A1')).toMatchObject({ ackedSeq: 3, revoked: false });
  expect(byCode.get('A1')?.lastSeenAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect(byCode.get('A2')).toMatchObject({ ackedSeq: 0, revoked: false });
  expect(byCode.get('A2')?.lastSeenAt).toBeUndefined();
  expect(byCode.get('A3')?.revoked).toBe(true);

  expect((await get(`/api/reports/completeness?fair=${fairId}`, stranger.token)).status).toBe(403);
  expect((await get(`/api/reports/completeness?fair=${fairId}`)).status).toBe(401);
  const organizer = await makeOrganizer(storage);
  expect((await get(`/api/reports/completeness?fair=${fairId}`, organizer.token)).status).toBe(200);
});
