import { Dexie } from 'dexie';
import type { SyncItem } from '../domain/sync-item';
import { MAX_PULL_LIMIT, PROTOCOL_VERSION } from '../domain/wire/protocol';
import type { FairCaseDb, TableName } from '../store/db';
import type { Instant } from '../domain/time';
import { applyPulledFairs, newPullRun, type PullContext } from '../store/apply-pulled';
import { receiveStamps, runWrite } from '../store/write';
import { keepReading, readingOf, timed } from './clock-offset';
import { keepPulled, relayEverything } from '../store/held-items';
import { readSyncState, updateSyncState, type SyncCredentials } from './sync-state';
import { SyncStopped } from './push-outbox';
import { TransportError, type SyncTransport } from './transport';

/**
 * Applies pulled items of some kinds to the store's tables, inside the page's transaction. An
 * applier never throws for a bad item (the server checked it; a newer schema may still
 * disagree): it skips it. `tables` are the tables it writes.
 */
export interface PullApplier {
  readonly tables: readonly TableName[];
  /** `context`: the pull run and whether this is its last page (none for a bundle: write everything now). */
  apply(db: FairCaseDb, items: readonly SyncItem[], context?: PullContext): Promise<void>;
}

/** Fairs: whole snapshots, the last writer wins (SY20, SY22). */
export const fairApplier: PullApplier = {
  tables: ['fairs', 'items', 'meta'],
  async apply(db, items) {
    await applyPulledFairs(db, items);
  },
};

export interface PullDeps {
  readonly transport: SyncTransport;
  readonly credentials: SyncCredentials;
  /** Defaults to fairs only; the other kinds get their appliers as their tables land. */
  readonly appliers?: readonly PullApplier[];
  /** Items per page; defaults to the most the protocol allows (P5: a case touched by several
   * pages is rewritten once per page, so fewer, bigger pages write less). */
  readonly limit?: number;
  /** This tablet's clock (SY11, SY13); defaults to the system's. */
  readonly now?: () => Instant;
}

const systemNow = (): Instant => new Date().toISOString() as Instant;

export interface PullSummary {
  readonly pages: number;
  readonly items: number;
  /** The server was restored from a backup: the cursor restarted and everything was queued again. */
  readonly epochChanged: boolean;
}

/**
 * Pulls pages after the stored cursor until the server has no more. Each page is applied in ONE
 * Dexie transaction together with the new cursor, so a crash mid-page re-pulls that page and
 * never skips one (issue 7 part 5). A new epoch (restored server) restarts the cursor at 0 and
 * puts every item of the local log back into the outbox, in the same transaction.
 */
export async function pullPages(deps: PullDeps): Promise<PullSummary> {
  const appliers = deps.appliers ?? [fairApplier];
  const tables = [...new Set<TableName>(['meta', 'items', 'outbox', ...appliers.flatMap((a) => a.tables)])];
  let pages = 0;
  let count = 0;
  let epochChanged = false;
  const run = newPullRun();
  for (let guard = 0; guard < 100_000; guard++) {
    const state = await readSyncState();
    const now = deps.now ?? systemNow;
    const { reply, sent, received } = await timed(now, () =>
      deps.transport.pull({ fair: deps.credentials.fairId, after: state.cursor, limit: deps.limit ?? MAX_PULL_LIMIT, protocolVersion: PROTOCOL_VERSION }),
    );
    if (reply.type === 'client-too-old') throw new SyncStopped('CLIENT_TOO_OLD');
    if (reply.type === 'server-too-old') throw new TransportError('SERVER_TOO_OLD', true);
    if (reply.type === 'error') throw new TransportError(reply.code, false);
    const restarted = state.epoch !== undefined && state.epoch !== reply.epoch;
    const outcome = await runWrite(
      tables,
      async (db) => {
        await keepReading(db, readingOf(sent, received, reply.serverTime));
        if (restarted) {
          await db.outbox.bulkPut(await db.items.toArray());
          await relayEverything(db); // SY39
          await updateSyncState(db, (s) => ({ ...s, epoch: reply.epoch, cursor: 0 }));
          return;
        }
        const current = await readSyncState(db);
        // Another tab applied this page meanwhile: nothing to do.
        if (current.cursor !== state.cursor) return;
        const others = reply.items.map((p) => p.item).filter((i) => i.deviceId !== deps.credentials.deviceId);
        await keepPulled(db, reply.items, deps.credentials.deviceId); // SY39
        // Wrapped in Dexie's promise: an applier that touches no table would otherwise hand back a
        // native promise that resolves outside the transaction's zone, and IndexedDB commits early.
        const context: PullContext = { run, last: !reply.hasMore };
        for (const applier of appliers) await Dexie.Promise.resolve(applier.apply(db, others, context));
        // SY11: whatever this tablet records next is stamped after every item it has now seen.
        await receiveStamps(db, reply.items.map((p) => p.item.hlc), received);
        await updateSyncState(db, (s) => ({ ...s, epoch: reply.epoch, cursor: reply.cursor }));
      },
      { log: false, relaxed: true },
    );
    if (!outcome.ok) throw new TransportError(`STORE_${outcome.error.kind.toUpperCase()}`, true, undefined, outcome.error.detail);
    if (restarted) {
      epochChanged = true;
      continue;
    }
    pages++;
    count += reply.items.length;
    if (!reply.hasMore) break;
  }
  return { pages, items: count, epochChanged };
}
