import { instantFromMs } from '../domain/time';
import type { Instant } from '../domain/time';
import { getDb } from './db';
import type { FairCaseDb } from './db';

/**
 * Persistent storage: without it the browser may evict the tablet's unsynced complaints under
 * storage pressure. We ask once, on the first save (runWrite's `now`, transaction.ts), and remember the answer in
 * `meta`; the storage screen shows it and can ask again.
 */

export interface PersistenceRecord {
  readonly askedAt: Instant;
  readonly granted: boolean;
  /** False where the browser has no `navigator.storage.persist` (Node tests, old WebViews). */
  readonly supported: boolean;
}

export interface StorageStatus {
  /** Bytes used by this origin (0 where the browser cannot tell). */
  readonly usage: number;
  /** Bytes this origin may use (0 where the browser cannot tell). */
  readonly quota: number;
  readonly persisted: boolean;
  /** Whether the browser exposes the Storage API at all. */
  readonly supported: boolean;
  /** When we asked for persistence, and the answer then; undefined before the first save. */
  readonly asked?: PersistenceRecord;
}

const PERSISTENCE_KEY = 'persistence';
const askedIn = new WeakSet<FairCaseDb>();

const storageManager = (): StorageManager | undefined =>
  typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined);

async function ask(db: FairCaseDb, now: Instant): Promise<PersistenceRecord> {
  const storage = storageManager();
  let granted = false;
  const supported = typeof storage?.persist === 'function';
  if (supported) {
    try {
      granted = await storage.persist();
    } catch {
      granted = false;
    }
  }
  const record: PersistenceRecord = { askedAt: now, granted, supported };
  await db.meta.put({ key: PERSISTENCE_KEY, value: record });
  return record;
}

/** After a successful save: asks for persistence if this device never asked. Never fails the save. */
export async function rememberPersistence(db: FairCaseDb, now: Instant): Promise<void> {
  if (askedIn.has(db)) return;
  askedIn.add(db);
  try {
    if ((await db.meta.get(PERSISTENCE_KEY)) === undefined) await ask(db, now);
  } catch {
    // The next session asks again; the save itself has already committed.
    askedIn.delete(db);
  }
}

/** The storage screen's button: asks again (the browser may grant it now) and records the answer. */
export async function requestPersistence(now?: Instant): Promise<boolean> {
  const db = getDb();
  askedIn.add(db);
  return (await ask(db, now ?? instantFromMs(Date.now()))).granted;
}

export async function storageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  const row = await getDb().meta.get(PERSISTENCE_KEY);
  const asked = row?.value as PersistenceRecord | undefined;
  const base = asked === undefined ? {} : { asked };
  if (storage === undefined) return { usage: 0, quota: 0, persisted: false, supported: false, ...base };
  const [estimate, persisted] = await Promise.all([
    typeof storage.estimate === 'function' ? storage.estimate() : Promise.resolve<StorageEstimate>({}),
    typeof storage.persisted === 'function' ? storage.persisted() : Promise.resolve(false),
  ]);
  return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted, supported: true, ...base };
}
