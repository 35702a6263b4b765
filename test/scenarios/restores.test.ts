import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Fair } from '../../src/domain/fair';
import { recordComplaint } from '../../src/store/cases';
import { SyncStopped } from '../../src/sync/push-outbox';
import { TransportError } from '../../src/sync/transport';
import { clerk, complaintInput, respondent } from '../store/case-fixtures';
import { Fleet, type FleetTablet } from '../support/fleet';

const HOUR = 3_600_000;

/** Files a complaint against respondent `n` on `t`; returns its case id. */
async function file(t: FleetTablet, fair: Fair, n: number): Promise<string> {
  const filed = await t.on(() => recordComplaint(complaintInput(fair, t.now(), { respondents: [respondent(n)] }), clerk, t.now()));
  if (!filed.ok) throw new Error(JSON.stringify(filed.error));
  return filed.value.cases[0]!.id;
}

/** A sync that the restored server refuses for want of a token it lost with the restore. */
const refusedForToken = (e: unknown): boolean =>
  (e instanceof SyncStopped || e instanceof TransportError) && ['UNAUTHENTICATED', 'TOKEN_REVOKED', 'DEVICE_REVOKED'].includes(e.code);

/**
 * Scenarios (b) and (c): a backup taken mid-day and restored later, with tablets enrolled after
 * the backup, a replacement tablet, and a tablet lost after the backup whose items only other
 * tablets still hold. Each ends with every tablet showing the same state, every item on the
 * server once, no case number twice and nothing left in an outbox.
 */
describe.each(['PGlite', 'PostgreSQL'] as const)('restores on %s', (database) => {
  let fleet: Fleet;
  let fair: Fair;
  let a: FleetTablet;
  beforeAll(async () => {
    fleet = await Fleet.open(database);
    a = fleet.tablet('A');
    fair = await a.createFair();
    await a.enrol(fair.id, 'KA');
    await a.setUp(fair.id);
    await a.sync();
  }, 120_000);
  afterAll(async () => {
    await fleet?.close();
  });

  const everythingOnce = async (tablets: readonly FleetTablet[]): Promise<void> => {
    const items = (await fleet.storage.pull(fair.id, 0, 1000)).items.map((p) => p.item);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => `${i.deviceId}|${i.seq}`)).size).toBe(items.length);
    // Tablets take turns with the store (fleet.ts): one after the other.
    const shown: ReadonlyMap<string, string>[] = [];
    for (const t of tablets) shown.push(await t.shown());
    for (const s of shown) expect([...s]).toEqual([...(shown[0] ?? new Map())]);
    const caseNos = [...(shown[0] ?? new Map()).entries()].filter(([k]) => k.startsWith('case ')).map(([, v]) => v.split(' ')[0]);
    expect(new Set(caseNos).size).toBe(caseNos.length);
    for (const t of tablets) expect(await t.outboxCount()).toBe(0);
  };

  test('[SY30] a tablet enrolled after the backup and a replacement enrolled after the restore never share a device code', { timeout: 180_000 }, async () => {
    const backup = await fleet.backup();
    const late = fleet.tablet('late');
    await late.enrol(fair.id);
    await late.sync();
    await late.setUp(fair.id);
    fleet.advance(HOUR);
    await file(late, fair, 11);
    await file(late, fair, 12);
    await fleet.settle([a, late]);

    fleet.advance(HOUR);
    await fleet.restore(backup);
    const replacement = fleet.tablet('replacement');
    await replacement.enrol(fair.id);
    expect(replacement.deviceCode).not.toBe(late.deviceCode);
    await replacement.sync();
    await replacement.setUp(fair.id);
    await file(replacement, fair, 13);

    // The late tablet's token went with the restore: the organizer enrols it again.
    await expect(late.sync()).rejects.toSatisfy(refusedForToken);
    await late.enrol(fair.id, late.deviceCode);
    expect(late.deviceCode).not.toBe(replacement.deviceCode);
    await fleet.settle([a, late, replacement]);
    await everythingOnce([a, late, replacement]);
    const onA = await a.shown();
    expect([...onA.keys()].filter((k) => k.startsWith('case '))).toHaveLength(3);
  });

  test('[SY35] a tablet lost after the backup: the restored server gets its items from a tablet that pulled them, once', { timeout: 180_000 }, async () => {
    const lost = fleet.tablet('lost');
    await lost.enrol(fair.id, 'KL');
    await lost.sync();
    await lost.setUp(fair.id);
    await fleet.settle([a, lost]);
    const backup = await fleet.backup();
    fleet.advance(HOUR);
    const cases = [await file(lost, fair, 21), await file(lost, fair, 22)];
    await fleet.settle([a, lost]);
    const lostId = (await fleet.storage.pull(fair.id, 0, 1000)).items.find((p) => p.item.entityId === cases[0])?.item.deviceId;
    expect(lostId).toBeDefined();

    // The tablet is lost; the database is restored from the backup taken before its cases.
    await fleet.storage.revokeDevice(lostId as string);
    await fleet.restore(backup);
    const before = (await fleet.storage.pull(fair.id, 0, 1000)).items.filter((p) => p.item.deviceId === lostId).length;
    await fleet.settle([a]);
    const after = (await fleet.storage.pull(fair.id, 0, 1000)).items.filter((p) => p.item.deviceId === lostId);
    expect(after.length).toBeGreaterThan(before);
    for (const id of cases) expect(after.some((p) => p.item.entityId === id)).toBe(true);
    expect(new Set(after.map((p) => p.item.seq)).size).toBe(after.length);
    expect(await a.outboxCount()).toBe(0);
    const serverCases = await fleet.serverCases(fair.id);
    for (const id of cases) expect(serverCases.has(id)).toBe(true);
  });
});
