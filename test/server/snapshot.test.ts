import { beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestPerEntity } from '../../src/domain/last-writer-wins';
import type { SyncItem } from '../../src/domain/sync-item';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import { SnapshotReply, type SnapshotPage } from '../../src/domain/wire/snapshot';
import { createHttpApp } from '../../src/server/server';
import { snapshotJson } from '../../src/server/storage/snapshot-store';
import type { Storage } from '../../src/server/storage/storage';
import { ulidOf } from '../support/builders';
import { LWW_SEED, versionItems, versionSets } from '../support/version-sets';
import { bothStorages } from './both-storages';
import { enrol, makeItem, newId, type TestDevice } from './support';

/** The fair's snapshot (SY84–SY86) on both databases: what it holds, its pages, its sequence. */
console.log(`snapshot properties: seed ${LWW_SEED} (replay with LWW_SEED=${LWW_SEED})`);

const databases = bothStorages();
let worldNo = 0;
const distDir = mkdtempSync(join(tmpdir(), 'faircase-dist-'));
writeFileSync(join(distDir, 'index.html'), '<!doctype html><html><body></body></html>');

/** Every page of a snapshot through the route, `limit` records a page, with `between` run after the first. */
async function readAll(s: Storage, d: TestDevice, limit: number, between?: () => Promise<void>): Promise<{ pages: SnapshotPage[]; items: SyncItem[] }> {
  const app = createHttpApp({ distDir, storage: s });
  const pages: SnapshotPage[] = [];
  let query = `protocolVersion=${PROTOCOL_VERSION}&fair=${d.fairId}&limit=${limit}`;
  for (;;) {
    const res = await app.request(`/api/sync/snapshot?${query}`, { headers: { authorization: `Bearer ${d.token}` } });
    expect(res.status).toBe(200);
    const reply = SnapshotReply.parse(await res.json());
    if (reply.type !== 'snapshot-page') throw new Error(reply.type);
    pages.push(reply);
    if (pages.length === 1) await between?.();
    if (reply.next === null) break;
    query = `protocolVersion=${PROTOCOL_VERSION}&fair=${d.fairId}&limit=${limit}&at=${reply.at}&after=${reply.next}`;
  }
  return { pages, items: pages.flatMap((p) => p.items) };
}

const pushOne = async (s: Storage, item: SyncItem): Promise<void> => {
  const pushed = await s.push({ deviceId: item.deviceId, fairId: item.fairId }, [item], Date.now());
  expect(pushed.kind === 'pushed' && pushed.results[0]?.status).toBe('applied');
};

for (const { name, storage } of databases) describe(`the fair's snapshot on ${name}`, () => {
  let desk: TestDevice;
  beforeAll(async () => {
    desk = await enrol(storage(), newId());
  });

  test('[SY84] the snapshot holds the winning version of the fair and of each exhibitor, not the last to arrive, and every other item', async () => {
    await fc.assert(
      fc.asyncProperty(versionSets, async (specs) => {
        const s = storage();
        worldNo++;
        const tablet = await enrol(s, newId());
        // One tablet's log in seq order; the clocks are random, so arrival order decides nothing.
        const versions = versionItems(specs, { fairId: tablet.fairId, itemId: (k) => ulidOf(worldNo * 100 + k + 1, '01J'), deviceId: () => tablet.deviceId })
          .map((item, k) => ({ ...item, seq: k + 1 }));
        const others = [makeItem(tablet, versions.length + 1), makeItem(tablet, versions.length + 2)];
        for (const item of [...versions, ...others]) await pushOne(s, item);
        const { items } = await readAll(s, tablet, 2);
        const winners = [...latestPerEntity(versions).values()];
        expect(new Set(items.map((i) => i.id))).toEqual(new Set([...winners, ...others].map((i) => i.id)));
        expect(items).toHaveLength(winners.length + others.length);
      }),
      { seed: LWW_SEED, numRuns: 5 },
    );
  });

  test('[SY85] pages come fair first, then case events, exhibitors and the rest, each in commit order, and the first page counts them all', async () => {
    const s = storage();
    const consultation = makeItem(desk, 1);
    await pushOne(s, consultation);
    const [fair, ...exhibitors] = versionItems(
      [{ record: 0, wall: 0, counter: 0, node: 0, booths: 1 }, { record: 1, wall: 0, counter: 0, node: 0, booths: 1 }, { record: 2, wall: 0, counter: 0, node: 0, booths: 2 }],
      { fairId: desk.fairId, itemId: (k) => ulidOf(900 + k, '01Q'), deviceId: () => desk.deviceId },
    ).map((item, k) => ({ ...item, seq: k === 0 ? 4 : k + 1 }));
    for (const item of [...exhibitors, fair!]) await pushOne(s, item);
    const { pages, items } = await readAll(s, desk, 1);
    expect(items.map((i) => i.id)).toEqual([fair!.id, exhibitors[0]!.id, exhibitors[1]!.id, consultation.id]);
    expect(pages.map((p) => p.items.length)).toEqual([1, 1, 1, 1]);
    expect(pages[0]!.total).toBe(4);
    expect(pages.slice(1).map((p) => p.total)).toEqual([undefined, undefined, undefined]);
  });

  test('[SY86] every page is read at the first page\'s sequence: an item pushed meanwhile is in no page, and the pull after that sequence brings it', async () => {
    const s = storage();
    const d = await enrol(s, newId());
    const before = [makeItem(d, 1), makeItem(d, 2), makeItem(d, 3)];
    for (const item of before) await pushOne(s, item);
    const later = makeItem(d, 4);
    const { pages, items } = await readAll(s, d, 1, () => pushOne(s, later));
    expect(items.map((i) => i.id)).toEqual(before.map((i) => i.id));
    expect(new Set(pages.map((p) => p.at)).size).toBe(1);
    const pulled = await s.pull(d.fairId, pages[0]!.at, 1000);
    expect(pulled.items.map((p) => p.item.id)).toEqual([later.id]);
    expect(pulled.epoch).toBe(pages[0]!.epoch);
  });

  test('[SY84] a fair with nothing yet: one empty page at the current sequence', async () => {
    const page = await snapshotJson(storage().sql, newId(), undefined, '0-0', 10);
    expect(page).toMatchObject({ itemsJson: '[]', next: null, total: 0 });
  });
});

