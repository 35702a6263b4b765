import { Dexie } from 'dexie';
import type { Transaction } from 'dexie';
import { err, ok } from '../domain/result';
import { offsetWorthNoting, receiveAll, tickHlc } from '../domain/hlc';
import { instantToMs } from '../domain/time';
import type { DeviceId, EventId, FairId } from '../domain/ids';
import type { Hlc } from '../domain/hlc';
import type { RecordKind, SyncItem } from '../domain/sync-item';
import type { Instant } from '../domain/time';
import { itemFieldErrors } from '../domain/wire/item-verdict';
import { getDb, getRelaxedDb } from './db';
import type { FairCaseDb, TableName } from './db';
import { newId } from './ids';
import { rememberPersistence } from './persistence';
import { StoreFailure, invalid, isClosedConnection, storageError, toStorageError } from './result';
import type { StoreResult } from './result';

/**
 * The one way to write: a user action is ONE read-write transaction (durability 'strict', set
 * on the database) that writes the record, its item and the outbox row together, so a crash
 * or a full disk leaves either all of them or none (issue 5 §1).
 */

/** The tables every logged write touches: the local log, the outbox and the log state. */
export const LOG_TABLES = ['items', 'outbox', 'meta'] as const satisfies readonly TableName[];

export interface WriteOptions {
  /** The action's clock: the first save also asks for persistent storage, stamped with it. */
  readonly now?: Instant;
  /** False for writes that record no item (drafts, device settings): a smaller lock scope. */
  readonly log?: boolean;
  /** SY82: pulled data with its cursor, through the relaxed connection. */
  readonly relaxed?: boolean;
}

/** Raised when an open waits on another tab holding an older version (`blocked`). */
class UpgradeBlockedError extends Error {
  override readonly name = 'UpgradeBlockedError';
}
class VersionChangeError extends Error {
  override readonly name = 'VersionChangeError';
}

/** Opens the database unless it is open; an open that another tab blocks fails fast. */
async function ready(db: FairCaseDb): Promise<void> {
  if (db.outdated) throw new VersionChangeError('another tab upgraded the database; reload');
  if (db.isOpen()) return;
  if (db.upgradeBlocked) throw new UpgradeBlockedError('the upgrade waits for another tab to close');
  await new Promise<void>((resolve, reject) => {
    const onBlocked = (): void => reject(new UpgradeBlockedError('the upgrade waits for another tab to close'));
    db.on('blocked', onBlocked);
    db.open().then(
      () => {
        db.upgradeBlocked = false;
        resolve();
      },
      reject,
    ).finally(() => db.on('blocked').unsubscribe(onBlocked));
  });
}

/**
 * Runs `fn` in one rw transaction over `tables` (plus LOG_TABLES unless `log: false`). A
 * `StoreFailure` thrown inside aborts it and comes back as that error; any storage failure comes
 * back as a typed StorageError. A closed connection is reopened and the action retried once.
 */
export async function runWrite<T>(
  tables: readonly TableName[],
  fn: (db: FairCaseDb) => Promise<T>,
  options: WriteOptions = {},
): Promise<StoreResult<T>> {
  const db = options.relaxed === true ? getRelaxedDb() : getDb();
  const scope = [...new Set<TableName>([...tables, ...(options.log === false ? [] : LOG_TABLES)])];
  let reopened = false;
  let recounted = false;
  for (;;) {
    // A retry after a stale guess numbers from the stored state, whatever other writes did since.
    const attempt: Attempt = { trustKnownLog: !recounted, usedKnownLog: false };
    try {
      await ready(db);
      const value = await db.transaction('rw', scope, (tx) => {
        attempts.set(tx, attempt);
        return fn(db);
      });
      if (options.now !== undefined) void rememberPersistence(db, options.now);
      // The log state the strict connection remembers is no good guess once the other one wrote
      // (a stale guess is caught and retried, but costs a retry).
      if (db !== getDb()) knownLog.delete(getDb());
      return ok(value);
    } catch (e) {
      // Whatever failed, the log state this connection remembered may be wrong now.
      knownLog.delete(db);
      if (!reopened && isClosedConnection(e) && !db.outdated) {
        reopened = true;
        continue;
      }
      // An attempt that numbered its items from the remembered state is retried once from the
      // stored state: another tab (or another write of this one) may have written in between.
      // Never after a premature commit: what the action wrote before it has landed (see inWrite).
      if (!recounted && attempt.usedKnownLog && !(e instanceof StoreFailure) && !isPrematureCommit(e)) {
        recounted = true;
        continue;
      }
      return err(toStorageError(e));
    }
  }
}

const isPrematureCommit = (e: unknown): boolean => typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'PrematureCommitError';

/** Aborts the running write with a typed error: nothing of the action lands. */
export function fail(error: Parameters<typeof storageError>[0], detail?: string): never {
  throw new StoreFailure(storageError(error, detail));
}

/** The device's identity and the state of its log, one row in `meta`. */
export interface LogState {
  readonly deviceId: DeviceId;
  /** The last item's seq (0 before the first): the next is `seq + 1`, never reused. */
  readonly seq: number;
  readonly hlc?: Hlc;
  /** The clock offset measured at the last sync, kept only when beyond DL9: stamped on case events (SY16). */
  readonly clockOffsetMs?: number;
}
const LOG_KEY = 'log';

/** Reads (or, on a fresh device, creates) the log state. Inside a transaction over `meta`. */
export function logState(db: FairCaseDb): Promise<LogState> {
  return inWrite(async () => {
    const row = await db.meta.get(LOG_KEY);
    if (row !== undefined) return row.value as LogState;
    const fresh: LogState = { deviceId: newId() as DeviceId, seq: 0 };
    await db.meta.put({ key: LOG_KEY, value: fresh });
    return fresh;
  });
}

export interface ItemInput {
  readonly kind: RecordKind;
  readonly entityId: string;
  readonly fairId: FairId;
  readonly payload: unknown;
}

/** What numbering gives an item: its id, this device, its gap-free seq and its HLC. */
export interface ItemStamp {
  readonly id: EventId;
  readonly deviceId: DeviceId;
  readonly seq: number;
  readonly hlc: Hlc;
  /** Set when the device's clock was off beyond DL9 at its last sync: case events carry it (SY16). */
  readonly clockOffsetMs?: number;
}

/**
 * An item whose payload needs its own stamp: a case event carries the item's id and HLC
 * (CS1, CS5), so `decide` runs once the numbers are known. `build` may throw a StoreFailure
 * (a DomainError): the write aborts and nothing lands.
 */
export interface StampedItemInput {
  readonly kind: RecordKind;
  readonly entityId: string;
  readonly fairId: FairId;
  readonly build: (stamp: ItemStamp) => unknown;
}

/**
 * The log state after this connection's last write, so the next write can number its items
 * without first waiting for a read (one round trip less on every save, P1). It is only a guess:
 * the stored state is read in the same transaction, before the writes, and if another tab (or a
 * concurrent write of this page) wrote in between — a different stored state, or the unique
 * `seq` index refusing a number — the transaction aborts and runWrite retries once from the
 * stored state. Items are therefore never numbered twice nor with a gap.
 */
const knownLog = new WeakMap<FairCaseDb, LogState>();

/** One try of one runWrite, found from inside the transaction (concurrent writes share the db). */
interface Attempt {
  readonly trustKnownLog: boolean;
  usedKnownLog: boolean;
}
const attempts = new WeakMap<Transaction, Attempt>();

class StaleLogError extends Error {
  override readonly name = 'StaleLogError';
}

const sameLog = (a: LogState | undefined, b: LogState): boolean =>
  a !== undefined && a.deviceId === b.deviceId && a.seq === b.seq && a.hlc === b.hlc && a.clockOffsetMs === b.clockOffsetMs;

/**
 * Records one item: the next gap-free seq and the next HLC of this device, written to `items`
 * (the local log) and `outbox` (until the server acknowledges it). Call it inside `runWrite`:
 * the seq counter is read and written in the action's own transaction, so two tabs writing at
 * once still get consecutive numbers (IndexedDB serialises overlapping rw transactions).
 */
export function appendItem(db: FairCaseDb, input: ItemInput | StampedItemInput, now: Instant): Promise<SyncItem> {
  return inWrite(async () => {
    const [item] = await appendItemsNow(db, [input], now);
    if (item === undefined) throw new Error('appendItems returns one item per input');
    return item;
  });
}

function numbered(state: LogState, inputs: readonly (ItemInput | StampedItemInput)[], now: Instant): { items: SyncItem[]; next: LogState } {
  const nowMs = instantToMs(now);
  let { seq, hlc } = state;
  const items = inputs.map((input): SyncItem => {
    seq += 1;
    const stamp: ItemStamp = {
      id: newId() as EventId,
      deviceId: state.deviceId,
      seq,
      hlc: tickHlc(hlc, nowMs, state.deviceId),
      ...(state.clockOffsetMs === undefined ? {} : { clockOffsetMs: state.clockOffsetMs }),
    };
    hlc = stamp.hlc;
    return {
      id: stamp.id,
      fairId: input.fairId,
      deviceId: state.deviceId,
      seq,
      hlc: stamp.hlc,
      at: now,
      kind: input.kind,
      entityId: input.entityId,
      payload: 'build' in input ? input.build(stamp) : input.payload,
    };
  });
  return { items, next: hlc === undefined ? { ...state, seq } : { ...state, seq, hlc } };
}

/**
 * Several items of one action (an import), numbered consecutively in the same transaction.
 * `alongside(items)` issues the action's other writes in the same tick as the items' (a case
 * written from its stamped event): code after an `await` of this function may have lost Dexie's
 * transaction zone under native async/await, and its writes would then run outside the action.
 */
async function appendItemsNow(
  db: FairCaseDb,
  inputs: readonly (ItemInput | StampedItemInput)[],
  now: Instant,
  alongside?: (items: readonly SyncItem[]) => Promise<unknown>,
): Promise<SyncItem[]> {
  const tx = Dexie.currentTransaction;
  if (tx === null || tx.mode !== 'readwrite' || !LOG_TABLES.every((t) => tx.storeNames.includes(t))) {
    throw new Error('appendItem runs inside runWrite (a rw transaction over items, outbox and meta)');
  }
  if (inputs.length === 0) return [];
  const attempt = attempts.get(tx);
  const guess = attempt?.trustKnownLog === true ? knownLog.get(db) : undefined;
  if (attempt !== undefined && guess !== undefined) attempt.usedKnownLog = true;
  const state = guess ?? (await logState(db));
  // The writes below must join the action's transaction, not start their own.
  if (Dexie.currentTransaction !== tx) throw new Error('appendItems lost the write transaction after reading the log state');
  const { items, next } = numbered(state, inputs, now);
  // SY50: an item the server would reject for its content is never stored; the action aborts
  // with the server's reasons as field errors, and nothing of it lands.
  for (const item of items) {
    const errors = itemFieldErrors(item);
    if (errors !== undefined) throw new StoreFailure(invalid(errors));
  }
  // With a guess, the stored state is read first (requests run in order) to check it.
  const check =
    guess === undefined
      ? undefined
      : db.meta.get(LOG_KEY).then((row) => {
          if (!sameLog(row?.value as LogState | undefined, guess)) throw new StaleLogError('another tab wrote to the log');
        });
  await Promise.all([check, db.items.bulkAdd(items), db.outbox.bulkAdd(items), db.meta.put({ key: LOG_KEY, value: next }), alongside?.(items)]);
  knownLog.set(db, next);
  return items;
}

export function appendItems(
  db: FairCaseDb,
  inputs: readonly (ItemInput | StampedItemInput)[],
  now: Instant,
  alongside?: (items: readonly SyncItem[]) => Promise<unknown>,
): Promise<SyncItem[]> {
  return inWrite(() => appendItemsNow(db, inputs, now, alongside));
}

/** A case event as recorded under this stamp: with the clock note when the stamp has one (SY16). */
export const noted = <E extends object>(event: E, stamp: ItemStamp): E =>
  stamp.clockOffsetMs === undefined ? event : { ...event, clockOffsetMs: stamp.clockOffsetMs };

/**
 * SY10: the receive rule of the hybrid logical clock, for stamps this device has just seen (a
 * pulled page, an imported bundle, a phone's filing time), so that whatever it records next is
 * stamped after them on every device. Inside the write that applies what was received (the log
 * state is in `meta`), and the remembered log state follows, so the next save needs no re-read.
 */
export function receiveStamps(db: FairCaseDb, remote: readonly Hlc[], now: Instant): Promise<LogState> {
  return inWrite(async () => {
    const state = await logState(db);
    const hlc = receiveAll(state.hlc, remote, instantToMs(now), state.deviceId);
    if (hlc === state.hlc || hlc === undefined) return state;
    return putLog(db, { ...state, hlc });
  });
}

/**
 * SY16: the offset measured at a sync, kept in the log state while it is beyond DL9 (removed
 * once the clock is right again), so every case event recorded meanwhile carries it.
 */
export function noteClockOffset(db: FairCaseDb, offsetMs: number): Promise<LogState> {
  return inWrite(async () => {
    const state = await logState(db);
    const keep = offsetWorthNoting(offsetMs) ? offsetMs : undefined;
    if (keep === state.clockOffsetMs) return state;
    const { clockOffsetMs: _dropped, ...rest } = state;
    return putLog(db, keep === undefined ? rest : { ...rest, clockOffsetMs: keep });
  });
}

async function putLog(db: FairCaseDb, next: LogState): Promise<LogState> {
  await db.meta.put({ key: LOG_KEY, value: next });
  // A failed transaction forgets it again (runWrite's catch).
  knownLog.set(db, next);
  return next;
}

/**
 * Runs an async step of a write so that the caller can go on writing after awaiting it. Under
 * native async/await, Dexie keeps the transaction's zone across an `await` of its own promises,
 * but not always across the native promise of a nested async function that wrote: the next
 * request then starts outside the action (fake-indexeddb reports PrematureCommitError, after
 * the action's earlier writes committed). Every exported in-transaction helper returns its
 * result through here, as a Dexie promise.
 */
export function inWrite<T>(step: () => Promise<T>): Promise<T> {
  return Dexie.Promise.resolve(step()) as unknown as Promise<T>;
}
