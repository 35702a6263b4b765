import { afterEach, describe, expect, test } from 'vitest';
import type { Exhibitor } from '../../src/domain/exhibitor';
import { formatHlc } from '../../src/domain/hlc';
import { SyncItem } from '../../src/domain/sync-item';
import type { PullReply } from '../../src/domain/wire/protocol';
import type { SnapshotPage } from '../../src/domain/wire/snapshot';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { getDb } from '../../src/store/db';
import { getExhibitor } from '../../src/store/exhibitors';
import type { SyncCredentials } from '../../src/store/sync-state';
import { firstSync } from '../../src/sync/first-sync';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncTransport } from '../../src/sync/transport';
import { deviceId, makeFair, ulidOf } from '../support/builders';
import { exhibitor } from '../domain/report/session-builder';
import { clock, freshDb, resetDb } from '../store/fixtures';

/**
 * What a first sync and a pull write and ask for (SY88, SY90), on the real store
 * (fake-indexeddb): an exhibitor's applied version on its row, and the next snapshot page asked
 * for while this one is written.
 */
afterEach(resetDb);

const now = clock();
const fair = makeFair();
const other = deviceId(9);
const creds: SyncCredentials = { baseUrl: '', token: 't', deviceId: '01JRZ8Q4W6M00000000000000B', deviceCode: 'KB', fairId: fair.id };

const item = (n: number, kind: SyncItem['kind'], entityId: string, payload: unknown, at: string): SyncItem =>
  SyncItem.parse({ id: ulidOf(n, '01Y'), fairId: fair.id, deviceId: other, seq: n, hlc: formatHlc({ wallMs: Date.parse(at), counter: 0, node: other }), at, kind, entityId, payload });

/** `items` as a snapshot at one server sequence, `limit` at a time; `asked` logs each request with the pages written by then. */
function snapshotServer(items: readonly SyncItem[], written: () => number): SyncTransport & { asked: { after: string; written: number }[] } {
  const asked: { after: string; written: number }[] = [];
  return {
    asked,
    push: () => Promise.reject(new Error('no push here')),
    putBlob: () => Promise.reject(new Error('no blobs here')),
    pull: async ({ after }): Promise<PullReply> => ({ type: 'pull-page', epoch: 'E1', items: [], cursor: after, hasMore: false }),
    snapshot: async ({ after, limit }) => {
      asked.push({ after, written: written() });
      const from = after === '0-0' ? 0 : Number(after.split('-')[1]);
      const page = items.slice(from, from + limit);
      const reply: SnapshotPage = {
        type: 'snapshot-page', epoch: 'E1', at: items.length, ...(after === '0-0' ? { total: items.length } : {}),
        items: page, next: from + limit < items.length ? `2-${from + limit}` : null,
      };
      return { reply, bytes: JSON.stringify(reply).length };
    },
  };
}

function fairWith(count: number): { items: SyncItem[]; exhibitors: Exhibitor[] } {
  const exhibitors = Array.from({ length: count }, (_, k) => exhibitor(k + 1, { booths: [{ hall: '1.1', stand: `B${k + 1}` }] }, fair));
  const items = [item(1, 'fair', fair.id, fair, '2025-04-10T01:00:00.000Z'), ...exhibitors.map((e, k) => item(k + 2, 'exhibitor', e.id, e, '2025-04-10T01:00:00.000Z'))];
  return { items, exhibitors };
}

describe('pulled rows', () => {
  test('[SY90] each snapshot page is asked for once, the next one before this one is written', async () => {
    freshDb('sy90-ahead');
    const { items } = fairWith(29);
    let pages = 0;
    const transport = snapshotServer(items, () => pages);
    const first = await firstSync({ transport, credentials: creds, appliers: ALL_APPLIERS, now, limit: 10, onProgress: () => void pages++ });
    expect(first).toEqual({ pages: 3, items: 30 });
    expect(transport.asked).toEqual([{ after: '0-0', written: 0 }, { after: '2-10', written: 0 }, { after: '2-20', written: 1 }]);
    expect(await getDb().exhibitors.count()).toBe(29);
  });

  test('[SY88] a pulled exhibitor keeps its applied version on its row: an older one then loses, a newer one wins, and meta keeps none', async () => {
    freshDb('sy88-row-version');
    const { items, exhibitors } = fairWith(3);
    await firstSync({ transport: snapshotServer(items, () => 0), credentials: creds, appliers: ALL_APPLIERS, now });
    const e = exhibitors[1] as Exhibitor;
    const applied = items[2] as SyncItem;
    expect((await getDb().exhibitors.get(e.id))?.applied).toEqual({ hlc: applied.hlc, id: applied.id });
    const older = item(50, 'exhibitor', e.id, { ...e, nameZh: '旧名称有限公司' }, '2025-04-09T01:00:00.000Z');
    const newer = item(51, 'exhibitor', e.id, { ...e, nameZh: '新名称有限公司' }, '2025-04-11T01:00:00.000Z');
    const pages: SyncItem[][] = [];
    const transport: SyncTransport = {
      push: () => Promise.reject(new Error('no push here')),
      putBlob: () => Promise.reject(new Error('no blobs here')),
      pull: async ({ after }): Promise<PullReply> => {
        const k = after - items.length;
        const page = pages[k] ?? [];
        return { type: 'pull-page', epoch: 'E1', items: page.map((i) => ({ serverSeq: after + 1, item: i })), cursor: after + page.length, hasMore: false };
      },
    };
    pages.push([older]);
    await pullPages({ transport, credentials: creds, appliers: ALL_APPLIERS });
    expect((await getExhibitor(e.id))?.nameZh).toBe(e.nameZh);
    expect((await getDb().exhibitors.get(e.id))?.applied).toEqual({ hlc: applied.hlc, id: applied.id });
    pages.push([newer]);
    await pullPages({ transport, credentials: creds, appliers: ALL_APPLIERS });
    expect((await getExhibitor(e.id))?.nameZh).toBe('新名称有限公司');
    expect((await getDb().exhibitors.get(e.id))?.applied).toEqual({ hlc: newer.hlc, id: newer.id });
    expect((await getDb().meta.toArray()).filter((m) => m.key.startsWith('sync.version.') && m.key !== `sync.version.${fair.id}`)).toEqual([]);
  });
});
