import { afterEach, describe, expect, test } from 'vitest';
import type { DBCore, Middleware } from 'dexie';
import { formatCaseNumber, type DeviceCode } from '../../src/domain/case/case-number';
import { compareEvents, fold } from '../../src/domain/case/fold';
import type { FairCode } from '../../src/domain/fair';
import type { CaseEvent } from '../../src/domain/case/events';
import type { SyncItem } from '../../src/domain/sync-item';
import type { PullReply } from '../../src/domain/wire/protocol';
import { getCase } from '../../src/store/cases';
import { getRelaxedDb } from '../../src/store/db';
import { ALL_APPLIERS } from '../../src/store/appliers';
import type { SyncCredentials } from '../../src/store/sync-state';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncTransport } from '../../src/sync/transport';
import { caseId, Desk, deviceId, eventItems, local, makeFair, PATHS } from '../support/builders';
import { freshDb, resetDb } from '../store/fixtures';

/**
 * Which case rows a pulled page reads (SY88), on the real store (fake-indexeddb): the keys the
 * pull connection asks `cases` for, row by row, are recorded by a DBCore middleware.
 */
afterEach(resetDb);

const fair = makeFair();
const SELF = '01JRZ8Q4W6M00000000000000B';
const creds: SyncCredentials = { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId: fair.id };

/** One page of `items`, after which the server has no more. */
const onePage = (items: readonly SyncItem[], base: number): SyncTransport => ({
  push: () => Promise.reject(new Error('no push in these tests')),
  putBlob: () => Promise.reject(new Error('no blobs in these tests')),
  pull: async ({ after }): Promise<PullReply> => {
    const page = after === base ? items : [];
    return { type: 'pull-page', epoch: 'E1', items: page.map((item, k) => ({ serverSeq: after + k + 1, item })), cursor: after + page.length, hasMore: false };
  },
});

/** Records the keys of every row read from `cases` by get or getMany. */
function caseRowReads(): { readonly keys: string[]; readonly middleware: Middleware<DBCore> } {
  const keys: string[] = [];
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'case-row-reads',
    create: (core) => ({
      ...core,
      table: (name) => {
        const table = core.table(name);
        if (name !== 'cases') return table;
        return {
          ...table,
          get: (req) => (keys.push(String(req.key)), table.get(req)),
          getMany: (req) => (keys.push(...req.keys.map(String)), table.getMany(req)),
        };
      },
    }),
  };
  return { keys, middleware };
}

describe('case rows a pulled page reads', () => {
  test('[SY88] a pulled page reads the row of a case the tablet holds and none of a case new to it', async () => {
    const desks = [1, 2, 3].map((n) => new Desk(fair, local('2025-04-15 09:00'), deviceId(n), caseId(n), n * 100));
    const accept = (desk: Desk, n: number): void => {
      // Each case its own number (CN1–CN3): a shared one flags both (SY34).
      const caseNo = formatCaseNumber({ fair: fair.code as FairCode, device: `K${n}` as DeviceCode, seq: n });
      for (const type of PATHS.ACCEPTED) desk.must(type, type === 'Submit' ? { payload: { caseNo } } : {});
    };
    desks.forEach((desk, k) => accept(desk, k + 1));
    const held = desks[1] as Desk;
    const first = desks.flatMap((d) => d.events);
    held.must('AddNote');
    const later = new Desk(fair, local('2025-04-15 10:00'), deviceId(4), caseId(4), 400);
    accept(later, 4);
    const all: CaseEvent[] = [...desks.flatMap((d) => d.events), ...later.events].sort(compareEvents);
    const items = eventItems(fair.id, all);
    const firstIds = new Set(first.map((e) => e.id));
    const page1 = items.filter((i) => firstIds.has(i.id));
    const page2 = items.filter((i) => !firstIds.has(i.id));

    freshDb('sy88-case-reads');
    const reads = caseRowReads();
    getRelaxedDb().use(reads.middleware);
    await pullPages({ transport: onePage(page1, 0), credentials: creds, appliers: ALL_APPLIERS });
    expect(reads.keys).toEqual([]);
    await pullPages({ transport: onePage(page2, page1.length), credentials: creds, appliers: ALL_APPLIERS });
    expect(reads.keys).toEqual([caseId(2)]);
    for (const n of [1, 2, 3, 4]) expect(await getCase(caseId(n))).toEqual(fold(all.filter((e) => e.caseId === caseId(n))));
  });
});
