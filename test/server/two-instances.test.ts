import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION, PullPage, PushAccepted } from '../../src/domain/wire/protocol';
import type { SyncItem } from '../../src/domain/sync-item';
import { createDatabase } from '../support/postgres';
import { enrol, makeItems, newId, type TestDevice } from './support';

/**
 * Two server instances on one PostgreSQL keep every guarantee. Both start at
 * once on an empty database (migrations under the advisory lock), then six tablets push through
 * both instances at the same time — some answers "lost" and the batch sent again — while a
 * reader pages through pull on both. Every item lands once, and the reader, whose cursor only
 * moves forward, sees every item exactly once: pull order never skipped a late commit.
 */
let a: Storage;
let b: Storage;
let apps: Hono[];

beforeAll(async () => {
  const url = await createDatabase(inject('databaseUrl'));
  [a, b] = await Promise.all([openStorage({ databaseUrl: url }), openStorage({ databaseUrl: url })]);
  const distDir = 'dist';
  apps = [createHttpApp({ distDir, storage: a }), createHttpApp({ distDir, storage: b })];
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

const push = async (app: Hono, d: TestDevice, items: SyncItem[]): Promise<PushAccepted> => {
  const res = await app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
    body: JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: d.deviceId, fairId: d.fairId, items }),
  });
  expect(res.status).toBe(200);
  return PushAccepted.parse(await res.json());
};

test('two instances started at once share one schema and one epoch', async () => {
  expect(await a.epoch()).toBe(await b.epoch());
  const migrations = await a.sql.query('select id from schema_migrations');
  expect(migrations.length).toBeGreaterThan(0);
});

test('two instances pushing concurrently: every item once, pull order never skips', async () => {
  const fairId = newId();
  const devices = await Promise.all(Array.from({ length: 6 }, () => enrol(a, fairId)));
  const BATCHES = 15;
  const SIZE = 40;
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const all = new Map<string, SyncItem>();
  let pushing = true;

  const pusher = async (d: TestDevice, index: number) => {
    for (let k = 0; k < BATCHES; k++) {
      const batch = makeItems(d, k * SIZE + 1, (k + 1) * SIZE);
      for (const item of batch) all.set(item.id, item);
      const app = apps[(index + k) % 2] as Hono;
      const first = await push(app, d, batch);
      expect(first.results.every((r) => r.status === 'applied')).toBe(true);
      if (random() < 0.3) {
        // The answer was "lost": the tablet sends the batch again, through the other instance.
        const again = await push(apps[(index + k + 1) % 2] as Hono, d, batch);
        expect(again.results.map((r) => r.status)).toEqual(batch.map(() => 'duplicate'));
        expect(again.results).toEqual(first.results.map((r) => ({ ...r, status: 'duplicate' })));
      }
    }
  };

  const seen: string[] = [];
  const seqs: number[] = [];
  let cursor = 0;
  const pullOnce = async (app: Hono) => {
    const res = await app.request(`/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${fairId}&after=${cursor}&limit=${pushing ? 1000 : 37}`, {
      headers: { authorization: `Bearer ${devices[0]!.token}` },
    });
    const page = PullPage.parse(await res.json());
    for (const p of page.items) {
      seen.push(p.item.id);
      seqs.push(p.serverSeq);
    }
    cursor = page.cursor;
    return page;
  };
  const reader = async () => {
    let turn = 0;
    while (pushing) {
      await pullOnce(apps[turn++ % 2] as Hono);
      await new Promise((r) => setTimeout(r, 2));
    }
    for (;;) if (!(await pullOnce(apps[turn++ % 2] as Hono)).hasMore) break;
  };

  const reading = reader();
  await Promise.all(devices.map((d, i) => pusher(d, i)));
  pushing = false;
  await reading;

  const total = devices.length * BATCHES * SIZE;
  expect(all.size).toBe(total);
  const [row] = await a.sql.query<{ n: unknown }>('select count(*)::int as n from items where fair_id = $1', [fairId]);
  expect(Number(row?.n)).toBe(total);
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.length).toBe(total);
  expect([...seen].sort()).toEqual([...all.keys()].sort());
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
  for (const d of devices) {
    const [dev] = await b.sql.query<{ acked_seq: unknown }>('select acked_seq from device_acks where device_id = $1', [d.deviceId]);
    expect(Number(dev?.acked_seq)).toBe(BATCHES * SIZE);
  }
});
