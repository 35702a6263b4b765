/**
 * The write path: one user action = one transaction writing the record, its item
 * and the outbox row; seq gap-free; HLC increasing; bad input writes nothing.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { compareHlc, tickHlc } from '../../src/domain/hlc';
import { Fair } from '../../src/domain/fair';
import { EventId } from '../../src/domain/ids';
import { SyncItem } from '../../src/domain/sync-item';
import { FairCaseDb, getDb } from '../../src/store/db';
import { createFair, getFair, listFairs, updateFair } from '../../src/store/fairs';
import { importExhibitors } from '../../src/store/exhibitors';
import { runWrite } from '../../src/store/transaction';
import { appendItem } from '../../src/store/local-log';
import type { LogState } from '../../src/store/local-log';
import { clock, exhibitorInput, fairInput, freshDb, resetDb } from './fixtures';

beforeEach(() => {
  freshDb('write');
});
afterEach(resetDb);

const counts = async () => {
  const db = getDb();
  return { fairs: await db.fairs.count(), items: await db.items.count(), outbox: await db.outbox.count(), exhibitors: await db.exhibitors.count() };
};

describe('createFair / updateFair', () => {
  test('a save lands the record, its item and its outbox row together', async () => {
    const now = clock();
    const at = now();
    const r = await createFair(fairInput(), at);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const fair = r.value;
    expect(fair.settings.timeZone).toBe('Asia/Shanghai'); // defaults filled by the domain schema
    expect(await getFair(fair.id)).toEqual(fair);
    const [item] = await getDb().items.toArray();
    expect(item).toBeDefined();
    if (item === undefined) return;
    expect(SyncItem.parse(item)).toEqual(item); // a well-formed wire item
    expect(item).toMatchObject({ kind: 'fair', entityId: fair.id, fairId: fair.id, seq: 1, at, payload: fair });
    expect(await getDb().outbox.get(item.id)).toEqual(item);
    expect(await counts()).toMatchObject({ fairs: 1, items: 1, outbox: 1 });
  });

  test('when one part of the write fails, nothing of the action lands', async () => {
    const now = clock();
    await createFair(fairInput({ code: 'KEEP1' }), now()); // an earlier, good save stays
    const db = getDb();
    const failOutbox = (): void => {
      throw new Error('outbox write failed');
    };
    db.outbox.hook('creating', failOutbox);
    const r = await createFair(fairInput({ code: 'GAN2' }), now());
    db.outbox.hook('creating').unsubscribe(failOutbox);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('unknown');
    expect(r.error.detail).toContain('outbox write failed');
    expect(await counts()).toMatchObject({ fairs: 1, items: 1, outbox: 1 });
    expect((await listFairs()).map((f) => f.code)).toEqual(['KEEP1']);
    // The failed action consumed no seq: the next item is 2.
    const next = await createFair(fairInput({ code: 'NEXT' }), now());
    expect(next.ok).toBe(true);
    expect((await db.items.orderBy('seq').toArray()).map((i) => i.seq)).toEqual([1, 2]);
  });

  test('bad input returns `invalid` with field errors and writes nothing', async () => {
    const r = await createFair(
      fairInput({
        code: 'x',
        nameZh: '',
        days: [
          { date: '2025-04-16', opensAt: '09:00', closesAt: '17:00' },
          { date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' },
        ],
      }),
      clock()(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid');
    const fields = Object.fromEntries((r.error.fields ?? []).map((f) => [f.field, f.code]));
    expect(fields).toMatchObject({ code: 'FAIR_CODE', nameZh: 'REQUIRED', 'days.1.date': 'DAYS_ORDER' });
    expect(await counts()).toMatchObject({ fairs: 0, items: 0, outbox: 0 });
  });

  test('a missing field reads REQUIRED', async () => {
    const { sessionNo: _drop, ...noSession } = fairInput();
    const r = await createFair(noSession as Parameters<typeof createFair>[0], clock()());
    expect(r.ok ? [] : r.error.fields).toContainEqual(expect.objectContaining({ field: 'sessionNo', code: 'REQUIRED' }));
  });

  test('updateFair replaces the record and records a new snapshot item', async () => {
    const now = clock();
    const created = await createFair(fairInput(), now());
    if (!created.ok) throw new Error('create failed');
    const r = await updateFair(created.value.id, fairInput({ nameZh: '第137届中国进出口商品交易会' }), now());
    expect(r.ok).toBe(true);
    expect((await getFair(created.value.id))?.nameZh).toBe('第137届中国进出口商品交易会');
    const items = await getDb().items.orderBy('seq').toArray();
    expect(items.map((i) => [i.kind, i.entityId, i.seq])).toEqual([
      ['fair', created.value.id, 1],
      ['fair', created.value.id, 2],
    ]);
  });

  test('updateFair of an unknown fair is `not-found` and writes nothing', async () => {
    const r = await updateFair('01JS0000000000000000000000', fairInput(), clock()());
    expect(r.ok ? undefined : r.error.kind).toBe('not-found');
    expect(await counts()).toMatchObject({ fairs: 0, items: 0, outbox: 0 });
  });
});

describe('the local log', () => {
  test('seq is gap-free across actions, imports and concurrent writes', async () => {
    const now = clock();
    const fair = await createFair(fairInput(), now());
    if (!fair.ok) throw new Error('create failed');
    await importExhibitors(fair.value.id, [exhibitorInput(1), exhibitorInput(2), exhibitorInput(3)], now());
    // A refused import (duplicate booth) takes no numbers.
    await importExhibitors(fair.value.id, [exhibitorInput(4), exhibitorInput(1)], now());
    const concurrent = await Promise.all(Array.from({ length: 8 }, (_, i) => createFair(fairInput({ code: `C${i}X` }), now())));
    expect(concurrent.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual(Array.from({ length: 8 }, () => 'ok'));
    const seqs = (await getDb().items.orderBy('seq').toArray()).map((i) => i.seq);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await getDb().outbox.orderBy('seq').toArray()).map((i) => i.seq)).toEqual(seqs);
  });

  test('[CS5] the HLC increases with every item, even when the wall clock goes back', async () => {
    const times = ['2025-04-15T01:00:00.000Z', '2025-04-15T01:00:00.000Z', '2025-04-15T00:59:00.000Z', '2025-04-15T02:00:00.000Z'];
    for (const [i, t] of times.entries()) {
      const r = await createFair(fairInput({ code: `H${i}X` }), t as Parameters<typeof createFair>[1]);
      expect(r.ok).toBe(true);
    }
    const hlcs = (await getDb().items.orderBy('seq').toArray()).map((i) => i.hlc);
    for (let i = 1; i < hlcs.length; i++) {
      const [a, b] = [hlcs[i - 1], hlcs[i]];
      if (a === undefined || b === undefined) throw new Error('missing hlc');
      expect(compareHlc(a, b)).toBe(-1);
    }
    // Every item carries this device's id, also as the HLC node.
    const items = await getDb().items.toArray();
    const deviceIds = new Set(items.map((i) => i.deviceId));
    expect(deviceIds.size).toBe(1);
    expect(items.every((i) => i.hlc.endsWith(`-${i.deviceId}`))).toBe(true);
  });

  test('appendItem refuses to run outside a write transaction', async () => {
    const db = getDb();
    await expect(appendItem(db, { kind: 'fair', entityId: '01JS0000000000000000000000', fairId: '01JS0000000000000000000000' as never, payload: {} }, clock()())).rejects.toThrow(/runWrite/);
    // Inside runWrite it records (a payload the server would take: SY50).
    const fair = Fair.parse({ ...fairInput(), id: '01JS0000000000000000000000' });
    const r = await runWrite([], (d) => appendItem(d, { kind: 'fair', entityId: fair.id, fairId: fair.id, payload: fair }, clock()()));
    expect(r.ok && r.value.seq).toBe(1);
  });
});

describe('numbering without a read first (P1)', () => {
  test('consecutive saves in one tab are not retried', async () => {
    let created = 0;
    const count = (): void => {
      created += 1;
    };
    getDb().items.hook('creating', count);
    const now = clock();
    for (const code of ['A1', 'B2', 'C3', 'D4']) expect((await createFair(fairInput({ code }), now())).ok).toBe(true);
    getDb().items.hook('creating').unsubscribe(count);
    expect(created).toBe(4);
  });

  test('another tab writing in between: the save is renumbered, seq stays gap-free', async () => {
    const now = clock();
    expect((await createFair(fairInput({ code: 'A1' }), now())).ok).toBe(true);
    // The "other tab": its own connection to the same database appends item 2.
    const other = new FairCaseDb(getDb().name, { indexedDB, IDBKeyRange });
    await other.transaction('rw', [other.items, other.outbox, other.meta], async () => {
      const log = (await other.meta.get('log'))?.value as LogState;
      const [item] = await other.items.toArray();
      if (item === undefined) throw new Error('no item');
      const theirs = { ...item, id: EventId.parse('01JS00000000000000000000T2'), seq: log.seq + 1, hlc: tickHlc(log.hlc, Date.parse(now()), log.deviceId) };
      await other.items.add(theirs);
      await other.outbox.add(theirs);
      await other.meta.put({ key: 'log', value: { ...log, seq: theirs.seq, hlc: theirs.hlc } });
    });
    other.close();
    expect((await createFair(fairInput({ code: 'B2' }), now())).ok).toBe(true);
    expect((await createFair(fairInput({ code: 'C3' }), now())).ok).toBe(true);
    const items = await getDb().items.orderBy('seq').toArray();
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
    const hlcs = items.map((i) => i.hlc);
    expect(hlcs).toEqual([...hlcs].sort());
    expect(new Set(hlcs).size).toBe(4);
  });
});
