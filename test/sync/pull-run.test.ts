import { afterEach, describe, expect, test } from 'vitest';
import { compareEvents, fold } from '../../src/domain/case/fold';
import type { CaseEvent } from '../../src/domain/case/events';
import type { SyncItem } from '../../src/domain/sync-item';
import { allCaseEvents } from '../../src/store/apply-pulled';
import { applyCaseCommand, getCase, recordComplaint } from '../../src/store/cases';
import { getDb, getRelaxedDb } from '../../src/store/db';
import { ALL_APPLIERS } from '../../src/store/appliers';
import { pullPages } from '../../src/sync/pull-pages';
import type { SyncCredentials } from '../../src/store/sync-state';
import { caseId, Desk, deviceId, eventItems, local, makeFair, PATHS } from '../support/builders';
import { clerk, complaintInput, setupDevice, setupFair } from '../store/case-fixtures';
import { clock, freshDb, resetDb } from '../store/fixtures';
import { pagesTransport } from './pages-transport';

/**
 * A pull run (SY80–SY83) on the real store (fake-indexeddb): other tablets' events kept one row
 * per page, the cases they touch folded in memory and written at the run's end, and what a run
 * cut short or a local write meanwhile leaves folded again from every kept event.
 */
afterEach(resetDb);

const now = clock();
const fair = makeFair();
const SELF = '01JRZ8Q4W6M00000000000000B';

/** `pages` served in order, cursor = pages served; `before(n)` runs before page n is answered. */

const creds = (fairId: string): SyncCredentials => ({ baseUrl: '', token: 't', deviceId: SELF, deviceCode: 'KB', fairId });

/** Case events of `cases` cases of 3 other tablets, as items in server (hlc) order. */
function otherTablets(cases: number): { events: CaseEvent[]; items: SyncItem[] } {
  const events: CaseEvent[] = [];
  for (let n = 0; n < cases; n++) {
    const desk = new Desk(fair, local('2025-04-15 09:00'), deviceId(1 + (n % 3)), caseId(n + 1), n * 100);
    for (const type of PATHS[n % 2 === 0 ? 'ADMITTED' : 'ACCEPTED']) desk.must(type);
    desk.try('AddNote');
    events.push(...desk.events);
  }
  const items = eventItems(fair.id, events.sort(compareEvents));
  return { events, items };
}

const pagesOf = (items: readonly SyncItem[], size: number): SyncItem[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, (k + 1) * size));

const stored = async (): Promise<unknown> => ({
  cases: (await getDb().cases.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  rows: (await getDb().caseRows.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
});

describe('pull runs', () => {
  test('[SY80] a page’s new events are kept as one row, found by their case; the same page again keeps none twice', async () => {
    const { events, items } = otherTablets(4);
    freshDb('sy80');
    await pullPages({ transport: pagesTransport([items]), credentials: creds(fair.id), appliers: ALL_APPLIERS });
    expect(await getDb().pulled.count()).toBe(1);
    expect((await getDb().meta.toArray()).filter((m) => m.key.startsWith('pulled|'))).toEqual([]);
    const first = caseId(1);
    expect((await allCaseEvents(first)).map((e) => e.id).sort()).toEqual(events.filter((e) => e.caseId === first).map((e) => e.id).sort());
    // A server restored from a backup (a new epoch) serves everything again: nothing is kept twice.
    await pullPages({ transport: pagesTransport([items], undefined, 'E2'), credentials: creds(fair.id), appliers: ALL_APPLIERS });
    expect(await getDb().pulled.count()).toBe(1);
    expect((await allCaseEvents(first)).length).toBe(events.filter((e) => e.caseId === first).length);
  });

  test('[SY81] events of a case served before its Submit wait as an orphan and fold when the Submit comes', async () => {
    const { events, items } = otherTablets(1);
    const submit = items.filter((i) => (i.payload as CaseEvent).type === 'Submit');
    const rest = items.filter((i) => (i.payload as CaseEvent).type !== 'Submit');
    freshDb('sy81');
    await pullPages({ transport: pagesTransport([rest]), credentials: creds(fair.id), appliers: ALL_APPLIERS });
    expect(await getCase(caseId(1))).toBeUndefined();
    expect((await getDb().meta.get('sync.orphans'))?.value).toEqual([caseId(1)]);
    await pullPages({ transport: pagesTransport([rest, submit]), credentials: creds(fair.id), appliers: ALL_APPLIERS });
    expect(await getCase(caseId(1))).toEqual(fold(events));
    expect((await getDb().meta.get('sync.orphans'))?.value).toEqual([]);
  });

  test('[SY82] pulled pages are written by the relaxed connection, a user’s save by the strict one', async () => {
    const { items } = otherTablets(2);
    freshDb('sy82');
    await pullPages({ transport: pagesTransport([items]), credentials: creds(fair.id), appliers: ALL_APPLIERS });
    const durability = (db: unknown): unknown => (db as { _options: { chromeTransactionDurability?: string } })._options.chromeTransactionDurability;
    expect(getRelaxedDb().isOpen()).toBe(true);
    expect(durability(getRelaxedDb())).toBe('relaxed');
    expect(durability(getDb())).toBe('strict');
  });

  test('[SY83] a run cut short by a dropped network, then pulled on, leaves what one clean pull leaves', async () => {
    const { items } = otherTablets(12);
    const pages = pagesOf(items, 7);
    freshDb('sy83-clean');
    await pullPages({ transport: pagesTransport(pages), credentials: creds(fair.id), appliers: ALL_APPLIERS });
    const clean = await stored();

    freshDb('sy83-cut');
    let dropped = false;
    const cut = pagesTransport(pages, (page) => {
      if (page !== 3 || dropped) return Promise.resolve();
      dropped = true;
      return Promise.reject(new Error('network gone'));
    });
    await expect(pullPages({ transport: cut, credentials: creds(fair.id), appliers: ALL_APPLIERS })).rejects.toThrow('network gone');
    // The pages before the cut are kept, their cases still waiting to be written.
    expect(await getDb().pulled.count()).toBe(3);
    expect((await getDb().meta.get('sync.unfolded'))?.value).toBeDefined();
    resetDb(); // a reload
    await pullPages({ transport: cut, credentials: creds(fair.id), appliers: ALL_APPLIERS });
    expect(await stored()).toEqual(clean);
    expect(await getDb().meta.get('sync.unfolded')).toBeUndefined();
  });

  test('[SY83] a local action on a case between two pages of a run is kept with the pulled events', async () => {
    freshDb('sy83-local');
    const here = await setupFair({}, now());
    await setupDevice(here, now(), 'KB');
    const filed = await recordComplaint(complaintInput(here, now()), clerk, now());
    if (!filed.ok) throw new Error(filed.error.kind);
    const mine = filed.value.cases[0]!;
    // Another tablet's two notes on this case come in two pages of one run; a note is added here between them.
    const other = deviceId(5);
    const note = (n: number): SyncItem => {
      const at = now();
      const hlc = `${String(Date.parse(at) + n).padStart(15, '0')}-0000-${other}`;
      const e = { id: `01JRZ8Q4W6M000000000000NT${n}`, caseId: mine.id, type: 'AddNote', actor: clerk, deviceId: other, at, hlc, parents: [], payload: { text: `note ${n}` } };
      return { id: e.id, fairId: here.id, deviceId: other, seq: n, hlc, at, kind: 'case_event', entityId: mine.id, payload: e } as unknown as SyncItem;
    };
    const transport = pagesTransport([[note(1)], [note(2)]], async (page) => {
      if (page !== 1) return;
      const r = await applyCaseCommand(mine.id, { type: 'AddNote', payload: { text: '本机备注' } }, clerk, now());
      if (!r.ok) throw new Error(r.error.kind);
    });
    await pullPages({ transport, credentials: creds(here.id), appliers: ALL_APPLIERS });
    const events = await allCaseEvents(mine.id);
    expect(events.filter((e) => e.type === 'AddNote')).toHaveLength(3);
    expect(await getCase(mine.id)).toEqual(fold(events));
  });
});
