import type { Instant } from '../domain/time';
import type { DeviceEnrolled } from '../domain/wire/accounts';
import { getDb } from './db';
import type { FairCaseDb } from './db';
import { noteClockOffset } from './local-log';
import type { StoreResult } from './result';
import { inWrite, runWrite } from './transaction';

/**
 * What sync remembers on the tablet, in the store's `meta` table: the server's credentials for
 * this device, the pull cursor and the epoch it belongs to, the last success and error, the
 * items the server refused or set aside (shown on the sync screen), the clock offset (SY13, DL9).
 */
export interface SyncCredentials {
  readonly baseUrl: string;
  readonly token: string;
  readonly deviceId: string;
  readonly deviceCode: string;
  readonly fairId: string;
}

export interface ItemProblem {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly status: 'conflict' | 'rejected';
  readonly code?: string;
  readonly at: Instant;
}

/**
 * SY13: the tablet's clock against the server's, measured at every sync answer that says the
 * server's time: NTP-style, the answer's time taken as halfway between sending and receiving.
 */
export interface ClockReading {
  /** Positive: this tablet's clock is ahead of the server's; negative: behind (slow). */
  readonly offsetMs: number;
  /** Its uncertainty is at most half of this. */
  readonly roundTripMs: number;
  /** When it was measured, by this tablet's clock. */
  readonly at: Instant;
}

export interface SyncState {
  /** Server sequence of the last applied pull page. */
  readonly cursor: number;
  /** The server's epoch the cursor belongs to. */
  readonly epoch?: string;
  readonly lastSuccessAt?: Instant;
  readonly lastError?: { readonly code: string; readonly at: Instant };
  /** Set when the server answered `client-too-old`: sync waits for the app to update. */
  readonly updateRequired?: boolean;
  /** Set when the server refused this device's token: it needs to be enrolled again. */
  readonly refused?: string;
  readonly problems: readonly ItemProblem[];
  /** The tablet's clock against the server's at the last answer that said its time (SY13; DL9 warns over 2 min). */
  readonly clock?: ClockReading;
}

export const SYNC_KEY = 'sync';
export const CREDENTIALS_KEY = 'sync.credentials';
/** The sync screen shows the latest problems; older ones stay on the server. */
export const MAX_PROBLEMS = 200;
export const EMPTY_SYNC_STATE: SyncState = { cursor: 0, problems: [] };

/** Inside a transaction over `meta` (or alone): the stored state. */
export async function syncStateIn(db: FairCaseDb): Promise<SyncState> {
  return ((await db.meta.get(SYNC_KEY))?.value as SyncState | undefined) ?? EMPTY_SYNC_STATE;
}

export const readSyncState = (): Promise<SyncState> => syncStateIn(getDb());

/** Inside a transaction over `meta`: merges `change` into the stored state. */
export async function updateSyncState(db: FairCaseDb, change: (s: SyncState) => SyncState): Promise<SyncState> {
  const next = change(await syncStateIn(db));
  await db.meta.put({ key: SYNC_KEY, value: next });
  return next;
}

export const changeSyncState = (change: (s: SyncState) => SyncState): Promise<StoreResult<SyncState>> =>
  runWrite(['meta'], (db) => updateSyncState(db, change), { log: false });

export async function loadCredentials(): Promise<SyncCredentials | undefined> {
  return (await getDb().meta.get(CREDENTIALS_KEY))?.value as SyncCredentials | undefined;
}

/** After enrolment: keeps the token and the device's code for this fair. */
export const saveCredentials = (baseUrl: string, enrolled: DeviceEnrolled): Promise<StoreResult<SyncCredentials>> =>
  runWrite(
    ['meta'],
    async (db) => {
      const value: SyncCredentials = { baseUrl, token: enrolled.token, deviceId: enrolled.deviceId, deviceCode: enrolled.deviceCode, fairId: enrolled.fairId };
      await db.meta.put({ key: CREDENTIALS_KEY, value });
      return value;
    },
    { log: false },
  );

/**
 * Inside a sync transaction over `meta`: the reading goes into the sync state (the sync screen,
 * the next push's report, SY14) and into the log state, whose next case events carry it while
 * it is beyond DL9 (SY16).
 */
export function keepReading(db: FairCaseDb, reading: ClockReading | undefined): Promise<void> {
  return inWrite(async () => {
    if (reading === undefined) return;
    await updateSyncState(db, (s) => ({ ...s, clock: reading }));
    await noteClockOffset(db, reading.offsetMs);
  });
}
