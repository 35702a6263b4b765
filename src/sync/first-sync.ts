import { Dexie } from 'dexie';
import type { Instant } from '../domain/time';
import { instantToMs } from '../domain/time';
import { PROTOCOL_VERSION } from '../domain/wire/protocol';
import { MAX_SNAPSHOT_LIMIT, SNAPSHOT_START } from '../domain/wire/snapshot';
import type { FairCaseDb, TableName } from '../store/db';
import { getDb } from '../store/db';
import { receiveStamps, runWrite } from '../store/write';
import { keepReading, readingOf, timed } from './clock-offset';
import type { PullApplier } from './pull-pages';
import { SyncStopped } from './push-outbox';
import { readSyncState, updateSyncState, type SyncCredentials } from './sync-state';
import { TransportError, type SyncTransport } from './transport';

/**
 * A new tablet's first sync (SY84–SY87): the fair's current records from the server's snapshot,
 * page by page, each page in one transaction with where the snapshot stands, then the pull
 * after the snapshot's sequence. A reload or a dropped network goes on from the last page
 * written.
 */

/** How far the first sync is, for the progress bars: records so far of all, bytes, time left. */
export interface SyncProgress {
  readonly items: number;
  readonly total: number;
  readonly bytes: number;
  /** Estimated from this run's pace; undefined until a page has landed in this run. */
  readonly msLeft: number | undefined;
  readonly done: boolean;
}

/** Where an unfinished snapshot stands, in `meta` (SY87). */
interface SnapshotMark {
  readonly epoch: string;
  readonly at: number;
  readonly next: string;
  readonly total: number;
  readonly items: number;
  readonly bytes: number;
}
const SNAPSHOT_KEY = 'sync.snapshot';

export async function readSnapshotMark(db: FairCaseDb = getDb()): Promise<SnapshotMark | undefined> {
  return (await db.meta.get(SNAPSHOT_KEY))?.value as SnapshotMark | undefined;
}

export interface FirstSyncDeps {
  readonly transport: SyncTransport;
  readonly credentials: SyncCredentials;
  readonly appliers: readonly PullApplier[];
  readonly now: () => Instant;
  readonly limit?: number;
  readonly onProgress?: (p: SyncProgress) => void;
}

export interface FirstSyncSummary {
  readonly pages: number;
  readonly items: number;
}

const sameMark = (a: SnapshotMark | undefined, b: SnapshotMark | undefined): boolean => a?.at === b?.at && a?.next === b?.next && a?.epoch === b?.epoch;

/**
 * SY87: runs only on a tablet that never pulled (no epoch, cursor 0) or whose snapshot is
 * unfinished; returns undefined when there is nothing to do (or the transport has no snapshot).
 */
export async function firstSync(deps: FirstSyncDeps): Promise<FirstSyncSummary | undefined> {
  const snapshot = deps.transport.snapshot;
  if (snapshot === undefined) return undefined;
  let mark = await readSnapshotMark();
  const state = await readSyncState();
  if (mark === undefined && (state.epoch !== undefined || state.cursor !== 0)) return undefined;
  const tables = [...new Set<TableName>(['meta', 'items', ...deps.appliers.flatMap((a) => a.tables)])];
  const started = instantToMs(deps.now());
  const startItems = mark?.items ?? 0;
  let pages = 0;
  let count = 0;
  if (mark !== undefined) deps.onProgress?.({ items: mark.items, total: mark.total, bytes: mark.bytes, msLeft: undefined, done: false });
  for (let guard = 0; guard < 100_000; guard++) {
    const { reply: answer, sent, received } = await timed(deps.now, () =>
      snapshot({ protocolVersion: PROTOCOL_VERSION, fair: deps.credentials.fairId, at: mark?.at, after: mark?.next ?? SNAPSHOT_START, limit: deps.limit ?? MAX_SNAPSHOT_LIMIT }),
    );
    const reply = answer.reply;
    if (reply.type === 'client-too-old') throw new SyncStopped('CLIENT_TOO_OLD');
    if (reply.type === 'server-too-old') throw new TransportError('SERVER_TOO_OLD', true);
    if (reply.type === 'error') throw new TransportError(reply.code, false);
    const before = mark;
    // SY87: a restored server (another epoch) numbers anew: start the snapshot again.
    const restart = before !== undefined && before.epoch !== reply.epoch;
    const next: SnapshotMark | undefined = restart || reply.next === null
      ? undefined
      : { epoch: reply.epoch, at: reply.at, next: reply.next, total: before?.total ?? reply.total ?? 0, items: (before?.items ?? 0) + reply.items.length, bytes: (before?.bytes ?? 0) + answer.bytes };
    const outcome = await runWrite(
      tables,
      async (db) => {
        // Another tab went on meanwhile: its page stands, this one is dropped.
        if (!sameMark(await readSnapshotMark(db), before)) return false;
        if (restart) {
          await db.meta.delete(SNAPSHOT_KEY);
          return true;
        }
        await keepReading(db, readingOf(sent, received, reply.serverTime));
        const others = reply.items.filter((i) => i.deviceId !== deps.credentials.deviceId);
        // No pull context: each page folds and writes its cases now, so the board shows what has landed.
        for (const applier of deps.appliers) await Dexie.Promise.resolve(applier.apply(db, others));
        await receiveStamps(db, reply.items.map((i) => i.hlc), received); // SY11
        if (next === undefined) {
          await db.meta.delete(SNAPSHOT_KEY);
          await updateSyncState(db, (s) => ({ ...s, epoch: reply.epoch, cursor: reply.at })); // SY86
        } else {
          await db.meta.put({ key: SNAPSHOT_KEY, value: next });
        }
        return true;
      },
      { log: false, relaxed: true },
    );
    if (!outcome.ok) throw new TransportError(`STORE_${outcome.error.kind.toUpperCase()}`, true, undefined, outcome.error.detail);
    mark = outcome.value ? next : await readSnapshotMark();
    if (restart) continue;
    if (!outcome.value && mark === undefined) break;
    pages++;
    count += reply.items.length;
    const total = before?.total ?? reply.total ?? 0;
    const items = mark?.items ?? total;
    const pace = (instantToMs(deps.now()) - started) / Math.max(1, items - startItems);
    deps.onProgress?.({ items, total, bytes: mark?.bytes ?? (before?.bytes ?? 0) + answer.bytes, msLeft: mark === undefined ? 0 : Math.round(pace * (total - items)), done: mark === undefined });
    if (mark === undefined) break;
  }
  return { pages, items: count };
}
