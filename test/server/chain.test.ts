import { describe, expect, inject, test } from 'vitest';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { openStorage, type Storage } from '../../src/server/storage/storage';
import { CHAIN_GENESIS, checkChain, rewriteItems } from '../../src/server/storage/event-chain';
import { migrate } from '../../src/server/storage/migrations';
import { contentHash } from '../../src/server/storage/content-hash';
import { createHttpApp } from '../../src/server/server';
import { createDatabase } from '../support/postgres';
import { bothStorages } from './both-storages';
import { enrol, makeItem, makeItems, makeOrganizer, newId, type TestDevice } from './support';

/**
 * SY8: the server's event log is append-only (a trigger refuses UPDATE, DELETE and
 * TRUNCATE on `items`) and hash-chained per device in sequence order; the check walks every
 * chain and reports each broken link (device, sequence, expected, found). On both databases.
 */
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

interface Row {
  id: string;
  seq: unknown;
  content_hash: string;
  chain_hash: string | null;
}
const rowsOf = async (s: Storage, deviceId: string): Promise<Row[]> =>
  s.sql.query<Row & Record<string, unknown>>('select id, seq, content_hash, chain_hash from items where device_id = $1 order by seq', [deviceId]);

/** As the database owner, past the trigger: what an intruder with SQL access could do. */
const tamper = async (s: Storage, sql: string, params: (string | number)[]): Promise<void> => {
  await s.sql.query('alter table items disable trigger items_append_only');
  try {
    await s.sql.query(sql, params);
  } finally {
    await s.sql.query('alter table items enable trigger items_append_only');
  }
};

describe.each(bothStorages({ pglite: 'folder' }))('event chain on $name', ({ storage }) => {
  /** A device with `n` items pushed in batches, a duplicate, a conflict and a poison item among them. */
  const busyDevice = async (fairId = newId()): Promise<TestDevice> => {
    const d = await enrol(storage(), fairId);
    const first = makeItems(d, 1, 4);
    await storage().push(d, first, Date.now());
    const changed = { ...first[0]!, payload: { ...(first[0]!.payload as object), topic: 'other content' } };
    const poison = makeItem(d, 5, { topic: '' });
    await storage().push(d, [first[1]!, changed, poison, ...makeItems(d, 6, 9)], Date.now());
    await storage().push(d, makeItems(d, 10, 12), Date.now());
    return d;
  };

  test('[SY8] each stored item carries sha256(previous chain hash ‖ content hash), per device in sequence order', async () => {
    const d = await busyDevice();
    const rows = await rowsOf(storage(), d.deviceId);
    // Seq 5 was rejected and is not in the log; the chain links the stored items only.
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12]);
    let prev = CHAIN_GENESIS;
    for (const r of rows) {
      prev = sha(prev + r.content_hash);
      expect(r.chain_hash).toBe(prev);
    }
  });

  test('[SY8] an untampered database reports no broken link', async () => {
    await busyDevice();
    await busyDevice();
    const report = await checkChain(storage().sql);
    expect(report.broken).toEqual([]);
    expect(report.devices).toBeGreaterThanOrEqual(2);
    const [count] = await storage().sql.query<{ n: unknown }>('select count(*)::int as n from items');
    expect(report.items).toBe(Number(count?.n));
  });

  test('[SY8] the items table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const d = await busyDevice();
    const before = await rowsOf(storage(), d.deviceId);
    const id = before[0]!.id;
    await expect(storage().sql.query(`update items set payload = '{"topic":"x"}'::jsonb where id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(storage().sql.query('update items set chain_hash = $1 where id = $2', ['0'.repeat(64), id])).rejects.toThrow(/append-only/);
    await expect(storage().sql.query('delete from items where id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(storage().sql.query('truncate items')).rejects.toThrow(/append-only/);
    expect(await rowsOf(storage(), d.deviceId)).toEqual(before);
    expect((await checkChain(storage().sql)).broken).toEqual([]);
  });

  test('[SY8] a tampered row, a rewritten chain hash and a deleted row are each reported with device, sequence, expected and found', async () => {
    const d = await busyDevice();
    const rows = await rowsOf(storage(), d.deviceId);
    const [r2, r3, r7, r8, r10, r11] = [rows[1]!, rows[2]!, rows[5]!, rows[6]!, rows[8]!, rows[9]!];

    // 1. The payload of seq 2 changed; its content and chain hashes left as they were.
    await tamper(storage(), `update items set payload = jsonb_set(payload, '{topic}', '"forged"') where id = $1`, [r2.id]);
    let report = await checkChain(storage().sql);
    expect(report.broken).toEqual([
      { deviceId: d.deviceId, seq: 2, itemId: r2.id, reason: 'content', expected: expect.stringMatching(/^[0-9a-f]{64}$/), found: r2.chain_hash },
    ]);
    expect(report.broken[0]?.expected).not.toBe(r2.chain_hash);

    // 2. The forger also recomputes the content hash of seq 2: the link still breaks.
    const item = (await storage().pull(d.fairId, 0, 100)).items.find((p) => p.item.id === r2.id)!.item;
    expect(item.payload).toMatchObject({ topic: 'forged' });
    await tamper(storage(), 'update items set content_hash = $1 where id = $2', [contentHash(item), r2.id]);
    report = await checkChain(storage().sql);
    expect(report.broken).toEqual([
      { deviceId: d.deviceId, seq: 2, itemId: r2.id, reason: 'link', expected: sha(rows[0]!.chain_hash! + contentHash(item)), found: r2.chain_hash },
    ]);

    // 3. Seq 7's chain hash rewritten: the link into it and the link out of it are broken.
    await tamper(storage(), 'update items set chain_hash = $1 where id = $2', ['f'.repeat(64), r7.id]);
    // 4. Seq 10 deleted: the link into seq 11 is broken.
    await tamper(storage(), 'delete from items where id = $1', [r10.id]);
    report = await checkChain(storage().sql);
    const mine = report.broken.filter((b) => b.deviceId === d.deviceId);
    expect(mine.map((b) => [b.seq, b.reason])).toEqual([[2, 'link'], [7, 'link'], [8, 'link'], [11, 'link']]);
    expect(mine[1]).toMatchObject({ expected: r7.chain_hash, found: 'f'.repeat(64) });
    expect(mine[2]).toMatchObject({ expected: sha('f'.repeat(64) + r8.content_hash), found: r8.chain_hash });
    expect(mine[3]).toMatchObject({ expected: sha(rows[7]!.chain_hash! + r11.content_hash), found: r11.chain_hash });
    expect(r3.chain_hash).toBe(sha(r2.chain_hash! + r3.content_hash));
    // Only this device's chain is broken.
    expect(report.broken.every((b) => b.deviceId === d.deviceId)).toBe(true);
    // Walked in small keyset pages (page edges inside and between devices), the report is the same.
    for (const pageSize of [1, 3, 7]) expect(await checkChain(storage().sql, pageSize), `pages of ${pageSize}`).toEqual(report);

    // The organizer sees the same over HTTP; nobody else may ask.
    const app = createHttpApp({ distDir: 'dist', storage: storage() });
    const organizer = await makeOrganizer(storage());
    const res = await app.request('/api/admin/chain-check', { headers: { authorization: `Bearer ${organizer.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; brokenCount: number; broken: unknown[]; items: number };
    expect(body).toMatchObject({ type: 'chain-check', ok: false, brokenCount: 4, items: report.items });
    expect(body.broken).toEqual(JSON.parse(JSON.stringify(report.broken)));
    const desk = await enrol(storage(), d.fairId);
    expect((await app.request('/api/admin/chain-check', { headers: { authorization: `Bearer ${desk.token}` } })).status).toBe(403);

    // Repair for the next tests: this device's rows go (a maintenance rewrite lifts the guard explicitly).
    await rewriteItems(storage().sql, (tx) => tx.query('delete from items where device_id = $1', [d.deviceId]));
    expect((await checkChain(storage().sql)).broken).toEqual([]);
  });

  test('[SY8] the chain carries on after a restore from an earlier backup (tail gone, the tablet pushes again)', async () => {
    const d = await enrol(storage(), newId());
    const items = makeItems(d, 1, 8);
    await storage().push(d, items, Date.now());
    await rewriteItems(storage().sql, async (tx) => {
      await tx.query('delete from items where device_id = $1 and seq > 5', [d.deviceId]);
      await tx.query('update device_acks set acked_seq = 5 where device_id = $1', [d.deviceId]);
    });
    const again = await storage().push(d, items.slice(5), Date.now());
    expect(again.kind === 'pushed' && again.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await checkChain(storage().sql)).broken).toEqual([]);
  });

  test('[SY8] rewriteItems re-arms the guard, and a failed rewrite leaves both the rows and the guard as they were', async () => {
    const d = await enrol(storage(), newId());
    await storage().push(d, makeItems(d, 1, 2), Date.now());
    await expect(
      rewriteItems(storage().sql, async (tx) => {
        await tx.query('delete from items where device_id = $1', [d.deviceId]);
        throw new Error('maintenance failed');
      }),
    ).rejects.toThrow('maintenance failed');
    expect(await rowsOf(storage(), d.deviceId)).toHaveLength(2);
    await expect(storage().sql.query('delete from items where device_id = $1', [d.deviceId])).rejects.toThrow(/append-only/);
  });

  test('[SY8] rows stored before the chain existed are chained by the migration with the same formula', async () => {
    const d = await enrol(storage(), newId());
    await storage().push(d, makeItems(d, 1, 5), Date.now());
    const chained = await rowsOf(storage(), d.deviceId);
    // Back to the schema before migration 0004, as an older server left it.
    await storage().sql.exec(`
      drop trigger items_append_only on items;
      drop trigger items_no_truncate on items;
      drop function items_append_only();
      alter table items drop column chain_hash;
      delete from schema_migrations where id = '0004-event-chain';`);
    expect(await migrate(storage().sql)).toEqual(['0004-event-chain']);
    expect(await rowsOf(storage(), d.deviceId)).toEqual(chained);
    expect((await checkChain(storage().sql)).broken).toEqual([]);
    await expect(storage().sql.query('delete from items where device_id = $1', [d.deviceId])).rejects.toThrow(/append-only/);
  });
});

describe('the check from the command line', () => {
  test('[SY8] check-chain exits 0 on an intact log and 1 with one line per broken link', async () => {
    const url = await createDatabase(inject('databaseUrl'));
    const storage = await openStorage({ databaseUrl: url });
    const d = await enrol(storage, newId());
    await storage.push(d, makeItems(d, 1, 3), Date.now());
    const run = promisify(execFile);
    const cli = async (): Promise<{ code: number; out: string }> => {
      try {
        const { stdout } = await run('npx', ['tsx', 'src/server/cli.ts', 'check-chain'], { env: { ...process.env, DATABASE_URL: url } });
        return { code: 0, out: stdout };
      } catch (e) {
        const err = e as { code: number; stdout: string };
        return { code: err.code, out: err.stdout };
      }
    };
    try {
      const clean = await cli();
      expect(clean).toMatchObject({ code: 0 });
      expect(clean.out).toContain('3 items of 1 devices checked; 0 broken links.');
      await tamper(storage, `update items set hlc = hlc || 'x' where device_id = $1 and seq = 2`, [d.deviceId]);
      const broken = await cli();
      expect(broken.code).toBe(1);
      expect(broken.out.split('\n').filter((l) => l.startsWith('BROKEN'))).toEqual([expect.stringMatching(new RegExp(`^BROKEN\\t${d.deviceId}\\t2\\t.+\\tcontent\\t`))]);
    } finally {
      await storage.close();
    }
  });
});
