/**
 * Store test fixtures: a fresh fake-indexeddb database per test, a clock, and valid inputs.
 * fake-indexeddb is handed to Dexie's constructor: a global installed by `fake-indexeddb/auto`
 * would come too late for Dexie when a test imports the store before this file.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { usccCheckChar } from '../../src/domain/validators/uscc';
import { addMinutes } from '../../src/domain/time';
import type { Instant } from '../../src/domain/time';
import { closeDb, setDbName } from '../../src/store/db';
import type { NewFairInput } from '../../src/store/fairs';
import type { ExhibitorFields } from '../../src/store/exhibitors';

let dbCounter = 0;

/** A new, empty database for this test (names never repeat within a run). */
export function freshDb(label = 'test'): string {
  dbCounter += 1;
  const name = `faircase-${label}-${process.pid}-${dbCounter}-${Math.random().toString(36).slice(2)}`;
  setDbName(name, { indexedDB, IDBKeyRange });
  return name;
}

export const resetDb = (): void => closeDb();

/** A clock that moves one minute per call, from the fair's first morning. */
export function clock(start = '2025-04-15T01:00:00.000Z'): () => Instant {
  let t = start as Instant;
  return () => {
    const now = t;
    t = addMinutes(t, 1);
    return now;
  };
}

export const fairInput = (over: Partial<NewFairInput> = {}): NewFairInput => ({
  code: 'CF137',
  nameZh: '第137届广交会',
  nameEn: 'Canton Fair 137',
  sessionNo: 137,
  days: [
    { date: '2025-04-15', opensAt: '09:00', closesAt: '17:00' },
    { date: '2025-04-16', opensAt: '09:00', closesAt: '17:00' },
  ],
  ...over,
});

/** A valid USCC whose body ends with `n` (GB 32100-2015 check char computed). */
export function uscc(n: number): string {
  const body = `91350100M${String(n).padStart(8, '0')}`;
  return body + usccCheckChar(body);
}

export const exhibitorInput = (n: number, over: Partial<ExhibitorFields> = {}): ExhibitorFields => ({
  nameZh: `参展商${n}号`,
  nameEn: `Exhibitor ${n}`,
  country: 'CN',
  uscc: uscc(n),
  booths: [{ hall: '1.1', stand: `A${String(n).padStart(2, '0')}` }],
  contacts: [],
  ...over,
});
