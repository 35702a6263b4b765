/**
 * Storage failures come back as typed results: quota exceeded (also wrapped in
 * Dexie's AbortError), upgrade blocked by another tab, a connection closed (reopen, retry once),
 * a database upgraded under us by another tab.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Dexie } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { FairCaseDb, LATEST_VERSION, closeDb, getDb, setDbName } from '../../src/store/db';
import { createFair, listFairs } from '../../src/store/fairs';
import { toStorageError } from '../../src/store/result';
import { runWrite } from '../../src/store/transaction';
import { clock, fairInput, freshDb, resetDb } from './fixtures';

let name = '';
beforeEach(() => {
  name = freshDb('errors');
});
afterEach(resetDb);

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('toStorageError', () => {
  test('maps every shape of a quota failure to quota-exceeded', () => {
    expect(toStorageError(quota()).kind).toBe('quota-exceeded');
    expect(toStorageError(new Dexie.QuotaExceededError('full')).kind).toBe('quota-exceeded');
    // A transaction that aborts on commit: Dexie's AbortError with the DOMException inside.
    expect(toStorageError(new Dexie.AbortError('Transaction aborted', quota())).kind).toBe('quota-exceeded');
    expect(toStorageError(new Dexie.BulkError('bulk', [quota()])).kind).toBe('quota-exceeded');
  });

  test('maps closed connections, version changes and the rest', () => {
    expect(toStorageError(new Dexie.DatabaseClosedError()).kind).toBe('connection-closed');
    expect(toStorageError(new DOMException('closing', 'InvalidStateError')).kind).toBe('connection-closed');
    expect(toStorageError(new DOMException('newer', 'VersionError')).kind).toBe('version-conflict');
    const other = toStorageError(new Dexie.ConstraintError('key exists'));
    expect(other.kind).toBe('unknown');
    expect(other.detail).toContain('ConstraintError');
    expect(toStorageError('a string').kind).toBe('unknown');
  });
});

describe('quota exceeded inside a write', () => {
  test('a real QuotaExceededError DOMException thrown in the transaction maps to quota-exceeded and loses nothing stored', async () => {
    const now = clock();
    expect((await createFair(fairInput({ code: 'KEEP1' }), now())).ok).toBe(true);
    const db = getDb();
    const full = (): void => {
      throw quota();
    };
    db.items.hook('creating', full);
    const r = await createFair(fairInput({ code: 'FULL2' }), now());
    db.items.hook('creating').unsubscribe(full);
    expect(r.ok ? undefined : r.error.kind).toBe('quota-exceeded');
    expect((await listFairs()).map((f) => f.code)).toEqual(['KEEP1']);
    expect(await db.items.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('connection closed', () => {
  test('db.close() then a write: reopens and succeeds', async () => {
    const now = clock();
    await createFair(fairInput({ code: 'A1' }), now());
    getDb().close();
    const r = await createFair(fairInput({ code: 'B2' }), now());
    expect(r.ok).toBe(true);
    expect((await listFairs()).map((f) => f.code).sort()).toEqual(['A1', 'B2']);
  });

  // IndexedDB lets a running transaction finish after close(); what fails is the next call on
  // the connection (here one outside the transaction), with Dexie's DatabaseClosedError.
  const closeUnder = async (db: FairCaseDb): Promise<void> => {
    db.close();
    await Dexie.ignoreTransaction(() => db.meta.get('probe'));
  };

  test('a connection closed during the write is reopened and the action retried once', async () => {
    let attempts = 0;
    const r = await runWrite(['fairs'], async (db) => {
      attempts += 1;
      if (attempts === 1) await closeUnder(db);
      await db.meta.put({ key: 'probe', value: attempts });
      return attempts;
    });
    expect(r).toEqual({ ok: true, value: 2 });
    expect((await getDb().meta.get('probe'))?.value).toBe(2);
  });

  test('closed again on the retry: connection-closed, not a loop', async () => {
    let attempts = 0;
    const r = await runWrite(['fairs'], async (db) => {
      attempts += 1;
      await closeUnder(db);
      await db.meta.put({ key: 'probe', value: attempts });
    });
    expect(attempts).toBe(2);
    expect(r.ok ? undefined : r.error.kind).toBe('connection-closed');
  });
});

describe('another tab', () => {
  test('an upgrade blocked by a tab holding the old version comes back as upgrade-blocked, then proceeds', async () => {
    // The "other tab": a connection at an older native version that ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const r = await createFair(fairInput(), clock()());
    expect(r.ok ? undefined : r.error.kind).toBe('upgrade-blocked');
    // Still blocked: the next write answers at once instead of hanging.
    const again = await createFair(fairInput(), clock()());
    expect(again.ok ? undefined : again.error.kind).toBe('upgrade-blocked');
    // The other tab closes: the pending upgrade finishes and writes work.
    old.close();
    await getDb().open();
    const after = await createFair(fairInput(), clock()());
    expect(after.ok).toBe(true);
    expect(getDb().verno).toBe(LATEST_VERSION);
  });

  test('a newer version opened by another tab: this (outdated) tab answers version-conflict', async () => {
    await createFair(fairInput({ code: 'A1' }), clock()());
    const newer = new FairCaseDb(name, { indexedDB, IDBKeyRange });
    newer.version(LATEST_VERSION + 1).stores({ meta: 'key' });
    await newer.open(); // fires versionchange on ours, which closes to let it upgrade
    const r = await createFair(fairInput({ code: 'B2' }), clock()());
    expect(r.ok ? undefined : r.error.kind).toBe('version-conflict');
    newer.close();
    closeDb();
    setDbName(name, { indexedDB, IDBKeyRange });
  });
});
