import { describe, expect, test } from 'vitest';
import { closeDb, getDb } from '../../src/store/db';
import { updateFair } from '../../src/store/fairs';
import type { Fair } from '../../src/domain/fair';
import { checkChain, rewriteItems } from '../../src/server/storage/event-chain';
import { syncOnce } from '../../src/sync/http-sync';
import { loadCredentials } from '../../src/store/sync-state';
import { clock, fairInput } from '../store/fixtures';
import { syncServer } from './server-harness';

/**
 * SY39 end to end: tablet B keeps A's pulled items whole; A is revoked; the server is restored from
 * a backup taken before A's items; B's next sync offers them back and the server has them once.
 * The real server (PGlite in memory, through `app.fetch`) and the real store (fake-indexeddb).
 */
const server = syncServer('relay');
const fetchImpl = server.fetch;
const now = clock('2026-11-25T01:00:00.000Z');

const enrolled = async (name: string, fairId: string): Promise<string> => (await server.enrolled(name, fairId)).deviceId;

/** Tablet A makes the fair and edits it: two items of A on the server. */
async function twoItemsOfA(): Promise<{ fair: Fair; deviceA: string }> {
  const made = await server.fairOn('A', 'KA', now);
  const edited = await updateFair(made.id, { ...fairInput(), nameEn: 'Edited' }, now());
  if (!edited.ok) throw new Error(edited.error.kind);
  await syncOnce({ now, fetch: fetchImpl });
  const deviceA = (await loadCredentials())!.deviceId;
  closeDb();
  return { fair: made, deviceA };
}

const itemsOf = async (deviceId: string) =>
  server.storage().sql.query<{ id: string; seq: unknown }>('select id, seq from items where device_id = $1 order by seq', [deviceId]);

describe('relay of held items after a restore', { timeout: 60_000 }, () => {
  test('[SY39] a pulled item of another device is kept whole with its chain hash and attestation', async () => {
    const { fair, deviceA } = await twoItemsOfA();
    await enrolled('B', fair.id);
    await syncOnce({ now, fetch: fetchImpl });
    const held = await getDb().meta.where('key').startsWith('held|').toArray();
    const served = (await server.storage().pull(fair.id, 0, 100)).items.filter((p) => p.item.deviceId === deviceA);
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
    await server.storage().revokeDevice(deviceA);
    // The backup predates A's items: they are gone, and A's acknowledgement with them.
    await rewriteItems(server.storage().sql, (tx) => tx.query('delete from items where device_id = $1', [deviceA]));
    await server.storage().sql.query('update device_acks set acked_seq = 0 where device_id = $1', [deviceA]);
    await server.storage().markRestored();

    const run = await syncOnce({ now, fetch: fetchImpl });
    expect(run.pull.epochChanged).toBe(true);
    expect(run.relay).toEqual({ offered: 2, applied: 2, waiting: 0 });
    expect(await itemsOf(deviceA)).toEqual(before);
    expect(await itemsOf(deviceB)).toHaveLength(1);
    expect(await getDb().outbox.count()).toBe(0);
    expect((await checkChain(server.storage().sql)).broken).toEqual([]);

    const again = await syncOnce({ now, fetch: fetchImpl });
    expect(again.relay).toEqual({ offered: 0, applied: 0, waiting: 0 });
    expect(await itemsOf(deviceA)).toEqual(before);
  });
});
