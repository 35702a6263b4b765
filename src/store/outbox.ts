import type { SyncItem } from '../domain/sync-item';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import { runWrite } from './transaction';
import type { StoreResult } from './result';
import { keepReading, MAX_PROBLEMS, updateSyncState, type ClockReading, type ItemProblem } from './sync-state';

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

/** What a push answer settles: see `acknowledgePush`. */
export interface PushAcknowledgement {
  /** Items the server named (applied, duplicate, conflict, rejected): their outbox rows go. */
  readonly done: readonly string[];
  /** SY7: the server lost what it had acknowledged: the local log's items with seq in [from, to) go back into the outbox. */
  readonly requeue?: { readonly from: number; readonly to: number };
  /** Refused or set-aside items, kept in the sync state for the sync screen. */
  readonly problems: readonly ItemProblem[];
  /** The clock reading of this answer (SY13). */
  readonly reading: ClockReading | undefined;
}

/**
 * SY4: one transaction settles a push answer: the named outbox rows go, lost ones come back, the
 * problems are noted and the device's refusal and update flags clear. Answers how many came back.
 */
export function acknowledgePush(ack: PushAcknowledgement): Promise<StoreResult<number>> {
  return runWrite(
    ['items', 'outbox', 'meta'],
    async (db) => {
      let requeued = 0;
      await db.outbox.bulkDelete([...ack.done]);
      if (ack.requeue !== undefined) {
        const again = await db.items.where('seq').between(ack.requeue.from, ack.requeue.to, true, false).toArray();
        await db.outbox.bulkPut(again);
        requeued = again.length;
      }
      await updateSyncState(db, (s) => ({
        ...s,
        problems: [...ack.problems, ...s.problems].slice(0, MAX_PROBLEMS),
        refused: undefined,
        updateRequired: undefined,
      }));
      await keepReading(db, ack.reading);
      return requeued;
    },
    { log: false },
  );
}

/** The whole outbox in seq order (a bundle file carries it, BN8). Reading only: nothing is freed. */
export async function outboxInSeqOrder(): Promise<SyncItem[]> {
  return getDb().outbox.orderBy('seq').toArray();
}
