import { afterEach, describe, expect, test, vi } from 'vitest';
import { compareEvents } from '../../src/domain/case/fold';
import type { CaseEvent } from '../../src/domain/case/events';
import type { SyncItem } from '../../src/domain/sync-item';
import type { Instant } from '../../src/domain/time';
import type { PullPage, PullReply } from '../../src/domain/wire/protocol';
import { allCaseEvents } from '../../src/store/apply-pulled';
import { ALL_APPLIERS, type PullApplier } from '../../src/store/appliers';
import { getDb } from '../../src/store/db';
import { applyPulledPage, newPullRun } from '../../src/store/pull-page';
import { readSyncState, type SyncCredentials } from '../../src/store/sync-state';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncTransport } from '../../src/sync/transport';
import { caseId, Desk, deviceId, eventItems, local, makeFair, PATHS } from '../support/builders';
import { freshDb, resetDb } from '../store/fixtures';

/** SY91 on the real store (fake-indexeddb): the page after the one being written is asked for meanwhile. */
afterEach(resetDb);

const fair = makeFair();
const SELF = '01JRZ8Q4W6M00000000000000B';
const creds: SyncCredentials = { baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId: fair.id };

/** Case events of `cases` cases of 3 other tablets, in pages of `size`, in server (hlc) order. */
function pagesOf(cases: number, size: number): SyncItem[][] {
  const events: CaseEvent[] = [];
  for (let n = 0; n < cases; n++) {
    const desk = new Desk(fair, local('2025-04-15 09:00'), deviceId(1 + (n % 3)), caseId(n + 1), n * 100);
    for (const type of PATHS['ADMITTED']) desk.must(type);
    events.push(...desk.events);
  }
  const items = eventItems(fair.id, events.sort(compareEvents));
  return Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));
}

/** Page n (cursor n → n + 1) of `pages`. */
const pageAfter = (pages: readonly (readonly SyncItem[])[], after: number): PullPage => {
  const base = pages.slice(0, after).reduce((n, p) => n + p.length, 0);
  return { type: 'pull-page', epoch: 'E1', items: (pages[after] ?? []).map((item, k) => ({ serverSeq: base + k + 1, item })), cursor: after + 1, hasMore: after + 1 < pages.length };
};

/** Serves `pages`, noting each `after` asked for; `before(after)` runs before the answer. */
function transport(pages: readonly (readonly SyncItem[])[], asked: string[], before?: (after: number) => Promise<void>): SyncTransport {
  return {
    push: () => Promise.reject(new Error('no push in these tests')),
    putBlob: () => Promise.reject(new Error('no blobs in these tests')),
    pull: async ({ after }): Promise<PullReply> => {
      asked.push(`ask ${after}`);
      await before?.(after);
      return pageAfter(pages, after);
    },
  };
}

const stored = async (): Promise<unknown> => ({
  cases: (await getDb().cases.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  rows: (await getDb().caseRows.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  cursor: (await readSyncState()).cursor,
});

describe('pages asked ahead', () => {
  test('[SY91] the next page is asked for before the page before it is applied', async () => {
    freshDb('sy91-order');
    const pages = pagesOf(3, 4);
    const log: string[] = [];
    // Notes each page it applies by the cursor the page follows.
    const noting: PullApplier = {
      tables: ['meta'],
      async apply(_db, items) {
        log.push(`apply ${pages.findIndex((p) => p[0]?.id === items[0]?.id)}`);
      },
    };
    await pullPages({ transport: transport(pages, log), credentials: creds, appliers: [noting] });
    expect(pages).toHaveLength(3);
    expect(log).toEqual(['ask 0', 'ask 1', 'apply 0', 'ask 2', 'apply 1', 'apply 2']);
  });

  test('[SY91] a page asked ahead is not used when another tab moved the cursor meanwhile', async () => {
    const pages = pagesOf(4, 4);
    freshDb('sy91-clean');
    await pullPages({ transport: transport(pages, []), credentials: creds, appliers: ALL_APPLIERS });
    const clean = await stored();

    freshDb('sy91-moved');
    const asked: string[] = [];
    let moved = false;
    // Asked ahead for page 1: once page 0 has landed, another tab applies page 1 first.
    const otherTab = async (after: number): Promise<void> => {
      if (after !== 1 || moved) return;
      moved = true;
      await vi.waitFor(async () => expect((await readSyncState()).cursor).toBe(1));
      const applied = await applyPulledPage(pageAfter(pages, 1), 1, { self: SELF, run: newPullRun(), received: '2025-04-15T01:00:00.000Z' as Instant, reading: undefined, appliers: ALL_APPLIERS });
      expect(applied).toEqual({ ok: true, value: 'applied' });
    };
    await pullPages({ transport: transport(pages, asked, otherTab), credentials: creds, appliers: ALL_APPLIERS });
    expect(pages).toHaveLength(4);
    expect(asked).toEqual(['ask 0', 'ask 1', 'ask 2', 'ask 3']);
    expect(await stored()).toEqual(clean);
    const first = caseId(1);
    const events = (await allCaseEvents(first)).map((e) => e.id);
    expect(new Set(events).size).toBe(events.length);
  });
});
