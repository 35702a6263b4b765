import { expect, test } from 'vitest';
import { recordComplaint } from '../../src/store/cases';
import { clerk, complaintInput } from '../store/case-fixtures';
import { describeFleet } from '../support/fleet';

/**
 * The multi-tablet harness itself (test/support/fleetOf().ts), on both databases: tablets that sync
 * to the end show the same state, and a restored backup is the server as it was at the backup,
 * with a new epoch that makes each tablet send its log again.
 */
describeFleet('fleet', (fleetOf) => {

  test('[SY7] two tablets settle to the same state; a restore loses what came after the backup until the tablets send it again', { timeout: 120_000 }, async () => {
    const a = fleetOf().tablet('A');
    const b = fleetOf().tablet('B');
    const fair = await a.createFair();
    await a.enrol(fair.id, 'KA');
    await a.setUp(fair.id);
    await a.sync();
    await b.enrol(fair.id, 'KB');
    await b.sync();
    await b.setUp(fair.id);
    const backup = await fleetOf().backup();

    fleetOf().advance(60_000);
    const filed = await a.on(() => recordComplaint(complaintInput(fair, a.now()), clerk, a.now()));
    expect(filed.ok).toBe(true);
    await fleetOf().settle([a, b]);
    expect([...(await a.shown())]).toEqual([...(await b.shown())]);
    const onServer = async () => (await fleetOf().storage.pull(fair.id, 0, 1000)).items.length;
    const before = await onServer();

    await fleetOf().restore(backup);
    expect(await onServer()).toBe(1);
    await fleetOf().settle([a, b]);
    expect(await onServer()).toBe(before);
    expect(await a.outboxCount()).toBe(0);
    expect(await b.outboxCount()).toBe(0);
    expect([...(await a.shown())]).toEqual([...(await b.shown())]);
  });
});
