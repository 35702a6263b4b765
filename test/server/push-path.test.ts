import { describe, expect, test } from 'vitest';
import { storageOn } from '../../src/server/storage/storage';
import type { PushOutcome } from '../../src/server/storage/sync-store';
import type { Row, SqlClient, SqlRunner, SqlValue } from '../../src/server/storage/sql';
import { checkChain } from '../../src/server/storage/event-chain';
import { createHttpApp } from '../../src/server/server';
import { PROTOCOL_VERSION, PullPage } from '../../src/domain/wire/protocol';
import { bothStorages } from './both-storages';
import { enrol, makeItem, makeItems, newId } from './support';

/**
 * The push path, which the load test (test/proof/load-test.ts) drives from 50 devices, is
 * one read and one write (push-sql.ts). What makes it fast must not cost a guarantee: the
 * server-sequence counter is only ever held inside one autocommit statement (no round trip to
 * the server process while every pusher waits on it), and pushes of one device racing each
 * other still store every item once, gap-free, with an intact hash chain. On both databases.
 */
interface Logged {
  readonly text: string;
  readonly inTransaction: boolean;
}

/** The real database, each statement written down with whether it ran inside a transaction. */
function recording(db: SqlClient): { readonly db: SqlClient; readonly log: Logged[] } {
  const log: Logged[] = [];
  const runner = (r: SqlRunner, inTransaction: boolean): SqlRunner => ({
    query: <T extends Row = Row>(text: string, params?: readonly SqlValue[]) => {
      log.push({ text, inTransaction });
      return r.query<T>(text, params);
    },
    exec: (script: string) => {
      log.push({ text: script, inTransaction });
      return r.exec(script);
    },
  });
  return {
    log,
    db: { kind: db.kind, ...runner(db, false), transaction: (fn) => db.transaction((tx) => fn(runner(tx, true))), close: () => db.close() },
  };
}

const pushed = (o: PushOutcome | { kind: 'device-revoked' }): PushOutcome => {
  if (o.kind !== 'pushed') throw new Error(`expected a push result, got ${o.kind}`);
  return o;
};

describe.each(bothStorages({ pglite: 'folder' }))('push path on $name', (backend) => {
  const { storage } = backend;

  test('[SY3] the server-sequence counter is taken only inside one autocommit statement that also inserts the rows', async () => {
    const rec = recording(storage().sql);
    const s = storageOn(rec.db);
    const d = await enrol(storage(), newId());
    const first = makeItems(d, 1, 10);
    pushed(await s.push(d, first, Date.now()));
    // Every kind of outcome in one batch: a duplicate, a conflict, a poison item, new items, a gap.
    const changed = { ...first[0]!, payload: { ...(first[0]!.payload as object), topic: 'other content' } };
    const out = pushed(await s.push(d, [first[1]!, changed, makeItem(d, 11, { topic: '' }), ...makeItems(d, 12, 15), makeItem(d, 20)], Date.now()));
    expect(out.results.map((r) => r.status)).toEqual(['duplicate', 'conflict', 'rejected', 'applied', 'applied', 'applied', 'applied', 'skipped']);
    expect(out.ackedSeq).toBe(15);

    const counter = rec.log.filter((l) => l.text.includes('server_seq_counter'));
    expect(counter).toHaveLength(2);
    for (const l of counter) {
      expect(l.inTransaction).toBe(false);
      expect(l.text).toMatch(/insert into items/);
    }
    // Nothing of the push runs in a transaction whose lock could be held across a round trip.
    expect(rec.log.filter((l) => l.inTransaction)).toEqual([]);
  });

  test('[SY3] pushes of one device racing each other (retries and their original) store every item once, gap-free, chain intact', async () => {
    const rec = recording(storage().sql);
    const s = storageOn(rec.db);
    const d = await enrol(storage(), newId());
    const batch = makeItems(d, 1, 20);
    const outcomes = (await Promise.all(Array.from({ length: 6 }, () => s.push(d, batch, Date.now())))).map(pushed);
    // PGlite runs the six reads before any write: five writes lose the compare-and-set and read again.
    const writes = rec.log.filter((l) => l.text.includes('with ack as')).length;
    if (backend.name === 'PGlite') expect(writes).toBe(6);
    const seqOf = new Map<string, number>();
    for (const o of outcomes) {
      expect(o.ackedSeq).toBe(20);
      for (const r of o.results) {
        expect(['applied', 'duplicate']).toContain(r.status);
        const serverSeq = (r as { serverSeq: number }).serverSeq;
        // Every answer gives an item the one server sequence it was stored under.
        expect(seqOf.get(r.id) ?? serverSeq).toBe(serverSeq);
        seqOf.set(r.id, serverSeq);
      }
    }
    // Overlapping batches racing: whatever the interleaving, 1…40 once each.
    const more = makeItems(d, 21, 40);
    const all = [...batch, ...more];
    await Promise.all([s.push(d, all.slice(0, 30), Date.now()), s.push(d, more, Date.now()), s.push(d, all.slice(10), Date.now())]);
    const last = pushed(await storage().push(d, all.slice(20), Date.now()));
    expect(last.ackedSeq).toBe(40);
    expect(last.results.every((r) => r.status === 'duplicate')).toBe(true);

    const [row] = await storage().sql.query<{ n: unknown; seqs: unknown; top: unknown; ack: unknown }>(
      `select count(*) as n, count(distinct seq) as seqs, max(seq) as top, (select acked_seq from device_acks where device_id = $1) as ack
       from items where device_id = $1`,
      [d.deviceId],
    );
    expect([row?.n, row?.seqs, row?.top, row?.ack].map(Number)).toEqual([40, 40, 40, 40]);
    const page = await storage().pull(d.fairId, 0, 100);
    expect(page.items.map((p) => p.item.id).sort()).toEqual(all.map((i) => i.id).sort());
    const serverSeqs = page.items.map((p) => p.serverSeq);
    expect(new Set(serverSeqs).size).toBe(40);
    const chain = await checkChain(storage().sql);
    expect(chain.broken).toEqual([]);
  });

  test('[SY3] a pull page the database writes as JSON is the page of what was pushed, field for field, page by page', async () => {
    const app = createHttpApp({ distDir: 'dist', storage: storage() });
    const d = await enrol(storage(), newId());
    // Text that JSON must escape, and text it must not mangle.
    const topics = ['plain', 'quote " and backslash \\', 'line\nbreak\ttab', '中文 商标 ✓ 😀', '</script><b>x</b>', '\u2028 and \u2029', ''.padEnd(300, 'x')];
    const items = [...makeItems(d, 1, 5), ...topics.map((topic, i) => makeItem(d, 6 + i, { topic }))];
    expect(pushed(await storage().push(d, items, Date.now())).results.every((r) => r.status === 'applied')).toBe(true);
    const got: PullPage['items'] = [];
    let after = 0;
    for (let pages = 0; ; pages++) {
      const res = await app.request(`/api/sync/pull?protocolVersion=${PROTOCOL_VERSION}&fair=${d.fairId}&after=${after}&limit=5`, {
        headers: { authorization: `Bearer ${d.token}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const page = PullPage.parse(await res.json());
      got.push(...page.items);
      expect(page.cursor).toBe(page.items.at(-1)?.serverSeq ?? after);
      after = page.cursor;
      expect(page.hasMore).toBe(got.length < items.length);
      if (!page.hasMore) break;
      expect(pages).toBeLessThan(5);
    }
    expect(got.map((p) => p.item)).toEqual(items);
    expect(got.map((p) => p.serverSeq)).toEqual([...got.map((p) => p.serverSeq)].sort((a, b) => a - b));
    // Past the end: an empty page, the cursor unchanged.
    const empty = await storage().pull(d.fairId, after, 5);
    expect([empty.items.length, empty.cursor, empty.hasMore]).toEqual([0, after, false]);
  });
});
