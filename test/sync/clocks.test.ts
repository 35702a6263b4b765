import { describe, expect, test } from 'vitest';
import type { Case } from '../../src/domain/case/case';
import type { CaseEvent } from '../../src/domain/case/events';
import { compareEvents } from '../../src/domain/case/fold';
import type { Fair } from '../../src/domain/fair';
import { parseHlc, type Hlc } from '../../src/domain/hlc';
import type { Exhibitor } from '../../src/domain/exhibitor';
import { instantFromMs, type Instant } from '../../src/domain/time';
import { allCaseEvents } from '../../src/store/apply-pulled';
import { applyCaseCommand, recordComplaint } from '../../src/store/cases';
import { getCase } from '../../src/store/case-reads';
import { closeDb, getDb } from '../../src/store/db';
import { getExhibitor, saveExhibitor } from '../../src/store/exhibitors';
import { runWrite } from '../../src/store/transaction';
import { logState } from '../../src/store/local-log';
import { buildBundle } from '../../src/sync/bundle/build-bundle';
import { importBundle } from '../../src/sync/bundle/import-bundle';
import { syncOnce } from '../../src/sync/http-sync';
import { pullPages } from '../../src/sync/pull-pages';
import { loadCredentials, readSyncState } from '../../src/store/sync-state';
import { httpTransport } from '../../src/sync/transport';
import { clerk, complaintInput, EVIDENCE, expert, setupDevice, setupFair } from '../store/case-fixtures';
import { exhibitorInput } from '../store/fixtures';
import { syncServer } from './server-harness';
import { must } from './pages-transport';

/**
 * The clock rules of sync (SPEC.md "Clocks") on two tablets with the real store (fake-indexeddb)
 * and the real server (PGlite in memory, through `app.fetch`), whose clock the test sets.
 */
const HOUR = 3_600_000;
/** The server's clock; each tablet's clock is the server's plus its skew. */
let serverMs = Date.parse('2025-04-15T02:00:00.000Z');
const server = syncServer('clocks', { now: () => serverMs });
const { base: BASE, fetch: fetchImpl, useDevice: use } = server;
const tabletClock = (skewMs: number) => (): Instant => instantFromMs(serverMs + skewMs);
const A = tabletClock(0);
const B = tabletClock(-3 * HOUR);
const later = (minutes = 1): void => {
  serverMs += minutes * 60_000;
};
const on = (name: string): void => {
  closeDb();
  use(name);
};

async function enrol(fairId: string, code: string): Promise<void> {
  await server.enrolHere(fairId, `Tablet ${code}`, code);
}

/** Tablet A with a fair, an exhibitor and one complaint, synced; tablet B enrolled and synced (3 h slow). */
async function twoTablets(): Promise<{ fair: Fair; kase: Case; exhibitor: Exhibitor }> {
  use('A');
  const fair = await setupFair({}, A());
  await setupDevice(fair, A(), 'KA');
  await enrol(fair.id, 'KA');
  const exhibitor = await must(saveExhibitor(fair.id, exhibitorInput(1), A()));
  const filed = await must(recordComplaint(complaintInput(fair, A()), clerk, A()));
  await syncOnce({ now: A, fetch: fetchImpl });
  later();
  on('B');
  await enrol(fair.id, 'KB');
  await syncOnce({ now: B, fetch: fetchImpl });
  return { fair, kase: filed.cases[0]!, exhibitor };
}

const localClock = async (): Promise<Hlc> => {
  const s = await must(runWrite(['meta'], (db) => logState(db), { log: false }));
  if (s.hlc === undefined) throw new Error('no clock yet');
  return s.hlc;
};

const serverItems = async (fairId: string) => (await server.storage().pull(fairId, 0, 1000)).items.map((p) => p.item);

describe('the receive rule at every entry', { timeout: 60_000 }, () => {
  test('[SY11] a pulled page advances the local clock past every stamp in it, in the page\'s transaction', async () => {
    const { fair } = await twoTablets();
    const pulledTop = (await serverItems(fair.id)).map((i) => i.hlc).sort().at(-1)!;
    const clockB = await localClock();
    expect(clockB > pulledTop).toBe(true);
    expect(parseHlc(clockB).node).toBe((await must(runWrite(['meta'], (db) => logState(db), { log: false }))).deviceId);
    // B's wall clock is 3 h behind A's stamps: its clock runs on from them, not from its wall.
    expect(parseHlc(clockB).wallMs).toBe(parseHlc(pulledTop).wallMs);
    // The next item B records (through the remembered log state) is stamped after them too.
    const ex = await must(saveExhibitor(fair.id, exhibitorInput(2), B()));
    const [item] = await getDb().items.where('entityId').equals(ex.id).toArray();
    expect(item!.hlc > pulledTop).toBe(true);
  });

  test('[SY11] B, 3 h slow, pulls A\'s Accept and withdraws offline: both tablets and the server order Withdraw after Accept', async () => {
    const { fair, kase } = await twoTablets();
    on('A');
    later();
    const checklist = kase.checklist.filter((i) => i.required).map((i) => ({ code: i.code, required: true, status: 'verified' as const, originalSighted: true }));
    await must(applyCaseCommand(kase.id, { type: 'Accept', payload: { checklist } }, expert, A()));
    await syncOnce({ now: A, fetch: fetchImpl });
    later();
    on('B');
    await syncOnce({ now: B, fetch: fetchImpl });
    expect((await getCase(kase.id))?.state).toBe('ACCEPTED');
    // Offline a while, then the withdrawal (its wall clock says 3 h before the Accept).
    later(60);
    await must(applyCaseCommand(kase.id, { type: 'Withdraw', payload: { signatureEvidenceId: EVIDENCE[1] } }, clerk, B()));
    later();
    await syncOnce({ now: B, fetch: fetchImpl });
    on('A');
    await syncOnce({ now: A, fetch: fetchImpl });

    const types = (events: readonly CaseEvent[]): string[] => events.map((e) => e.type);
    const onServer = (await serverItems(fair.id)).filter((i) => i.kind === 'case_event' && i.entityId === kase.id).map((i) => i.payload as CaseEvent);
    expect(types([...onServer].sort(compareEvents))).toEqual(['Submit', 'Accept', 'Withdraw']);
    expect(types(await allCaseEvents(kase.id))).toEqual(['Submit', 'Accept', 'Withdraw']);
    const onA = await getCase(kase.id);
    expect(onA?.state).toBe('CLOSED');
    expect(onA?.flags).not.toContain('CONFLICT');
    on('B');
    expect(types(await allCaseEvents(kase.id))).toEqual(['Submit', 'Accept', 'Withdraw']);
    expect((await getCase(kase.id))?.state).toBe('CLOSED');
  });

  test('[SY11] B, 3 h slow, edits an exhibitor after pulling A\'s edit: B\'s edit wins on both tablets and has the greatest stamp on the server', async () => {
    const { fair, exhibitor } = await twoTablets();
    on('A');
    later();
    await must(saveExhibitor(fair.id, { ...exhibitorInput(1, { nameZh: '甲改的名称' }), id: exhibitor.id }, A()));
    await syncOnce({ now: A, fetch: fetchImpl });
    later();
    on('B');
    await syncOnce({ now: B, fetch: fetchImpl });
    expect((await getExhibitor(exhibitor.id))?.nameZh).toBe('甲改的名称');
    later(60);
    await must(saveExhibitor(fair.id, { ...exhibitorInput(1, { nameZh: '乙后改的名称' }), id: exhibitor.id }, B()));
    later();
    await syncOnce({ now: B, fetch: fetchImpl });
    expect((await getExhibitor(exhibitor.id))?.nameZh).toBe('乙后改的名称');
    on('A');
    await syncOnce({ now: A, fetch: fetchImpl });
    expect((await getExhibitor(exhibitor.id))?.nameZh).toBe('乙后改的名称');
    const edits = (await serverItems(fair.id)).filter((i) => i.kind === 'exhibitor' && i.entityId === exhibitor.id).sort((x, y) => (x.hlc < y.hlc ? -1 : 1));
    expect((edits.at(-1)?.payload as Exhibitor).nameZh).toBe('乙后改的名称');
  });

  test('[SY12] an imported bundle advances the local clock past every stamp in it', async () => {
    serverMs += 5 * HOUR;
    use('bundle-A');
    const fair = await setupFair({}, A());
    await setupDevice(fair, A(), 'KA');
    await must(recordComplaint(complaintInput(fair, A()), clerk, A()));
    const built = await must(buildBundle(A()));
    const top = (await getDb().items.toArray()).map((i) => i.hlc).sort().at(-1)!;
    on('bundle-B');
    const summary = await must(importBundle(built.bytes, undefined, B()));
    expect(summary.items).toBeGreaterThan(0);
    const clockB = await localClock();
    expect(clockB > top).toBe(true);
    expect(parseHlc(clockB).wallMs).toBe(parseHlc(top).wallMs);
  });
});

describe('the clock offset', { timeout: 60_000 }, () => {
  test('[SY13] each answer\'s server time measures the tablet\'s offset; a tablet 3 h slow reads -3 h', async () => {
    await twoTablets();
    // On B: the constant test clocks make sending and receiving the same instant.
    expect((await readSyncState()).clock).toEqual({ offsetMs: -3 * HOUR, roundTripMs: 0, at: B() });
  });

  test('[SY13] the offset is halfway between sending and receiving (NTP-style)', async () => {
    use('ntp');
    const fair = await setupFair({}, A());
    await enrol(fair.id, 'KN');
    const credentials = (await loadCredentials())!;
    // Sent at t, received at t + 2 s; the server said t + 1 s + 5 min: the tablet is 5 min slow.
    let tabletMs = serverMs - 1000 - 5 * 60_000;
    const now = (): Instant => {
      const at = instantFromMs(tabletMs);
      tabletMs += 2000;
      return at;
    };
    await pullPages({ transport: httpTransport({ baseUrl: BASE, token: credentials.token, fetch: fetchImpl }), credentials, now });
    expect((await readSyncState()).clock).toEqual({ offsetMs: -5 * 60_000, roundTripMs: 2000, at: instantFromMs(serverMs - 5 * 60_000 + 1000) });
  });

  test('[SY14] the next push reports the measured offset; the server keeps the last one per device', async () => {
    const { fair } = await twoTablets();
    const deviceB = (await must(runWrite(['meta'], (db) => logState(db), { log: false }))).deviceId;
    expect((await server.storage().clockReports(fair.id)).find((r) => r.deviceId === deviceB)).toBeUndefined();
    await must(saveExhibitor(fair.id, exhibitorInput(3), B()));
    later();
    await syncOnce({ now: B, fetch: fetchImpl });
    expect((await server.storage().clockReports(fair.id)).find((r) => r.deviceId === deviceB)).toEqual({ deviceId: deviceB, offsetMs: -3 * HOUR, reportedAt: instantFromMs(serverMs) });
  });

  test('[SY15] the server does not warn for an item recorded hours ago by a correct clock', async () => {
    use('old-item');
    const fair = await setupFair({}, A());
    await setupDevice(fair, A(), 'KC');
    await enrol(fair.id, 'KC');
    await must(recordComplaint(complaintInput(fair, A()), clerk, A()));
    // Offline for five hours; the clock was right all along.
    later(5 * 60);
    const credentials = (await loadCredentials())!;
    const items = await getDb().outbox.orderBy('seq').toArray();
    const body = await httpTransport({ baseUrl: BASE, token: credentials.token, fetch: fetchImpl }).push({ type: 'push', protocolVersion: 1, deviceId: items[0]!.deviceId, fairId: fair.id, items });
    if (body.type !== 'push-result') throw new Error(body.type);
    expect(body.results.every((r) => r.status === 'applied')).toBe(true);
    expect(body.warnings).toEqual([]);
    expect(body.serverTime).toBe(instantFromMs(serverMs));
  });

  test('[SY16] a case event recorded while the last measured offset was beyond DL9 carries it; within DL9 it carries none', async () => {
    const { kase } = await twoTablets();
    await must(applyCaseCommand(kase.id, { type: 'AddNote', payload: { text: '慢钟的备注' } }, clerk, B()));
    const noted = (await getDb().items.orderBy('seq').last())?.payload as CaseEvent;
    expect(noted.type).toBe('AddNote');
    expect(noted.clockOffsetMs).toBe(-3 * HOUR);
    // The clock set right: the next sync measures about 0 and the note goes.
    const fixed = tabletClock(60_000);
    later();
    await syncOnce({ now: fixed, fetch: fetchImpl });
    await must(applyCaseCommand(kase.id, { type: 'AddNote', payload: { text: '校准后的备注' } }, clerk, fixed()));
    const plain = (await getDb().items.orderBy('seq').last())?.payload as CaseEvent;
    expect(plain.type).toBe('AddNote');
    expect('clockOffsetMs' in plain).toBe(false);
  });
});
