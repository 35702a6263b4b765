import { afterAll, beforeAll, expect, test } from 'vitest';
import fc from 'fast-check';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { rewriteItems } from '../../src/server/storage/event-chain';
import type { SyncItem } from '../../src/domain/sync-item';
import { enrol, makeItem, newId, type TestDevice } from './support';

/**
 * A seeded fuzz of tablets against the real push/pull (SY1–SY7, seeded
 * so a run replays): duplicates, reordered and stale batches, lost answers, poison items, the same id
 * with other content, a clock hours off, and a database restored from an earlier backup (new
 * epoch). At the end the server holds every good item exactly once and pull pages them all in
 * order. A failure prints fast-check's seed and path to replay it.
 */
let storage: Storage;
beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
}, 120_000);
afterAll(async () => {
  await storage.close();
});

interface Tablet {
  readonly device: TestDevice;
  readonly log: SyncItem[];
  outbox: SyncItem[];
  epoch?: string;
  readonly poison: Set<string>;
}

type Rng = () => number;
const rngOf = (seed: number): Rng => {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
};
const pick = (r: Rng, n: number): number => Math.floor(r() * n);

async function restoreFromBackup(fairId: string, tablets: readonly Tablet[], r: Rng): Promise<void> {
  const rows = await storage.sql.query<{ server_seq: unknown }>('select server_seq from items where fair_id = $1 order by server_seq', [fairId]);
  if (rows.length === 0) return;
  const keep = Number(rows[pick(r, rows.length)]!.server_seq);
  await rewriteItems(storage.sql, (tx) => tx.query('delete from items where fair_id = $1 and server_seq > $2', [fairId, keep]));
  await storage.sql.query('update server_seq_counter set last = $1', [keep]);
  for (const t of tablets) {
    const [m] = await storage.sql.query<{ s: unknown }>('select coalesce(max(seq), 0) as s from items where device_id = $1', [t.device.deviceId]);
    const acked = Number(m?.s);
    await storage.sql.query('update device_acks set acked_seq = $1 where device_id = $2', [acked, t.device.deviceId]);
    await storage.sql.query('delete from rejected_items where device_id = $1 and seq > $2', [t.device.deviceId, acked]);
  }
  await storage.markRestored();
}

async function runScenario(seed: number): Promise<void> {
  const r = rngOf(seed);
  const fairId = newId();
  const tablets: Tablet[] = [];
  for (let i = 0; i < 3; i++) {
    const device = await enrol(storage, fairId);
    const log: SyncItem[] = [];
    const poison = new Set<string>();
    const count = 20 + pick(r, 40);
    for (let seq = 1; seq <= count; seq++) {
      const item = makeItem(device, seq, r() < 0.1 ? { hlc: `${String(Date.now() + 5 * 3_600_000).padStart(15, '0')}-0000-N1` as SyncItem['hlc'] } : {});
      if (r() < 0.05) {
        (item.payload as { topic: string }).topic = '';
        poison.add(item.id);
      }
      log.push(item);
    }
    tablets.push({ device, log, outbox: [...log], poison });
  }
  let restored = false;
  let serverEpoch = await storage.epoch();
  for (const t of tablets) t.epoch = serverEpoch;
  // Until every tablet has an empty outbox and has seen the server's epoch (tablets pull often).
  for (let round = 0; round < 600 && tablets.some((t) => t.outbox.length > 0 || t.epoch !== serverEpoch); round++) {
    if (!restored && round > 5 && r() < 0.05) {
      restored = true;
      await restoreFromBackup(fairId, tablets, r);
      serverEpoch = await storage.epoch();
    }
    const t = tablets[pick(r, tablets.length)]!;
    // A tablet that learns of a new epoch puts its whole log back in the outbox.
    const epoch = await storage.epoch();
    if (t.epoch !== undefined && t.epoch !== epoch) t.outbox = [...t.log];
    t.epoch = epoch;
    if (t.outbox.length === 0) continue;
    let batch = t.outbox.slice(0, 1 + pick(r, 25));
    const roll = r();
    if (roll < 0.1) batch = [...batch, ...batch.slice(0, 3)]; // duplicated in the batch
    else if (roll < 0.2) batch = [...batch].reverse(); // reordered
    else if (roll < 0.3) batch = t.log.slice(0, 1 + pick(r, Math.min(10, t.log.length))); // stale, already sent
    else if (roll < 0.35) {
      // The same id with other content, after the original was acknowledged: kept aside, the original wins.
      const queued = new Set(t.outbox.map((i) => i.id));
      const sent = t.log.filter((i) => !queued.has(i.id) && !t.poison.has(i.id));
      const victim = sent[pick(r, sent.length)];
      if (victim !== undefined) batch = [{ ...victim, payload: { ...(victim.payload as object), topic: 'tampered' } }];
    }
    const out = await storage.push(t.device, batch, Date.now());
    if (out.kind !== 'pushed') throw new Error('device refused');
    if (r() < 0.15) continue; // the answer was lost: the tablet learns nothing
    const done = new Set(out.results.filter((x) => x.status !== 'skipped' && x.status !== 'conflict').map((x) => x.id));
    t.outbox = t.outbox.filter((i) => !done.has(i.id));
    const first = t.outbox[0];
    if (out.gap && first !== undefined && out.ackedSeq + 1 < first.seq) {
      t.outbox = [...t.log.filter((i) => i.seq > out.ackedSeq && i.seq < first.seq), ...t.outbox];
    }
  }
  expect(tablets.every((t) => t.outbox.length === 0)).toBe(true);

  // Every good item once, poison never; pull pages everything in order.
  const page = await storage.pull(fairId, 0, 1000);
  const seqs = page.items.map((p) => p.serverSeq);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  const onServer = page.items.map((p) => p.item.id);
  expect(new Set(onServer).size).toBe(onServer.length);
  const good = tablets.flatMap((t) => t.log.filter((i) => !t.poison.has(i.id)));
  expect(new Set(onServer)).toEqual(new Set(good.map((i) => i.id)));
  const byId = new Map(page.items.map((p) => [p.item.id, p.item]));
  for (const item of good) expect(byId.get(item.id)).toEqual(item);
}

test('seeded fuzz of three tablets: every good item exactly once, nothing lost, pull in order', async () => {
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
      await runScenario(seed);
    }),
    { numRuns: 8, verbose: true, examples: [[260226802]] },
  );
}, 300_000);
