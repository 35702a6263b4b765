import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordComplaint } from '../../src/store/cases';
import { createFair } from '../../src/store/fairs';
import { clerk, complaintInput } from '../store/case-fixtures';
import { fairInput } from '../store/fixtures';
import { Fleet } from '../support/fleet';

/**
 * The multi-tablet harness itself (test/support/fleet.ts), on both databases: tablets that sync
 * to the end show the same state, and a restored backup is the server as it was at the backup,
 * with a new epoch that makes each tablet send its log again.
 */
describe.each(['PGlite', 'PostgreSQL'] as const)('fleet on %s', (database) => {
  let fleet: Fleet;
  beforeAll(async () => {
    fleet = await Fleet.open(database);
  }, 120_000);
  afterAll(async () => {
    await fleet?.close();
  });

  test('[SY7] two tablets settle to the same state; a restore loses what came after the backup until the tablets send it again', { timeout: 120_000 }, async () => {
    const a = fleet.tablet('A');
    const b = fleet.tablet('B');
    const fair = await a.on(async () => {
      const made = await createFair(fairInput(), a.now());
      if (!made.ok) throw new Error(made.error.kind);
      return made.value;
    });
    await a.enrol(fair.id, 'KA');
    await a.setUp(fair.id);
    await a.sync();
    await b.enrol(fair.id, 'KB');
    await b.sync();
    await b.setUp(fair.id);
    const backup = await fleet.backup();

    fleet.advance(60_000);
    const filed = await a.on(() => recordComplaint(complaintInput(fair, a.now()), clerk, a.now()));
    expect(filed.ok).toBe(true);
    await fleet.settle([a, b]);
    expect([...(await a.shown())]).toEqual([...(await b.shown())]);
    const onServer = async () => (await fleet.storage.pull(fair.id, 0, 1000)).items.length;
    const before = await onServer();

    await fleet.restore(backup);
    expect(await onServer()).toBe(1);
    await fleet.settle([a, b]);
    expect(await onServer()).toBe(before);
    expect(await a.outboxCount()).toBe(0);
    expect(await b.outboxCount()).toBe(0);
    expect([...(await a.shown())]).toEqual([...(await b.shown())]);
  });
});
