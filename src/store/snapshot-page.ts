import { Dexie } from 'dexie';
import type { Instant } from '../domain/time';
import type { SnapshotPage } from '../domain/wire/snapshot';
import type { PullApplier } from './appliers';
import { getDb, type FairCaseDb, type TableName } from './db';
import { receiveStamps } from './local-log';
import type { StoreResult } from './result';
import { keepReading, updateSyncState, type ClockReading } from './sync-state';
import { runWrite } from './transaction';

/**
 * A page of the fair's snapshot lands whole with where the snapshot stands, or not at all (SY87):
 * the other devices' records through the pull's appliers, the clock (SY11), and `sync.snapshot`
 * (or, after the last page, the pull cursor at the snapshot's sequence, SY86), in ONE transaction
 * with relaxed durability (SY82).
 */

/** Where an unfinished snapshot stands (SY87). */
export interface SnapshotMark {
  readonly epoch: string;
  readonly at: number;
  /** The next page's `after`. */
  readonly next: string;
  readonly total: number;
  /** Records and bytes received so far. */
  readonly items: number;
  readonly bytes: number;
}
const SNAPSHOT_KEY = 'sync.snapshot';

const markIn = async (db: FairCaseDb): Promise<SnapshotMark | undefined> => (await db.meta.get(SNAPSHOT_KEY))?.value as SnapshotMark | undefined;
export const readSnapshotMark = (): Promise<SnapshotMark | undefined> => markIn(getDb());

export interface SnapshotPageContext {
  readonly self: string;
  readonly received: Instant;
  readonly reading: ClockReading | undefined;
  readonly appliers: readonly PullApplier[];
  /** The mark the page was asked with (undefined: the first page). */
  readonly before: SnapshotMark | undefined;
  /** The mark after it (undefined: it was the last page). */
  readonly after: SnapshotMark | undefined;
}

const sameMark = (a: SnapshotMark | undefined, b: SnapshotMark | undefined): boolean => a?.at === b?.at && a?.next === b?.next && a?.epoch === b?.epoch;
const scopeOf = (appliers: readonly PullApplier[]): TableName[] => [...new Set<TableName>(['meta', 'items', ...appliers.flatMap((a) => a.tables)])];

/** Applies a snapshot page; 'applied-elsewhere' when another tab had moved the snapshot on meanwhile. */
export function applySnapshotPage(page: SnapshotPage, context: SnapshotPageContext): Promise<StoreResult<'applied' | 'applied-elsewhere'>> {
  return runWrite(
    scopeOf(context.appliers),
    async (db) => {
      if (!sameMark(await markIn(db), context.before)) return 'applied-elsewhere';
      await keepReading(db, context.reading);
      const others = page.items.filter((i) => i.deviceId !== context.self);
      // No pull context: each page folds and writes its cases now, so the board shows what has
      // landed. SY93: an applier that keeps a snapshot's items otherwise says how.
      for (const applier of context.appliers) await Dexie.Promise.resolve(applier.snapshot === undefined ? applier.apply(db, others) : applier.snapshot(db, others));
      await receiveStamps(db, page.items.map((i) => i.hlc), context.received); // SY11
      if (context.after === undefined) {
        await db.meta.delete(SNAPSHOT_KEY);
        await updateSyncState(db, (s) => ({ ...s, epoch: page.epoch, cursor: page.at })); // SY86
      } else {
        await db.meta.put({ key: SNAPSHOT_KEY, value: context.after });
      }
      return 'applied';
    },
    { log: false, relaxed: true },
  );
}

/** SY87: the server's epoch changed under an unfinished snapshot: it starts again. */
export const dropSnapshotMark = (): Promise<StoreResult<void>> =>
  runWrite(['meta'], async (db) => {
    await db.meta.delete(SNAPSHOT_KEY);
  }, { log: false, relaxed: true });
