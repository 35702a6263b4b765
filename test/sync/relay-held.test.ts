import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Hono } from 'hono';
import { closeDb, getDb, setDbName } from '../../src/store/db';
import { createFair, updateFair } from '../../src/store/fairs';
import type { Fair } from '../../src/domain/fair';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { checkChain, rewriteItems } from '../../src/server/storage/event-chain';
import { enrolThisDevice, syncOnce } from '../../src/sync/http-sync';
import { loadCredentials } from '../../src/sync/sync-state';
import type { FetchLike } from '../../src/sync/transport';
import { clock, fairInput } from '../store/fixtures';
import { makeOrganizer } from '../server/support';

/**
 * SY39 end to end: tablet B keeps A's pulled items whole; A is revoked; the server is restored from
 * a backup taken before A's items; B's next sync offers them back and the server has them once.
 * The real server (PGlite in memory, through `app.fetch`) and the real store (fake-indexeddb).
 */
const BASE = 'http://faircase.test';
let storage: Storage;
let app: Hono;
let orgUserId: string;
const fetchImpl: FetchLike = async (url, init) => app.request(url, init);
const now = clock('2026-11-25T01:00:00.000Z');
let dbCount = 0;

const useDevice = (name: string) => setDbName(`relay-${name}-${process.pid}-${dbCount}`, { indexedDB, IDBKeyRange });

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir: 'dist', storage });
  orgUserId = (await makeOrganizer(storage)).userId;
}, 120_000);
afterAll(async () => {
  closeDb();
  await storage.close();
});
afterEach(() => {
  closeDb();
  dbCount++;
});

async function enrolled(name: string, fairId: string): Promise<string> {
  useDevice(name);
  const { code } = await storage.createEnrolment(orgUserId, { fairId, role: 'desk', ttlMinutes: 10 }, Date.now());
  return (await enrolThisDevice(BASE, code, `Tablet ${name}`, undefined, fetchImpl)).deviceId;
}

/** Tablet A makes the fair and edits it: two items of A on the server. */
async function twoItemsOfA(): Promise<{ fair: Fair; deviceA: string }> {
  useDevice('A');
  const made = await createFair(fairInput(), now());
  if (!made.ok) throw new Error(made.error.kind);
  const { code } = await storage.createEnrolment(orgUserId, { fairId: made.value.id, role: 'desk', ttlMinutes: 10 }, Date.now());
  await enrolThisDevice(BASE, code, 'Tablet A', 'KA', fetchImpl);
  const edited = await updateFair(made.value.id, { ...fairInput(), nameEn: 'Edited' }, now());
  if (!edited.ok) throw new Error(edited.error.kind);
  await syncOnce({ now, fetch: fetchImpl });
  const deviceA = (await loadCredentials())!.deviceId;
  closeDb();
  return { fair: made.value, deviceA };
}

const itemsOf = async (deviceId: string) =>
  storage.sql.query<{ id: string; seq: unknown }>('select id, seq from items where device_id = $1 order by seq', [deviceId]);

describe('relay of held items after a restore', { timeout: 60_000 }, () => {
  test('[SY39] a pulled item of another device is kept whole with its chain hash and attestation', async () => {
    const { fair, deviceA } = await twoItemsOfA();
    await enrolled('B', fair.id);
    await syncOnce({ now, fetch: fetchImpl });
    const held = await getDb().meta.where('key').startsWith('held|').toArray();
    const served = (await storage.pull(fair.id, 0, 100)).items.filter((p) => p.item.deviceId === deviceA);
    expect(held.map((r) => r.value)).toEqual(served.map((p) => ({ item: p.item, chainHash: p.chainHash, attestation: p.attestation })));
  });

  test('[SY39] A revoked, the server restored from before its items: B\'s sync gives them back once, nothing left in its outbox', async () => {
    const { fair, deviceA } = await twoItemsOfA();
    const before = await itemsOf(deviceA);
    expect(before).toHaveLength(2);
    const deviceB = await enrolled('B', fair.id);
    await syncOnce({ now, fetch: fetchImpl });
    const edited = await updateFair(fair.id, { ...fairInput(), nameEn: 'Edited by B' }, now());
    expect(edited.ok).toBe(true);
    await syncOnce({ now, fetch: fetchImpl });
    await storage.revokeDevice(deviceA);
    // The backup predates A's items: they are gone, and A's acknowledgement with them.
    await rewriteItems(storage.sql, (tx) => tx.query('delete from items where device_id = $1', [deviceA]));
    await storage.sql.query('update device_acks set acked_seq = 0 where device_id = $1', [deviceA]);
    await storage.markRestored();

    const run = await syncOnce({ now, fetch: fetchImpl });
    expect(run.pull.epochChanged).toBe(true);
    expect(run.relay).toEqual({ offered: 2, applied: 2, waiting: 0 });
    expect(await itemsOf(deviceA)).toEqual(before);
    expect(await itemsOf(deviceB)).toHaveLength(1);
    expect(await getDb().outbox.count()).toBe(0);
    expect((await checkChain(storage.sql)).broken).toEqual([]);

    const again = await syncOnce({ now, fetch: fetchImpl });
    expect(again.relay).toEqual({ offered: 0, applied: 0, waiting: 0 });
    expect(await itemsOf(deviceA)).toEqual(before);
  });
});
