import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION, PullPage, PushAccepted } from '../../src/domain/wire/protocol';
import { getDb } from '../../src/store/db';
import { runWrite } from '../../src/store/transaction';
import { logState } from '../../src/store/local-log';
import { pushOutbox } from '../../src/sync/push-outbox';
import { readSyncState } from '../../src/store/sync-state';
import { httpTransport } from '../../src/sync/transport';
import { setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import { enrol, makeItem, newId } from './support';

/**
 * WRONG_FAIR (SY5): an enrolled tablet's token is bound to one fair; an item of
 * another fair in its push is refused PER ITEM (`rejected`, code WRONG_FAIR), acknowledged so it
 * never blocks the queue, kept for the organizer, never served to the fair's tablets; the
 * items around it apply. Through HTTP, and from a real tablet store (fake-indexeddb) through
 * the real push client.
 */
let storage: Storage;
let app: Hono;
const auth = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });

beforeAll(async () => {
  storage = await openStorage({ dataDir: 'memory://' });
  app = createHttpApp({ distDir: 'dist', storage });
});
afterAll(async () => {
  await storage.close();
});
afterEach(resetDb);

test('[WRONG_FAIR] an item of another fair is rejected on its own; the items around it apply; the fair never sees it', async () => {
  const tablet = await enrol(storage, newId());
  const elsewhere = newId();
  const items = [makeItem(tablet, 1), makeItem({ deviceId: tablet.deviceId, fairId: elsewhere }, 2), makeItem(tablet, 3)];
  const res = await app.request('/api/sync/push', {
    method: 'POST',
    headers: auth(tablet.token),
    body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: tablet.deviceId, fairId: tablet.fairId, items }),
  });
  expect(res.status).toBe(200);
  const reply = PushAccepted.parse(await res.json());
  expect(reply.results.map((r) => [r.status, 'code' in r ? r.code : undefined])).toEqual([['applied', undefined], ['rejected', 'WRONG_FAIR'], ['applied', undefined]]);
  expect(reply.ackedSeq).toBe(3);
  expect((await storage.rejected(elsewhere)).records.map((r) => [r.itemId, r.code, r.deviceId])).toEqual([[items[1]!.id, 'WRONG_FAIR', tablet.deviceId]]);
  const pull = PullPage.parse(await (await app.request(`/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${tablet.fairId}`, { headers: auth(tablet.token) })).json());
  expect(pull.items.map((p) => p.item.id)).toEqual([items[0]!.id, items[2]!.id]);
  // The same push again: the same verdicts, nothing new.
  const again = PushAccepted.parse(await (await app.request('/api/sync/push', {
    method: 'POST',
    headers: auth(tablet.token),
    body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: tablet.deviceId, fairId: tablet.fairId, items }),
  })).json());
  expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate']);
});

test('[WRONG_FAIR] a tablet that recorded items of two fairs: the other fair’s item comes back rejected, is shown on the sync screen, and the queue empties', async () => {
  const now = clock();
  freshDb('wrongFair');
  const mine = await setupFair({ code: 'KM2' }, now());
  await setupFair({ code: 'QT7' }, now());
  const log = await runWrite(['meta'], (db) => logState(db), { log: false });
  if (!log.ok) throw new Error('no log state');
  const tablet = await enrol(storage, mine.id, { deviceId: log.value.deviceId });
  const transport = httpTransport({ baseUrl: 'http://server', token: tablet.token, fetch: async (input, init) => app.request(input.replace('http://server', ''), init) });
  const outbox = await getDb().outbox.orderBy('seq').toArray();
  expect(outbox.map((i) => i.fairId === mine.id)).toEqual([true, false]);
  const summary = await pushOutbox({ transport, credentials: { baseUrl: 'http://server', token: tablet.token, deviceId: tablet.deviceId, deviceCode: tablet.deviceCode, fairId: mine.id }, now });
  expect(summary.acknowledged).toBe(2);
  expect(await getDb().outbox.count()).toBe(0);
  expect((await readSyncState()).problems.map((p) => [p.seq, p.status, p.code])).toEqual([[2, 'rejected', 'WRONG_FAIR']]);
});
