import { beforeAll, describe, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { canonicalJson, contentHash } from '../../src/server/storage/content-hash';
import {
  ConflictList, MAX_KEPT_HEAD_BYTES, MAX_SET_ASIDE_PAGE, PROTOCOL_VERSION, PushAccepted, RejectedList,
} from '../../src/domain/wire/protocol';
import type { SyncItem } from '../../src/domain/sync-item';
import { bothStorages } from './both-storages';
import { enrol, makeItem, makeOrganizer, newId, type TestDevice } from './support';

/**
 * SY63: what the server sets aside (rejected and conflicting items) is kept bounded, a head of
 * its canonical JSON with the SHA-256 and size of the whole, and both lists come in pages.
 */
const EIGHT_MB = 8 * 1024 * 1024;

/** The longest run of whole characters from the start of `text` whose UTF-8 fits in `bytes`. */
function longestPrefixWithin(text: string, bytes: number): string {
  let used = 0;
  let out = '';
  for (const ch of text) {
    used += Buffer.byteLength(ch);
    if (used > bytes) return out;
    out += ch;
  }
  return out;
}

describe.each(bothStorages())('set-aside items on $name', ({ storage }) => {
  let app: Hono;
  let organizer: string;
  beforeAll(async () => {
    app = createHttpApp({ distDir: 'dist', storage: storage() });
    organizer = (await makeOrganizer(storage())).token;
  });

  const push = async (d: TestDevice, items: readonly SyncItem[]): Promise<PushAccepted> => {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
      body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items }),
    });
    expect(res.status).toBe(200);
    return PushAccepted.parse(await res.json());
  };
  const list = (path: 'rejected' | 'conflicts', query: string, token = organizer) =>
    Promise.resolve(app.request(`/api/sync/${path}?${query}`, { headers: { authorization: `Bearer ${token}` } }));
  /** An item of another fair: rejected WRONG_FAIR, acknowledged. */
  const foreign = (d: TestDevice, seq: number, payload?: unknown): SyncItem => {
    const item = makeItem({ deviceId: d.deviceId, fairId: newId() }, seq);
    return payload === undefined ? item : ({ ...item, payload } as SyncItem);
  };

  test('[SY63] an 8 MB rejected item is stored as its first 4,096 bytes, cut at a whole character, with the SHA-256 and size of the whole; the list answer stays small', async () => {
    const d = await enrol(storage(), newId());
    // Three-byte characters: 4,096 is not a multiple of three, so the cut must step back.
    const big = foreign(d, 1, { topic: '案'.repeat(Math.ceil(EIGHT_MB / 3)) });
    const json = canonicalJson(big);
    expect((await push(d, [big])).results).toEqual([{ status: 'rejected', id: big.id, code: 'WRONG_FAIR' }]);

    const [row] = await storage().sql.query<{ head: number; size: number }>(
      'select octet_length(item_head) as head, pg_column_size(r.*) as size from rejected_items r where id = $1',
      [big.id],
    );
    expect(row?.head).toBe(Buffer.byteLength(longestPrefixWithin(json, MAX_KEPT_HEAD_BYTES)));
    expect(row?.size).toBeLessThan(2 * MAX_KEPT_HEAD_BYTES);

    const res = await list('rejected', `fair=${big.fairId}`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text.length).toBeLessThan(2 * MAX_KEPT_HEAD_BYTES);
    const page = RejectedList.parse(JSON.parse(text));
    expect(page.next).toBeNull();
    expect(page.rejected.map((r) => [r.itemId, r.code])).toEqual([[big.id, 'WRONG_FAIR']]);
    const kept = page.rejected[0]?.item;
    expect(kept).toEqual({ head: longestPrefixWithin(json, MAX_KEPT_HEAD_BYTES), sha256: contentHash(big), bytes: Buffer.byteLength(json), truncated: true });
  });

  test('[SY63] a small rejected item is kept whole: its head parses back to the item, of another fair, recoverable', async () => {
    const d = await enrol(storage(), newId());
    const item = foreign(d, 1);
    await push(d, [item]);
    const page = RejectedList.parse(await (await list('rejected', `fair=${item.fairId}`)).json());
    const kept = page.rejected[0]?.item;
    expect(kept).toMatchObject({ truncated: false, sha256: contentHash(item), bytes: Buffer.byteLength(canonicalJson(item)) });
    expect(JSON.parse(kept?.head ?? 'null')).toEqual(item);
  });

  test('[SY63] a large conflicting item is kept bounded too, beside the original it did not overwrite', async () => {
    const d = await enrol(storage(), newId());
    const original = makeItem(d, 1);
    await push(d, [original]);
    const changed = { ...original, payload: { ...(original.payload as object), topic: 'x'.repeat(100_000) } } as SyncItem;
    expect((await push(d, [changed])).results).toEqual([{ status: 'conflict', id: original.id }]);
    const page = ConflictList.parse(await (await list('conflicts', `fair=${d.fairId}`)).json());
    expect(page.next).toBeNull();
    const json = canonicalJson(changed);
    expect(page.conflicts.map((c) => [c.itemId, c.item])).toEqual([
      [original.id, { head: json.slice(0, MAX_KEPT_HEAD_BYTES), sha256: contentHash(changed), bytes: json.length, truncated: true }],
    ]);
  });

  test('[SY63] both lists come in pages in arrival order: cursor and limit in, next out, null after the last page', async () => {
    const d = await enrol(storage(), newId());
    const elsewhere = newId();
    const rejected = Array.from({ length: 7 }, (_, i) => ({ ...makeItem({ deviceId: d.deviceId, fairId: elsewhere }, i + 1) }) as SyncItem);
    await push(d, rejected.slice(0, 4));
    await push(d, rejected.slice(4));
    const pages: string[][] = [];
    for (let next: number | null = 0; next !== null; ) {
      const page = RejectedList.parse(await (await list('rejected', `fair=${elsewhere}&cursor=${next}&limit=3`)).json());
      pages.push(page.rejected.map((r) => r.itemId));
      next = page.next;
    }
    expect(pages).toEqual([rejected.slice(0, 3), rejected.slice(3, 6), rejected.slice(6)].map((p) => p.map((i) => i.id)));

    const originals = [makeItem(d, 8), makeItem(d, 9), makeItem(d, 10)];
    await push(d, originals);
    await push(d, originals.map((o) => ({ ...o, payload: { ...(o.payload as object), topic: 'changed' } }) as SyncItem));
    const first = ConflictList.parse(await (await list('conflicts', `fair=${d.fairId}&limit=2`)).json());
    expect(first.conflicts.map((c) => c.itemId)).toEqual([originals[0]?.id, originals[1]?.id]);
    expect(first.next).not.toBeNull();
    const second = ConflictList.parse(await (await list('conflicts', `fair=${d.fairId}&cursor=${first.next}&limit=2`)).json());
    expect(second).toMatchObject({ conflicts: [{ itemId: originals[2]?.id }], next: null });
  });

  test(`[SY63] a page holds at most ${MAX_SET_ASIDE_PAGE}: a larger limit, a zero limit or a negative cursor is a 400`, async () => {
    const fair = newId();
    for (const query of [`limit=${MAX_SET_ASIDE_PAGE + 1}`, 'limit=0', 'cursor=-1', 'cursor=x']) {
      expect((await list('rejected', `fair=${fair}&${query}`)).status).toBe(400);
      expect((await list('conflicts', `fair=${fair}&${query}`)).status).toBe(400);
    }
    expect((await list('rejected', `fair=${fair}&limit=${MAX_SET_ASIDE_PAGE}`)).status).toBe(200);
  });
});
