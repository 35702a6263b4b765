import { Dexie } from 'dexie';
import { offsetWorthNoting, receiveAll, tickHlc } from '../domain/hlc';
import { instantToMs } from '../domain/time';
import type { DeviceId, EventId, FairId } from '../domain/ids';
import type { Hlc } from '../domain/hlc';
import type { RecordKind, SyncItem } from '../domain/sync-item';
import type { Instant } from '../domain/time';
import { itemFieldErrors } from '../domain/wire/item-verdict';
import type { FairCaseDb } from './db';
import { newId } from './ids';
import { StoreFailure, invalid } from './result';
import type { StoreResult } from './result';
import { LOG_TABLES, attempts, inWrite, knownLog, runWrite } from './transaction';

/**
 * The local log: every item this device records gets the next gap-free seq and the next HLC of
 * this device, numbered inside the action's own transaction (runWrite, transaction.ts).
 */

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


/** The log state in its own transaction (a fresh device gets its id here): the device's identity. */
export const loadLogState = (): Promise<StoreResult<LogState>> => runWrite(['meta'], (db) => logState(db), { log: false });
