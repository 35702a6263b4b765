/**
 * The P5b page: a new tablet's first sync, over HTTP from the bench's server, with the real
 * `firstSync` (the fair's snapshot, SY84–SY87), `pullPages` and every applier, until the board and the exhibitor search show the fair; and
 * the floor, a raw strict Dexie `bulkPut` of the same rows (one per item, the page's pages).
 * Timed inside the page with performance.now(); each run on a fresh database.
 */
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { SyncItem } from '../../../src/domain/sync-item';
import { PullReply } from '../../../src/domain/wire/protocol';
import { MAX_PULL_LIMIT } from '../../../src/domain/wire/protocol';
import { listCaseRows } from '../../../src/store/case-reads';
import { setDbName } from '../../../src/store/db';
import { exhibitorSearchIndex, listExhibitorsForSearch, searchExhibitors } from '../../../src/store/exhibitor-search';
import { ALL_APPLIERS, caseEventApplier, deviceCodeApplier, exhibitorApplier, fairApplier, recordApplier, type PullApplier } from '../../../src/store/appliers';
import { pullPages } from '../../../src/sync/pull-pages';
import { firstSync } from '../../../src/sync/first-sync';
import { SnapshotReply } from '../../../src/domain/wire/snapshot';
import type { Instant } from '../../../src/domain/time';
import type { SyncTransport } from '../../../src/sync/transport';

export interface FirstPullExpect {
  readonly fairId: string;
  readonly cases: number;
  /** A booth searched for, and the exhibitor id it must find. */
  readonly booth: string;
  readonly exhibitorId: string;
  /** Case id → the state the board must show. */
  readonly states: Readonly<Record<string, string>>;
}

export interface FirstPullBenchApi {
  /**
   * From empty until the board and the search are right: total ms; download (every request's
   * round trip, which overlaps the writes since SY90), parse (JSON and the wire schema) and write
   * (the appliers' time inside the page transactions; `writeBy` per applier), each summed over the pages.
   */
  pull(run: number, expect: FirstPullExpect): Promise<{ ms: number; download: number; parse: number; write: number; writeBy: Record<string, number>; items: number; bytes: number; pages: number }>;
  /** The same items, one row each, `bulkPut` into a fresh raw Dexie table in the pull's pages (strict). */
  raw(run: number): Promise<{ ms: number; rows: number }>;
}

declare global {
  interface Window {
    firstPullBench?: FirstPullBenchApi;
  }
}

class RawDb extends Dexie {
  declare readonly rows: Table<SyncItem, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ rows: 'id' });
  }
}

const stamp = Date.now();
/** The write's parts, by applier. */
const APPLIER_NAMES = new Map<PullApplier, string>([[fairApplier, 'fairs'], [exhibitorApplier, 'exhibitors'], [recordApplier, 'commitments and records'], [caseEventApplier, 'case events'], [deviceCodeApplier, 'device codes']]);
/** Every item the last pull received, for the floor. */
let received: SyncItem[][] = [];

/** As src/sync/transport.ts's `pull`, in two timed steps: the body over HTTP, then JSON and the wire schema. */
function timedTransport(times: { download: number; parse: number; bytes: number }): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push here')),
    putBlob: () => Promise.reject(new Error('no blobs here')),
    async pull({ fair, after, limit, protocolVersion }) {
      const t0 = performance.now();
      const res = await fetch(`/bench/pull?fair=${fair}&after=${after}&limit=${limit}&v=${protocolVersion}`);
      const text = await res.text();
      const t1 = performance.now();
      const reply = PullReply.parse(JSON.parse(text));
      times.download += t1 - t0;
      times.parse += performance.now() - t1;
      times.bytes += text.length;
      if (reply.type === 'pull-page' && reply.items.length > 0) received.push(reply.items.map((p) => p.item));
      return reply;
    },
    async snapshot({ fair, at, after, limit, protocolVersion }) {
      const t0 = performance.now();
      const res = await fetch(`/bench/snapshot?fair=${fair}&after=${after}&limit=${limit}&v=${protocolVersion}${at === undefined ? '' : `&at=${at}`}`);
      const text = await res.text();
      const t1 = performance.now();
      const reply = SnapshotReply.parse(JSON.parse(text));
      times.download += t1 - t0;
      times.parse += performance.now() - t1;
      times.bytes += text.length;
      if (reply.type === 'snapshot-page') received.push(reply.items);
      return { reply, bytes: text.length };
    },
  };
}

async function shows(expect: FirstPullExpect): Promise<boolean> {
  const rows = await listCaseRows(expect.fairId);
  if (rows.length !== expect.cases || rows.some((r) => expect.states[r.id] !== r.state)) return false;
  // The exhibitor search as the app makes it: the fair's exhibitors read once and indexed in memory.
  const found = searchExhibitors(exhibitorSearchIndex(await listExhibitorsForSearch(expect.fairId)), expect.booth, 50).found;
  return found.some((e) => e.id === expect.exhibitorId);
}

window.firstPullBench = {
  async pull(run, expect) {
    setDbName(`faircase-first-pull-${stamp}-${run}`);
    received = [];
    const times = { download: 0, parse: 0, bytes: 0 };
    const t0 = performance.now();
    const transport = timedTransport(times);
    let write = 0;
    const writeBy: Record<string, number> = {};
    const timed = async (name: string, step: () => Promise<void>): Promise<void> => {
      const t = performance.now();
      try {
        await step();
      } finally {
        write += performance.now() - t;
        writeBy[name] = (writeBy[name] ?? 0) + performance.now() - t;
      }
    };
    // Each applier as it is, its snapshot way too (SY93), timed.
    const appliers: PullApplier[] = ALL_APPLIERS.map((a) => {
      const name = APPLIER_NAMES.get(a) ?? 'other';
      return {
        tables: a.tables,
        apply: (...args: Parameters<typeof a.apply>) => timed(name, () => a.apply(...args)),
        ...(a.snapshot === undefined ? {} : { snapshot: (...args: Parameters<NonNullable<typeof a.snapshot>>) => timed(name, () => a.snapshot?.(...args) ?? Promise.resolve()) }),
      };
    });
    const credentials = { baseUrl: '', token: 't', deviceId: '01JRZ8Q4W6M00000000000SELF', deviceCode: 'KB', fairId: expect.fairId };
    // SY87: the snapshot first, then the pull after its sequence (as `syncOnce` does).
    const first = await firstSync({ transport, credentials, appliers, now: () => new Date().toISOString() as Instant });
    const tail = await pullPages({ transport, credentials, appliers, limit: MAX_PULL_LIMIT });
    const summary = { items: (first?.items ?? 0) + tail.items, pages: (first?.pages ?? 0) + tail.pages };
    if (!(await shows(expect))) throw new Error('the board or the exhibitor search is not right after the pull');
    const ms = performance.now() - t0;
    return { ms, download: times.download, parse: times.parse, write, writeBy, items: summary.items, bytes: times.bytes, pages: summary.pages };
  },
  async raw(run) {
    const db = new RawDb(`faircase-first-pull-raw-${stamp}-${run}`);
    await db.open();
    const t0 = performance.now();
    for (const page of received) await db.transaction('rw', db.rows, () => db.rows.bulkPut(page));
    const ms = performance.now() - t0;
    const rows = await db.rows.count();
    db.close();
    return { ms, rows };
  },
};

document.title = 'ready';
