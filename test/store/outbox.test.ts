/** The outbox: what the status bar counts and what sync pushes, in seq order. */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { getDb } from '../../src/store/db';
import { createFair } from '../../src/store/fairs';
import { acknowledge, oldestUnsynced, outboxBatch, unsyncedCount } from '../../src/store/outbox';
import { clock, fairInput, freshDb, resetDb } from './fixtures';

beforeEach(() => {
  freshDb('outbox');
});
afterEach(resetDb);

test('counts unsynced items; acknowledging removes them from the outbox, not from the log', async () => {
  expect(await unsyncedCount()).toBe(0);
  expect(await oldestUnsynced()).toBeUndefined();
  const now = clock();
  const times = [now(), now(), now()];
  for (const [i, code] of ['A1', 'B2', 'C3'].entries()) await createFair(fairInput({ code }), times[i] ?? now());
  expect(await unsyncedCount()).toBe(3);
  expect(await oldestUnsynced()).toBe(times[0]);
  const batch = await outboxBatch(2);
  expect(batch.map((i) => i.seq)).toEqual([1, 2]);
  expect(await acknowledge(batch.map((i) => i.id))).toEqual({ ok: true, value: 2 });
  expect(await unsyncedCount()).toBe(1);
  expect((await outboxBatch(10)).map((i) => i.seq)).toEqual([3]);
  expect(await getDb().items.count()).toBe(3);
});
