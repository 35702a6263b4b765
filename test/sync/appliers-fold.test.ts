import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { COMMAND_TYPES } from '../../src/domain/case/commands';
import type { CaseEvent } from '../../src/domain/case/events';
import { compareEvents, fold } from '../../src/domain/case/fold';
import { CASE_STATES } from '../../src/domain/codes';
import type { PullReply } from '../../src/domain/wire/protocol';
import { foldForward } from '../../src/store/apply-pulled';
import { fromRecord, toCaseRow } from '../../src/store/case-rows';
import { getDb } from '../../src/store/db';
import { caseEventApplier } from '../../src/store/appliers';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncTransport } from '../../src/sync/transport';
import { caseId, Desk, deviceId, eventItems, local, makeFair, PATHS } from '../support/builders';
import { freshDb, resetDb } from '../store/fixtures';

/**
 * P5's fold forward (src/store/apply-pulled.ts) against the full fold (CS5): whatever order the
 * events of a case arrive in, and wherever the pages cut them, the stored case is the fold of
 * all its events. Two tablets fork one case offline, so conflicts and events from the past occur.
 */
afterEach(resetDb);

const TIMEOUT_MS = 300_000;
const fair = makeFair();

/** What a tablet can record: a ResolveConflict comes only from the server's own device (CS31). */
const TABLET_COMMANDS = COMMAND_TYPES.filter((t) => t !== 'ResolveConflict');
const Scenario = fc.record({
  start: fc.constantFrom(...CASE_STATES),
  left: fc.array(fc.constantFrom(...TABLET_COMMANDS), { maxLength: 6 }),
  right: fc.array(fc.constantFrom(...TABLET_COMMANDS), { maxLength: 6 }),
  order: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
  cuts: fc.array(fc.nat(40), { minLength: 1, maxLength: 5 }),
});
type Scenario = typeof Scenario extends fc.Arbitrary<infer T> ? T : never;

/** A case taken to `start` on tablet 1, then worked offline on tablets 1 and 2 (a fork). */
function forkedEvents(s: Scenario): CaseEvent[] {
  const a = new Desk(fair, local('2025-04-15 10:00'), deviceId(1), caseId(1));
  for (const type of PATHS[s.start]) a.must(type);
  const b = a.branch(deviceId(2), 5000);
  for (const type of s.left) a.try(type);
  for (const type of s.right) b.try(type);
  return [...new Map([...a.events, ...b.events].map((e) => [e.id, e])).values()];
}

/** The events in the order `order` draws (an arrival order). */
const shuffled = (events: readonly CaseEvent[], order: readonly number[]): CaseEvent[] =>
  events.map((e, i) => ({ e, k: order[i % order.length] ?? 0, i })).sort((x, y) => x.k - y.k || x.i - y.i).map((x) => x.e);

describe('pull: fold forward', () => {
  test('[CS5] folding forward from the stored case gives the full fold, whenever it answers; in server (hlc) order it always answers', () => {
    let forward = 0;
    let total = 0;
    fc.assert(
      fc.property(Scenario, (s) => {
        const all = forkedEvents(s);
        const full = fold(all);
        const cutAt = (events: readonly CaseEvent[]): number => (s.cuts[0] ?? 0) % (events.length + 1);
        // Any arrival order: the stored case folded from some of the events, the rest new.
        const arrived = shuffled(all, s.order);
        const k = cutAt(arrived);
        const before = arrived.slice(0, k);
        const stored = fold(before);
        const r = foldForward(stored, arrived.slice(k), before.length > 0 && stored === undefined);
        total++;
        if (r !== undefined) {
          forward++;
          expect(r.case).toEqual(full);
        }
        // Server order (by hlc, as pages come): the forward path always applies.
        const inOrder = [...all].sort(compareEvents);
        const j = cutAt(inOrder);
        const o = foldForward(fold(inOrder.slice(0, j)), inOrder.slice(j), false);
        expect(o).toBeDefined();
        expect(o?.case).toEqual(full);
      }),
      { numRuns: 500 },
    );
    // Shuffled arrivals must sometimes go forward too, or the first half proved nothing.
    expect(forward).toBeGreaterThan(total / 10);
  }, TIMEOUT_MS);

  test('[CS5] pulled pages in any order and any cuts store the full fold of the case and its board row', async () => {
    const self = deviceId(9);
    await fc.assert(
      fc.asyncProperty(Scenario, async (s) => {
        freshDb('fold-forward');
        const all = forkedEvents(s);
        const items = eventItems(fair.id, shuffled(all, s.order));
        // Pages cut where the generator says (the server's page size varies with `limit`).
        const bounds = [...new Set([0, ...s.cuts.map((c) => c % (items.length + 1)), items.length])].sort((x, y) => x - y);
        const pages = bounds.slice(1).map((end, p) => items.slice(bounds[p], end));
        const transport: SyncTransport = {
          push: () => Promise.reject(new Error('no push here')),
          putBlob: () => Promise.reject(new Error('no blobs here')),
          pull: ({ after }): Promise<PullReply> => {
            const page = pages[after] ?? [];
            const base = pages.slice(0, after).reduce((n, p) => n + p.length, 0);
            return Promise.resolve({
              type: 'pull-page',
              epoch: 'E1',
              items: page.map((item, k) => ({ serverSeq: base + k + 1, item })),
              cursor: after < pages.length ? after + 1 : after,
              hasMore: after + 1 < pages.length,
            });
          },
        };
        await pullPages({ transport, credentials: { baseUrl: '', token: 't', deviceId: self, deviceCode: 'KB', fairId: fair.id }, appliers: [caseEventApplier] });
        const full = fold(all);
        const record = await getDb().cases.get(caseId(1));
        expect(record === undefined ? undefined : fromRecord(record)).toEqual(full);
        expect(await getDb().caseRows.get(caseId(1))).toEqual(full === undefined ? undefined : toCaseRow(full));
        resetDb();
      }),
      { numRuns: 40 },
    );
  }, TIMEOUT_MS);
});
