/**
 * P4: push ingest in batches of 500 through the real server (`app.fetch`: JSON parse,
 * zod, token check, payload schemas, the push transaction): PGlite ≥ 5,000 items/s, PostgreSQL
 * ≥ 10,000 items/s, and at most 2× (PGlite) or 1.5× (PostgreSQL) a raw batched INSERT of the same
 * rows (every column the push fills, with the same values: hashes and attestation included) into a
 * table of the same shape (same columns and indexes), one transaction per batch, measured in the
 * same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createHttpApp } from '../../src/server/server';
import { openStorage, type Storage, type StorageConfig } from '../../src/server/storage/storage';
import { PROTOCOL_VERSION } from '../../src/domain/wire/protocol';
import type { SyncItem } from '../../src/domain/sync-item';
import { startPostgres } from '../support/postgres';
import { enrol, makeItems, newId } from '../server/support';
import { attest, attestKey } from '../../src/server/storage/attestation';
import { contentHash } from '../../src/server/storage/content-hash';
import { CHAIN_GENESIS, chainLink } from '../../src/server/storage/event-chain';
import type { BenchSuite, Figure } from './figure';
import { median } from './figure';

const BATCH = 500;
const PAIRS = 20;
const WARMUP = 2;

interface Rates {
  readonly push: number;
  readonly raw: number;
}

/**
 * Alternates one pushed batch and one raw batch, PAIRS times, and compares the medians of the
 * per-batch times: on a shared, noisy machine both sides see the same noise.
 */
async function measure(config: StorageConfig): Promise<Rates> {
  const storage = await openStorage(config);
  try {
    await storage.sql.query('create table if not exists bench_raw (like items including all)');
    const app = createHttpApp({ distDir: 'dist', storage });
    const device = await enrol(storage, newId());
    const key = await attestKey(storage.sql);
    let nextSeq = 1;
    let rawSeq = 1_000_000;
    const pushMs: number[] = [];
    const rawMs: number[] = [];
    for (let pair = 0; pair < WARMUP + PAIRS; pair++) {
      const body = pushBody(device, () => nextSeq++);
      const started = performance.now();
      await pushOne(app, device, body);
      const pushed = performance.now() - started;
      const rows = rawRows(makeItems(device, rawSeq, rawSeq + BATCH - 1), key);
      rawSeq += BATCH;
      const rawStarted = performance.now();
      await rawBatch(storage, rows);
      const raw = performance.now() - rawStarted;
      if (pair >= WARMUP) {
        pushMs.push(pushed);
        rawMs.push(raw);
      }
    }
    return { push: BATCH / (median(pushMs) / 1000), raw: BATCH / (median(rawMs) / 1000) };
  } finally {
    await storage.close();
  }
}

/** A push request of 500 new items, serialised before the clock starts (that is the tablet's work). */
function pushBody(device: Awaited<ReturnType<typeof enrol>>, seq: () => number): string {
  const items = Array.from({ length: BATCH }, () => seq()).map((s) => makeItems(device, s, s)[0] as SyncItem);
  return JSON.stringify({ type: 'push', protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, fairId: device.fairId, items });
}

async function pushOne(app: Hono, device: Awaited<ReturnType<typeof enrol>>, body: string): Promise<void> {
  const res = await app.request('/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body,
  });
  const reply = (await res.json()) as { results?: { status: string }[] };
  const ok = reply.results?.filter((r) => r.status === 'applied').length ?? 0;
  if (ok !== BATCH) throw new Error(`push applied ${ok} of ${BATCH}: ${JSON.stringify(reply).slice(0, 300)}`);
}

let rawServerSeq = 1_000_000_000;
let rawChain = CHAIN_GENESIS;
const RAW_COLUMNS = ['id', 'server_seq', 'fair_id', 'device_id', 'seq', 'hlc', 'at', 'kind', 'entity_id', 'payload', 'content_hash', 'chain_hash', 'attestation'];

/**
 * The rows exactly as the push stores them, every column filled with its real value (content
 * hash, chain hash, attestation), made before the clock starts (the payload's JSON is written inside it, as before).
 */
function rawRows(items: readonly SyncItem[], key: string): unknown[][] {
  return items.map((item) => {
    const hash = contentHash(item);
    rawChain = chainLink(rawChain, hash);
    const attestation = attest(key, { fairId: item.fairId, deviceId: item.deviceId, seq: item.seq, id: item.id, contentHash: hash, chainHash: rawChain });
    return [item.id, ++rawServerSeq, item.fairId, item.deviceId, item.seq, item.hlc, item.at, item.kind, item.entityId, item.payload, hash, rawChain, attestation];
  });
}

/** The plain way: one multi-row INSERT … VALUES of the same rows, in its own transaction. */
async function rawBatch(storage: Storage, rows: readonly unknown[][]): Promise<void> {
  const params: (string | number)[] = [];
  const values = rows.map((row) => {
    const base = params.length;
    params.push(...row.map((v, i) => (i === 9 ? JSON.stringify(v) : (v as string | number))));
    return `(${row.map((_, i) => `$${base + i + 1}${i === 9 ? '::text::jsonb' : ''}`).join(', ')})`;
  });
  await storage.sql.transaction((tx) => tx.query(`insert into bench_raw (${RAW_COLUMNS.join(', ')}) values ${values.join(', ')}`, params));
}

const figures = (name: string, goal: number, r: Rates, ratioGoal: number): Figure => ({
  name: `P4 push ingest, ${name}`,
  value: r.push,
  unit: 'items/s',
  goal: { op: '>=', value: goal },
  ratio: { baselineName: 'raw batched INSERT', value: r.raw / r.push, goal: ratioGoal },
  note: `batches of ${BATCH}, through app.fetch; raw batched INSERT ${Math.round(r.raw).toLocaleString('en-US')} items/s; load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
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
    // PostgreSQL, the many-instance deployment, at most 1.5× the raw INSERT; PGlite at most 2×.
    return [figures('PGlite', 5_000, pglite, 2), figures('PostgreSQL', 10_000, postgres, 1.5)];
  },
};
