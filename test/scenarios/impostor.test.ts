import { expect, test } from 'vitest';
import { recordComplaint } from '../../src/store/cases';
import { getDb } from '../../src/store/db';
import { loadCredentials } from '../../src/store/sync-state';
import { redeemEnrolment } from '../../src/sync/transport';
import { clerk, complaintInput } from '../store/case-fixtures';
import { describeFleet } from '../support/fleet';

/**
 * Scenario (d): someone redeems a fresh enrolment code with another tablet's device id (it is
 * in every pulled item). They must not become that tablet: the real tablet keeps syncing, its
 * next items are applied (not rejected SEQ_REUSED), and the server holds each item once.
 */
describeFleet('an impostor', (fleetOf) => {

  test('[SY40] a fresh code redeemed with another tablet’s device id gives no token for that tablet', { timeout: 120_000 }, async () => {
    const a = fleetOf().tablet('A');
    const fair = await a.createFair();
    await a.enrol(fair.id, 'KA');
    await a.setUp(fair.id);
    await a.sync();
    const victim = await a.on(async () => (await loadCredentials())!.deviceId);

    const code = await fleetOf().enrolmentCode(fair.id);
    const impostor = await redeemEnrolment('http://fleetOf().test', { code, deviceName: 'Not A', deviceId: victim }, fleetOf().fetch).then(
      (enrolled) => enrolled.deviceId,
      (e: unknown) => `refused ${String((e as { code?: string }).code)}`,
    );
    expect(impostor).not.toBe(victim);

    fleetOf().advance(60_000);
    await a.on(() => recordComplaint(complaintInput(fair, a.now()), clerk, a.now()));
    const run = await a.sync();
    expect(run.push.acknowledged).toBe(1);
    expect(await a.outboxCount()).toBe(0);
    const logged = await a.on(async () => (await getDb().items.orderBy('seq').toArray()).map((i) => i.seq));
    const mine = (await fleetOf().storage.pull(fair.id, 0, 1000)).items.filter((p) => p.item.deviceId === victim);
    expect(logged).toHaveLength(2);
    expect(mine.map((p) => p.item.seq)).toEqual(logged);
    expect((await fleetOf().storage.rejected(fair.id)).records).toEqual([]);
  });
});
