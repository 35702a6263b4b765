import type { Instant } from '../domain/time';
import type { DeviceEnrolled } from '../domain/wire/accounts';
import { adoptDeviceCode, ALL_APPLIERS, changeSyncState, loadCredentials, loadLogState, saveCredentials, type SyncCredentials } from '../store';
import { deviceKeyPair, signEnrolment } from './device-key';
import { pullPages, type PullApplier, type PullSummary } from './pull-pages';
import { firstSync, type SyncProgress } from './first-sync';
import { pushOutbox, statusReport, SyncStopped, type BlobSource, type PushSummary } from './push-outbox';
import { reportCodes } from './report-codes';
import { relayHeld, type RelaySummary } from './relay-held';
import { startScheduler, type Scheduler } from './scheduler';
import { httpTransport, redeemEnrolment, TransportError, type FetchLike, type SyncTransport } from './transport';

/**
 * The tablet's side of sync (SY6, SY40): enrol once, then push the outbox and pull the
 * other devices' items, whenever the scheduler says so.
 */
export interface SyncDeps {
  readonly now: () => Instant;
  readonly transport?: SyncTransport;
  readonly fetch?: FetchLike;
  /** Default: every kind (`ALL_APPLIERS`). */
  readonly appliers?: readonly PullApplier[];
  readonly blobs?: BlobSource;
  /** CO11: the app's build version, reported with each push for the organizer's tablets table. */
  readonly appVersion?: string;
  /** SY87: how far a new tablet's first sync is. */
  readonly onProgress?: (p: SyncProgress) => void;
  /** SY87: take the fair's snapshot before the first pull (the app does; off, the pull replays every version and SY39 holds them all). */
  readonly firstSync?: boolean;
}

export interface SyncRun {
  readonly push: PushSummary;
  readonly pull: PullSummary;
  readonly relay: RelaySummary;
}

/**
 * Redeems a scanned code for this device (the local log's device id), with the proof that the
 * tablet is that device (SY41), and keeps the credentials.
 */
export async function enrolThisDevice(baseUrl: string, code: string, deviceName: string, deviceCode?: string, fetchImpl?: FetchLike): Promise<DeviceEnrolled> {
  const state = await loadLogState();
  if (!state.ok) throw new TransportError(`STORE_${state.error.kind.toUpperCase()}`, true);
  const { deviceId } = state.value;
  const keys = await deviceKeyPair(deviceId);
  if (!keys.ok) throw new TransportError(`STORE_${keys.error.kind.toUpperCase()}`, true);
  const proof = await signEnrolment(keys.value, code, deviceId);
  const enrolled = await redeemEnrolment(baseUrl, { code, deviceName, deviceId, proof, ...(deviceCode === undefined ? {} : { deviceCode }) }, fetchImpl);
  // SY45: credentials for another id would send this log's items under someone else's identity.
  if (enrolled.deviceId !== deviceId) throw new TransportError('DEVICE_MISMATCH', false);
  const saved = await saveCredentials(baseUrl, enrolled);
  if (!saved.ok) throw new TransportError(`STORE_${saved.error.kind.toUpperCase()}`, true);
  // SY33: after a restore the server may give another code than the one this tablet numbered with.
  const adopted = await adoptDeviceCode(enrolled.deviceCode);
  if (!adopted.ok) throw new TransportError(`STORE_${adopted.error.kind.toUpperCase()}`, true);
  return enrolled;
}

/** One push-then-pull run; records success or the error code in the sync state. */
export async function syncOnce(deps: SyncDeps, credentials?: SyncCredentials): Promise<SyncRun> {
  const creds = credentials ?? (await loadCredentials());
  if (creds === undefined) throw new SyncStopped('NOT_ENROLLED');
  const transport = deps.transport ?? httpTransport({ baseUrl: creds.baseUrl, token: creds.token, ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }) });
  try {
    const pushDeps = {
      transport, credentials: creds, now: deps.now,
      ...(deps.blobs === undefined ? {} : { blobs: deps.blobs }),
      ...(deps.appVersion === undefined ? {} : { appVersion: deps.appVersion }),
    };
    let push = await pushOutbox(pushDeps);
    const appliers = deps.appliers ?? ALL_APPLIERS;
    // SY87: a new tablet starts from the fair's snapshot, then pulls what came after it.
    if (deps.firstSync === true) await firstSync({ transport, credentials: creds, appliers, now: deps.now, ...(deps.onProgress === undefined ? {} : { onProgress: deps.onProgress }) });
    const pull = await pullPages({ transport, credentials: creds, appliers, now: deps.now });
    if (pull.epochChanged) {
      // A restored server: everything this tablet holds went back into the outbox; send it now.
      const again = await pushOutbox(pushDeps);
      push = { pushed: push.pushed + again.pushed, acknowledged: push.acknowledged + again.acknowledged, requeued: push.requeued + again.requeued, missingBlobs: push.missingBlobs + again.missingBlobs };
    }
    // SY64: a run that pushed nothing still tells the organizer's console how this tablet is.
    await reportCodes(transport, creds, push.pushed === 0 && deps.appVersion !== undefined ? await statusReport(deps.appVersion) : undefined);
    // SY39: then the other devices' items the restored server lost, while any wait.
    const relay = await relayHeld(pushDeps);
    await changeSyncState((s) => ({ ...s, lastSuccessAt: deps.now(), lastError: undefined }));
    return { push, pull, relay };
  } catch (e) {
    const code = e instanceof TransportError || e instanceof SyncStopped ? e.code : 'UNKNOWN';
    await changeSyncState((s) => ({ ...s, lastError: { code, at: deps.now() } }));
    throw e;
  }
}

/** Starts syncing in the app: on `online`, on `visibilitychange` and every minute, with backoff. */
export function startSync(deps: SyncDeps & { readonly network?: EventTarget; readonly page?: EventTarget; readonly isVisible?: () => boolean }): Scheduler {
  return startScheduler({
    run: async () => {
      await syncOnce(deps);
    },
    retryable: (e) => !(e instanceof SyncStopped) && !(e instanceof TransportError && !e.retryable),
    ...(deps.network === undefined ? {} : { network: deps.network }),
    ...(deps.page === undefined ? {} : { page: deps.page }),
    ...(deps.isVisible === undefined ? {} : { isVisible: deps.isVisible }),
  });
}
