import { createSignal } from 'solid-js';
import { getBlob } from '../../store/evidence';
import { enrolThisDevice, syncOnce, type SyncRun } from '../../sync/http-sync';
import { ALL_APPLIERS } from '../../store/appliers';
import { SyncStopped, type BlobSource } from '../../sync/push-outbox';
import { startScheduler, type Scheduler } from '../../sync/scheduler';
import { TransportError } from '../../sync/transport';
import { loadCredentials } from '../../store/sync-state';
import { nowInstant } from '../lib/clock';
import { setFirstSyncProgress } from './first-sync-progress';

/**
 * The app's one sync loop (`src/sync/README.md`): started when this tablet holds credentials, run
 * on `online` (window), on `visibilitychange` (document) and on the scheduler's timer, with
 * backoff. The sync screen's "sync now" and a fresh enrolment go through here too, so two loops
 * never run.
 */

/** Evidence files the server asks for: from the store's blob table (sent before being freed). */
const blobs: BlobSource = async (sha) => {
  const blob = await getBlob(sha);
  return blob === undefined ? undefined : { data: new Uint8Array(await blob.arrayBuffer()), mime: blob.type || 'application/octet-stream' };
};

const deps = { now: nowInstant, appliers: ALL_APPLIERS, blobs, appVersion: __APP_VERSION__, onProgress: setFirstSyncProgress, firstSync: true } as const;

const [running, setRunning] = createSignal(false);
const [lastRun, setLastRun] = createSignal<SyncRun>();
/** Set when a run saw the server's epoch change (restored from a backup), until the next run. */
export { running as syncRunning, lastRun as lastSyncRun };

let scheduler: Scheduler | undefined;

/** Starts the loop if this tablet is enrolled (app start, after enrolment). */
export async function startSyncLoop(): Promise<boolean> {
  if (scheduler !== undefined) return true;
  if ((await loadCredentials()) === undefined) return false;
  // As `startSync`, with each run's summary kept for the screen (an epoch change, the counts).
  scheduler = startScheduler({
    run: async () => {
      setRunning(true);
      try {
        setLastRun(await syncOnce(deps));
      } finally {
        setRunning(false);
      }
    },
    retryable: (e) => !(e instanceof SyncStopped) && !(e instanceof TransportError && !e.retryable),
    network: window,
    page: document,
    isVisible: () => document.visibilityState === 'visible',
  });
  return true;
}

export function stopSyncLoop(): void {
  scheduler?.stop();
  scheduler = undefined;
}

/**
 * One run now, awaited (the "sync now" button). Errors are recorded in the sync state by
 * `syncOnce` (the screen shows them in the user's language); the loop's timer goes on.
 */
export async function syncNow(): Promise<SyncRun | undefined> {
  if (running()) return undefined;
  setRunning(true);
  try {
    if (!(await startSyncLoop())) return undefined;
    const run = await syncOnce(deps);
    setLastRun(run);
    return run;
  } catch {
    return undefined;
  } finally {
    setRunning(false);
  }
}

/** Enrols this tablet with a one-time code and starts syncing. Throws TransportError codes. */
export async function enrol(baseUrl: string, code: string, deviceName: string, deviceCode?: string): Promise<string> {
  stopSyncLoop();
  const enrolled = await enrolThisDevice(baseUrl, code.trim(), deviceName, deviceCode);
  await startSyncLoop();
  return enrolled.deviceCode;
}
