/**
 * P4 (issue 7): push ingest in batches of 500 through the real server (`app.fetch`: JSON parse,
 * zod, token check, payload schemas, the push transaction): PGlite ≥ 5,000 items/s, PostgreSQL
 * ≥ 10,000 items/s, and at most 2× a raw batched INSERT of the same rows into a table of the
 * same shape (same columns and indexes), one transaction per batch, measured in the same run.
 * Rounds of the two alternate, so both see the same noise on a shared machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import type { SyncItem } from '../../src/domain/sync-item';
import { startPostgres } from '../support/postgres';
import { enrol, makeItems, newId } from '../server/support';
import type { BenchSuite, Figure } from './figure';
import { median } from './figure';

const BATCH = 500;
const BATCHES_PER_ROUND = 8;
const ROUNDS = 3;

interface Rates {
  readonly push: number;
  readonly raw: number;
}

async function measure(config: StorageConfig): Promise<Rates> {
  const storage = await openStorage(config);
  try {
    await storage.sql.query('create table if not exists bench_raw (like items including all)');
    const app = createHttpApp({ distDir: 'dist', storage });
    const device = await enrol(storage, newId());
    let nextSeq = 1;
    const pushRates: number[] = [];
    const rawRates: number[] = [];
    // Warm-up: one batch each way (JIT, plans, caches).
    await pushBatches(app, device, 1, () => nextSeq++);
    await rawBatches(storage, [makeItems(device, 1_000_000, 1_000_000 + BATCH - 1)]);
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      const n = await pushBatches(app, device, BATCHES_PER_ROUND, () => nextSeq++);
      pushRates.push(n / ((performance.now() - started) / 1000));
      const batches = Array.from({ length: BATCHES_PER_ROUND }, (_, k) => makeItems(device, 2_000_000 + (round * BATCHES_PER_ROUND + k) * BATCH, 2_000_000 + (round * BATCHES_PER_ROUND + k + 1) * BATCH - 1));
      const rawStarted = performance.now();
      await rawBatches(storage, batches);
      rawRates.push((BATCH * BATCHES_PER_ROUND) / ((performance.now() - rawStarted) / 1000));
    }
    return { push: median(pushRates), raw: median(rawRates) };
  } finally {
    await storage.close();
  }
}

/** Pushes `count` batches of 500 new items, bodies prepared before the clock starts. */
async function pushBatches(app: Hono, device: Awaited<ReturnType<typeof enrol>>, count: number, seq: () => number): Promise<number> {
  const bodies: string[] = [];
  for (let k = 0; k < count; k++) {
    const items = Array.from({ length: BATCH }, () => seq()).map((s) => makeItems(device, s, s)[0] as SyncItem);
    bodies.push(JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId: device.fairId, items }));
  }
  let applied = 0;
  for (const body of bodies) {
    const res = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body,
    });
    const reply = (await res.json()) as { results?: { status: string }[] };
    const ok = reply.results?.filter((r) => r.status === 'applied').length ?? 0;
    if (ok !== BATCH) throw new Error(`push applied ${ok} of ${BATCH}: ${JSON.stringify(reply).slice(0, 300)}`);
    applied += ok;
  }
  return applied;
}

/** The plain way: one multi-row INSERT … VALUES per batch, in its own transaction. */
async function rawBatches(storage: Storage, batches: readonly SyncItem[][]): Promise<void> {
  let serverSeq = Date.now();
  for (const items of batches) {
    const params: (string | number)[] = [];
    const rows = items.map((item) => {
      const base = params.length;
      params.push(item.id, ++serverSeq, item.fairId, item.deviceId, item.seq, item.hlc, item.at, item.kind, item.entityId, JSON.stringify(item.payload), 'x');
      return `(${Array.from({ length: 11 }, (_, i) => `$${base + i + 1}${i === 9 ? '::text::jsonb' : ''}`).join(', ')})`;
    });
    await storage.sql.transaction((tx) =>
      tx.query(`insert into bench_raw (id, server_seq, fair_id, device_id, seq, hlc, at, kind, entity_id, payload, content_hash) values ${rows.join(', ')}`, params),
    );
  }
}

const figures = (name: string, goal: number, r: Rates): Figure => ({
  name: `P4 push ingest, ${name}`,
  value: r.push,
  unit: 'items/s',
  goal: { op: '>=', value: goal },
  ratio: { baselineName: 'raw batched INSERT', value: r.raw / r.push, goal: 2 },
  note: `batches of ${BATCH}, through app.fetch; raw batched INSERT ${Math.round(r.raw).toLocaleString('en-US')} items/s`,
});

export const serverBench: BenchSuite = {
  name: 'server',
  async run(): Promise<readonly Figure[]> {
    const dir = mkdtempSync(join(tmpdir(), 'faircase-bench-pglite-'));
    let pglite: Rates;
    try {
      pglite = await measure({ dataDir: join(dir, 'pglite') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pg = await startPostgres({ fsync: true });
    let postgres: Rates;
    try {
      postgres = await measure({ databaseUrl: pg.url });
    } finally {
      await pg.stop();
    }
    return [figures('PGlite', 5_000, pglite), figures('PostgreSQL', 10_000, postgres)];
  },
};
