import { afterEach, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Exhibitor } from '../../src/domain/exhibitor';
import { formatHlc } from '../../src/domain/hlc';
import { postShowSummary } from '../../src/domain/report/post-show-summary';
import { SyncItem } from '../../src/domain/sync-item';
import type { PullReply } from '../../src/domain/wire/protocol';
import { serverSummary } from '../../src/server/reports/summary-service';
import { PULLED_TABLES } from '../../src/store/apply-pulled';
import { applyPulledExhibitors } from '../../src/store/apply-snapshots';
import { getDb } from '../../src/store/db';
import { runWrite } from '../../src/store/transaction';
import { getExhibitor, listExhibitors, saveExhibitor } from '../../src/store/exhibitors';
import { createFair, getFair, updateFair } from '../../src/store/fairs';
import { sessionDataOf } from '../../src/store/report-reads';
import { importBundle } from '../../src/sync/bundle/import-bundle';
import { syncOnce } from '../../src/sync/http-sync';
import { pullPages } from '../../src/sync/pull-pages';
import { ALL_APPLIERS } from '../../src/store/appliers';
import type { SyncCredentials } from '../../src/store/sync-state';
import type { SyncTransport } from '../../src/sync/transport';
import { deviceId, ulidOf } from '../support/builders';
import { arrivalOrder, expectedShown, LWW_SEED, shown, versionItems, versionSets, type Shown } from '../support/version-sets';
import { clock, exhibitorInput, fairInput, freshDb, resetDb } from '../store/fixtures';
import { forgeBundle } from './bundle-forge';
import { syncServer } from './server-harness';

/**
 * Last writer wins on tablets (SY20–SY23): the real pull appliers and bundle import on
 * fake-indexeddb, and two tablets syncing through the real server (PGlite, called through
 * `app.fetch`), whose summary must count what the tablets count.
 */
console.log(`last-writer-wins tablet properties: seed ${LWW_SEED} (replay with LWW_SEED=${LWW_SEED})`);

/** A server whose pages grow as the test hands items out; the cursor is the number of pages served. */
function growingTransport(pages: SyncItem[][]): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push in these tests')),
    putBlob: () => Promise.reject(new Error('no blobs in these tests')),
    pull: async ({ after }): Promise<PullReply> => {
      const page = pages[after] ?? [];
      return {
        type: 'pull-page',
        epoch: 'E1',
        items: page.map((item, k) => ({ serverSeq: after * 1000 + k + 1, item })),
        cursor: after < pages.length ? after + 1 : after,
        hasMore: after + 1 < pages.length,
      };
    },
  };
}

async function tabletShown(fairId: string): Promise<Shown> {
  return shown(await getFair(fairId), await listExhibitors(fairId));
}

describe('last writer wins on tablets', () => {
  afterEach(resetDb);

  test('[SY20][SY21][SY22] any arrival order of the same versions, by pull pages and bundle files, leaves every tablet with the domain rule’s fair and exhibitors', async () => {
    let run = 0;
    const Arrival = (n: number) => fc.tuple(arrivalOrder(n), fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.integer({ min: 1, max: 3 }));
    await fc.assert(
      fc.asyncProperty(
        versionSets.chain((specs) => fc.tuple(fc.constant(specs), fc.array(Arrival(specs.length), { minLength: 3, maxLength: 3 }))),
        async ([specs, arrivals]) => {
          run++;
          const world = { fairId: ulidOf(run, '01F'), itemId: (k: number) => ulidOf(k + 1, '01J'), deviceId: (k: number) => ulidOf(k + 1, '01D') };
          const items = versionItems(specs, world);
          const expected = expectedShown(items);
          const credentials: SyncCredentials = { baseUrl: '', token: 't', deviceId: ulidOf(999, '01D'), deviceCode: 'KZ', fairId: world.fairId };
          for (const [order, byBundle, pageSize] of arrivals) {
            freshDb('lww');
            const pages: SyncItem[][] = [];
            const transport = growingTransport(pages);
            let pending: SyncItem[] = [];
            const pull = async (): Promise<void> => {
              for (let i = 0; i < pending.length; i += pageSize) pages.push(pending.slice(i, i + pageSize));
              pending = [];
              await pullPages({ transport, credentials, appliers: ALL_APPLIERS });
            };
            for (const k of order) {
              const item = items[k] as SyncItem;
              if (byBundle[k] !== true) {
                pending.push(item);
                continue;
              }
              await pull();
              const imported = await importBundle(forgeBundle({ fairId: world.fairId, deviceId: item.deviceId, items: [item] }));
              expect(imported.ok).toBe(true);
            }
            await pull();
            expect(await tabletShown(world.fairId)).toEqual(expected);
            resetDb();
          }
        },
      ),
      { seed: LWW_SEED, numRuns: 25 },
    );
  }, 120_000);

  test('[SY23] a local edit after an older pulled version is the exhibitor the tablet shows', async () => {
    freshDb('lww-local');
    const now = clock();
    const made = await createFair(fairInput(), now());
    if (!made.ok) throw new Error(made.error.kind);
    const fair = made.value;
    const saved = await saveExhibitor(fair.id, exhibitorInput(1), now());
    if (!saved.ok) throw new Error(saved.error.kind);
    const e = saved.value;
    const other = deviceId(7);
    // Another tablet's version, stamped before this tablet's edit below.
    const pulled = versionOf(e, { booths: [{ hall: '1.1', stand: 'A02' }], deviceId: other }, '2025-04-15T00:30:00.000Z', other, ulidOf(1, '01J'));
    await pullPages({ transport: growingTransport([[pulled]]), credentials: { baseUrl: '', token: 't', deviceId: ulidOf(9, '01D'), deviceCode: 'KZ', fairId: fair.id }, appliers: ALL_APPLIERS });
    expect((await getExhibitor(e.id))?.booths).toEqual([{ hall: '1.1', stand: 'A01' }]);
    const edited = await saveExhibitor(fair.id, { ...e, booths: [{ hall: '1.1', stand: 'A03' }] }, now());
    expect(edited.ok && edited.value.booths).toEqual([{ hall: '1.1', stand: 'A03' }]);
    expect((await getExhibitor(e.id))?.booths).toEqual([{ hall: '1.1', stand: 'A03' }]);
  });

  test('[SY23] a local fair edit after an older pulled version is the fair the tablet shows', async () => {
    freshDb('lww-fair');
    const now = clock();
    const made = await createFair(fairInput(), now());
    if (!made.ok) throw new Error(made.error.kind);
    const fair = made.value;
    const other = deviceId(7);
    const older = SyncItem.parse({ id: ulidOf(2, '01J'), fairId: fair.id, deviceId: other, seq: 1, hlc: formatHlc({ wallMs: Date.parse('2025-04-15T00:30:00.000Z'), counter: 0, node: other }), at: '2025-04-15T00:30:00.000Z', kind: 'fair', entityId: fair.id, payload: { ...fair, nameEn: 'Pulled' } });
    await pullPages({ transport: growingTransport([[older]]), credentials: { baseUrl: '', token: 't', deviceId: ulidOf(9, '01D'), deviceCode: 'KZ', fairId: fair.id }, appliers: ALL_APPLIERS });
    expect((await getFair(fair.id))?.nameEn).toBe(fair.nameEn);
    const { id: _id, ...input } = fair;
    const edited = await updateFair(fair.id, { ...input, nameEn: 'Edited here' }, now());
    expect(edited.ok && edited.value.nameEn).toBe('Edited here');
    expect((await getFair(fair.id))?.nameEn).toBe('Edited here');
  });

  test('[SY23] a local edit after pulling a version from a clock an hour ahead is stamped after it and is the exhibitor shown', async () => {
    freshDb('lww-ahead');
    const now = clock();
    const made = await createFair(fairInput(), now());
    if (!made.ok) throw new Error(made.error.kind);
    const saved = await saveExhibitor(made.value.id, exhibitorInput(1), now());
    if (!saved.ok) throw new Error(saved.error.kind);
    const e = saved.value;
    const other = deviceId(7);
    const ahead = versionOf(e, { booths: [{ hall: '1.1', stand: 'A02' }], deviceId: other }, '2025-04-15T02:30:00.000Z', other, ulidOf(1, '01J'));
    await pullPages({ transport: growingTransport([[ahead]]), credentials: { baseUrl: '', token: 't', deviceId: ulidOf(9, '01D'), deviceCode: 'KZ', fairId: e.fairId }, appliers: ALL_APPLIERS, now });
    expect((await getExhibitor(e.id))?.booths).toEqual([{ hall: '1.1', stand: 'A02' }]);
    const edited = await saveExhibitor(e.fairId, { ...e, booths: [{ hall: '1.1', stand: 'A03' }] }, now());
    expect(edited.ok && edited.value.booths).toEqual([{ hall: '1.1', stand: 'A03' }]);
    expect((await getExhibitor(e.id))?.booths).toEqual([{ hall: '1.1', stand: 'A03' }]);
    const own = (await getDb().items.where('entityId').equals(e.id).toArray()).sort((a, b) => a.seq - b.seq);
    expect(own[own.length - 1]!.hlc > ahead.hlc).toBe(true);
  });

  test('[SY23] an edit that loses to a version held here is logged for sync, and the tablet keeps and returns the winner', async () => {
    freshDb('lww-loses');
    const now = clock();
    const made = await createFair(fairInput(), now());
    if (!made.ok) throw new Error(made.error.kind);
    const saved = await saveExhibitor(made.value.id, exhibitorInput(1), now());
    if (!saved.ok) throw new Error(saved.error.kind);
    const e = saved.value;
    const other = deviceId(7);
    const ahead = versionOf(e, { booths: [{ hall: '1.1', stand: 'A02' }], deviceId: other }, '2025-04-15T02:30:00.000Z', other, ulidOf(1, '01J'));
    // Applied without a pull page's receive step, as an app before the receive rule left it.
    expect((await runWrite([...PULLED_TABLES], (db) => applyPulledExhibitors(db, [ahead]), { log: false })).ok).toBe(true);
    const edited = await saveExhibitor(e.fairId, { ...e, booths: [{ hall: '1.1', stand: 'A03' }] }, now());
    expect(edited.ok && edited.value.booths).toEqual([{ hall: '1.1', stand: 'A02' }]);
    expect((await getExhibitor(e.id))?.booths).toEqual([{ hall: '1.1', stand: 'A02' }]);
    const queued = (await getDb().outbox.toArray()).filter((i) => i.entityId === e.id).map((i) => (i.payload as Exhibitor).booths);
    expect(queued).toEqual([[{ hall: '1.1', stand: 'A01' }], [{ hall: '1.1', stand: 'A03' }]]);
  });
});

/** A version of exhibitor `e` as another tablet's item. */
function versionOf(e: Exhibitor, change: Partial<Exhibitor>, at: string, device: string, id: string): SyncItem {
  const wallMs = Date.parse(at);
  return SyncItem.parse({ id, fairId: e.fairId, deviceId: device, seq: 1, hlc: formatHlc({ wallMs, counter: 0, node: device }), at, kind: 'exhibitor', entityId: e.id, payload: { ...e, ...change } });
}

describe('a late offline edit: the server counts what the tablets count', { timeout: 60_000 }, () => {
  const harness = syncServer('lww');
  const { fetch: fetchImpl, useDevice: tablet } = harness;
  const enrolHere = async (fairId: string, name: string): Promise<void> => {
    await harness.enrolHere(fairId, `Tablet ${name}`, name);
  };

  const tabletBooths = async (fairId: string): Promise<number | null | undefined> => {
    const data = await sessionDataOf(fairId);
    if (data === undefined) throw new Error('no fair on the tablet');
    return postShowSummary(data).figures['R1.booths'];
  };

  for (const first of ['the later edit', 'the earlier edit'] as const) {
    test(`[SY20][SY24] the later edit (2 booths) wins on the server and both tablets when ${first} arrives first`, async () => {
      const now = clock('2026-11-25T01:00:00.000Z');
      tablet('A');
      const made = await createFair(fairInput(), now());
      if (!made.ok) throw new Error(made.error.kind);
      const fair = made.value;
      await enrolHere(fair.id, 'KA');
      const saved = await saveExhibitor(fair.id, exhibitorInput(1), now());
      if (!saved.ok) throw new Error(saved.error.kind);
      const e = saved.value;
      await syncOnce({ now, fetch: fetchImpl });
      tablet('B');
      await enrolHere(fair.id, 'KB');
      await syncOnce({ now, fetch: fetchImpl });

      // Both offline: A edits the name (1 booth), B later adds a booth (2 booths).
      tablet('A');
      expect((await saveExhibitor(fair.id, { ...e, nameEn: 'Renamed on A' }, now())).ok).toBe(true);
      tablet('B');
      expect((await saveExhibitor(fair.id, { ...e, booths: [...e.booths, { hall: '1.1', stand: 'A02' }] }, now())).ok).toBe(true);

      const order = first === 'the later edit' ? (['B', 'A'] as const) : (['A', 'B'] as const);
      for (const name of order) {
        tablet(name);
        await syncOnce({ now, fetch: fetchImpl });
      }
      // The one that pushed first pulls the other's edit now.
      tablet(order[0]);
      await syncOnce({ now, fetch: fetchImpl });

      const server = await serverSummary(harness.storage().sql, fair.id);
      expect(server?.summary.figures['R1.booths']).toBe(2);
      tablet('A');
      expect(await tabletBooths(fair.id)).toBe(2);
      tablet('B');
      expect(await tabletBooths(fair.id)).toBe(2);
    });
  }
});
