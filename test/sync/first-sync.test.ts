import { afterEach, describe, expect, test } from 'vitest';
import { compareEvents } from '../../src/domain/case/fold';
import type { CaseEvent } from '../../src/domain/case/events';
import type { SyncItem } from '../../src/domain/sync-item';
import type { PullReply } from '../../src/domain/wire/protocol';
import type { SnapshotPage } from '../../src/domain/wire/snapshot';
import { getDb } from '../../src/store/db';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { firstSync, readSnapshotMark, type SyncProgress } from '../../src/sync/first-sync';
import { pullPages } from '../../src/sync/pull-pages';
import { readSyncState, type SyncCredentials } from '../../src/store/sync-state';
import { TransportError, type SyncTransport } from '../../src/sync/transport';
import { caseId, Desk, deviceId, eventItems, local, makeFair, PATHS, ulidOf } from '../support/builders';
import { exhibitor } from '../domain/report/session-builder';
import { clock, freshDb, resetDb } from '../store/fixtures';

/**
 * A new tablet's first sync from the fair's snapshot (SY87) on the real store (fake-indexeddb):
 * against a server that serves the same items by pull and by snapshot, the tablet ends where a
 * clean pull of every item ends, also when the snapshot is cut short and taken up again.
 */
afterEach(resetDb);

const now = clock();
const fair = makeFair();
const SELF = '01JRZ8Q4W6M00000000000000B';
const creds: SyncCredentials = { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId: fair.id };

/** The fair, 30 exhibitors and 4 cases of other tablets, in commit order (seq = position + 1). */
function fairItems(): SyncItem[] {
  const source = deviceId(9);
  const items: SyncItem[] = [{ id: ulidOf(1, '01Y'), fairId: fair.id, deviceId: source, seq: 1, hlc: `000001744246800000-0000-${source}`, at: '2025-04-10T01:00:00.000Z', kind: 'fair', entityId: fair.id, payload: fair } as unknown as SyncItem];
  for (let k = 0; k < 30; k++) {
    const e = exhibitor(k + 1, { booths: [{ hall: '1.1', stand: `B${k + 1}` }] }, fair);
    items.push({ id: ulidOf(k + 2, '01Y'), fairId: fair.id, deviceId: source, seq: k + 2, hlc: `000001744246800${String(k + 100)}-0000-${source}`, at: '2025-04-10T01:00:00.000Z', kind: 'exhibitor', entityId: e.id, payload: e } as unknown as SyncItem);
  }
  const events: CaseEvent[] = [];
  for (let n = 0; n < 4; n++) {
    const desk = new Desk(fair, local('2025-04-15 09:00'), deviceId(1 + (n % 3)), caseId(n + 1), n * 100);
    for (const type of PATHS.ADMITTED) desk.must(type);
    events.push(...desk.events);
  }
  items.push(...eventItems(fair.id, events.sort(compareEvents)));
  return items;
}

/** A server of `items` (server seq = position + 1): the pull, and the snapshot read at `at` (SY85's order). */
function server(items: readonly SyncItem[], options: { at: number; epoch?: () => string; failAt?: Set<number> }): SyncTransport & { asked: string[] } {
  const rank = (k: string): number => (k === 'fair' ? 0 : k === 'case_event' ? 1 : k === 'exhibitor' ? 2 : 3);
  const snap = items.slice(0, options.at).map((item, k) => ({ item, position: `${rank(item.kind)}-${k + 1}` })).sort((a, b) => (a.position < b.position ? -1 : 1));
  const asked: string[] = [];
  let calls = 0;
  return {
    asked,
    push: () => Promise.reject(new Error('no push here')),
    putBlob: () => Promise.reject(new Error('no blobs here')),
    pull: async ({ after, limit }): Promise<PullReply> => {
      const page = items.slice(after, after + limit);
      return { type: 'pull-page', epoch: options.epoch?.() ?? 'E1', items: page.map((item, k) => ({ serverSeq: after + k + 1, item })), cursor: after + page.length, hasMore: after + page.length < items.length };
    },
    snapshot: async ({ at, after, limit }) => {
      calls++;
      asked.push(after);
      if (options.failAt?.has(calls)) throw new TransportError('NETWORK', true);
      const from = after === '0-0' ? 0 : snap.findIndex((x) => x.position === after) + 1;
      const page = snap.slice(from, from + limit);
      const reply: SnapshotPage = {
        type: 'snapshot-page', epoch: options.epoch?.() ?? 'E1', at: at ?? options.at, ...(at === undefined ? { total: snap.length } : {}),
        items: page.map((x) => x.item), next: from + limit < snap.length ? (page[page.length - 1]?.position ?? null) : null,
      };
      return { reply, bytes: JSON.stringify(reply).length };
    },
  };
}

const sorted = <T extends { id: string }>(rows: T[]): T[] => rows.sort((a, b) => a.id.localeCompare(b.id));
/** What the board, the search and the log hold (the rows a screen reads). */
const held = async (): Promise<unknown> => ({
  fairs: await getDb().fairs.toArray(),
  exhibitors: sorted(await getDb().exhibitors.toArray()),
  cases: sorted(await getDb().cases.toArray()),
  rows: sorted(await getDb().caseRows.toArray()),
  events: (await getDb().pulled.toArray()).flatMap((r) => r.events.map((e) => e.id)).sort(),
});

async function cleanPull(items: readonly SyncItem[], label: string): Promise<unknown> {
  freshDb(label);
  await pullPages({ transport: server(items, { at: 0 }), credentials: creds, appliers: ALL_APPLIERS, now });
  const state = held();
  const result = await state;
  resetDb();
  return result;
}

describe('first sync from the snapshot', () => {
  test('[SY87] a new tablet takes the snapshot, then pulls after its sequence, and ends where a clean pull ends', async () => {
    const items = fairItems();
    const expected = await cleanPull(items, 'sy87-clean');
    expect(expected).toMatchObject({ fairs: [{ id: fair.id }], exhibitors: { length: 30 }, cases: { length: 4 }, events: { length: fairItems().length - 31 } });
    freshDb('sy87-snap');
    const transport = server(items, { at: 20 });
    const progress: SyncProgress[] = [];
    const first = await firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now, limit: 8, onProgress: (p) => progress.push(p) });
    expect(first).toEqual({ pages: 3, items: 20 });
    expect((await readSyncState()).cursor).toBe(20);
    await pullPages({ transport, credentials: creds, appliers: ALL_APPLIERS, now });
    expect(await held()).toEqual(expected);
    expect(await readSnapshotMark()).toBeUndefined();
    expect(progress.map((p) => [p.items, p.total, p.done])).toEqual([[8, 20, false], [16, 20, false], [20, 20, true]]);
  });

  test('[SY87] a snapshot cut short by a dropped network goes on from the last page written and ends where a clean pull ends', async () => {
    const items = fairItems();
    const expected = await cleanPull(items, 'sy87-cut-clean');
    freshDb('sy87-cut');
    const transport = server(items, { at: items.length, failAt: new Set([3]) });
    await expect(firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now, limit: 10 })).rejects.toThrow('NETWORK');
    expect(await readSnapshotMark()).toMatchObject({ at: items.length, items: 20, total: items.length });
    await firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now, limit: 10 });
    await pullPages({ transport, credentials: creds, appliers: ALL_APPLIERS, now });
    expect(transport.asked.filter((a) => a === '0-0')).toHaveLength(1);
    expect(await held()).toEqual(expected);
  });

  test('[SY87] another epoch in the middle of a snapshot starts it again', async () => {
    const items = fairItems();
    const expected = await cleanPull(items, 'sy87-epoch-clean');
    freshDb('sy87-epoch');
    let epoch = 'E1';
    const transport = server(items, { at: items.length, epoch: () => epoch, failAt: new Set([2]) });
    await expect(firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now, limit: 10 })).rejects.toThrow('NETWORK');
    epoch = 'E2';
    await firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now, limit: 10 });
    expect(transport.asked.filter((a) => a === '0-0')).toHaveLength(2);
    expect((await readSyncState()).epoch).toBe('E2');
    await pullPages({ transport, credentials: creds, appliers: ALL_APPLIERS, now });
    expect(await held()).toEqual(expected);
  });

  test('[SY87] a tablet that has pulled before takes no snapshot', async () => {
    const items = fairItems();
    freshDb('sy87-pulled');
    const transport = server(items, { at: items.length });
    await pullPages({ transport, credentials: creds, appliers: ALL_APPLIERS, now });
    expect(await firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now })).toBeUndefined();
    expect(transport.asked).toEqual([]);
  });
});
