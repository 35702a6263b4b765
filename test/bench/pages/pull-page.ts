/**
 * The P5 page: the real `pullPages` with every applier (src/sync) writing into IndexedDB in
 * Chromium, fed by an in-memory transport that serves pre-made pages of other tablets' case
 * events; and the baseline, a raw Dexie `bulkPut` of the same rows, one strict transaction per
 * page. Timed inside the page with performance.now(); each run on a fresh database.
 */
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { CASE_STATES } from '../../../src/domain/codes';
import type { CaseEvent } from '../../../src/domain/case/events';
import { formatCaseNumber, type DeviceCode } from '../../../src/domain/case/case-number';
import { compareEvents, foldAll } from '../../../src/domain/case/fold';
import type { FairCode } from '../../../src/domain/fair';
import type { SyncItem } from '../../../src/domain/sync-item';
import type { PullReply } from '../../../src/domain/wire/protocol';
import { addMinutes } from '../../../src/domain/time';
import { toCaseRow, toRecord } from '../../../src/store/case-rows';
import { getDb, setDbName } from '../../../src/store/db';
import { ALL_APPLIERS } from '../../../src/store/appliers';
import { pullPages } from '../../../src/sync/pull-pages';
import type { SyncTransport } from '../../../src/sync/transport';
import { caseId, Desk, deviceId, local, makeFair, PATHS } from '../../support/builders';

export interface PullBenchApi {
  /** Makes `count` case events of 7 other tablets in server (hlc) order (`pages` of `pageSize`). */
  prepare(count: number, pageSize: number): { events: number; cases: number; pages: number };
  /**
   * `pullPages` with ALL_APPLIERS and its own page size into a fresh database: ms, the cases and
   * board rows written, the pages applied and the page size it asked for.
   */
  pull(run: number): Promise<{ ms: number; cases: number; rows: number; pages: number; limit: number }>;
  /** The same rows, `bulkPut` into a fresh raw Dexie table in pages of the size the pull asked for (strict durability). */
  raw(run: number): Promise<number>;
  /**
   * The floor (step 1 of the P5 work): raw `bulkPut`s of what a pull could write, each into a
   * fresh database, one strict transaction per page; ms per variant and the rows each wrote.
   */
  floor(run: number, only: readonly FloorVariant[]): Promise<Partial<Record<FloorVariant, { ms: number; rows: number; bytes: number }>>>;
}

export type FloorVariant =
  | 'itemsIndexed'
  | 'pulledMeta'
  | 'itemsKeyOnly'
  | 'pageRows'
  | 'pageRowsByCase'
  | 'pageChunks'
  | 'caseEventRows'
  | 'casesPerPage'
  | 'casesOnce'
  | 'casesOnceKeyOnly'
  | 'casesOnceJson'
  | 'pageRowsJson'
  | 'pageRowsBytes'
  | 'itemsIdb';

declare global {
  interface Window {
    pullBench?: PullBenchApi;
  }
}

class RawDb extends Dexie {
  declare readonly rows: Table<SyncItem, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ rows: 'id' });
  }
}

/** Every table shape the floor writes: key-only, the items table's indexes, the cases' and the board's. */
class FloorDb extends Dexie {
  declare readonly keyOnly: Table<unknown, string>;
  declare readonly keyOnly2: Table<unknown, string>;
  declare readonly indexed: Table<SyncItem, string>;
  declare readonly pages: Table<{ key: number; items: readonly SyncItem[] }, number>;
  declare readonly pagesByCase: Table<{ key: string; caseIds: readonly string[]; events: readonly unknown[] }, string>;
  declare readonly caseEvents: Table<{ caseId: string; events: readonly unknown[] }, string>;
  declare readonly cases: Table<unknown, string>;
  declare readonly caseRows: Table<unknown, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      keyOnly: 'key',
      keyOnly2: 'id',
      // The items table's indexes (db.ts), `seq` not unique: 7 tablets each count from 1.
      indexed: 'id, seq, hlc, entityId, [fairId+seq]',
      pages: 'key',
      // The three ways to keep pulled events: a row per page found by its cases (SY80), a row per case.
      pagesByCase: 'key, *caseIds',
      caseEvents: 'caseId',
      cases: 'id, fairId, complaintId, &caseNo, respondentKey, [fairId+complainantKey]',
      caseRows: 'id, fairId',
    });
  }
}

const SELF = '01JRZ8Q4W6M00000000000SELF';
let served: SyncItem[] = [];
/** The page size `pullPages` asked for; the baseline writes pages of the same size. */
let requested = 0;
let fairId = '';
const stamp = Date.now();

function makeEvents(count: number): CaseEvent[] {
  const fair = makeFair();
  fairId = fair.id;
  const events: CaseEvent[] = [];
  for (let n = 0; events.length < count; n++) {
    const state = CASE_STATES[n % CASE_STATES.length] ?? 'RECEIVED';
    const desk = new Desk(fair, addMinutes(local('2025-04-15 09:00'), n % 300), deviceId(1 + (n % 7)), caseId(n + 1), n * 100);
    // Each case its own number (CN1–CN3): the store keeps case numbers unique.
    const caseNo = formatCaseNumber({ fair: fair.code as FairCode, device: `K${1 + (n % 7)}` as DeviceCode, seq: n + 1 });
    for (const type of PATHS[state]) desk.must(type, type === 'Submit' ? { payload: { caseNo } } : {});
    for (let i = 0; i < n % 4; i++) desk.try('AddNote');
    events.push(...desk.events);
  }
  return events.slice(0, count);
}

/** Serves the prepared items by server sequence, `limit` at a time, as the server does. */
function transport(): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push here')),
    putBlob: () => Promise.reject(new Error('no blobs here')),
    pull: ({ after, limit }): Promise<PullReply> => {
      requested = limit;
      const page = served.slice(after, after + limit);
      return Promise.resolve({
        type: 'pull-page',
        epoch: 'BENCH',
        items: page.map((item, k) => ({ serverSeq: after + k + 1, item })),
        cursor: after + page.length,
        hasMore: after + page.length < served.length,
      });
    },
  };
}

async function timed(name: string, write: (db: FloorDb) => Promise<number>): Promise<{ ms: number; rows: number }> {
  const db = new FloorDb(name);
  await db.open();
  const t0 = performance.now();
  const rows = await write(db);
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(name);
  return { ms, rows };
}

/** The item rows with the items table's indexes through IndexedDB itself, no Dexie: what Dexie costs per row. */
async function nativeItems(name: string, pages: readonly SyncItem[][]): Promise<{ ms: number; rows: number }> {
  const done = <T>(r: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error ?? new Error('idb')))));
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('items', { keyPath: 'id' });
    store.createIndex('seq', 'seq');
    store.createIndex('hlc', 'hlc');
    store.createIndex('entityId', 'entityId');
    store.createIndex('fairId+seq', ['fairId', 'seq']);
  };
  const db = await done(open);
  const t0 = performance.now();
  let rows = 0;
  for (const page of pages) {
    const tx = db.transaction('items', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('items');
    for (const item of page) store.put(item);
    await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error ?? new Error('idb')))));
    rows += page.length;
  }
  const ms = performance.now() - t0;
  db.close();
  await done(indexedDB.deleteDatabase(name));
  return { ms, rows };
}

const CHUNK = 40;
/** A page's events grouped by case, whole cases packed into rows of about CHUNK events. */
function chunked(page: readonly SyncItem[]): { key: string; caseIds: string[]; events: unknown[] }[] {
  const byCase = new Map<string, SyncItem[]>();
  for (const i of page) byCase.set(i.entityId, [...(byCase.get(i.entityId) ?? []), i]);
  const rows: { key: string; caseIds: string[]; events: unknown[] }[] = [];
  let row: { key: string; caseIds: string[]; events: unknown[] } | undefined;
  for (const [caseId, items] of byCase) {
    if (row === undefined || row.events.length + items.length > CHUNK) rows.push((row = { key: items[0]?.id ?? '', caseIds: [], events: [] }));
    row.caseIds.push(caseId);
    for (const i of items) row.events.push(i.payload);
  }
  return rows;
}

/** Bytes as JSON, outside the timing: a rough measure of what IndexedDB serialises. */
const size = (rows: readonly unknown[]): number => rows.reduce<number>((n, r) => n + JSON.stringify(r).length, 0);

const floor: PullBenchApi['floor'] = async (run, only) => {
  const pageSize = requested > 0 ? requested : 1000;
  const pages: SyncItem[][] = [];
  for (let i = 0; i < served.length; i += pageSize) pages.push(served.slice(i, i + pageSize));
  const cases = foldAll(served.map((i) => i.payload as CaseEvent));
  const records = new Map([...cases].map(([id, c]) => [id as string, { record: toRecord(c), row: toCaseRow(c) }]));
  const name = (v: string): string => `faircase-pull-floor-${stamp}-${run}-${v}`;
  const perPage = (db: FloorDb, put: (page: SyncItem[], k: number) => Promise<number>): Promise<number> =>
    pages.reduce<Promise<number>>(async (acc, page, k) => (await acc) + (await db.transaction('rw', db.tables, () => put(page, k))), Promise.resolve(0));
  const casesOf = (page: readonly SyncItem[]): { record: unknown; row: unknown }[] =>
    [...new Set(page.map((i) => i.entityId))].flatMap((id) => records.get(id) ?? []);
  const metaRow = (i: SyncItem): { key: string; value: unknown } => ({ key: `pulled|${i.entityId}|${i.id}`, value: i.payload });
  const all = [...records.values()];
  const touchedBytes = pages.reduce((n, p) => n + size(casesOf(p).flatMap((t) => [t.record, t.row])), 0);
  const caseBytes = size(all.flatMap((t) => [t.record, t.row]));
  const itemBytes = size(served);
  const with_ = (bytes: number) => (r: { ms: number; rows: number }) => ({ ...r, bytes });
  const variants: Record<FloorVariant, () => Promise<{ ms: number; rows: number; bytes: number }>> = {
    itemsIndexed: async () => with_(itemBytes)(await timed(name('a'), (db) => perPage(db, async (page) => (await db.indexed.bulkPut(page), page.length)))),
    pulledMeta: async () => with_(size(served.map(metaRow)))(await timed(name('a2'), (db) => perPage(db, async (page) => (await db.keyOnly.bulkPut(page.map(metaRow)), page.length)))),
    itemsKeyOnly: async () => with_(itemBytes)(await timed(name('b'), (db) => perPage(db, async (page) => (await db.keyOnly2.bulkPut(page), page.length)))),
    // A row per page of its events, with the multi-entry index of the cases it holds (the store's design).
    pageRowsByCase: async () =>
      with_(size(served.map((i) => i.payload)))(
        await timed(name('c2'), (db) =>
          perPage(db, async (page) => {
            await db.pagesByCase.put({ key: page[0]?.id ?? '', caseIds: [...new Set(page.map((i) => i.entityId))], events: page.map((i) => i.payload) });
            return 1;
          }),
        ),
      ),
    // The same events in rows of about CHUNK events (tens of KB, not one large value per page),
    // each holding whole cases' events of the page: a case's kept events are then read from small rows.
    pageChunks: async () =>
      with_(size(served.map((i) => i.payload)))(
        await timed(name('c6'), (db) =>
          perPage(db, async (page) => {
            const rows = chunked(page);
            await db.pagesByCase.bulkPut(rows);
            return rows.length;
          }),
        ),
      ),
    // A row per case holding every event of it: a case touched by several pages is rewritten
    // whole each time (kept in memory here, so no read before the write).
    caseEventRows: async () => {
      const sofar = new Map<string, unknown[]>();
      return with_(size(served.map((i) => i.payload)))(
        await timed(name('c3'), (db) =>
          perPage(db, async (page) => {
            for (const i of page) sofar.set(i.entityId, [...(sofar.get(i.entityId) ?? []), i.payload]);
            const touched = [...new Set(page.map((i) => i.entityId))];
            await db.caseEvents.bulkPut(touched.map((caseId) => ({ caseId, events: sofar.get(caseId) ?? [] })));
            return touched.length;
          }),
        ),
      );
    },
    pageRows: async () => with_(itemBytes)(await timed(name('c'), (db) => perPage(db, async (page, k) => (await db.pages.put({ key: k, items: page }), 1)))),
    casesPerPage: async () => with_(touchedBytes)(
      await timed(name('d'), (db) =>
        perPage(db, async (page) => {
          const touched = casesOf(page);
          await Promise.all([db.cases.bulkPut(touched.map((t) => t.record)), db.caseRows.bulkPut(touched.map((t) => t.row))]);
          return touched.length;
        }),
      ),
    ),
    casesOnce: async () => with_(caseBytes)(
      await timed(name('d2'), async (db) => {
        await db.transaction('rw', db.cases, db.caseRows, () => Promise.all([db.cases.bulkPut(all.map((t) => t.record)), db.caseRows.bulkPut(all.map((t) => t.row))]));
        return all.length;
      }),
    ),
    // The same rows with no index but their key: what the indexes cost.
    casesOnceKeyOnly: async () => with_(caseBytes)(
      await timed(name('d3'), async (db) => {
        await db.transaction('rw', db.keyOnly2, db.keyOnly, () =>
          Promise.all([db.keyOnly2.bulkPut(all.map((t) => t.record)), db.keyOnly.bulkPut(all.map((t) => ({ key: (t.row as { id: string }).id, value: t.row })))]),
        );
        return all.length;
      }),
    ),
    // The same case and board rows with the record as one JSON text beside the indexed fields: what structured clone costs.
    casesOnceJson: async () => with_(caseBytes)(
      await timed(name('d4'), async (db) => {
        const flat = (r: unknown): Record<string, unknown> => {
          const { id, fairId, complaintId, caseNo, respondentKey, complainantKey } = r as Record<string, unknown>;
          return { id, fairId, complaintId, caseNo, respondentKey, complainantKey, json: JSON.stringify(r) };
        };
        await db.transaction('rw', db.cases, db.caseRows, () => Promise.all([db.cases.bulkPut(all.map((t) => flat(t.record))), db.caseRows.bulkPut(all.map((t) => ({ id: (t.row as { id: string }).id, fairId: (t.row as { fairId: string }).fairId, json: JSON.stringify(t.row) })))]));
        return all.length;
      }),
    ),
    // A row per page of its events as one JSON text, with the multi-entry index of its cases.
    pageRowsJson: async () =>
      with_(size(served.map((i) => i.payload)))(
        await timed(name('c4'), (db) =>
          perPage(db, async (page) => {
            await db.pagesByCase.put({ key: page[0]?.id ?? '', caseIds: [...new Set(page.map((i) => i.entityId))], events: [JSON.stringify(page.map((i) => i.payload))] });
            return 1;
          }),
        ),
      ),
    // The same as UTF-8 bytes of that JSON: one ArrayBuffer to clone instead of every event's objects.
    pageRowsBytes: async () =>
      with_(size(served.map((i) => i.payload)))(
        await timed(name('c5'), (db) =>
          perPage(db, async (page) => {
            await db.pagesByCase.put({ key: page[0]?.id ?? '', caseIds: [...new Set(page.map((i) => i.entityId))], events: [new TextEncoder().encode(JSON.stringify(page.map((i) => i.payload)))] });
            return 1;
          }),
        ),
      ),
    itemsIdb: async () => with_(itemBytes)(await nativeItems(name('e'), pages)),
  };
  const out: Partial<Record<FloorVariant, { ms: number; rows: number; bytes: number }>> = {};
  for (const v of only) out[v] = await variants[v]();
  return out;
};

window.pullBench = {
  floor,
  prepare(count, pageSize) {
    // Server order is commit order: roughly the tablets' clocks, every case's events in order.
    const events = makeEvents(count).sort(compareEvents);
    const seqs = new Map<string, number>();
    const items = events.map((e): SyncItem => {
      const seq = (seqs.get(e.deviceId) ?? 0) + 1;
      seqs.set(e.deviceId, seq);
      return { id: e.id, fairId, deviceId: e.deviceId, seq, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e } as unknown as SyncItem;
    });
    served = items;
    return { events: items.length, cases: new Set(events.map((e) => e.caseId)).size, pages: Math.ceil(items.length / pageSize) };
  },
  async pull(run) {
    setDbName(`faircase-pull-bench-${stamp}-${run}`);
    await getDb().open();
    const t0 = performance.now();
    const summary = await pullPages({ transport: transport(), credentials: { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId }, appliers: ALL_APPLIERS });
    const ms = performance.now() - t0;
    if (summary.items !== served.length) throw new Error(`pulled ${summary.items}`);
    const db = getDb();
    const out = { ms, cases: await db.cases.count(), rows: await db.caseRows.count(), pages: summary.pages, limit: requested };
    db.close();
    return out;
  },
  async raw(run) {
    const db = new RawDb(`faircase-pull-raw-${stamp}-${run}`);
    await db.open();
    const t0 = performance.now();
    const size = requested > 0 ? requested : 500;
    for (let i = 0; i < served.length; i += size) {
      const page = served.slice(i, i + size);
      await db.transaction('rw', db.rows, () => db.rows.bulkPut(page));
    }
    const ms = performance.now() - t0;
    if ((await db.rows.count()) !== served.length) throw new Error('raw rows missing');
    db.close();
    return ms;
  },
};

document.title = 'ready';
