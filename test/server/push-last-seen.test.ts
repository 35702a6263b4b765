import { describe, expect, test } from 'vitest';
import { createHttpApp } from '../../src/server/server';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import type { SyncItem } from '../../src/domain/sync-item';
import { bothStorages } from './both-storages';
import { enrol, makeItems, newId, type TestDevice } from './support';

const T0 = Date.parse('2025-04-15T02:00:00.000Z');
const MIN = 60_000;

describe.each(bothStorages())('a tablet is seen by its pushes on $name', (db) => {
  let nowMs = T0;
  const push = async (device: TestDevice, items: readonly SyncItem[]): Promise<number> => {
    const app = createHttpApp({ distDir: 'dist', storage: db.storage(), now: () => nowMs });
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId: device.fairId, items }),
    });
    return res.status;
  };
  const lastSeen = async (device: TestDevice): Promise<string | undefined> => {
    const [row] = await db.storage().sql.query<{ at: unknown }>('select last_seen_at as at from device_last_seen where device_id = $1 and fair_id = $2', [device.deviceId, device.fairId]);
    return row === undefined ? undefined : new Date(row.at as string).toISOString();
  };

  test('[CO11] a push that stores items records the time, a push of duplicates a minute later records it too', async () => {
    const device = await enrol(db.storage(), newId());
    const items = makeItems(device, 1, 3);
    nowMs = T0;
    expect(await push(device, items)).toBe(200);
    expect(await lastSeen(device)).toBe(new Date(T0).toISOString());
    nowMs = T0 + 2 * MIN;
    expect(await push(device, items)).toBe(200);
    expect(await lastSeen(device)).toBe(new Date(T0 + 2 * MIN).toISOString());
  });

  test('[CO11] within the minute a second storing push leaves the time as it was', async () => {
    const device = await enrol(db.storage(), newId());
    nowMs = T0;
    expect(await push(device, makeItems(device, 1, 2))).toBe(200);
    nowMs = T0 + 30_000;
    expect(await push(device, makeItems(device, 3, 4))).toBe(200);
    expect(await lastSeen(device)).toBe(new Date(T0).toISOString());
  });
});
