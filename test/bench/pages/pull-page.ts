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
import { compareEvents } from '../../../src/domain/case/fold';
import type { FairCode } from '../../../src/domain/fair';
import type { SyncItem } from '../../../src/domain/sync-item';
import type { PullReply } from '../../../src/domain/wire/protocol';
import { addMinutes } from '../../../src/domain/time';
import { getDb, setDbName } from '../../../src/store/db';
import { ALL_APPLIERS } from '../../../src/sync/appliers/index';
import { pullPages } from '../../../src/sync/pull-pages';
import type { SyncTransport } from '../../../src/sync/transport';
import { caseId, Desk, deviceId, local, makeFair, PATHS } from '../../support/builders';

export interface PullBenchApi {
  /** Makes `count` case events of 7 other tablets in server (hlc) order, cut into pages. */
  prepare(count: number, pageSize: number): { events: number; cases: number; pages: number };
  /** `pullPages` with ALL_APPLIERS into a fresh database: ms, and the cases and board rows written. */
  pull(run: number): Promise<{ ms: number; cases: number; rows: number; cursor: number }>;
  /** The same rows, `bulkPut` page by page into a fresh raw Dexie table (strict durability). */
  raw(run: number): Promise<number>;
}

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

const SELF = '01JRZ8Q4W6M00000000000SELF';
let pages: SyncItem[][] = [];
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

function transport(): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push here')),
    putBlob: () => Promise.reject(new Error('no blobs here')),
    pull: ({ after }): Promise<PullReply> => {
      const page = pages[after] ?? [];
      const base = pages.slice(0, after).reduce((n, p) => n + p.length, 0);
      return Promise.resolve({
        type: 'pull-page',
        epoch: 'BENCH',
        items: page.map((item, k) => ({ serverSeq: base + k + 1, item })),
        cursor: after < pages.length ? after + 1 : after,
        hasMore: after + 1 < pages.length,
      });
    },
  };
}

window.pullBench = {
  prepare(count, pageSize) {
    // Server order is commit order: roughly the tablets' clocks, every case's events in order.
    const events = makeEvents(count).sort(compareEvents);
    const seqs = new Map<string, number>();
    const items = events.map((e): SyncItem => {
      const seq = (seqs.get(e.deviceId) ?? 0) + 1;
      seqs.set(e.deviceId, seq);
      return { id: e.id, fairId, deviceId: e.deviceId, seq, hlc: e.hlc, at: e.at, kind: 'case_event', entityId: e.caseId, payload: e } as unknown as SyncItem;
    });
    pages = [];
    for (let i = 0; i < items.length; i += pageSize) pages.push(items.slice(i, i + pageSize));
    return { events: items.length, cases: new Set(events.map((e) => e.caseId)).size, pages: pages.length };
  },
  async pull(run) {
    setDbName(`faircase-pull-bench-${stamp}-${run}`);
    await getDb().open();
    const t0 = performance.now();
    const summary = await pullPages({ transport: transport(), credentials: { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId }, appliers: ALL_APPLIERS });
    const ms = performance.now() - t0;
    if (summary.items !== pages.reduce((n, p) => n + p.length, 0)) throw new Error(`pulled ${summary.items}`);
    const db = getDb();
    const out = { ms, cases: await db.cases.count(), rows: await db.caseRows.count(), cursor: pages.length };
    db.close();
    return out;
  },
  async raw(run) {
    const db = new RawDb(`faircase-pull-raw-${stamp}-${run}`);
    await db.open();
    const t0 = performance.now();
    for (const page of pages) await db.transaction('rw', db.rows, () => db.rows.bulkPut(page));
    const ms = performance.now() - t0;
    if ((await db.rows.count()) !== pages.reduce((n, p) => n + p.length, 0)) throw new Error('raw rows missing');
    db.close();
    return ms;
  },
};
document.title = 'ready';
