import { describe, expect, test } from 'vitest';
import { createHttpApp } from '../../src/server/server';
import { PROTOCOL_VERSION, PushAccepted } from '../../src/domain/wire/protocol';
import type { Storage } from '../../src/server/storage/storage';
import { bothStorages } from './both-storages';
import { enrol, newId, type TestDevice } from './support';

/**
 * Device codes across restores (src/sync/SPEC.md SY30–SY33), on PGlite and PostgreSQL. A restore
 * is simulated the way a backup loses it: the rows written after the "backup" are deleted, then
 * the database is marked restored. The restore tests run after the others in each database
 * (a restore-mark is database-wide).
 */
const reportCodes = async (storage: Storage, device: TestDevice, knownCodes: { deviceId: string; code: string }[]): Promise<PushAccepted> => {
  const app = createHttpApp({ distDir: 'dist', storage });
  const res = await app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId: device.fairId, items: [], knownCodes }),
  });
  expect(res.status).toBe(200);
  return PushAccepted.parse(await res.json());
};

/** What a backup taken before `device` enrolled does not hold. */
async function forget(storage: Storage, device: TestDevice): Promise<void> {
  await storage.sql.query('delete from devices where id = $1', [device.deviceId]);
  await storage.sql.query('delete from reserved_codes where device_id = $1', [device.deviceId]);
  await storage.sql.query('delete from tokens where device_id = $1', [device.deviceId]);
  await storage.sql.query('delete from device_acks where device_id = $1', [device.deviceId]);
}

const codesOf = async (storage: Storage, fairId: string): Promise<string[]> => (await storage.listDevices(fairId)).map((d) => d.deviceCode).sort();

describe.each(bothStorages())('device codes on $name', ({ storage }) => {
  test('[SY30] a code a tablet reported for another device is never issued again, drawn or chosen', async () => {
    const fairId = newId();
    const a = await enrol(storage(), fairId);
    expect(a.deviceCode).toBe('K01');
    // A tablet the server does not know (enrolled after a backup) numbered cases as K02 and K03.
    const unknown = newId();
    await reportCodes(storage(), a, [{ deviceId: unknown, code: 'K02' }, { deviceId: unknown, code: 'k03' }, { deviceId: a.deviceId, code: 'K01' }]);
    expect((await enrol(storage(), fairId)).deviceCode).toBe('K04');
    await expect(enrol(storage(), fairId, { deviceCode: 'K02' })).rejects.toMatchObject({ code: 'DEVICE_CODE_TAKEN' });
    // Reported twice: nothing changes; another fair is not concerned.
    await reportCodes(storage(), a, [{ deviceId: unknown, code: 'K02' }]);
    expect((await enrol(storage(), newId(), { deviceCode: 'K02' })).deviceCode).toBe('K02');
    expect(await codesOf(storage(), fairId)).toEqual(['K01', 'K04']);
  });

  test('[SY30] a report that names a code held by another device is kept, and the holder keeps its code', async () => {
    const fairId = newId();
    const a = await enrol(storage(), fairId, { deviceCode: 'KA' });
    const b = await enrol(storage(), fairId);
    await reportCodes(storage(), a, [{ deviceId: newId(), code: b.deviceCode }]);
    expect((await enrol(storage(), fairId, { deviceId: b.deviceId })).deviceCode).toBe(b.deviceCode);
    expect(await codesOf(storage(), fairId)).toEqual(['K01', 'KA']);
  });

  test('[SY31] enrolments racing in one fair get different codes, each reserved for its device', async () => {
    const fairId = newId();
    const devices = await Promise.all([enrol(storage(), fairId), enrol(storage(), fairId), enrol(storage(), fairId), enrol(storage(), fairId)]);
    expect(new Set(devices.map((d) => d.deviceCode)).size).toBe(4);
    const reserved = await storage().sql.query<{ code: string; device_id: string }>('select code, device_id from reserved_codes where fair_id = $1', [fairId]);
    expect(reserved.map((r) => `${r.device_id}:${r.code}`).sort()).toEqual(devices.map((d) => `${d.deviceId}:${d.deviceCode}`).sort());
  });

  test('[SY32] after a restore-mark, codes are drawn from a range the restored database never used', async () => {
    const fairId = newId();
    const before = await enrol(storage(), fairId);
    // Enrolled after the backup: the restore loses it, and no one has reported its code.
    const lost = await enrol(storage(), fairId);
    expect(lost.deviceCode).toBe('K02');
    await forget(storage(), lost);
    await storage().markRestored();
    const replacement = await enrol(storage(), fairId);
    expect(replacement.deviceCode).toMatch(/^[0-9A-HJ-NP-RTUWXY]{4}$/);
    // A desk's own choice is not granted after a restore: the lost tablet may have chosen it too.
    const chose = await enrol(storage(), fairId, { deviceCode: 'K02' });
    expect(chose.deviceCode).toMatch(/^[0-9A-HJ-NP-RTUWXY]{4}$/);
    expect(chose.deviceCode.slice(0, 2)).toBe(replacement.deviceCode.slice(0, 2));
    expect(new Set([before.deviceCode, lost.deviceCode, replacement.deviceCode, chose.deviceCode]).size).toBe(4);
  });

  test('[SY32] every restore-mark opens a range of its own', async () => {
    await storage().markRestored();
    const first = (await enrol(storage(), newId())).deviceCode.slice(0, 2);
    await storage().markRestored();
    const second = (await enrol(storage(), newId())).deviceCode.slice(0, 2);
    expect(second).not.toBe(first);
    const ranges = (await storage().sql.query<{ prefix: string }>('select prefix from code_ranges')).map((r) => r.prefix);
    expect(ranges).toEqual(expect.arrayContaining([first, second]));
    expect(new Set(ranges).size).toBe(ranges.length);
  });

  test('[SY33] after a restore, a tablet whose code another tablet reported gets it back; one whose code another device holds gets a new one', async () => {
    const fairId = newId();
    const witness = await enrol(storage(), fairId);
    const lost = await enrol(storage(), fairId, { deviceId: newId() });
    await forget(storage(), lost);
    await storage().markRestored();
    // The witness pulled the lost tablet's cases before the restore and reports its code.
    await reportCodes(storage(), witness, [{ deviceId: lost.deviceId, code: lost.deviceCode }]);
    const back = await enrol(storage(), fairId, { deviceId: lost.deviceId, deviceCode: lost.deviceCode });
    expect(back.deviceCode).toBe(lost.deviceCode);
    expect(back.deviceId).toBe(lost.deviceId);

    // Another lost tablet whose code a device enrolled after the restore already holds.
    const other = newId();
    const holder = await enrol(storage(), fairId);
    const reenrolled = await enrol(storage(), fairId, { deviceId: other, deviceCode: holder.deviceCode });
    expect(reenrolled.deviceCode).not.toBe(holder.deviceCode);
    expect(reenrolled.deviceCode).toMatch(/^[0-9A-HJ-NP-RTUWXY]{4}$/);
  });
});
