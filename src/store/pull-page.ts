import { Dexie } from 'dexie';
import type { Instant } from '../domain/time';
import type { PullPage } from '../domain/wire/protocol';
import { newPullRun, type PullContext, type PullRun } from './apply-pulled';
import type { PullApplier } from './appliers';
import type { TableName } from './db';
import { keepPulled, relayEverything } from './held-items';
import { receiveStamps } from './local-log';
import type { StoreResult } from './result';
import { keepReading, syncStateIn, updateSyncState, type ClockReading } from './sync-state';
import { runWrite } from './transaction';

/**
 * One pulled page lands whole with its cursor, or not at all (SY6): the other devices' items
 * through the appliers, the held copies (SY39), the clock (SY11) and the new cursor, in ONE
 * transaction with relaxed durability (SY82): a crash re-pulls the page and never skips one.
 */

export { newPullRun, type PullRun };

export interface PageContext {
  /** This device's id: its own items come back in pages too, and its log has them already. */
  readonly self: string;
  /** The pull run the page belongs to (SY83). */
  readonly run: PullRun;
  /** This tablet's clock when the page arrived (SY11). */
  readonly received: Instant;
  /** The clock reading of this answer, when the server said its time (SY13). */
  readonly reading: ClockReading | undefined;
  readonly appliers: readonly PullApplier[];
}

/** What came of a page: applied, or another tab had applied it meanwhile (nothing to do). */
export type PageOutcome = 'applied' | 'applied-elsewhere';

const scopeOf = (appliers: readonly PullApplier[]): TableName[] => [...new Set<TableName>(['meta', 'items', 'outbox', ...appliers.flatMap((a) => a.tables)])];

/** Applies `page`, pulled after cursor `after`, and moves the cursor to the page's. */
export function applyPulledPage(page: PullPage, after: number, context: PageContext): Promise<StoreResult<PageOutcome>> {
  return runWrite(
    scopeOf(context.appliers),
    async (db): Promise<PageOutcome> => {
      await keepReading(db, context.reading);
      const current = await syncStateIn(db);
      // Another tab applied this page meanwhile: nothing to do.
      if (current.cursor !== after) return 'applied-elsewhere';
      const others = page.items.map((p) => p.item).filter((i) => i.deviceId !== context.self);
      await keepPulled(db, page.items, context.self); // SY39
      // Wrapped in Dexie's promise: an applier that touches no table would otherwise hand back a
      // native promise that resolves outside the transaction's zone, and IndexedDB commits early.
      const pull: PullContext = { run: context.run, last: !page.hasMore };
      for (const applier of context.appliers) await Dexie.Promise.resolve(applier.apply(db, others, pull));
      // SY11: whatever this tablet records next is stamped after every item it has now seen.
      await receiveStamps(db, page.items.map((p) => p.item.hlc), context.received);
      await updateSyncState(db, (s) => ({ ...s, epoch: page.epoch, cursor: page.cursor }));
      return 'applied';
    },
    { log: false, relaxed: true },
  );
}

/**
 * SY7: the server was restored from a backup (a new epoch). The cursor restarts at 0 and every
 * item of the local log goes back into the outbox, and everything held is offered again (SY39),
 * in one transaction.
 */
export function restartPull(epoch: string, reading: ClockReading | undefined, appliers: readonly PullApplier[]): Promise<StoreResult<void>> {
  return runWrite(
    scopeOf(appliers),
    async (db) => {
      await keepReading(db, reading);
      await db.outbox.bulkPut(await db.items.toArray());
      await relayEverything(db); // SY39
      await updateSyncState(db, (s) => ({ ...s, epoch, cursor: 0 }));
    },
    { log: false, relaxed: true },
  );
}
