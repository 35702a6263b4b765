import type { SyncItem } from '../domain/sync-item';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import { runWrite } from './write';
import type { StoreResult } from './result';

/** The outbox: items recorded here and not yet acknowledged by the server. */

export async function unsyncedCount(): Promise<number> {
  return getDb().outbox.count();
}

/** When the oldest unsynced item was recorded (the status bar's reminder). */
export async function oldestUnsynced(): Promise<Instant | undefined> {
  return (await getDb().outbox.orderBy('at').first())?.at;
}

/** The next items to push, in seq order (sync pushes them in order; the server refuses gaps). */
export async function outboxBatch(limit: number): Promise<SyncItem[]> {
  return getDb().outbox.orderBy('seq').limit(limit).toArray();
}

/** Removes acknowledged items from the outbox; the local log (`items`) keeps them. */
export async function acknowledge(ids: readonly string[]): Promise<StoreResult<number>> {
  return runWrite(
    ['outbox'],
    async (db) => {
      await db.outbox.bulkDelete([...ids]);
      return ids.length;
    },
    { log: false },
  );
}
