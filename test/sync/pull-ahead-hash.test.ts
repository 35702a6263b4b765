import { afterEach, describe, expect, test } from 'vitest';
import type { Commitment } from '../../src/domain/commitment';
import type { SyncItem } from '../../src/domain/sync-item';
import type { PullReply } from '../../src/domain/wire/protocol';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { getDb } from '../../src/store/db';
import type { SyncCredentials } from '../../src/store/sync-state';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncTransport } from '../../src/sync/transport';
import { deviceId, makeFair, ulidOf } from '../support/builders';
import { freshDb, resetDb } from '../store/fixtures';
import { exhibitor, signed } from '../domain/report/session-builder';

/** SY92 on the real store (fake-indexeddb; Node's WebCrypto is the platform's SHA-256). */
afterEach(resetDb);

const fair = makeFair();
const SELF = '01JRZ8Q4W6M00000000000000B';
const creds: SyncCredentials = { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId: fair.id };
const source = deviceId(4);

const asItem = (c: Commitment, n: number): SyncItem =>
  ({ id: ulidOf(n, '01Y'), fairId: fair.id, deviceId: source, seq: n, hlc: `${String(1744678800000 + n).padStart(15, '0')}-0000-${source}`, at: '2025-04-15T01:00:00.000Z', kind: 'commitment', entityId: c.id, payload: c }) as unknown as SyncItem;

/** Serves `pages` in order, cursor = pages served. */
function transport(pages: readonly (readonly SyncItem[])[]): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push in these tests')),
    putBlob: () => Promise.reject(new Error('no blobs in these tests')),
    pull: ({ after }): Promise<PullReply> => {
      const base = pages.slice(0, after).reduce((n, p) => n + p.length, 0);
      return Promise.resolve({ type: 'pull-page', epoch: 'E1', items: (pages[after] ?? []).map((item, k) => ({ serverSeq: base + k + 1, item })), cursor: after + 1, hasMore: after + 1 < pages.length });
    },
  };
}

describe('content hashes of pages asked ahead', () => {
  test('[SY92] a commitment asked ahead whose hash does not match is refused as in a page written alone', async () => {
    const exhibitors = [1, 2, 3, 4].map((n) => exhibitor(n, {}, fair));
    const good = exhibitors.slice(0, 3).map((e, k) => asItem(signed(k + 1, e, fair), k + 1));
    const honest = signed(4, exhibitors[3]!, fair);
    if (honest.status !== 'signed') throw new Error('a signed commitment expected');
    // Its signer changed after signing, the hash left as it was.
    const tampered = asItem({ ...honest, signer: { ...honest.signer, name: '改过的人' } }, 4);
    const ids = async (): Promise<string[]> => (await getDb().commitments.toArray()).map((c) => c.id).sort();

    freshDb('sy92-alone');
    await pullPages({ transport: transport([[...good, tampered]]), credentials: creds, appliers: ALL_APPLIERS });
    const alone = await ids();
    expect(alone).toEqual(good.map((i) => i.entityId).sort());

    freshDb('sy92-ahead');
    // New copies: each item object is checked once. The second page, with the tampered one, is asked for while the first is written.
    const [a, b, c, t] = structuredClone([...good, tampered]);
    await pullPages({ transport: transport([[a!], [b!, t!, c!]]), credentials: creds, appliers: ALL_APPLIERS });
    expect(await ids()).toEqual(alone);
  });
});
