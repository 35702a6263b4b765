import type { SyncItem } from '../domain/sync-item';
import type { Instant } from '../domain/time';
import { PROTOCOL_VERSION, type PushAccepted, type TabletStatusReport } from '../domain/wire/protocol';
import { acknowledgePush, changeSyncState, outboxBatch, readSyncState, unsyncedCount, type ItemProblem, type SyncCredentials } from '../store';
import { readingOf, timed, type ClockReading } from './clock-offset';
import { TransportError, type SyncTransport } from './transport';

/** Where evidence files come from when the server asks for them (the store's blob table). */
export type BlobSource = (sha256: string) => Promise<{ readonly data: Uint8Array; readonly mime: string } | undefined>;

export interface PushDeps {
  readonly transport: SyncTransport;
  readonly credentials: SyncCredentials;
  readonly now: () => Instant;
  readonly blobs?: BlobSource;
  /** P4 measures batches of 500. */
  readonly batchSize?: number;
  /** CO11: with it, each push says the app version, the outbox count and the last error. */
  readonly appVersion?: string;
}

export interface PushSummary {
  readonly pushed: number;
  readonly acknowledged: number;
  readonly requeued: number;
  readonly missingBlobs: number;
}

/** Stops the sync run: a person must act (update the app, enrol again). */
export class SyncStopped extends Error {
  override readonly name = 'SyncStopped';
  constructor(readonly code: string) {
    super(code);
  }
}

/** What a push says of the tablet itself, beside its items. */
export interface StatusReport {
  readonly clock?: { readonly offsetMs: number };
  readonly status?: TabletStatusReport;
}

/**
 * SY14: the clock offset as last measured; CO11 (with the app's version): the version, the items
 * waiting now and the last sync error, for the organizer's tablets table.
 */
export async function statusReport(appVersion: string | undefined): Promise<StatusReport> {
  const syncState = await readSyncState();
  const measured = syncState.clock;
  return {
    ...(measured === undefined ? {} : { clock: { offsetMs: measured.offsetMs } }),
    ...(appVersion === undefined ? {} : { status: { appVersion, outboxCount: await unsyncedCount(), lastError: syncState.lastError?.code ?? null } }),
  };
}

/**
 * Pushes the outbox in seq order, batch after batch, until it is empty (SY2, SY4).
 * - applied / duplicate: the server has it; the outbox row goes (the local log keeps it).
 * - conflict / rejected: acknowledged too, so one bad item never blocks the queue, and kept in
 *   the sync state for the sync screen.
 * - a gap: the server expects an earlier seq than our outbox starts with (a database restored
 *   from a backup): the items from `expectedSeq` on go back into the outbox from the local log.
 * Network failures throw `TransportError` (the scheduler retries with backoff); nothing is
 * removed from the outbox until an answer names it.
 */
export async function pushOutbox(deps: PushDeps): Promise<PushSummary> {
  const size = deps.batchSize ?? 500;
  let pushed = 0;
  let acknowledgedCount = 0;
  let requeued = 0;
  let missing = 0;
  for (let round = 0; round < 10_000; round++) {
    const batch = await outboxBatch(size);
    if (batch.length === 0) break;
    const report = await statusReport(deps.appVersion);
    const { reply, sent, received } = await timed(deps.now, () =>
      deps.transport.push({
        type: 'push',
        protocolVersion: PROTOCOL_VERSION,
        deviceId: batch[0]!.deviceId,
        fairId: deps.credentials.fairId,
        items: batch,
        ...report,
      } as Parameters<SyncTransport['push']>[0]),
    );
    if (reply.type === 'client-too-old') {
      await changeSyncState((s) => ({ ...s, updateRequired: true }));
      throw new SyncStopped('CLIENT_TOO_OLD');
    }
    if (reply.type === 'server-too-old') throw new TransportError('SERVER_TOO_OLD', true);
    if (reply.type === 'error') {
      if (['TOKEN_REVOKED', 'DEVICE_REVOKED', 'UNAUTHENTICATED', 'DEVICE_MISMATCH', 'FAIR_MISMATCH'].includes(reply.code)) {
        await changeSyncState((s) => ({ ...s, refused: reply.code }));
        throw new SyncStopped(reply.code);
      }
      throw new TransportError(reply.code, false);
    }
    pushed += batch.length;
    // The files the server lacks go up BEFORE their items leave the outbox: if an upload fails
    // (retryable), nothing is freed and the next push names the file again (SY4).
    // Freed first, an item whose upload failed was never sent again, and the server never got
    // its file (found by the fault run, test/proof). A file the server refuses for good is
    // settled as before, so it never blocks the queue, and reported.
    let refusedUpload: unknown;
    if (deps.blobs !== undefined) {
      try {
        missing += await uploadMissing(deps.transport, deps.blobs, reply.missingBlobs);
      } catch (e) {
        if (!(e instanceof TransportError) || e.retryable) throw e;
        refusedUpload = e;
      }
    }
    const settled = await settle(batch, reply, deps.now(), readingOf(sent, received, reply.serverTime));
    acknowledgedCount += settled.acknowledged;
    requeued += settled.requeued;
    if (refusedUpload !== undefined) throw refusedUpload;
    // No progress (every item skipped and nothing to send again): stop rather than spin.
    if (settled.acknowledged === 0 && settled.requeued === 0) break;
  }
  return { pushed, acknowledged: acknowledgedCount, requeued, missingBlobs: missing };
}

async function settle(batch: readonly SyncItem[], reply: PushAccepted, now: Instant, reading: ClockReading | undefined): Promise<{ acknowledged: number; requeued: number }> {
  const byId = new Map(batch.map((i) => [i.id, i]));
  const done = reply.results.filter((r) => r.status !== 'skipped').map((r) => r.id);
  const problems: ItemProblem[] = [];
  for (const r of reply.results) {
    if (r.status !== 'conflict' && r.status !== 'rejected') continue;
    const item = byId.get(r.id);
    problems.push({ id: r.id, seq: item?.seq ?? 0, kind: item?.kind ?? '', status: r.status, ...(r.status === 'rejected' ? { code: r.code } : {}), at: now });
  }
  const firstSeq = Math.min(...batch.map((i) => i.seq));
  // SY7: the server lost what it had acknowledged (restored from a backup): send it again.
  const lost = reply.gap && reply.expectedSeq < firstSeq;
  const outcome = await acknowledgePush({ done, problems, reading, ...(lost ? { requeue: { from: reply.expectedSeq, to: firstSeq } } : {}) });
  if (!outcome.ok) throw new TransportError(`STORE_${outcome.error.kind.toUpperCase()}`, true);
  return { acknowledged: done.length, requeued: outcome.value };
}

/** Evidence files the server still lacks. A tablet frees a file only once the server verified it. */
async function uploadMissing(transport: SyncTransport, blobs: BlobSource, shas: readonly string[]): Promise<number> {
  let uploaded = 0;
  for (const sha of shas) {
    const blob = await blobs(sha);
    if (blob === undefined) continue;
    await transport.putBlob(sha, blob.data, blob.mime);
    uploaded++;
  }
  return uploaded;
}
