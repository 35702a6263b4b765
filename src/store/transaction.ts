import { Dexie } from 'dexie';
import type { Transaction } from 'dexie';
import { err, ok } from '../domain/result';
import type { Instant } from '../domain/time';
import { ready } from './connection';
import { getDb, getRelaxedDb } from './db';
import type { FairCaseDb, TableName } from './db';
import type { LogState } from './local-log';
import { rememberPersistence } from './persistence';
import { StoreFailure, isClosedConnection, storageError, toStorageError } from './result';
import type { StoreResult } from './result';

/**
 * The one way to write: a user action is ONE read-write transaction (durability 'strict', set
 * on the database) that writes the record, its item and the outbox row together, so a crash
 * or a full disk leaves either all of them or none (README.md: one action, one transaction).
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

/**
 * The log state after this connection's last write, so the next write can number its items
 * without first waiting for a read (one round trip less on every save, P1). It is only a guess:
 * the stored state is read in the same transaction, before the writes, and if another tab (or a
 * concurrent write of this page) wrote in between — a different stored state, or the unique
 * `seq` index refusing a number — the transaction aborts and runWrite retries once from the
 * stored state. Items are therefore never numbered twice nor with a gap.
 */
export const knownLog = new WeakMap<FairCaseDb, LogState>();

/** One try of one runWrite, found from inside the transaction (concurrent writes share the db). */
export interface Attempt {
  readonly trustKnownLog: boolean;
  usedKnownLog: boolean;
}
export const attempts = new WeakMap<Transaction, Attempt>();

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
