/**
 * The bulk seeder (P3 needs 10,000 cases): the same domain path as the desk, big transactions.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseCaseNumber } from '../../src/domain/case/case-number';
import type { Fair } from '../../src/domain/fair';
import type { Instant } from '../../src/domain/time';
import { caseEvents, listCaseRows } from '../../src/store/cases';
import { getDb } from '../../src/store/db';
import { seedCases } from '../../src/store/seed';
import { clock, freshDb, resetDb } from './fixtures';
import { setupDevice, setupFair } from './case-fixtures';

let now: () => Instant;
let fair: Fair;
beforeEach(async () => {
  freshDb('seed');
  now = clock('2025-04-15T06:00:00.000Z');
  fair = await setupFair({}, now());
  await setupDevice(fair, now());
});
afterEach(resetDb);

describe('seedCases', () => {
  test('[CN2] seeded cases are numbered gap-free through decide/evolve, with their rows, events and outbox rows', async () => {
    const r = await seedCases(fair.id, 600, now(), { batch: 250, mixStates: true });
    expect(r).toEqual({ ok: true, value: { cases: 600 } });
    const rows = await listCaseRows(fair.id);
    expect(rows.length).toBe(600);
    const seqs = rows.map((row) => (parseCaseNumber(row.caseNo).ok ? Number(row.caseNo.split('-')[2]) : 0)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const states = new Map<string, number>();
    for (const row of rows) states.set(row.state, (states.get(row.state) ?? 0) + 1);
    expect(Object.fromEntries(states)).toEqual({ RECEIVED: 300, INCOMPLETE: 150, CLOSED: 150 });
    expect(new Set(rows.map((row) => row.hall))).toEqual(new Set(['1.1', '1.2', '2.1', '2.2']));
    // 600 Submits + 300 follow-ups, plus the fair's item; all waiting in the outbox.
    expect(await getDb().items.count()).toBe(901);
    expect(await getDb().outbox.count()).toBe(901);
    const incomplete = rows.find((row) => row.state === 'INCOMPLETE');
    expect(incomplete?.nextDeadline?.kind).toBe('supplement');
    expect((await caseEvents(incomplete?.id ?? '')).map((e) => e.type)).toEqual(['Submit', 'RequestSupplement']);
    // The device's sequence went on: the next seed continues at 601.
    await seedCases(fair.id, 1, now());
    expect((await listCaseRows(fair.id)).some((row) => row.caseNo.includes('-0601-'))).toBe(true);
  });
});
