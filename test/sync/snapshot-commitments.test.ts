import { afterEach, describe, expect, test } from 'vitest';
import { CLAUSE_CODES, type Commitment } from '../../src/domain/commitment';
import { exhibitorKey, type Exhibitor } from '../../src/domain/exhibitor';
import type { SyncItem } from '../../src/domain/sync-item';
import type { Instant } from '../../src/domain/time';
import type { PullReply } from '../../src/domain/wire/protocol';
import type { SnapshotPage } from '../../src/domain/wire/snapshot';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { commitmentCoverage, commitmentVersions, currentCommitmentOf, listCommitments, signCommitment } from '../../src/store/commitments';
import { getDb } from '../../src/store/db';
import { applyPulledPage, newPullRun } from '../../src/store/pull-page';
import { readSyncState, type SyncCredentials } from '../../src/store/sync-state';
import { firstSync } from '../../src/sync/first-sync';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncTransport } from '../../src/sync/transport';
import { deviceId, makeFair, ulidOf } from '../support/builders';
import { exhibitor, signed } from '../domain/report/session-builder';
import { EVIDENCE } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';

/**
 * SY93 on the real store (fake-indexeddb): a snapshot page's commitments are one row, and every
 * reader of commitments finds what it finds after a clean pull of the same items.
 */
afterEach(resetDb);

const now = clock();
const fair = makeFair();
const SELF = '01JRZ8Q4W6M00000000000000B';
const creds: SyncCredentials = { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId: fair.id };
const source = deviceId(9);
const exhibitors: Exhibitor[] = Array.from({ length: 6 }, (_, k) => exhibitor(k + 1, { booths: [{ hall: `${1 + (k % 2)}.1`, stand: `B${k + 1}` }] }, fair));
const keys = exhibitors.map(exhibitorKey);

const item = (n: number, kind: SyncItem['kind'], entityId: string, payload: unknown): SyncItem =>
  ({ id: ulidOf(n, '01Y'), fairId: fair.id, deviceId: source, seq: n, hlc: `${String(1744246800000 + n).padStart(15, '0')}-0000-${source}`, at: '2025-04-10T01:00:00.000Z', kind, entityId, payload }) as unknown as SyncItem;

/** The fair, 6 exhibitors, a first version of each one's commitment, a second of two, and one whose hash does not match (CM1). */
function fairItems(): SyncItem[] {
  const commitments: Commitment[] = exhibitors.map((e, k) => signed(k + 1, e, fair));
  commitments.push(signed(7, exhibitors[0]!, fair, 2, commitments[0]!.id), signed(8, exhibitors[3]!, fair, 2, commitments[3]!.id));
  const forged = { ...signed(9, exhibitors[5]!, fair, 2, commitments[5]!.id), signer: { name: '李四', title: '经理', phone: '13812345678' } };
  const items = [item(1, 'fair', fair.id, fair), ...exhibitors.map((e, k) => item(k + 2, 'exhibitor', e.id, e))];
  for (const c of [...commitments, forged]) items.push(item(items.length + 1, 'commitment', c.id, c));
  return items;
}

/** A server of `items` (server seq = position + 1), with its snapshot read at the last (SY85's order is theirs already). */
function server(items: readonly SyncItem[]): SyncTransport {
  const rank = (k: string): number => (k === 'fair' ? 0 : k === 'exhibitor' ? 2 : 3);
  const snap = items.map((x, k) => ({ item: x, position: `${rank(x.kind)}-${k + 1}` }));
  return {
    push: () => Promise.reject(new Error('no push here')),
    putBlob: () => Promise.reject(new Error('no blobs here')),
    pull: async ({ after, limit }): Promise<PullReply> => {
      const page = items.slice(after, after + limit);
      return { type: 'pull-page', epoch: 'E1', items: page.map((x, k) => ({ serverSeq: after + k + 1, item: x })), cursor: after + page.length, hasMore: after + page.length < items.length };
    },
    snapshot: async ({ at, after, limit }) => {
      const from = after === '0-0' ? 0 : snap.findIndex((x) => x.position === after) + 1;
      const page = snap.slice(from, from + limit);
      const reply: SnapshotPage = {
        type: 'snapshot-page', epoch: 'E1', at: at ?? items.length, ...(at === undefined ? { total: snap.length } : {}),
        items: page.map((x) => x.item), next: from + limit < snap.length ? (page[page.length - 1]?.position ?? null) : null,
      };
      return { reply, bytes: JSON.stringify(reply).length };
    },
  };
}

/** What the commitment screens read: the list, each exhibitor's current one (with and without a fair), its versions, the coverage. */
const readers = async (): Promise<unknown> => ({
  list: (await listCommitments(fair.id)).map((c) => c.id),
  current: await Promise.all(keys.map(async (k) => [(await currentCommitmentOf(k, fair.id))?.id, (await currentCommitmentOf(k))?.id])),
  versions: await Promise.all(keys.map(async (k) => (await commitmentVersions(fair.id, k)).map((c) => c.id))),
  coverage: (await commitmentCoverage(fair.id)).map((h) => [h.hall, h.exhibitors.map((x) => [x.exhibitor.id, x.commitment?.id])]),
});

async function snapshotTablet(items: readonly SyncItem[], label: string): Promise<void> {
  freshDb(label);
  await firstSync({ transport: server(items), credentials: creds, appliers: ALL_APPLIERS, now, limit: 4 });
  expect((await readSyncState()).cursor).toBe(items.length);
}

describe('a snapshot page of commitments', () => {
  test('[SY93] a snapshot page\'s commitments are one row, and every reader finds what a clean pull gives', async () => {
    const items = fairItems();
    freshDb('sy93-clean');
    await pullPages({ transport: server(items), credentials: creds, appliers: ALL_APPLIERS, now });
    const expected = await readers();
    expect(expected).toMatchObject({ list: { length: 8 } });
    resetDb();
    await snapshotTablet(items, 'sy93-snap');
    expect(await readers()).toEqual(expected);
    expect(await getDb().commitments.count()).toBe(0);
    // Pages of 4: the fair and 3 exhibitors, 3 exhibitors and a commitment, then the commitments 4 by 4.
    expect((await getDb().commitmentPages.toArray()).map((p) => p.commitments.length)).toEqual([1, 4, 3]);
  });

  test('[SY93] a commitment a snapshot page holds, brought again by a pulled page, is read once', async () => {
    const items = fairItems();
    await snapshotTablet(items, 'sy93-again');
    const before = await readers();
    const again = items.find((x) => x.kind === 'commitment') as SyncItem;
    const page: PullReply = { type: 'pull-page', epoch: 'E1', items: [{ serverSeq: items.length + 1, item: again }], cursor: items.length + 1, hasMore: false };
    const r = await applyPulledPage(page, items.length, { self: SELF, run: newPullRun(), received: now(), reading: undefined, appliers: ALL_APPLIERS });
    expect(r).toEqual({ ok: true, value: 'applied' });
    expect(await readers()).toEqual(before);
  });

  test('[SY93] signing over a commitment a snapshot page holds makes its next version', async () => {
    await snapshotTablet(fairItems(), 'sy93-sign');
    const e = exhibitors[1]!;
    const current = await currentCommitmentOf(exhibitorKey(e), fair.id);
    const at = now();
    const r = await signCommitment({
      fairId: fair.id, exhibitorKey: exhibitorKey(e), booths: e.booths, templateVersion: 'v1', clausesAccepted: [...CLAUSE_CODES],
      signer: { name: '陈经理', title: '总经理', phone: '13800138000' }, signatureEvidenceId: EVIDENCE[1], signedAt: at as Instant, channel: 'kiosk', supersedes: current?.id,
    }, at);
    expect(r.ok ? [r.value.version, r.value.supersedes] : r.error).toEqual([2, current?.id]);
    expect((await commitmentVersions(fair.id, exhibitorKey(e))).map((c) => c.version)).toEqual([1, 2]);
  });
});
